package org.gramian.solve;

import org.gramian.GramianException;
import org.gramian.accumulate.Equilibration;
import org.gramian.accumulate.HouseholderAccumulator;
import org.gramian.numeric.DD;

/**
 * Ridge regression on a triangular factor of [X y]: w minimizes ‖y − Xw‖² + λ‖w_pen‖², where
 * w_pen are the coefficients of the columns as given (no standardization) and the intercept, when
 * there is one, is not penalized.
 *
 * <p><b>Centring from the factor.</b> With the intercept in column 0, R = [[r₀₀, r₀ᵀ], [0, B]]
 * where B, the trailing block, satisfies BᵀB = [X_c y_c]ᵀ[X_c y_c] for the centred (weighted:
 * weighted-centred) columns: the first Householder reflection projects out the column of ones. So
 * the penalized problem for the slopes is min ‖y_c − X_c b‖² + λ‖b‖², whose factor B = [[R₂, z], [0, ρ]]
 * is the design's, and the intercept follows from the first row, r₀₀w₀ + r₀ᵀb = r₀ₚ, i.e. w₀ = ȳ − x̄ᵀb:
 * exactly glmnet's and scikit-learn's {@code fit_intercept} ridge. Without an intercept B is R itself.
 *
 * <p><b>The solve.</b> The (q+1)×(q+1) block B is stacked on the q rows √λ·dⱼ·eⱼᵀ (dⱼ the power of
 * two that scaled column j, {@link Equilibration}, so that the penalty is λ‖b‖² in original units)
 * and triangularized again by Householder reflections in double-double; back substitution gives b.
 * This is least squares on the augmented system [X_c; √λI] b ≈ [y_c; 0], with the backward
 * stability of QR (no XᵀX + λI is formed), at O(q³) cost after the one pass over the data.
 */
public final class RidgeProblem {
    private final DD[][] r;
    private final DD[][] b;
    private final int offset;
    private final int q;
    private final int p;
    private final double[] d;
    private final double c;
    private final long n;

    private RidgeProblem(DD[][] r, int offset, double[] d, long n) {
        this.r = r;
        this.offset = offset;
        this.p = r.length - 1;
        this.q = p - offset;
        this.d = d;
        this.c = d[p];
        this.n = n;
        this.b = new DD[q + 1][q + 1];
        for (int i = 0; i <= q; i++) {
            for (int j = 0; j <= q; j++) {
                b[i][j] = r[offset + i][offset + j];
            }
        }
    }

    /**
     * @param f         a factor of unshifted data (as the Householder pass gives it)
     * @param intercept whether column 0 is the (unpenalized) intercept
     */
    public static RidgeProblem of(TriangularFactor f, boolean intercept) {
        if (f.shift() != null) {
            throw new IllegalArgumentException("ridge needs the factor of unshifted data");
        }
        double[] scale = f.scale() == null ? Equilibration.none(f.width() + 1) : f.scale();
        return new RidgeProblem(f.ddR(), intercept ? 1 : 0, scale, f.observations());
    }

    /** The number of penalized coefficients q (p, or p − 1 with an intercept). */
    public int penalized() {
        return q;
    }

    /** n, the observations in the factor. */
    public long observations() {
        return n;
    }

    /** The exponent that brings a scaled sum of squares back to original units, −2·log₂c. */
    int rssExponent() {
        return -2 * Math.getExponent(c);
    }

    /**
     * The ridge coefficients for {@code lambda} (≥ 0, finite).
     *
     * @throws GramianException when λ = 0 and X (centred) is rank-deficient: the minimizer is not
     *                          unique
     */
    public RidgeSolution solve(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("the ridge penalty must be finite and ≥ 0, got " + lambda);
        }
        DD[] beta = new DD[q];
        if (q > 0) {
            HouseholderAccumulator acc = new HouseholderAccumulator(q);
            DD[] row = new DD[q + 1];
            for (int i = 0; i <= q; i++) {
                System.arraycopy(b[i], 0, row, 0, q + 1);
                acc.add(row);
            }
            DD root = DD.of(lambda).sqrt();
            for (int j = 0; j < q; j++) {
                java.util.Arrays.fill(row, DD.ZERO);
                row[j] = root.multiply(d[offset + j]);
                acc.add(row);
            }
            DD[][] t = acc.factor();
            boolean[] aliased = TriangularSolver.aliasedColumns(t, q,
                    Aliasing.tolerance(TriangularFactor.DD_ROUNDOFF, false));
            for (int j = 0; j < q; j++) {
                if (aliased[j] || t[j][j].isZero()) {
                    throw new GramianException("ridge with λ = " + lambda + ": the columns of X"
                            + (offset == 1 ? " (centred)" : "") + " are linearly dependent, so the solution is"
                            + " not unique; use λ > 0");
                }
            }
            for (int i = q - 1; i >= 0; i--) {
                DD s = t[i][q];
                for (int j = i + 1; j < q; j++) {
                    s = s.subtract(t[i][j].multiply(beta[j]));
                }
                beta[i] = s.divide(t[i][i]);
            }
        }
        DD[] w = new DD[p];
        for (int j = 0; j < q; j++) {
            w[offset + j] = beta[j];
        }
        if (offset == 1) {
            // the intercept from the first row of R: r₀₀w̃₀ + Σ r₀ⱼw̃ⱼ = r₀ₚ (w₀ = ȳ − x̄ᵀb)
            DD s = r[0][p];
            for (int j = 1; j < p; j++) {
                s = s.subtract(r[0][j].multiply(beta[j - 1]));
            }
            w[0] = s.divide(r[0][0]);
        }
        int ce = Math.getExponent(c);
        for (int j = 0; j < p; j++) {
            w[j] = w[j].scalb(Math.getExponent(d[j]) - ce);   // w = D·w̃/c, exact
        }
        return new RidgeSolution(w, rss(beta), tss(), rssExponent(), n);
    }

    /** ‖B(−b; 1)‖² = ‖y_c − X_c b‖² in scaled units: the residual sum of squares of b (with its intercept). */
    private DD rss(DD[] beta) {
        DD sum = DD.ZERO;
        for (int i = 0; i <= q; i++) {
            DD res = b[i][q];
            for (int j = i; j < q; j++) {
                res = res.subtract(b[i][j].multiply(beta[j]));
            }
            sum = sum.add(res.square());
        }
        return sum;
    }

    /** ‖y_c‖² (uncentred ‖y‖² without an intercept), in scaled units: the last column of B. */
    private DD tss() {
        DD sum = DD.ZERO;
        for (int i = 0; i <= q; i++) {
            sum = sum.add(b[i][q].square());
        }
        return sum;
    }

    /** The singular value decomposition of the centred design for the closed-form ridge path. */
    public RidgeSpectrum spectrum() {
        return RidgeSpectrum.of(b, q, offset, d, n);
    }
}
