package org.gramian.cli;

import java.nio.file.Path;
import org.gramian.GramianException;

/** Makes sure the one-line message of a problem with an input file names that file. */
final class InputProblem {
    private InputProblem() {
    }

    /**
     * Returns {@code e} itself when its message already names {@code file} (by the path as given or
     * its file name), otherwise a {@link GramianException} whose message is {@code "<file>: "}
     * followed by the original message.
     */
    static GramianException in(Path file, GramianException e) {
        String msg = String.valueOf(e.getMessage());
        String given = file.toString();
        String name = file.getFileName() == null ? given : file.getFileName().toString();
        if (msg.contains(given) || msg.contains(name)) {
            return e;
        }
        return new GramianException(given + ": " + msg, e);
    }
}
