package org.gramian.solve;

/**
 * The one aliasing policy. Column j of X is <em>aliased</em> (treated as an exact linear
 * combination of the columns before it, and left out of the fit) when the part of it orthogonal
 * to those columns, |Rⱼⱼ| of any triangular factor with RᵀR = XᵀX, is at most τ·‖R eⱼ‖ (its
 * length), or exactly zero.
 *
 * <p>τ is set by what can be resolved. Data given as doubles carry about 16 digits, so a ratio
 * below {@value #DATA_PRECISION} cannot be told apart from an exact dependency, whatever the
 * arithmetic. A factor computed from XᵀX in precision u (Cholesky of the Gram matrix) resolves
 * the ratio only down to about √(1000·u), since squaring X lost half the digits: 3.3·10⁻⁷ in
 * double precision, 2.2·10⁻¹⁴ in double-double. A factor computed from X itself (Householder QR)
 * resolves about 1000·u. So τ = max(10⁻¹⁵, √(1000·u)) for normal-equation factors and
 * max(10⁻¹⁵, 1000·u) for orthogonal ones.
 */
public final class Aliasing {
    /** The relative precision of data given as doubles: below it a dependency is exact. */
    public static final double DATA_PRECISION = 1e-15;

    private Aliasing() {
    }

    /**
     * τ for a factor computed in arithmetic of unit roundoff u.
     *
     * @param squaredCondition whether the factor came from XᵀX (errors grow with κ²)
     */
    public static double tolerance(double unitRoundoff, boolean squaredCondition) {
        double resolvable = squaredCondition ? Math.sqrt(1000 * unitRoundoff) : 1000 * unitRoundoff;
        return Math.max(DATA_PRECISION, resolvable);
    }

    /** Whether a column with diagonal entry |Rⱼⱼ| and length ‖R eⱼ‖ is aliased at tolerance τ. */
    public static boolean aliased(double rjj, double columnNorm, double tolerance) {
        return columnNorm == 0 || Math.abs(rjj) <= tolerance * columnNorm;
    }
}
