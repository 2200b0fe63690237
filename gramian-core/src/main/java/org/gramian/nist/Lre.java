package org.gramian.nist;

/**
 * Log relative error, the accuracy measure of McCullough (1998) used with the NIST StRD:
 * LRE = −log₁₀(|x − c| / |c|) for a certified value c ≠ 0, and −log₁₀|x − c| (the log absolute
 * error) when c = 0. It counts the correct significant digits of x. It is capped at
 * {@value #CAP}, the number of digits NIST certifies, and is 0 for a NaN or for an error
 * larger than the value.
 */
public final class Lre {
    public static final double CAP = 15.0;

    private Lre() {
    }

    public static double of(double computed, double certified) {
        if (Double.isNaN(computed)) {
            return 0.0;
        }
        if (computed == certified) {
            return CAP;
        }
        double err = Math.abs(computed - certified);
        double lre = certified == 0 ? -Math.log10(err) : -Math.log10(err / Math.abs(certified));
        if (Double.isNaN(lre)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(CAP, lre));
    }

    /** The smallest LRE over paired arrays. */
    public static double min(double[] computed, double[] certified) {
        double m = CAP;
        for (int i = 0; i < certified.length; i++) {
            m = Math.min(m, of(computed[i], certified[i]));
        }
        return m;
    }
}
