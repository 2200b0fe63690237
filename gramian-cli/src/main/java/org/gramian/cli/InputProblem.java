package org.gramian.cli;

import java.nio.file.Path;
import org.gramian.GramianException;

/** Makes sure the one-line message of a problem with an input file names that file. */
final class InputProblem {
    private InputProblem() {
    }

    /**
     * Returns {@code e} itself when it already carries a file ({@link GramianException#file()}),
     * otherwise the problem placed in {@code file}.
     */
    static GramianException in(Path file, GramianException e) {
        return e.inFile(file.toString());
    }
}
