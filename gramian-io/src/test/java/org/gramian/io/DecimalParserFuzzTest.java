package org.gramian.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.gramian.numeric.Decimal;

/**
 * Fuzz target for the number parser's fast paths ({@link DecimalParser#scan}, the SWAR digit loop,
 * Eisel–Lemire, the exact tails): any bytes, scanned from the start with the bound at their end, as
 * the CSV fast path scans a cell (whatever follows the number lies in the same words as its last
 * digits).
 *
 * <p>Oracle, independent of the parser: when it takes a number, the text it took must be one that
 * {@link Double#parseDouble} reads to the same bits (or, for NOT_FINITE, to an infinity), its tail
 * must be {@link Decimal#tail}'s (BigDecimal; zero when the double is zero), and {@link DecimalParser#parse} of exactly that text
 * must agree; the byte after the text must not be a digit (the longest number was taken).
 *
 * <p>Without {@code JAZZER_FUZZ} this runs the seeds in {@code DecimalParserFuzzTestInputs/} as a
 * regression test; {@code mvn verify} fuzzes it for a bounded time (see the pom).
 */
class DecimalParserFuzzTest {
    private final DecimalParser parser = new DecimalParser();
    private final DecimalParser again = new DecimalParser();

    @org.junit.jupiter.api.Timeout(10)   // per input: a hang is a finding (see gramian-io/pom.xml)
    @FuzzTest(maxDuration = "30s")
    void decimalScan(byte[] data) {
        if (data.length > 4000) {
            return; // BigDecimal, the oracle, is quadratic in the digits
        }
        int status = parser.scan(data, 0, data.length, true);
        if (status == DecimalParser.NOT_A_NUMBER) {
            return;
        }
        int stop = parser.stop;
        String text = new String(data, 0, stop, StandardCharsets.ISO_8859_1);
        if (stop < data.length && data[stop] >= '0' && data[stop] <= '9') {
            throw new AssertionError("stopped before a digit: " + text + " | " + data[stop]);
        }
        double expected = Double.parseDouble(text);
        if (status == DecimalParser.NOT_FINITE) {
            if (!Double.isInfinite(expected)) {
                throw new AssertionError("NOT_FINITE for " + text);
            }
            return;
        }
        if (Double.doubleToRawLongBits(parser.value) != Double.doubleToRawLongBits(expected)) {
            throw new AssertionError("value of " + text + ": " + parser.value + " vs " + expected);
        }
        // a decimal whose double is zero has a zero residual (|v| ≤ 2^−1075 rounds to zero); BigDecimal
        // refuses exponents beyond the int range, which such texts may have
        double tail = expected == 0 ? 0.0 : Decimal.tail(text, expected);
        if (Double.doubleToRawLongBits(parser.tail) != Double.doubleToRawLongBits(tail)
                && !(parser.tail == 0 && tail == 0)) {
            throw new AssertionError("tail of " + text + ": " + parser.tail + " vs " + tail);
        }
        if (again.parse(data, 0, stop, true) != DecimalParser.OK
                || Double.doubleToRawLongBits(again.value) != Double.doubleToRawLongBits(parser.value)
                || Double.doubleToRawLongBits(again.tail) != Double.doubleToRawLongBits(parser.tail)) {
            throw new AssertionError("parse and scan disagree on " + text);
        }
    }
}
