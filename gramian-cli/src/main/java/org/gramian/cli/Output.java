package org.gramian.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.gramian.cli.render.AtomicFiles;

/**
 * Where a command's result goes: standard output, or a file that is written completely to a
 * temporary file in the same directory and then renamed over the target, so that a reader never
 * sees a half-written file and a failed run leaves any previous file intact. The temporary file
 * does not outlive the run either: see {@link AtomicFiles} (signals, kill -9).
 */
final class Output {
    /** Writes the result to a writer; may throw {@link IOException} or a {@code GramianException}. */
    @FunctionalInterface
    interface Body {
        void writeTo(Writer w) throws IOException;
    }

    /**
     * Writes the result as UTF-8 bytes. Each {@code write} call must hold whole UTF-8 sequences
     * (a line, a block of lines): on standard output the bytes of each call are decoded to text for
     * the command's {@link PrintWriter}.
     */
    @FunctionalInterface
    interface ByteBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The message when standard output stops accepting writes, typically a pipe whose reader has gone. */
    static final String STDOUT_FAILED = "cannot write to standard output";

    private Output() {
    }

    /** Standard output stopped accepting writes ({@link PrintWriter#checkError()} turned true). */
    static final class StdoutClosed extends IOException {
        private static final long serialVersionUID = 1L;

        StdoutClosed() {
            super("standard output is closed");
        }
    }

    /**
     * Standard output as a {@link Writer} that turns a failed write into an {@link IOException}.
     * A {@link PrintWriter} swallows write errors (a pipe closed by {@code | head}) and only sets a
     * flag; this writer looks at the flag every {@value #CHECK_CHARS} characters and on every flush,
     * so that a long result stops within that many characters of the failure instead of computing
     * the rest for nobody. It never closes standard output.
     */
    static final class StdoutWriter extends Writer {
        static final int CHECK_CHARS = 1 << 16;
        private final PrintWriter out;
        private int sinceCheck;

        StdoutWriter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            out.write(c);
            wrote(1);
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            out.write(cbuf, off, len);
            wrote(len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            out.write(str, off, len);
            wrote(len);
        }

        private void wrote(int n) throws IOException {
            sinceCheck += n;
            if (sinceCheck >= CHECK_CHARS) {
                check();
            }
        }

        /** Flushes (checkError does) and fails when any write so far has failed. */
        private void check() throws IOException {
            sinceCheck = 0;
            if (out.checkError()) {
                throw new StdoutClosed();
            }
        }

        @Override
        public void flush() throws IOException {
            check();
        }

        @Override
        public void close() throws IOException {
            check();
        }
    }

    /**
     * Runs {@code body} against {@code stdout} when {@code file} is null, otherwise against a
     * temporary file that replaces {@code file} atomically when body completes.
     *
     * @throws OutputException when the result cannot be written
     */
    static void write(Path file, PrintWriter stdout, Body body) {
        write(file, stdout, body, Files::newOutputStream);
    }

    /** Opens the temporary file for writing: {@link Files#newOutputStream}, or a test's faulty stream. */
    @FunctionalInterface
    interface Opener {
        OutputStream open(Path tmp) throws IOException;
    }

    /**
     * {@link #write(Path, PrintWriter, Body)} with the temporary file opened by {@code opener}: how
     * a test makes the disk fill up part-way.
     */
    static void write(Path file, PrintWriter stdout, Body body, Opener opener) {
        if (file == null) {
            try {
                body.writeTo(new StdoutWriter(stdout));
            } catch (StdoutClosed e) {
                throw new OutputException(STDOUT_FAILED, e);
            } catch (IOException e) {
                throw new OutputException("cannot write to standard output: " + e.getMessage(), e);
            }
            finishStdout(stdout);
            return;
        }
        writeBytes(file, stdout, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.writeTo(w);
            w.flush();
        }, opener);
    }

    /** As {@link #write(Path, PrintWriter, Body)} for a body that writes bytes. */
    static void writeBytes(Path file, PrintWriter stdout, ByteBody body) {
        writeBytes(file, stdout, body, Files::newOutputStream);
    }

    /** As {@link #write(Path, PrintWriter, Body, Opener)} for a body that writes bytes. */
    static void writeBytes(Path file, PrintWriter stdout, ByteBody body, Opener opener) {
        if (file == null) {
            try {
                body.writeTo(new StdoutBytes(new StdoutWriter(stdout)));
            } catch (StdoutClosed e) {
                throw new OutputException(STDOUT_FAILED, e);
            } catch (IOException e) {
                throw new OutputException("cannot write to standard output: " + e.getMessage(), e);
            }
            finishStdout(stdout);
            return;
        }
        Path target = file.toAbsolutePath();
        if (AtomicFiles.isSpecial(target)) {
            writeInPlace(file, target, body);
            return;
        }
        Path tmp;
        try {
            AtomicFiles.requireWritableTarget(file, target);
            tmp = AtomicFiles.createTemp(target);
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + describe(e), e);
        }
        boolean done = false;
        try {
            try (OutputStream o = new BufferedOutputStream(opener.open(tmp), 1 << 16)) {
                body.writeTo(o);
            }
            makeReadable(tmp);
            AtomicFiles.commit(tmp, target);
            done = true;
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + describe(e), e);
        } finally {
            if (!done) {
                AtomicFiles.discard(tmp);
            }
        }
    }

    private static void finishStdout(PrintWriter stdout) {
        stdout.flush();
        if (stdout.checkError()) {
            throw new OutputException(STDOUT_FAILED, null);
        }
    }

    /** Bytes for standard output, decoded per call (whole UTF-8 sequences) to its writer. */
    private static final class StdoutBytes extends OutputStream {
        private final Writer out;

        StdoutBytes(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write((char) (b & 0x7f) == b ? (char) b : '\ufffd');
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /**
     * Writes straight into an existing target that is not a regular file (a device such as
     * {@code /dev/null} or {@code /dev/full}, a named pipe): there is nothing to rename over it, and
     * renaming would replace the device with a plain file (as root, {@code --out /dev/full} did).
     */
    private static void writeInPlace(Path file, Path target, ByteBody body) {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE), 1 << 16)) {
            body.writeTo(o);
        } catch (IOException e) {
            throw new OutputException("cannot write " + file + ": " + describe(e), e);
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
    static String describe(IOException e) {
        return AtomicFiles.describe(e);
    }
}
