package org.gramian.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a CSV file as a byte stream, decompressing it when it is gzip (recognised by its magic
 * bytes 1f 8b, whatever the name). Counts the bytes read from the file itself, for progress.
 */
final class CsvInput implements AutoCloseable {
    private final Counting raw;
    private final InputStream data;

    private CsvInput(Counting raw, InputStream data) {
        this.raw = raw;
        this.data = data;
    }

    /** Opens the file; problems become a one-line {@link CsvFormatException}. */
    static CsvInput open(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw new CsvFormatException(name + ": is a directory, expected a CSV file", name, 0, null);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(name + ": no such file", name, 0, null);
        } catch (AccessDeniedException e) {
            throw new CsvFormatException(name + ": permission denied", name, 0, null);
        } catch (IOException e) {
            throw new CsvFormatException(name + ": cannot open: " + e.getMessage(), name, 0, null);
        }
        Counting raw = new Counting(in);
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new CsvInput(raw, new GZIPInputStream(buffered, 1 << 16));
            }
            if (name.endsWith(".gz")) {
                throw new CsvFormatException(name + ": named .gz but not in gzip format", name, 0, null);
            }
            return new CsvInput(raw, buffered);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new CsvFormatException(name + ": cannot read: " + e.getMessage(), name, 0, null);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    /** The (decompressed) content. */
    InputStream stream() {
        return data;
    }

    /** Bytes read so far from the file itself (compressed bytes for gzip). Reader thread only. */
    long fileBytesRead() {
        return raw.count;
    }

    @Override
    public void close() {
        closeQuietly(data);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do: the data has been read or the pass has failed already
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += Math.max(0, s);
            return s;
        }
    }
}
