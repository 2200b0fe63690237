package org.gramian.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the data stream into chunks of about {@code chunkSize} bytes at line feeds. A line longer
 * than a chunk gets a chunk of its own, grown to fit. Not thread-safe (one reader thread).
 */
final class ChunkReader {
    private final CsvInput input;
    private final InputStream in;
    private final int chunkSize;
    private final BufferPool pool;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean eof;

    ChunkReader(CsvInput input, int chunkSize, BufferPool pool) {
        this.input = input;
        this.in = input.stream();
        this.chunkSize = chunkSize;
        this.pool = pool;
    }

    /** The next chunk, or null at the end of the data. */
    Chunk next() throws IOException {
        if (eof && carryLength == 0) {
            return null;
        }
        byte[] buf = pool.bytes(Math.max(chunkSize, carryLength + 1));
        System.arraycopy(carry, 0, buf, 0, carryLength);
        int length = carryLength;
        int searched = carryLength; // the carry holds no line feed
        while (true) {
            while (length < buf.length && !eof) {
                int n = in.read(buf, length, buf.length - length);
                if (n < 0) {
                    eof = true;
                } else {
                    length += n;
                }
            }
            if (eof) {
                carryLength = 0;
                if (length == 0) {
                    pool.release(buf);
                    return null;
                }
                return new Chunk(buf, length, input.fileBytesRead());
            }
            int lineFeed = lastLineFeed(buf, searched, length);
            if (lineFeed >= 0) {
                int cut = lineFeed + 1;
                carryLength = length - cut;
                if (carry.length < carryLength) {
                    carry = new byte[Math.max(carryLength, carry.length * 2)];
                }
                System.arraycopy(buf, cut, carry, 0, carryLength);
                return new Chunk(buf, cut, input.fileBytesRead());
            }
            // a line longer than the buffer: grow it and read on
            searched = length;
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
    }

    private static int lastLineFeed(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
