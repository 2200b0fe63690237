package org.gramian.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Decimal text for doubles in CSV output. */
final class Numbers {
    private static final MathContext[] DIGITS = new MathContext[18];

    static {
        for (int d = 1; d <= 17; d++) {
            DIGITS[d] = new MathContext(d, RoundingMode.HALF_EVEN);
        }
    }

    private Numbers() {
    }

    /**
     * The shortest decimal (at most 17 significant digits) that reads back as exactly {@code v}:
     * the value rounded to 1, 2, … digits until it round-trips.
     */
    static String shortest(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(v);
        for (int d = 1; d < 17; d++) {
            BigDecimal r = exact.round(DIGITS[d]);
            if (r.doubleValue() == v) {
                return text(r);
            }
        }
        return text(exact.round(DIGITS[17]));
    }

    /** {@code v} rounded to 17 significant digits (enough to read back as exactly v), trailing zeros dropped. */
    static String significant17(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        if (v == 0) {
            return "0";
        }
        return text(new BigDecimal(v).round(DIGITS[17]));
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }

    /** Plain notation for moderate magnitudes, scientific (1.5E-9, 2E+30) otherwise. */
    private static String text(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1; // position of the leading digit
        if (exponent >= -6 && exponent < 21) {
            return s.toPlainString();
        }
        return s.toString();
    }

    /** Drops trailing zeros of the fraction of a %g-formatted number: 1.50000 → 1.5, 2.00e+10 → 2e+10. */
    static String trimmed(String g) {
        int e = Math.max(g.indexOf('e'), g.indexOf('E'));
        String mantissa = e < 0 ? g : g.substring(0, e);
        String exponent = e < 0 ? "" : g.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + exponent;
    }
}
