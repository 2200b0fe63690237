package org.gramian.cli.render;

import java.util.Locale;

/** Number formatting for explanations: exact integers as integers, everything else shortest round-trip. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * The shortest decimal that reads back as the same double (Java's {@link Double#toString}),
     * without a trailing ".0" on integers and with a lower-case exponent: 3, 0.6666666666666666,
     * -1.2e-16; NaN (a value that cannot be shown right) is NA.
     */
    public static String exact(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v); // -0.0 prints as 0
        }
        return Double.toString(v).replace("E", "e");
    }

    /** Four significant digits, for timings and tables. */
    public static String short4(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Three significant digits in scientific notation. */
    public static String sci(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
