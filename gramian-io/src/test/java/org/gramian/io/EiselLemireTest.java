package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Where Eisel–Lemire decides, it must give Double.parseDouble's double, bit for bit. */
class EiselLemireTest {

    private static void agree(long w, int q, int[] decided) {
        double got = EiselLemire.toDouble(w, q);
        if (got == got) {
            decided[0]++;
            double expected = Double.parseDouble(w + "e" + q);
            assertThat(Double.doubleToRawLongBits(got)).as("%de%d", w, q)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    /**
     * The constant table is the exact one: 5^q truncated to its top 128 bits for q ≥ 0, and for
     * q &lt; 0 the reciprocal ⌊2^b / 5^−q⌋ + 1 normalized to 128 bits (as fast_float builds it).
     * To regenerate EiselLemirePowers, print {@code exactPowers()} two longs a line.
     */
    @Test
    void powersAreTheExactBigIntegerTable() {
        long[] exact = exactPowers();
        assertThat(EiselLemirePowers.POWERS).hasSize(exact.length).isEqualTo(exact);
    }

    static long[] exactPowers() {
        final int smallest = EiselLemire.SMALLEST_POWER;
        final int largest = EiselLemire.LARGEST_POWER;
        long[] t = new long[2 * (largest - smallest + 1)];
        BigInteger two128 = BigInteger.ONE.shiftLeft(128);
        for (int q = smallest; q <= largest; q++) {
            BigInteger c;
            if (q < 0) {
                BigInteger power5 = BigInteger.valueOf(5).pow(-q);
                int z = power5.bitLength(); // smallest z with 2^z >= 5^-q (5^-q is never a power of two)
                int b = q >= -27 ? z + 127 : 2 * z + 128;
                c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
                while (c.compareTo(two128) >= 0) {
                    c = c.shiftRight(1);
                }
            } else {
                c = BigInteger.valueOf(5).pow(q);
                int bits = c.bitLength();
                c = bits <= 128 ? c.shiftLeft(128 - bits) : c.shiftRight(bits - 128);
            }
            int i = 2 * (q - smallest);
            t[i] = c.shiftRight(64).longValue();
            t[i + 1] = c.longValue();
        }
        return t;
    }

    @Test
    void randomSignificandsOverTheWholeExponentRange() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[] decided = {0};
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            long w = rnd.nextLong(1, 1_000_000_000_000_000_000L);
            if (rnd.nextBoolean()) {
                w /= (long) Math.pow(10, rnd.nextInt(18)); // short significands too
                w = Math.max(w, 1);
            }
            agree(w, rnd.nextInt(-330, 300), decided);
        }
        assertThat(decided[0]).isGreaterThan(n * 95 / 100);
    }

    @Test
    void exactHalfwayCasesRoundToEven() {
        SplittableRandom rnd = new SplittableRandom(9);
        int[] decided = {0};
        for (int i = 0; i < 100_000; i++) {
            // an integer exactly halfway between two doubles: odd multiple of half an ulp, below 10^18
            int k = rnd.nextInt(54, 60);
            long ulp = 1L << (k - 52);
            long d = (1L << k) + rnd.nextLong(0, 1L << 52) * ulp;
            long halfway = d + ulp / 2;
            if (halfway >= 1_000_000_000_000_000_000L) {
                continue;
            }
            agree(halfway, 0, decided);
            agree(halfway + 1, 0, decided);
            agree(halfway - 1, 0, decided);
            // the same with a decimal point: w·10^-3
            agree(halfway, -3, decided);
        }
        // and decimal halfway cases such as 2^53 + 0.5 = 9007199254740992.5
        for (int i = 0; i < 10_000; i++) {
            long d = (1L << 53) + rnd.nextLong(0, 1L << 40) * 2;
            agree(d * 10 + 5, -1, decided);
            agree(d * 10 + 15, -1, decided);
        }
        assertThat(decided[0]).isGreaterThan(100_000);
    }

    @Test
    void neighboursOfDoublesPrintedShortest() {
        SplittableRandom rnd = new SplittableRandom(13);
        int[] decided = {0};
        for (int i = 0; i < 100_000; i++) {
            double x = Double.longBitsToDouble(rnd.nextLong(0x0010000000000000L, 0x7FE0000000000000L));
            BigDecimal exact = new BigDecimal(x).round(new java.math.MathContext(17));
            BigInteger unscaled = exact.unscaledValue();
            int q = -exact.scale();
            for (long delta = -1; delta <= 1; delta++) {
                agree(unscaled.longValueExact() + delta, q, decided);
            }
        }
        assertThat(decided[0]).isGreaterThan(290_000);
    }
}
