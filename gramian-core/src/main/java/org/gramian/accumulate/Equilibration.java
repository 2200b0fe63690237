package org.gramian.accumulate;

import java.util.Arrays;

/**
 * Power-of-two column scaling ("equilibration") of the augmented data [X y] before it is
 * accumulated, so that data of any finite magnitude, 1e−300 or 1e300, can be squared and summed
 * without overflow or underflow.
 *
 * <p>Column j is multiplied by dⱼ = 2⁻ᵉ where 2ᵉ ≤ |aⱼ| &lt; 2ᵉ⁺¹ for a representative magnitude aⱼ
 * of the column (its first observation, or its largest absolute value when the first observation
 * turned out to be unrepresentative). A power of two changes only the exponent of each number,
 * so the scaled data, their products and sums are exactly the unscaled ones times dᵢdⱼ (barring
 * subnormals): the solution in scaled units, w̃ⱼ = wⱼ·c/dⱼ with c the scale of y, carries the same
 * bits, and the solver undoes it exactly.
 */
public final class Equilibration {
    /** A positive diagonal sum below this suggests the column underflowed when squared. */
    public static final double UNDERFLOW_RISK = 0x1p-900;

    private Equilibration() {
    }

    /** All ones (no scaling), length m. */
    public static double[] none(int m) {
        double[] d = new double[m];
        Arrays.fill(d, 1.0);
        return d;
    }

    /**
     * dⱼ = 2^−⌊log₂|aⱼ|⌋ for each finite nonzero aⱼ, else 1: scaled, aⱼ lies in [1, 2).
     *
     * @param magnitudes one representative value per augmented column (sign ignored)
     */
    public static double[] fromMagnitudes(double[] magnitudes) {
        double[] d = new double[magnitudes.length];
        for (int j = 0; j < d.length; j++) {
            double a = Math.abs(magnitudes[j]);
            d[j] = a > 0 && Double.isFinite(a) ? Math.scalb(1.0, -Math.getExponent(a)) : 1.0;
            if (d[j] == 0 || Double.isInfinite(d[j])) {
                d[j] = 1.0; // a subnormal's reciprocal power of two can exceed the double range
            }
        }
        return d;
    }

    static double[] check(double[] scale, int m) {
        if (scale.length != m) {
            throw new IllegalArgumentException("scale of length " + scale.length + ", expected " + m);
        }
        for (double v : scale) {
            if (!(v > 0) || Double.isInfinite(v) || v != Math.scalb(1.0, Math.getExponent(v))) {
                throw new IllegalArgumentException("scale entries must be powers of two, got " + v);
            }
        }
        return scale.clone();
    }

    /**
     * v·2ᵉ: a quantity computed in equilibrated units brought back, or NaN when that leaves the
     * range of normal doubles (overflow, or underflow of a nonzero value into fewer significant
     * bits): such a number cannot be shown right, and NA beats a plausible wrong value.
     */
    public static double unscale(double v, int e) {
        if (Double.isNaN(v) || v == 0) {
            return v;
        }
        double out = Math.scalb(v, e);
        if (Double.isInfinite(out) && !Double.isInfinite(v)) {
            return Double.NaN;
        }
        return Math.abs(out) < Double.MIN_NORMAL ? Double.NaN : out;
    }
}
