package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.gramian.numeric.Decimal;
import org.junit.jupiter.api.Test;

/** Every parsed value must be Double.parseDouble's, every tail Decimal.tail's (BigDecimal), bit for bit. */
class DecimalParserTest {
    private final DecimalParser parser = new DecimalParser();

    private void check(String text) {
        byte[] b = ("," + text + ";").getBytes(StandardCharsets.US_ASCII); // parse inside a larger array
        int status = parser.parse(b, 1, b.length - 1, true);
        assertThat(status).as(text).isEqualTo(DecimalParser.OK);
        double expected = Double.parseDouble(text);
        assertThat(Double.doubleToRawLongBits(parser.value)).as("value of %s", text)
                .isEqualTo(Double.doubleToRawLongBits(expected));
        double tail = Decimal.tail(text, expected);
        assertThat(Double.doubleToRawLongBits(parser.tail) == Double.doubleToRawLongBits(tail)
                || (parser.tail == 0 && tail == 0)).as("tail of %s: %s vs %s", text, parser.tail, tail).isTrue();
        // and the tail is the true residual: value + tail is the decimal to ~32 digits
        if (expected != 0) {
            BigDecimal sum = new BigDecimal(expected).add(new BigDecimal(parser.tail));
            BigDecimal exact = new BigDecimal(text);
            assertThat(sum.subtract(exact).abs().doubleValue())
                    .isLessThanOrEqualTo(Math.abs(expected) * 0x1p-104);
        }
    }

    @Test
    void random17DigitValuesWithExponentsAndSigns() {
        Random rnd = new Random(20261123);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextBoolean()) {
                sb.append('-');
            }
            int digits = 1 + rnd.nextInt(17);
            String ds = Long.toString(1 + (Math.abs(rnd.nextLong()) % 99_999_999_999_999_999L));
            ds = ds.substring(0, Math.min(ds.length(), digits));
            int point = rnd.nextInt(ds.length() + 1);
            sb.append(ds, 0, point).append('.').append(ds.substring(point));
            if (point == 0 && rnd.nextBoolean()) {
                sb.insert(sb.indexOf("."), '0');
            }
            switch (rnd.nextInt(4)) {
                case 0 -> sb.append('e').append(rnd.nextInt(61) - 30);
                case 1 -> sb.append('E').append(rnd.nextInt(571) - 300); // stays below overflow
                default -> { }
            }
            check(sb.toString());
        }
    }

    @Test
    void randomDoublesPrintedWithSeventeenDigits() {
        Random rnd = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            double x = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
            check(String.format(java.util.Locale.ROOT, "%.16e", x));
            check(String.format(java.util.Locale.ROOT, "%.17g", x));
        }
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"0", "-0", "+0.0", "0e999999", "1", "83.0", ".5", "5.", "-.5e-3",
            "0.1", "0.3", "9007199254740993", "9007199254740992", "123456789012345678",
            "1234567890123456789012345", "0.000000000000000000000000000001234", "1e22", "1e23", "4.35e-5",
            "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308", "1e-320", "60323", "0.1000000000000000000000",
            "00012.5000", "3.14159265358979323846264338327950288"}) {
            check(s);
        }
    }

    @Test
    void rejectsWhatIsNotAPlainDecimal() {
        String[][] cases = {{"", "1"}, {"abc", "2"}, {"1.2.3", "2"}, {"1e", "2"}, {"e5", "2"}, {"-", "2"},
            {".", "2"}, {"1,5", "2"}, {"0x10", "2"}, {"1f", "2"}, {"NaN", "3"}, {"-infinity", "3"}, {"Inf", "3"},
            {"1e309", "3"}, {"-1e999999999999", "3"}};
        for (String[] c : cases) {
            byte[] b = c[0].getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.parse(b, 0, b.length, false)).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }
    }

    @Test
    void exactTailDeclinesRatherThanRoundTwice() {
        // where ExactTail answers, it must agree with BigDecimal; count that it answers for typical data
        Random rnd = new Random(11);
        int answered = 0;
        for (int i = 0; i < 50_000; i++) {
            long m = 1 + (Math.abs(rnd.nextLong()) % 99_999_999_999_999_999L);
            int e = rnd.nextInt(50) - 30;
            String text = m + "e" + e;
            double hi = Double.parseDouble(text);
            double t = ExactTail.tail(m, e, hi);
            if (t == t) {
                answered++;
                double expected = Decimal.tail(text, hi);
                assertThat(t == expected).as("%s: %s vs %s", text, t, expected).isTrue();
            }
        }
        assertThat(answered).isGreaterThan(40_000);
    }
}
