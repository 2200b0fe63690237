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

    /** Bytes that may end a number's digits in a file: delimiters, line ends, and the neighbours of '0'–'9'. */
    private static final byte[] ENDS = {',', ';', '\t', '|', '\n', '\r', ' ', '"', '/', ':', (byte) 0x80, (byte) 0xB0,
        (byte) 0xBA, (byte) 0xFF, 0};

    private void check(String text) {
        check(text, ENDS[Math.floorMod(text.hashCode(), ENDS.length)]);
    }

    /**
     * {@link #check(String)}, with the number also scanned as the CSV fast path scans it: followed
     * in the array by {@code end} and more digits, the bound far beyond the number, so that its last
     * digits are read from a word that also holds what follows (the partial-word SWAR path).
     */
    private void check(String text, byte end) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        byte[] wide = new byte[t.length + 20];
        System.arraycopy(t, 0, wide, 1, t.length);
        wide[0] = ',';
        wide[t.length + 1] = end;
        for (int k = t.length + 2; k < wide.length; k++) {
            wide[k] = (byte) ('0' + k % 10);
        }
        assertThat(parser.scan(wide, 1, wide.length, true)).as(text).isEqualTo(DecimalParser.OK);
        assertThat(parser.stop).as("end of %s", text).isEqualTo(t.length + 1);
        double scannedValue = parser.value;
        double scannedTail = parser.tail;
        byte[] b = ("," + text + ";").getBytes(StandardCharsets.US_ASCII); // parse inside a larger array
        int status = parser.parse(b, 1, b.length - 1, true);
        assertThat(status).as(text).isEqualTo(DecimalParser.OK);
        assertThat(Double.doubleToRawLongBits(scannedValue)).as("scanned value of %s", text)
                .isEqualTo(Double.doubleToRawLongBits(parser.value));
        assertThat(Double.doubleToRawLongBits(scannedTail)).as("scanned tail of %s", text)
                .isEqualTo(Double.doubleToRawLongBits(parser.tail));
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
    void hostileDigitStrings() {
        for (String s : new String[] {
            // 18, 19 and 20 digits, with and without leading zeros (19 digits with a leading zero are
            // decided from the wrapped long; 19 significant digits go to the general parser)
            "123456789012345678", "0.123456789012345678", "0.048500945401071985", "-0.048500945401071985",
            "1234567890123456789", "0.1234567890123456789", "9999999999999999999", "0999999999999999999",
            "999999999999999999.9", "9223372036854775807", "9223372036854775808", "18446744073709551615",
            "18446744073709551616", "12345678901234567890", "00000000000000000001", "0000000000000000000.1",
            "0.00000000000000000000", "000000000000000000000000000000001.5", "1000000000000000000",
            "10000000000000000000", "100000000000000000000e-2", "0.0000000000000000001", "0.0000000000000000009",
            // long fractions, long integer parts, runs of 1 to 17 digits either side of the point
            "0.10000000000000000000000000000000000000000000001", "3.00000000000000044408920985006",
            "3.0000000000000004440892098500626161694526672363281249999",
            "3.0000000000000004440892098500626161694526672363281250001",
            "123456789012345678901234567890.5", "1.2", "12.34", "123.456", "1234.5678", "12345.67891",
            "123456.789012", "1234567.8901234", "12345678.90123456", "123456789.012345678",
            "1234567890.1234567", "98765432109876.5", "9876543210987654.3", "98765432109876543.2",
            // exponents at the limits of the double range, subnormals, halfway cases
            "1.7976931348623157e308", "1.7976931348623158e308", "17976931348623157e292",
            "0.000017976931348623157e313", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "2.225073858507201e-308", "4.9406564584124654e-324", "2.4703282292062328e-324",
            "2.4703282292062327e-324", "1e-324", "1e-400", "7e-322", "123456789012345678e-330", "1e-310",
            "9007199254740993", "9007199254740993.0", "9007199254740992.5", "4503599627370496.5",
            "4503599627370497.5", "1.00000000000000011102230246251565404236316680908203125",
            "0.500000000000000166533453693773481063544750213623046875", "7.2057594037927933e16",
            "8.98846567431158e307", "1e308", "1E+308", "1e-307", "1.5e+0", "1.5E-0", "1e00000000000000000001",
            "0e-9999", "0.0e308", "1e-0000000000000000000000000000000000323"}) {
            for (byte end : ENDS) {
                check(s, end);
                if (s.charAt(0) != '-') {
                    check("-" + s, end);
                }
            }
        }
    }

    @Test
    void randomDigitRunsOfEveryLengthEndingAtEveryPlaceInAWord() {
        // runs of 0..40 digits before and after the point, leading zeros often, a random end byte and
        // a random place in the array: every split of the digits into words and the last partial word
        Random rnd = new Random(2026_12_02);
        for (int i = 0; i < 60_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(4) == 0) {
                sb.append(rnd.nextBoolean() ? '-' : '+');
            }
            int before = rnd.nextInt(4) == 0 ? rnd.nextInt(41) : rnd.nextInt(4);
            int after = rnd.nextInt(4) == 0 ? rnd.nextInt(41) : rnd.nextInt(21);
            if (before + after == 0) {
                before = 1;
            }
            int zeros = rnd.nextInt(3) == 0 ? rnd.nextInt(before + after + 1) : 0; // leading zeros
            for (int k = 0; k < before + after; k++) {
                if (k == before) {
                    sb.append('.');
                }
                sb.append(k < zeros ? '0' : (char) ('0' + rnd.nextInt(10)));
            }
            if (after == 0 && rnd.nextBoolean()) {
                sb.append('.');
            }
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(3) == 0 ? "-" : "")
                        .append(rnd.nextInt(4) == 0 ? rnd.nextInt(330) : rnd.nextInt(25));
            }
            String text = sb.toString();
            double v = Double.parseDouble(text);
            if (Double.isInfinite(v)) {
                continue;
            }
            check(text, ENDS[rnd.nextInt(ENDS.length)]);
        }
    }

    @Test
    void swarDigitHelpersAgreeWithAByteLoop() {
        // every byte value at every place after 0..8 digits: the first non-digit is found exactly,
        // and the digits before it have their value, whatever the bytes above it
        Random rnd = new Random(5);
        for (int n = 0; n <= 8; n++) {
            for (int x = 0; x < 256; x++) {
                for (int r = 0; r < 20; r++) {
                    long word = 0;
                    long digits = 0;
                    for (int k = 7; k >= 0; k--) {
                        int c = k < n ? '0' + rnd.nextInt(10) : k == n ? x : rnd.nextInt(256);
                        word = word << 8 | c;
                    }
                    for (int k = 0; k < n; k++) {
                        digits = digits * 10 + ((word >>> (8 * k)) & 0xff) - '0';
                    }
                    boolean xIsDigit = x >= '0' && x <= '9';
                    long flags = DecimalParser.nonDigits(word);
                    int firstNonDigit = flags == 0 ? 8 : Long.numberOfTrailingZeros(flags) >>> 3;
                    if (n < 8 && !xIsDigit) {
                        assertThat(firstNonDigit).as("n %d byte %d word %x", n, x, word).isEqualTo(n);
                    } else {
                        assertThat(firstNonDigit).as("n %d byte %d word %x", n, x, word).isGreaterThanOrEqualTo(n);
                    }
                    if (n == 8) {
                        assertThat(DecimalParser.eightDigits(word)).isEqualTo(digits);
                    } else if (n > 0) {
                        assertThat(DecimalParser.leadingDigits(word, n)).as("n %d word %x", n, word).isEqualTo(digits);
                    }
                }
            }
        }
    }

    @Test
    void aDecimalThatUnderflowsToZeroHasAZeroTailWhateverItsExponent() {
        // found by DecimalParserFuzzTest: the tail fell back to BigDecimal, which threw
        // NumberFormatException for an exponent beyond the int range (an internal error in a QR fit)
        for (String text : new String[] {"2.4727e-300000000000000000002001", "-2.4727e-300000000000000000002001",
            "1234567890123456789012e-99999999999999", "-1e-2147483649", "1e-400", "-1e-400",
            "0.0000000000000000000000000000000000001e-99999999999"}) {
            byte[] b = (text + ",").getBytes(StandardCharsets.US_ASCII);
            assertThat(parser.scan(b, 0, b.length, true)).as(text).isEqualTo(DecimalParser.OK);
            assertThat(parser.stop).isEqualTo(text.length());
            assertThat(Double.doubleToRawLongBits(parser.value)).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(text.startsWith("-") ? -0.0 : 0.0));
            assertThat(parser.tail).as(text).isZero();
        }
    }

    @Test
    void scaleIsMathScalbBitForBit() {
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            double x = Double.longBitsToDouble(rnd.nextLong());
            if (x != x) {
                continue;
            }
            int s = rnd.nextInt(2300) - 1150;
            if (rnd.nextBoolean()) {
                x = Math.scalb(1.0 + rnd.nextDouble(), rnd.nextInt(120) - 60); // the tails' magnitudes
            }
            assertThat(Double.doubleToRawLongBits(ExactTail.scale(x, s))).as("%s·2^%d", x, s)
                    .isEqualTo(Double.doubleToRawLongBits(Math.scalb(x, s)));
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

    @Test
    void roundedQuotientOfLongsIsCorrectlyRounded() {
        Random rnd = new Random(17);
        long[] pow5 = new long[27];
        pow5[0] = 1;
        for (int k = 1; k < pow5.length; k++) {
            pow5[k] = pow5[k - 1] * 5;
        }
        for (int i = 0; i < 100_000; i++) {
            int k = 23 + rnd.nextInt(4);
            long d = pow5[k];
            long x = 1 + (Math.abs(rnd.nextLong()) % (d / 2));
            if (rnd.nextInt(4) == 0) {
                x = 1 + rnd.nextInt(1000); // small numerators too
            }
            double expected = new BigDecimal(x).divide(new BigDecimal(d), java.math.MathContext.DECIMAL128)
                    .doubleValue();
            // DECIMAL128 (34 digits) then double: a double rounding only matters within 1e-34 of a
            // midpoint; check against an exact comparison instead when the two disagree
            double got = ExactTail.roundedQuotient(x, d);
            if (got != expected) {
                BigDecimal exact = new BigDecimal(x).divide(new BigDecimal(d), new java.math.MathContext(200));
                BigDecimal errGot = exact.subtract(new BigDecimal(got)).abs();
                BigDecimal errExp = exact.subtract(new BigDecimal(expected)).abs();
                assertThat(errGot.compareTo(errExp)).as("%d / %d: %s vs %s", x, d, got, expected).isLessThan(0);
            }
        }
    }

    @Test
    void bigIntegerTailAgreesWithBigDecimalOverTheWholeRange() {
        Random rnd = new Random(23);
        int answered = 0;
        for (int i = 0; i < 30_000; i++) {
            long m = 1 + (Math.abs(rnd.nextLong()) % 999_999_999_999_999_999L);
            if (rnd.nextBoolean()) {
                m /= (long) Math.pow(10, rnd.nextInt(17)); // short significands: 6.62607015e-34
                m = Math.max(1, m);
            }
            int e = rnd.nextInt(640) - 340;
            String text = m + "e" + e;
            double hi = Double.parseDouble(text);
            if (hi == 0 || Double.isInfinite(hi)) {
                continue;
            }
            double t = ExactTail.tailBig(m, e, hi);
            if (t == t) {
                answered++;
                double expected = Decimal.tail(text, hi);
                assertThat(t == expected).as("%s: %s vs %s", text, t, expected).isTrue();
            }
        }
        assertThat(answered).isGreaterThan(25_000);
    }

    /**
     * Leading zeros, many digits and an exponent of a million or more: FastDoubleParser 1.0.1 read
     * such texts to wrong finite values (DecimalParserFuzzTest's finding, kept as a seed), so they
     * are read in their shortened form. Every value must be Double.parseDouble's: 0 or infinity
     * where the zeros do not bring the number back into range, a finite value where they do.
     */
    @Test
    void extremeExponentsBehindLeadingZerosAreReadAsTheJdkReadsThem() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(20261202);
        for (int it = 0; it < 2000; it++) {
            int zeros = r.nextInt(0, 1500);
            int digits = r.nextInt(1, 40);
            long e = r.nextBoolean() ? r.nextLong(-2_200_000_000L, 2_200_000_000L) : r.nextLong(-3000, 3000);
            String text = (r.nextBoolean() ? "-" : "") + "0." + "0".repeat(zeros) + "27".repeat(digits) + "e" + e;
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            int status = parser.scan(b, 0, b.length, true);
            double expected = Double.parseDouble(text);
            if (Double.isInfinite(expected)) {
                assertThat(status).as(text).isEqualTo(DecimalParser.NOT_FINITE);
            } else {
                assertThat(status).as(text).isEqualTo(DecimalParser.OK);
                assertThat(Double.doubleToRawLongBits(parser.value)).as(text)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
        String finding = "+." + "0".repeat(884) + "2".repeat(40) + "e1080383820";
        byte[] b = finding.getBytes(StandardCharsets.US_ASCII);
        assertThat(parser.scan(b, 0, b.length, true)).isEqualTo(DecimalParser.NOT_FINITE);
        // the same digits brought back into range by the zeros: finite, exact, with its tail
        check("0." + "0".repeat(1200) + "12345678901234567890123e1150");
    }
}

