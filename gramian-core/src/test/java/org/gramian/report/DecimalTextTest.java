package org.gramian.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;

/**
 * {@link DecimalText} against its definitions computed with {@link BigDecimal} (exact rounding of
 * the exact value of the double), on 240,000 doubles of every kind by default
 * ({@code -Ddecimal.samples=N} draws 4N; 4 million were checked when it was written), and
 * against the formatter it replaced ({@code Numbers.shortest} built on JDK 17's
 * {@code Double.toString}, kept below as {@link #jdk17Shortest}): the output of {@code predict} must
 * not change.
 */
class DecimalTextTest {
    private static final int SAMPLES = Integer.getInteger("decimal.samples", 60_000);
    private static final MathContext D17 = new MathContext(17, RoundingMode.HALF_EVEN);

    /** The definition of shortest: exact rounding to 1, 2, … digits until it reads back. */
    private static String definitionShortest(double v) {
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(v);
        for (int d = 1; d <= 17; d++) {
            BigDecimal r = exact.round(new MathContext(d, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return text(r);
            }
        }
        throw new AssertionError("17 digits always read back: " + v);
    }

    private static String definitionSignificant17(double v) {
        return v == 0 ? "0" : text(new BigDecimal(v).round(D17));
    }

    /** How BigDecimal prints a stripped value: plain for leading-digit exponents in [−6, 21). */
    private static String text(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        return exponent >= -6 && exponent < 21 ? s.toPlainString() : s.toString();
    }

    /** The formatter before DecimalText (Numbers.shortest until #16), as it was. */
    static String jdk17Shortest(double v) {
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        double a = Math.abs(v);
        BigDecimal s = new BigDecimal(Double.toString(a)).stripTrailingZeros();
        int p = s.precision();
        if (p > 1) {
            BigDecimal below = s.round(new MathContext(p - 1, RoundingMode.FLOOR));
            if (readsBackAs(below, a) || readsBackAs(below.add(below.ulp()), a)) {
                return definitionShortest(v);
            }
        }
        return text(v < 0 ? s.negate() : s);
    }

    private static boolean readsBackAs(BigDecimal d, double a) {
        return d.signum() > 0 && Double.parseDouble(d.toString()) == a;
    }

    private static void check(double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        String shortest = DecimalText.shortest(v);
        assertThat(shortest).as("shortest(%s) [bits %x]", v, Double.doubleToRawLongBits(v))
                .isEqualTo(definitionShortest(v));
        assertThat(DecimalText.significant17(v)).as("significant17(%s)", v).isEqualTo(definitionSignificant17(v));
    }

    /** Every kind of double the checks below draw, each with its neighbours. */
    private static void forSamples(int n, DoubleConsumer test) {
        SplittableRandom rnd = new SplittableRandom(20261202);
        for (int i = 0; i < n; i++) {
            double v = switch (i % 8) {
                case 0, 1 -> Double.longBitsToDouble(rnd.nextLong());                 // every exponent
                case 2 -> rnd.nextDouble(-1e3, 1e3);                                   // data-like
                case 3 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-12, 13));     // bench-like, scaled
                case 4 -> Double.parseDouble(rnd.nextInt(1, 1_000_000) + "E" + rnd.nextInt(-30, 31)); // short
                case 5 -> (double) (rnd.nextLong() >> rnd.nextInt(0, 40));             // big integers
                case 6 -> Math.scalb((double) rnd.nextLong(1L << 49, 1L << 53), rnd.nextInt(-60, 10)) + 0.0;
                default -> Math.scalb(1.0, rnd.nextInt(-1074, 1024)) * (rnd.nextBoolean() ? 1 : 3); // 2^e, 3·2^e
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            test.accept(v);
            test.accept(Math.nextUp(v));
            test.accept(Math.nextDown(v));
            test.accept(-v);
        }
    }

    @Test
    void agreesWithTheExactDefinitionsOnRandomDoublesOfEveryKind() {
        forSamples(SAMPLES, DecimalTextTest::check);
    }

