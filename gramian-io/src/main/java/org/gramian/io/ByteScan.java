package org.gramian.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finding a byte value (sixteen bytes a step, SWAR with two words) or one of three (eight a step) in a byte array. */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {
    }

    /**
     * The first index of {@code c} in {@code b[from, to)}, or −1. Eight bytes a step: with
     * {@code x = word ^ c·0x0101…}, {@code (x − 0x0101…) & ~x & 0x8080…} flags a zero byte of x; the
     * lowest flag is always a true zero (a false flag needs a borrow from a zero below it).
     */
    static int indexOf(byte[] b, byte c, int from, int to) {
        long pattern = (c & 0xffL) * ONES;
        int i = from;
        // two words a step: the common case (no match in a 1 MiB chunk) tests one OR of two flags
        for (; i + 16 <= to; i += 16) {
            long x0 = (long) LONGS.get(b, i) ^ pattern;
            long x1 = (long) LONGS.get(b, i + 8) ^ pattern;
            long t0 = (x0 - ONES) & ~x0 & HIGHS;
            long t1 = (x1 - ONES) & ~x1 & HIGHS;
            if ((t0 | t1) != 0) {
                return t0 != 0 ? i + (Long.numberOfTrailingZeros(t0) >>> 3)
                        : i + 8 + (Long.numberOfTrailingZeros(t1) >>> 3);
            }
        }
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ pattern;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The end of an unquoted field starting at {@code from}: the first index in {@code b[from, to)}
     * of the delimiter, LF or CR, or {@code to} when there is none. The three zero-byte flags of
     * {@link #indexOf} are or-ed; the lowest flag of each is a true match and a true match is
     * always flagged, so the lowest flag of the union is the first match.
     */
    static int fieldEnd(byte[] b, byte delimiter, int from, int to) {
        long pd = (delimiter & 0xffL) * ONES;
        long pn = '\n' * ONES;
        long pr = '\r' * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ pd;
            long y = w ^ pn;
            long z = w ^ pr;
            long t = ((x - ONES) & ~x | (y - ONES) & ~y | (z - ONES) & ~z) & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == delimiter || c == '\n' || c == '\r') {
                return i;
            }
        }
        return to;
    }
}
