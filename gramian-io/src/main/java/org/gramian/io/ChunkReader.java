package org.gramian.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the data stream into chunks of about {@code chunkSize} bytes at line ends ({@code \n},
 * {@code \r\n} or a lone {@code \r}; never between the CR and LF of a CRLF). A line longer than a
 * chunk gets a chunk of its own, grown to fit, up to the line limit: a longer line ends the reading
 * with an {@linkplain Chunk#overlong overlong} chunk of its first bytes, which the parser reports.
 * Not thread-safe (one reader thread).
 */
final class ChunkReader {
    private static final int READ_BYTES = 1 << 20;
    private final CsvInput input;
    private final InputStream in;
    private final int chunkSize;
    private final int maxBuffer;
    private final BufferPool pool;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean eof;
    private boolean stopped;

    ChunkReader(CsvInput input, int chunkSize, int lineLimit, BufferPool pool) {
        this.input = input;
        this.in = input.stream();
        this.chunkSize = chunkSize;
        // a line of lineLimit bytes, its line end (two bytes for CRLF) and one byte to be sure
        this.maxBuffer = (int) Math.min(Integer.MAX_VALUE - 16, lineLimit + 3L);
        this.pool = pool;
    }

    /** The next chunk, or null at the end of the data (or after an overlong chunk). */
    Chunk next() throws IOException {
        if (stopped || eof && carryLength == 0) {
            return null;
        }
        byte[] buf = pool.bytes(Math.max(Math.min(chunkSize, maxBuffer), carryLength + 1));
        System.arraycopy(carry, 0, buf, 0, carryLength);
        int length = carryLength;
        // the carry holds no line end, except perhaps a CR as its last byte (it was not known whether an LF follows)
        int searched = Math.max(0, carryLength - 1);
        while (true) {
            while (length < buf.length && !eof) {
                // at most 1 MiB a read: the file channel copies through a temporary direct buffer of
                // the size asked for, allocated and zeroed anew when it is larger than the last one
                int n = in.read(buf, length, Math.min(buf.length - length, READ_BYTES));
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
            int cut = lastLineEnd(buf, searched, length);
            if (cut >= 0) {
                carryLength = length - cut;
                if (carry.length < carryLength) {
                    carry = new byte[Math.max(carryLength, carry.length * 2)];
                }
                System.arraycopy(buf, cut, carry, 0, carryLength);
                return new Chunk(buf, cut, input.fileBytesRead());
            }
            if (length >= maxBuffer) {
                // one line (the carry started a line) longer than the limit: hand over its start and stop
                stopped = true;
                carryLength = 0;
                return new Chunk(buf, length, input.fileBytesRead(), true);
            }
            // a line longer than the buffer: grow it and read on
            searched = Math.max(searched, length - 1);
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxBuffer));
        }
    }

    /**
     * The index after the last line end in {@code b[from, to)}, or −1. A CR as the very last byte
     * does not count: an LF may follow it in the next read, and a CRLF is one line end.
     */
    private static int lastLineEnd(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            byte c = b[i];
            if (c == '\n' || c == '\r' && i < to - 1) {
                return i + 1;
            }
        }
        return -1;
    }
}
