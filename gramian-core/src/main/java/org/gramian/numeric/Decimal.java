package org.gramian.numeric;

import java.math.BigDecimal;

/**
 * Decimal text to double-double: the nearest double plus the residual the double cannot hold, so
 * that data such as 0.1 enter the extended-precision solvers to ~32 significant digits.
 */
public final class Decimal {
    private Decimal() {
    }

    /**
     * The residual {@code decimal − hi} rounded to double, where {@code hi} is the double nearest to
     * {@code text} (as {@link Double#parseDouble} gives). Returns 0 when hi is exact.
     *
     * @throws NumberFormatException if text is not a decimal number
     */
    public static double tail(CharSequence text, double hi) {
        if (!Double.isFinite(hi)) {
            return 0.0;
        }
        String s = text.toString().strip();
        if (s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) {
            s = s.substring(0, s.length() - 1);
        }
        BigDecimal exact = new BigDecimal(s);
        return exact.subtract(new BigDecimal(hi)).doubleValue();
    }

    /** The decimal as a double-double. */
    public static DD parse(CharSequence text) {
        double hi = Double.parseDouble(text.toString());
        return DD.of(hi, tail(text, hi));
    }
}
