package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteScan#indexOf} against a byte-by-byte loop: every range, every place of the match, every byte value. */
class ByteScanTest {
    private static int loop(byte[] b, byte c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void agreesWithALoop() {
        Random rnd = new Random(9);
        for (int trial = 0; trial < 200_000; trial++) {
            byte[] b = new byte[rnd.nextInt(70)];
            byte c = (byte) rnd.nextInt(256);
            for (int k = 0; k < b.length; k++) {
                // few matches, and often the bytes next to c (c ± 1 borrow and carry differently)
                int r = rnd.nextInt(40);
                b[k] = r == 0 ? c : r < 8 ? (byte) (c + rnd.nextInt(3) - 1) : (byte) rnd.nextInt(256);
                if (b[k] == c && rnd.nextInt(4) != 0) {
                    b[k] ^= (byte) 0x80;
                }
            }
            int from = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
            int to = from + rnd.nextInt(b.length - from + 1);
            assertThat(ByteScan.indexOf(b, c, from, to)).isEqualTo(loop(b, c, from, to));
        }
    }
}
