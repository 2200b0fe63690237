package org.gramian.explain;

import java.util.List;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;
import org.gramian.iterative.DenseProblem;
import org.gramian.numeric.DD;
import org.gramian.solve.Aliasing;
import org.gramian.solve.Cholesky;
import org.gramian.accumulate.Equilibration;
import org.gramian.solve.TriangularInverse;

/**
 * The normal equation worked step by step, with every intermediate matrix kept for display:
 *
 * <ol>
 *   <li>X, the m×p design matrix (bias column of ones first when the model has an intercept), and y;</li>
 *   <li>XᵀX (p×p) and Xᵀy (p);</li>
 *   <li>the Cholesky factor R, upper triangular with XᵀX = RᵀR, which is what solves the system:
 *       Rᵀz = Xᵀy by forward substitution, then Rw = z by back substitution;</li>
 *   <li>(XᵀX)⁻¹ = R⁻¹R⁻ᵀ, shown because the textbook writes w = (XᵀX)⁻¹Xᵀy (and because s²(XᵀX)⁻¹ is
 *       the covariance of w), though solving never needs it;</li>
 *   <li>the predictions ŷ = Xw, residuals e = y − ŷ and cost J(w) = (1/2m)‖Xw − y‖²;</li>
 *   <li>the gradient ∇J(w) = (1/m)(XᵀXw − Xᵀy) at the (double-rounded) w: the normal equation is the
 *       statement ∇J(w) = 0, so its norm is at the level of rounding.</li>
 * </ol>
 *
 * <p>Sums and factorizations are carried in double-double ({@link DD}) and rounded once for
 * display. The columns and y are first multiplied
 * by powers of two near their magnitudes (exact), so data from 1e−300 to 1e300 can be squared; an
 * intermediate that does not fit in a double in the original units (XᵀX of 1e200 data) is NaN,
 * shown as NA, never Inf or 0. On small examples every printed digit is right (for x = [1,2,3], y = [2,4,5]:
 * XᵀX = [[3,6],[6,14]], Xᵀy = [11,25], w = [2/3, 3/2]). This is an explanation for data that fits
 * in memory; for the best answer on ill-conditioned data use {@code org.gramian.Gramian.fit}, which
 * never forms XᵀX.
 *
 * @param names        coefficient names, in the column order of X
 * @param intercept    whether column 0 of X is the intercept's column of ones
 * @param aliased      names of the columns that are linear combinations of the columns before them
 *                     ({@link Aliasing}): left out of the solve, their coefficients NaN, their rows
 *                     of R zero, as {@code gramian fit} reports them
 * @param target       name of y
 * @param x            X, m×p
 * @param y            y, length m
 * @param gram         XᵀX
 * @param cholesky     R, upper triangular, XᵀX = RᵀR
 * @param gramInverse  (XᵀX)⁻¹
 * @param xty          Xᵀy
 * @param coefficients w
 * @param predictions  ŷ = Xw
 * @param residuals    e = y − ŷ
 * @param cost         J(w) = (1/2m)Σeᵢ²
 * @param gradient     ∇J(w) = (1/m)(XᵀXw − Xᵀy) evaluated in double-double at the rounded w
 * @param gradientNorm ‖∇J(w)‖₂
 */
