package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * The common currency of all solvers: an upper-triangular R (m×m, m = p+1) of the augmented data
 * [X y] with RᵀR = [X y]ᵀ[X y], whether it came from Cholesky of the Gram matrix or from QR of the
 * data. Writing R = [[R₁, z], [0, ρ]], the least-squares coefficients solve R₁w = z, the residual
 * sum of squares is ρ², and (XᵀX)⁻¹ = R₁⁻¹R₁⁻ᵀ.
 *
 * @param r            the augmented factor, m×m, entries below the diagonal zero
 * @param observations number of rows n that went into it
 * @param shift        the shift applied to columns 1..p−1 and to y (index p) before factoring,
 *                     or null; only used with an intercept in column 0
 * @param unitRoundoff the unit roundoff of the arithmetic that produced R (2⁻⁵³ or 2⁻¹⁰⁴)
 * @param squaredCondition true when errors grow with κ² (normal equations), false for QR
 * @param scale        the powers of two that multiplied each augmented column (after the shift)
 *                     before factoring, length m, or null for none: R is the factor of the scaled
 *                     data ({@link Equilibration})
 * @param doubleR      the same factor as doubles, m×m, in place of {@code r} (then null): a wide
 *                     factor of the double-precision normal equation ({@link GramCholesky}), kept as
 *                     m² doubles rather than m² objects; or null
 */
public record TriangularFactor(DD[][] r, long observations, double[] shift, double unitRoundoff,
                               boolean squaredCondition, double[] scale, double[][] doubleR) {

    /** A factor in double-double ({@code doubleR} null). */
    public TriangularFactor(DD[][] r, long observations, double[] shift, double unitRoundoff,
                            boolean squaredCondition, double[] scale) {
        this(r, observations, shift, unitRoundoff, squaredCondition, scale, null);
    }

    /** A factor of unscaled data. */
    public TriangularFactor(DD[][] r, long observations, double[] shift, double unitRoundoff,
                            boolean squaredCondition) {
        this(r, observations, shift, unitRoundoff, squaredCondition, null);
    }

    public static final double DOUBLE_ROUNDOFF = 0x1p-53;
    public static final double DD_ROUNDOFF = 0x1p-104;

    /** The factor in double-double: {@code r}, or {@code doubleR}'s entries (below the diagonal zero). */
    public DD[][] ddR() {
        if (r != null) {
            return r;
        }
        int m = doubleR.length;
        DD[][] out = new DD[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = j < i ? DD.ZERO : DD.of(doubleR[i][j]);
            }
        }
        return out;
    }

    /** Number of design columns p. */
    public int width() {
        return (r != null ? r.length : doubleR.length) - 1;
    }
}
