package org.gramian.explain;

import java.util.List;
import org.gramian.GramianException;
import org.gramian.design.ModelSpec;
import org.gramian.design.RowSource;
import org.gramian.iterative.DenseProblem;
import org.gramian.numeric.DD;

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
 * display, so on small examples every printed digit is right (for x = [1,2,3], y = [2,4,5]:
 * XᵀX = [[3,6],[6,14]], Xᵀy = [11,25], w = [2/3, 3/2]). This is an explanation for data that fits
 * in memory; for the best answer on ill-conditioned data use {@code org.gramian.Gramian.fit}, which
 * never forms XᵀX.
 *
 * @param names        coefficient names, in the column order of X
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
public record NormalEquationSteps(List<String> names, String target, double[][] x, double[] y, double[][] gram,
                                  double[][] cholesky, double[][] gramInverse, double[] xty, double[] coefficients,
                                  double[] predictions, double[] residuals, double cost, double[] gradient,
                                  double gradientNorm) {

    /** A pivot of R below this fraction of √(XᵀX)ⱼⱼ means column j is a combination of earlier ones. */
    public static final double SINGULAR_TOLERANCE = 1e-14;

    public NormalEquationSteps {
        names = List.copyOf(names);
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
     * Works the steps for an in-memory problem.
     *
     * @throws GramianException when XᵀX is singular (a column of X is a combination of the others)
     */
    public static NormalEquationSteps of(DenseProblem problem, String target) {
        double[][] x = problem.x();
        double[] y = problem.y();
        int m = problem.rows();
        int p = problem.columns();
        DD[][] g = new DD[p][p];
        DD[] b = new DD[p];
        for (int j = 0; j < p; j++) {
            b[j] = DD.ZERO;
            for (int k = 0; k < p; k++) {
                g[j][k] = DD.ZERO;
            }
        }
        for (int i = 0; i < m; i++) {
            double[] row = x[i];
            for (int j = 0; j < p; j++) {
                for (int k = j; k < p; k++) {
                    g[j][k] = g[j][k].add(DD.product(row[j], row[k]));
                }
                b[j] = b[j].add(DD.product(row[j], y[i]));
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                g[j][k] = g[k][j];
            }
        }
        DD[][] r = cholesky(g, problem.names());
        DD[][] rInv = invertUpper(r);
        DD[][] inv = new DD[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                DD s = DD.ZERO;
                for (int k = j; k < p; k++) {
                    s = s.add(rInv[i][k].multiply(rInv[j][k]));
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        // Rᵀz = b, then Rw = z
        DD[] z = new DD[p];
        for (int i = 0; i < p; i++) {
            DD s = b[i];
            for (int k = 0; k < i; k++) {
                s = s.subtract(r[k][i].multiply(z[k]));
            }
            z[i] = s.divide(r[i][i]);
        }
        DD[] w = new DD[p];
        for (int i = p - 1; i >= 0; i--) {
            DD s = z[i];
            for (int k = i + 1; k < p; k++) {
                s = s.subtract(r[i][k].multiply(w[k]));
            }
            w[i] = s.divide(r[i][i]);
        }
        double[] wd = round(w);
        double[] yhat = new double[m];
        double[] res = new double[m];
        DD rss = DD.ZERO;
        for (int i = 0; i < m; i++) {
            DD f = DD.ZERO;
            for (int j = 0; j < p; j++) {
                f = f.add(w[j].multiply(x[i][j]));
            }
            DD e = DD.of(y[i]).subtract(f);
            yhat[i] = f.doubleValue();
            res[i] = e.doubleValue();
            rss = rss.add(e.square());
        }
        double[] grad = new double[p];
        DD norm2 = DD.ZERO;
        for (int j = 0; j < p; j++) {
            DD s = b[j].negate();
            for (int k = 0; k < p; k++) {
                s = s.add(g[j][k].multiply(wd[k]));
            }
            DD gj = s.divide(m);
            grad[j] = gj.doubleValue();
            norm2 = norm2.add(gj.square());
        }
        return new NormalEquationSteps(problem.names(), target, x, y, round(g), round(r), round(inv), round(b), wd,
                yhat, res, rss.divide(2.0 * m).doubleValue(), grad, norm2.sqrt().doubleValue());
    }

    private static DD[][] cholesky(DD[][] g, List<String> names) {
        int p = g.length;
        DD[][] r = new DD[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                r[i][j] = DD.ZERO;
            }
        }
        for (int j = 0; j < p; j++) {
            DD d = g[j][j];
            for (int k = 0; k < j; k++) {
                d = d.subtract(r[k][j].square());
            }
            double scale = Math.sqrt(g[j][j].doubleValue());
            if (!(d.doubleValue() > 0) || Math.sqrt(d.doubleValue()) <= SINGULAR_TOLERANCE * scale) {
                throw new GramianException("XᵀX is singular: column '" + names.get(j) + "' of X is a linear"
                        + " combination of the columns before it, so the normal equation has no unique solution"
                        + " (gramian fit reports the minimum-norm one)");
            }
            r[j][j] = d.sqrt();
            for (int c = j + 1; c < p; c++) {
                DD s = g[j][c];
                for (int k = 0; k < j; k++) {
                    s = s.subtract(r[k][j].multiply(r[k][c]));
                }
                r[j][c] = s.divide(r[j][j]);
            }
        }
        return r;
    }

    private static DD[][] invertUpper(DD[][] r) {
        int p = r.length;
        DD[][] inv = new DD[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                inv[i][j] = DD.ZERO;
            }
        }
        for (int j = 0; j < p; j++) {
            inv[j][j] = DD.ONE.divide(r[j][j]);
            for (int i = j - 1; i >= 0; i--) {
                DD s = DD.ZERO;
                for (int k = i + 1; k <= j; k++) {
                    s = s.add(r[i][k].multiply(inv[k][j]));
                }
                inv[i][j] = s.negate().divide(r[i][i]);
            }
        }
        return inv;
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