public record NormalEquationSteps(List<String> names, boolean intercept, List<String> aliased, String target, double[][] x, double[] y, double[][] gram,
                                  double[][] cholesky, double[][] gramInverse, double[] xty, double[] coefficients,
                                  double[] predictions, double[] residuals, double cost, double[] gradient,
                                  double gradientNorm) {

    public NormalEquationSteps {
        names = List.copyOf(names);
        aliased = List.copyOf(aliased);
    }

    /** m, the number of observations. */
    public int rows() {
        return y.length;
    }

    /** p, the number of coefficients. */
    public int columns() {
        return names.size();
    }

    /** Reads {@code source} into memory and works the steps. */
    public static NormalEquationSteps of(RowSource source, ModelSpec spec) {
        return of(DenseProblem.of(source, spec), spec.target());
    }

    /**
     * Works the steps for an in-memory problem. A rank-deficient X is a result, as in
     * {@code gramian fit}: see {@link #aliased()}.
     */
    public static NormalEquationSteps of(DenseProblem problem, String target) {
        double[][] x = problem.x();
        double[] y = problem.y();
        int m = problem.rows();
        int p = problem.columns();
        // Power-of-two equilibration (exact): column j times dⱼ, y times c, so that data of any finite
        // magnitude can be squared; every quantity is computed scaled and brought back at the end.
        double[] d = Equilibration.fromMagnitudes(problem.magnitudes());
        int[] e = new int[p + 1];
        for (int j = 0; j <= p; j++) {
            e[j] = Math.getExponent(d[j]);
        }
        DD[][] g = new DD[p][p];
        DD[] b = new DD[p];
        for (int j = 0; j < p; j++) {
            b[j] = DD.ZERO;
            for (int k = 0; k < p; k++) {
                g[j][k] = DD.ZERO;
            }
        }
        double[] row = new double[p];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                row[j] = x[i][j] * d[j];
            }
            double yi = y[i] * d[p];
            for (int j = 0; j < p; j++) {
                for (int k = j; k < p; k++) {
                    g[j][k] = g[j][k].add(DD.product(row[j], row[k]));
                }
                b[j] = b[j].add(DD.product(row[j], yi));
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                g[j][k] = g[k][j];
            }
        }
        boolean[] aliased = new boolean[p];
        DD[][] r = Cholesky.upper(g, Aliasing.tolerance(0x1p-104, true), aliased, 0);
        // The estimable columns K: an aliased column is left out of the solve, as fit does.
        int q = 0;
        for (boolean a : aliased) {
            q += a ? 0 : 1;
        }
        int[] kept = new int[q];
        for (int j = 0, k = 0; j < p; j++) {
            if (!aliased[j]) {
                kept[k++] = j;
            }
        }
        DD[][] rk = new DD[q][q];
        for (int a = 0; a < q; a++) {
            for (int c = 0; c < q; c++) {
                rk[a][c] = r[kept[a]][kept[c]];
            }
        }
        TriangularInverse rInv = TriangularInverse.of(rk, q);
        DD nan = DD.of(Double.NaN);
        DD[][] inv = new DD[p][p];
        for (DD[] invRow : inv) {
            java.util.Arrays.fill(invRow, nan);
        }
        for (int a = 0; a < q; a++) {
            for (int c = a; c < q; c++) {
                DD v = rInv.gram(a, c);
                inv[kept[a]][kept[c]] = v;
                inv[kept[c]][kept[a]] = v;
            }
        }
        // Rᵀz = b, then Rw = z, on the estimable columns
        DD[] z = new DD[q];
        for (int i = 0; i < q; i++) {
            DD s = b[kept[i]];
            for (int k = 0; k < i; k++) {
                s = s.subtract(rk[k][i].multiply(z[k]));
            }
            z[i] = s.divide(rk[i][i]);
        }
        DD[] ws = new DD[p];
        java.util.Arrays.fill(ws, nan);
        for (int i = q - 1; i >= 0; i--) {
            DD s = z[i];
            for (int k = i + 1; k < q; k++) {
                s = s.subtract(rk[i][k].multiply(ws[kept[k]]));
            }
            ws[kept[i]] = s.divide(rk[i][i]);
        }
        // back to original units: w = D·w̃/c, XᵀX = D⁻¹G̃D⁻¹, R = R̃D⁻¹, (XᵀX)⁻¹ = D·G̃⁻¹·D, Xᵀy = D⁻¹b̃/c
        DD[] w = new DD[p];
        double[] wd = new double[p];
        double[] ws2 = new double[p];   // the rounded w in scaled units (exact)
        for (int j = 0; j < p; j++) {
            w[j] = ws[j].scalb(e[j] - e[p]);
            wd[j] = Equilibration.unscale(ws[j].doubleValue(), e[j] - e[p]);
            ws2[j] = aliased[j] ? 0.0 : Math.scalb(wd[j], e[p] - e[j]);
        }
        double[] yhat = new double[m];
        double[] res = new double[m];
        DD rss = DD.ZERO;   // c²·‖e‖²
        for (int i = 0; i < m; i++) {
            DD f = DD.ZERO;
            for (int j = 0; j < p; j++) {
                if (!aliased[j]) {
                    f = f.add(ws[j].multiply(x[i][j] * d[j]));
                }
            }
            DD ei = DD.of(y[i] * d[p]).subtract(f);
            yhat[i] = Equilibration.unscale(f.doubleValue(), -e[p]);
            res[i] = Equilibration.unscale(ei.doubleValue(), -e[p]);
            rss = rss.add(ei.square());
        }
        double[] grad = new double[p];
        DD norm2 = DD.ZERO;
        for (int j = 0; j < p; j++) {
            DD s = b[j].negate();
            for (int k = 0; k < p; k++) {
                s = s.add(g[j][k].multiply(ws2[k]));
            }
            DD gs = s.divide(m);
            grad[j] = Equilibration.unscale(gs.doubleValue(), -e[j] - e[p]);
            norm2 = Double.isNaN(grad[j]) ? DD.of(Double.NaN) : norm2.add(gs.scalb(-e[j] - e[p]).square());
        }
        double[][] gramOut = new double[p][p];
        double[][] rOut = new double[p][p];
        double[][] invOut = new double[p][p];
        double[] bOut = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                gramOut[i][j] = Equilibration.unscale(g[i][j].doubleValue(), -e[i] - e[j]);
                rOut[i][j] = Equilibration.unscale(r[i][j].doubleValue(), -e[j]);
                invOut[i][j] = Equilibration.unscale(inv[i][j].doubleValue(), e[i] + e[j]);
            }
            bOut[i] = Equilibration.unscale(b[i].doubleValue(), -e[i] - e[p]);
        }
        double cost = Equilibration.unscale(rss.divide(2.0 * m).doubleValue(), -2 * e[p]);
        List<String> aliasedNames = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (aliased[j]) {
                aliasedNames.add(problem.names().get(j));
            }
        }
        return new NormalEquationSteps(problem.names(), problem.intercept(), aliasedNames, target, x, y, gramOut, rOut, invOut, bOut, wd,
                yhat, res, cost, grad, Equilibration.unscale(norm2.sqrt().doubleValue(), 0));
    }


    private static double[] round(DD[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].doubleValue();
        }
        return out;
    }

    private static double[][] round(DD[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = round(a[i]);
        }
        return out;
    }
}
