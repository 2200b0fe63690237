package org.gramian.io.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gramian.GramianException;

/** What every fuzz target asserts about a refusal, and a scratch file for targets that read files. */
final class FuzzChecks {
    private FuzzChecks() {
    }

    /**
     * A refusal is a {@link GramianException} (anything else propagates and is a finding) whose
     * message is one line the CLI can print: no line break, no NUL, not empty, at most 2,000 chars.
     */
    static void wellFormed(GramianException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0 || m.indexOf('\0') >= 0
                || m.length() > 2000) {
            throw new AssertionError("not a one-line message: " + m, e);
        }
    }

    /** A file in a folder of its own, created once per JVM and rewritten for every input. */
    static Path scratch(String name) {
        try {
            Path dir = Files.createTempDirectory("gramian-fuzz");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve(name);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path f, byte[] data) {
        try {
            Files.write(f, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
