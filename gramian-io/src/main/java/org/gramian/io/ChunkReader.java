package org.gramian.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the data stream into chunks of about {@code chunkSize} bytes at record ends: line ends
 * ({@code \n}, {@code \r\n} or a lone {@code \r}; never between the CR and LF of a CRLF) that are
 * not inside a quoted field. A record longer than a chunk gets a chunk of its own, grown to fit, up
 * to the line limit: a longer one ends the reading with an {@linkplain Chunk#overlong overlong}
 * chunk of its first bytes, which the parser reports. Not thread-safe (one reader thread).
 *
 * <p>Quotes are read as the parser reads them (RFC 4180): a double quote opens a quoted field only
 * at the start of a field (after the delimiter, a line end or the chunk's start, and blanks);
 * inside, the next quote closes it, and a quote right after a closing one reopens it (that is the
 * escaped {@code ""}). So every cut is a record boundary of the sequential parse, whatever the
 * chunk size. The scan is linear: it looks for the next quote eight bytes at a time
 * ({@link ByteScan}), looks for line ends only between quotes (backwards from the next quote,
 * stopping at the first), and keeps its state when a long record makes the buffer grow, so no
 * byte is looked at more than a few times (a 50 MB quoted field or line costs one pass).
 */
final class ChunkReader {
    private static final int READ_BYTES = 1 << 20;
    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    private static final int CLOSED = 2; // just after a quote that closed a quoted field
    private final CsvInput input;
    private final InputStream in;
    private final int chunkSize;
    private final int maxBuffer;
    private final BufferPool pool;
    private final byte delimiter;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean eof;
    private boolean stopped;
    /** Bytes examined by the record-end scan, for the tests of linear time. */
    long scanned;

    ChunkReader(CsvInput input, int chunkSize, int lineLimit, BufferPool pool) {
        this(input, chunkSize, lineLimit, pool, (byte) ',');
    }

    ChunkReader(CsvInput input, int chunkSize, int lineLimit, BufferPool pool, byte delimiter) {
        this.input = input;
        this.in = input.stream();
        this.chunkSize = chunkSize;
        // a line of lineLimit bytes, its line end (two bytes for CRLF) and one byte to be sure
        this.maxBuffer = (int) Math.min(Integer.MAX_VALUE - 16, lineLimit + 3L);
        this.pool = pool;
        this.delimiter = delimiter;
    }

    /** The next chunk, or null at the end of the data (or after an overlong chunk). */
    Chunk next() throws IOException {
        if (stopped || eof && carryLength == 0) {
            return null;
        }
        byte[] buf = pool.bytes(Math.max(Math.min(chunkSize, maxBuffer), carryLength + 1));
        System.arraycopy(carry, 0, buf, 0, carryLength);
        int length = carryLength;
        // the buffer starts at a record start: the scan state there is known
        int scanPos = 0;
        int state = UNQUOTED;
        int cut = -1;
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
            // scan on from where the last look stopped, keeping the quote state
            int pos = scanPos;
            while (pos < length) {
                if (state == QUOTED) {
                    int q = ByteScan.indexOf(buf, (byte) '"', pos, length);
                    scanned += (q < 0 ? length : q + 1) - pos;
                    if (q < 0) {
                        pos = length;
                        break;
                    }
                    state = CLOSED;
                    pos = q + 1;
                    continue;
                }
                if (state == CLOSED) {
                    scanned++;
                    if (buf[pos] == '"') {
                        state = QUOTED; // "" inside a quoted field
                        pos++;
                        continue;
                    }
                    state = UNQUOTED;
                }
                int q = ByteScan.indexOf(buf, (byte) '"', pos, length);
                int stop = q < 0 ? length : q;
                int end = lastLineEnd(buf, pos, stop, length);
                scanned += (stop - pos) + (stop - Math.max(end, pos));
                if (end >= 0) {
                    cut = end;
                }
                if (q < 0) {
                    // a CR as the last byte is looked at again once the next byte is known
                    pos = buf[length - 1] == '\r' && length - 1 >= pos ? length - 1 : length;
                    break;
                }
                if (fieldStart(buf, q)) {
                    state = QUOTED;
                }
                pos = q + 1;
            }
            scanPos = pos;
            if (cut >= 0) {
                carryLength = length - cut;
                if (carry.length < carryLength) {
                    carry = new byte[Math.max(carryLength, carry.length * 2)];
                }
                System.arraycopy(buf, cut, carry, 0, carryLength);
                return new Chunk(buf, cut, input.fileBytesRead());
            }
            if (length >= maxBuffer) {
                // one record (the carry started one) longer than the limit: hand over its start and stop
                stopped = true;
                carryLength = 0;
                return new Chunk(buf, length, input.fileBytesRead(), true);
            }
            // a record longer than the buffer: grow it and read on
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxBuffer));
        }
    }

    /**
     * Whether the quote at {@code q} starts a field: only blanks between it and the delimiter, a line
     * end or the buffer's start (a record start). Looks back over the blanks only.
     */
    private boolean fieldStart(byte[] b, int q) {
        int k = q - 1;
        while (k >= 0 && (b[k] == ' ' || b[k] == '\t' && delimiter != '\t')) {
            k--;
        }
        scanned += q - k;
        return k < 0 || b[k] == delimiter || b[k] == '\n' || b[k] == '\r';
    }

    /**
     * The index after the last line end in {@code b[from, to)}, or −1, searching backwards. A CR as
     * the very last byte of the data read ({@code length − 1}) does not count: an LF may follow it
     * in the next read, and a CRLF is one line end.
     */
    private static int lastLineEnd(byte[] b, int from, int to, int length) {
        for (int i = to - 1; i >= from; i--) {
            byte c = b[i];
            if (c == '\n' || c == '\r' && i < length - 1) {
                return i + 1;
            }
        }
        return -1;
    }
}
