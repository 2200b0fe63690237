package org.gramian.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a command's result goes: standard output, or a file that is written completely to a
 * temporary file in the same directory and then renamed over the target, so that a reader never
 * sees a half-written file and a failed run leaves any previous file intact.
 */
final class Output {
    /** Writes the result to a writer; may throw {@link IOException} or a {@code GramianException}. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer w) throws IOException;
    }

    private Output() {
    }

    /**
     * Runs {@code body} against {@code stdout} when {@code file} is null, otherwise against a
     * temporary file that replaces {@code file} atomically when body completes.
     *
     * @throws OutputException when the result cannot be written
     */
    static void write(Path file, PrintWriter stdout, Body body) {
        if (file == null) {
            try {
                body.writeTo(stdout);
            } catch (IOException e) {
                throw new OutputException("cannot write to standard output: " + e.getMessage(), e);
            }
            stdout.flush();
            if (stdout.checkError()) {
                throw new OutputException("cannot write to standard output", null);
            }
            return;
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + describe(e), e);
        }
        boolean done = false;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
            makeReadable(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + describe(e), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
            }
        }
    }

    /** Temporary files are created owner-only; a result file should be readable like any other. */
    private static void makeReadable(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: keep the default permissions
        }
    }

    /** A short reason without the exception's class name (that would look like a crash). */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
