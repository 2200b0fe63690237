package org.gramian.solve;

import org.gramian.numeric.DD;
import org.gramian.numeric.DDVectors;

/**
 * Finishes any {@link TriangularFactor}: detects aliased columns, solves R₁w = z by back
 * substitution (or takes the minimum-norm SVD solution when rank-deficient or asked to), forms
 * (XᵀX)⁻¹ = R₁⁻¹R₁⁻ᵀ, and undoes the column shift. All in double-double: O(p³) work, negligible
 * next to the O(n·p²) of the factorization.
 */
public final class TriangularSolver {
    /**
     * A column is aliased when the part of it orthogonal to the columns before it, |Rⱼⱼ|, is below
     * this fraction of its length: at that level it cannot be told apart, in data given as
     * doubles, from an exact linear combination.
     */
    public static final double ALIAS_TOLERANCE = 1e-15;

    private TriangularSolver() {
    }

    /**
     * @param f         the augmented factor
     * @param intercept whether column 0 is the intercept (decides centred vs uncentred TSS)
     * @param forceSvd  compute the SVD minimum-norm solution even when R₁ has full rank
     */
    public static LeastSquaresSolution solve(TriangularFactor f, boolean intercept, boolean forceSvd) {
        DD[][] r = f.r();
        int p = f.width();
        DD[] z = new DD[p];
        for (int i = 0; i < p; i++) {
            z[i] = r[i][p];
        }
        DD rho = r[p][p];
        boolean[] aliased = new boolean[p];
        int rank = p;
        for (int j = 0; j < p; j++) {
            DD norm2 = DD.ZERO;
            for (int i = 0; i <= j; i++) {
                norm2 = norm2.add(r[i][j].square());
            }
            double norm = Math.sqrt(norm2.doubleValue());
            if (norm == 0 || Math.abs(r[j][j].doubleValue()) <= ALIAS_TOLERANCE * norm) {
                aliased[j] = true;
                rank--;
            }
        }
        DD rss = rho.square();
        DD tss = rss;
        for (int i = intercept ? 1 : 0; i < p; i++) {
            tss = tss.add(z[i].square());
        }

        DD[] w;
        DD[][] cov;
        double condition;
        boolean svd = forceSvd || rank < p;
        DD[][] r1 = new DD[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(r[i], 0, r1[i], 0, p);
        }
        if (!svd) {
            // R₁⁻¹ column by column (stored transposed so each dot product runs over contiguous
            // memory), then w = R₁⁻¹z and (XᵀX)⁻¹ = R₁⁻¹R₁⁻ᵀ, all in double-double.
            double[][] rh = new double[p][p];
            double[][] rl = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int k = i; k < p; k++) {
                    rh[i][k] = r1[i][k].hi;
                    rl[i][k] = r1[i][k].lo;
                }
            }
            double[][] th = new double[p][p];   // th[j][i] = (R₁⁻¹)ᵢⱼ
            double[][] tl = new double[p][p];
            for (int j = 0; j < p; j++) {
                DD d = DD.ONE.divide(r1[j][j]);
                th[j][j] = d.hi;
                tl[j][j] = d.lo;
                for (int i = j - 1; i >= 0; i--) {
                    DD v = DDVectors.dot(rh[i], rl[i], th[j], tl[j], i + 1, j + 1).negate().divide(r1[i][i]);
                    th[j][i] = v.hi;
                    tl[j][i] = v.lo;
                }
            }
            double[][] ih = new double[p][p];   // rows of R₁⁻¹
            double[][] il = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int k = i; k < p; k++) {
                    ih[i][k] = th[k][i];
                    il[i][k] = tl[k][i];
                }
            }
            double[] zh = new double[p];
            double[] zl = new double[p];
            for (int k = 0; k < p; k++) {
                zh[k] = z[k].hi;
                zl[k] = z[k].lo;
            }
            w = new DD[p];
            for (int i = 0; i < p; i++) {
                w[i] = DDVectors.dot(ih[i], il[i], zh, zl, i, p);
            }
            cov = new DD[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    DD c = DDVectors.dot(ih[i], il[i], ih[j], il[j], j, p);
                    cov[i][j] = c;
                    cov[j][i] = c;
                }
            }
            condition = ConditionEstimator.scaledCondition(toDouble(r1));
        } else {
            JacobiSvd d = JacobiSvd.of(r1);
            w = new DD[p];
            cov = new DD[p][p];
            for (int i = 0; i < p; i++) {
                w[i] = DD.ZERO;
                for (int j = 0; j < p; j++) {
                    cov[i][j] = DD.ZERO;
                }
            }
            for (int c = 0; c < rank; c++) {
                DD sigma2 = d.sigma()[c].square();
                DD uz = DD.ZERO;
                for (int i = 0; i < p; i++) {
                    uz = uz.add(d.w()[i][c].multiply(z[i]));
                }
                DD coef = uz.divide(sigma2);
                for (int i = 0; i < p; i++) {
                    w[i] = w[i].add(coef.multiply(d.v()[i][c]));
                    DD vi = d.v()[i][c].divide(sigma2);
                    for (int j = 0; j < p; j++) {
                        cov[i][j] = cov[i][j].add(vi.multiply(d.v()[j][c]));
                    }
                }
            }
            condition = rank < p ? Double.POSITIVE_INFINITY : ConditionEstimator.scaledCondition(toDouble(r1));
        }
        if (f.shift() != null && intercept) {
            unshift(f.shift(), w, cov);
        }
        double expected = expectedDigits(f, condition);
        return new LeastSquaresSolution(w, cov, rank, aliased, rss, tss, f.observations(), condition, expected,
                f.method(), svd);
    }

    /**
     * Expected correct significant digits of w: −log₁₀ of the first-order relative error, u·κ for
     * an orthogonal factorization (QR in double-double) and u·κ² for the normal equations, where
     * u is the unit roundoff of the arithmetic and κ the scaled condition number; capped at the
     * 15.95 digits a double can hold. The worst-case least-squares bound adds u·κ²·tan θ for QR
     * (θ the angle between y and the column space), but rounding errors are not adversarial and
     * that term is far from attained in practice: on random degree-10 polynomial fits with
     * κ ≈ 10¹⁵, checked against exact rational arithmetic, the double-double QR keeps all 15 digits
     * where the bound would promise 3. So the estimate reports the first-order term.
     */
    static double expectedDigits(TriangularFactor f, double kappa) {
        if (!Double.isFinite(kappa)) {
            return 0.0;
        }
        double u = f.unitRoundoff();
        double err = f.squaredCondition() ? u * kappa * kappa : u * kappa;
        err += 0x1p-53; // the final rounding to double
        return Math.max(0.0, Math.min(15.95, -Math.log10(err)));
    }

    /** w₀ ← w₀ + s_y − Σⱼ wⱼsⱼ and C ← T C Tᵀ for T = I with row 0 = (1, −s₁, …, −s_{p−1}). */
    private static void unshift(double[] shift, DD[] w, DD[][] cov) {
        int p = w.length;
        DD w0 = w[0].add(shift[p]);
        for (int j = 1; j < p; j++) {
            w0 = w0.subtract(w[j].multiply(shift[j]));
        }
        w[0] = w0;
        // row 0 of T·C: c0k = C0k − Σj sj Cjk
        DD[] row0 = new DD[p];
        for (int k = 0; k < p; k++) {
            DD s = cov[0][k];
            for (int j = 1; j < p; j++) {
                s = s.subtract(cov[j][k].multiply(shift[j]));
            }
            row0[k] = s;
        }
        DD c00 = row0[0];
        for (int j = 1; j < p; j++) {
            c00 = c00.subtract(row0[j].multiply(shift[j]));
        }
        for (int k = 1; k < p; k++) {
            cov[0][k] = row0[k];
            cov[k][0] = row0[k];
        }
        cov[0][0] = c00;
    }

    static double[][] toDouble(DD[][] a) {
        double[][] out = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                out[i][j] = a[i][j].doubleValue();
            }
        }
        return out;
    }
}