    /** Where a fast formatter goes wrong: ties, the ends of the rounding interval, powers of ten and two. */
    @Test
    void agreesWithTheExactDefinitionsOnHardCases() {
        List<Double> hard = new ArrayList<>(List.of(Double.MIN_VALUE, 2 * Double.MIN_VALUE, Double.MAX_VALUE,
                Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 1e23, 9.5e-323, 5e-324, 2e-3, 4.35, 0.3, 0.1,
                1e22, 8.41e21, 2.82879384806159e17, 1.0e-5, 2.0e-44, 5.764607523034235e39, 1234567890123456.75,
                1234567890123456.25, 9007199254740993.0, 9007199254740992.0, 0x1p53, 0x1p54 + 8, 4.9e-324,
                1.7976931348623157e308, 0.5, 0.25, 0.125, 1.5, 2.5, 1e-7, 1e-6, 9.999999999999999e-7, 1e21,
                9.999999999999999e20, 1e20, 123456789012345678.0, 0x1p-800, 0x1p800, Math.nextDown(0x1p800),
                Math.nextDown(0x1p-800), 1e16, 1e17, 99999999999999999.0, 9999999999999998.0, Math.PI, Math.E));
        for (int e = -330; e <= 310; e++) {
            hard.add(Double.parseDouble("1E" + e));
            hard.add(Double.parseDouble("5E" + e));
            hard.add(Double.parseDouble("9.999999999999999E" + e));
        }
        for (int e = -1074; e <= 1023; e++) {
            hard.add(Math.scalb(1.0, e));
        }
        // 18-digit decimals ending in 5 that are doubles: exact ties for 17-digit rounding
        for (long m = (1L << 50) + 3; m < (1L << 50) + 2000; m++) {
            hard.add(m + 0.25);   // 16 integer digits and .25: exactly representable (ulp 1/4)
            hard.add(m + 0.75);
        }
        for (double v : hard) {
            if (Double.isFinite(v)) {
                check(v);
                check(Math.nextUp(v));
                check(Math.nextDown(v));
                check(-v);
            }
        }
    }

    /**
     * Against what {@code predict} wrote before (JDK 17's {@code Double.toString}, shortened where
     * it printed a digit too many): the same text, except where JDK 17 chose a decimal of the
     * shortest length that is not the nearest to v (2.2971299999999993E25 for the double nearest
     * to 2.29712999999999935E25: ...94 is nearer). Those are deliberate changes: both read back as
     * v, ours is the nearest, as the definition and JDK 19+ say. About 1 in 10⁴ of these samples.
     */
    @Test
    void writesTheSameTextAsTheFormatterItReplacedExceptWhereThatWasNotTheNearest() {
        long[] counts = new long[2];
        forSamples(SAMPLES / 2, v -> {
            if (!Double.isFinite(v)) {
                return;
            }
            counts[0]++;
            String now = DecimalText.shortest(v);
            String before = jdk17Shortest(v);
            if (!now.equals(before)) {
                counts[1]++;
                BigDecimal exact = new BigDecimal(v);
                BigDecimal b = new BigDecimal(before);
                BigDecimal n = new BigDecimal(now);
                assertThat(Double.parseDouble(before)).as(before).isEqualTo(v);
                assertThat(b.stripTrailingZeros().precision()).as("%s vs %s", before, now)
                        .isEqualTo(n.stripTrailingZeros().precision());
                assertThat(n.subtract(exact).abs()).as("%s nearer than %s", now, before)
                        .isLessThan(b.subtract(exact).abs());
            }
        });
        assertThat(counts[1]).as("changed of %d", counts[0]).isLessThan(counts[0] / 1000);
    }

    @Test
    void zerosNonFiniteAndNotation() {
        assertThat(DecimalText.shortest(0.0)).isEqualTo("0");
        assertThat(DecimalText.shortest(-0.0)).isEqualTo("-0");
        assertThat(DecimalText.significant17(-0.0)).isEqualTo("0");
        assertThat(DecimalText.shortest(Double.NaN)).isEqualTo("NaN");
        assertThat(DecimalText.significant17(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(DecimalText.shortest(1e-7)).isEqualTo("1E-7");
        assertThat(DecimalText.shortest(1.5e-6)).isEqualTo("0.0000015");
        assertThat(DecimalText.shortest(1e21)).isEqualTo("1E+21");
        assertThat(DecimalText.shortest(1.5e20)).isEqualTo("150000000000000000000");
        assertThat(DecimalText.shortest(-123.25)).isEqualTo("-123.25");
        assertThat(DecimalText.shortest(Double.MIN_VALUE)).isEqualTo("5E-324");
        assertThat(DecimalText.shortest(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E+308");
        // 1234567890123456.75 has 18 digits ending in 5: to 17 digits it is a tie, kept even
        assertThat(DecimalText.significant17(1234567890123456.75)).isEqualTo("1234567890123456.8");
        assertThat(DecimalText.significant17(1234567890123456.25)).isEqualTo("1234567890123456.2");
        assertThat(DecimalText.significant17(0.1)).isEqualTo("0.10000000000000001");
        // JDK 17's Double.toString prints 8.409999999999999E21 here; the shortest is 8.41E21
        assertThat(DecimalText.shortest(8.41e21)).isEqualTo("8.41E+21");
    }

    /** Writes into the caller's buffer at the position given and says where it ended. */
    @Test
    void writesAtThePositionGiven() {
        byte[] buf = new byte[3 + DecimalText.MAX_CHARS];
        buf[0] = 'a';
        buf[1] = 'b';
        buf[2] = 'c';
        int end = DecimalText.shortest(-0.30000000000000004, buf, 3);
        assertThat(new String(buf, 0, end, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("abc-0.30000000000000004");
    }
}
