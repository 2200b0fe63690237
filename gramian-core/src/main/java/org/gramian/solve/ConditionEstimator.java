package org.gramian.solve;

/**
 * Estimates κ₁(R) = ‖R‖₁·‖R⁻¹‖₁ for an upper-triangular R with Hager's method (Higham 1988, the
 * LAPACK {@code dtrcon} approach): a few triangular solves, O(p²) each, instead of the O(p³) of
 * an inverse or SVD. The estimate is a lower bound, almost always within a factor 3 of the truth.
 * Columns are scaled to unit 2-norm first (‖R eⱼ‖ = ‖X eⱼ‖), so the number measures the
 * collinearity of the data, not the units of its columns (van der Sluis).
 */
public final class ConditionEstimator {
    private ConditionEstimator() {
    }

    /** κ₁ of R with unit-norm columns; +∞ when a diagonal entry is 0. */
    public static double scaledCondition(double[][] r) {
        int p = r.length;
        if (p == 0) {
            return 1.0;
        }
        double[][] s = new double[p][p];
        for (int j = 0; j < p; j++) {
            double norm = 0;
            for (int i = 0; i <= j; i++) {
                norm = Math.hypot(norm, r[i][j]);
            }
            if (norm == 0 || r[j][j] == 0) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i <= j; i++) {
                s[i][j] = r[i][j] / norm;
            }
        }
        double normR = 0;
        for (int j = 0; j < p; j++) {
            double c = 0;
            for (int i = 0; i <= j; i++) {
                c += Math.abs(s[i][j]);
            }
            normR = Math.max(normR, c);
        }
        return normR * inverseNorm1(s);
    }

    private static double inverseNorm1(double[][] r) {
        int p = r.length;
        double[] x = new double[p];
        java.util.Arrays.fill(x, 1.0 / p);
        double est = 0;
        int last = -1;
        for (int iter = 0; iter < 5; iter++) {
            double[] y = solveUpper(r, x);
            double ny = 0;
            for (double v : y) {
                ny += Math.abs(v);
            }
            if (!Double.isFinite(ny)) {
                return Double.POSITIVE_INFINITY;
            }
            if (iter > 0 && ny <= est) {
                break;
            }
            est = ny;
            double[] xi = new double[p];
            for (int i = 0; i < p; i++) {
                xi[i] = y[i] >= 0 ? 1.0 : -1.0;
            }
            double[] z = solveUpperTransposed(r, xi);
            int jmax = 0;
            for (int i = 1; i < p; i++) {
                if (Math.abs(z[i]) > Math.abs(z[jmax])) {
                    jmax = i;
                }
            }
            double ztx = 0;
            for (int i = 0; i < p; i++) {
                ztx += z[i] * x[i];
            }
            if (Math.abs(z[jmax]) <= ztx || jmax == last) {
                break;
            }
            java.util.Arrays.fill(x, 0.0);
            x[jmax] = 1.0;
            last = jmax;
        }
        // Higham's extra check with an alternating vector guards against bad cases.
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            b[i] = (i % 2 == 0 ? 1 : -1) * (1.0 + (double) i / Math.max(1, p - 1));
        }
        double[] y = solveUpper(r, b);
        double alt = 0;
        for (double v : y) {
            alt += Math.abs(v);
        }
        alt = 2 * alt / (3.0 * p);
        return Math.max(est, alt);
    }

    static double[] solveUpper(double[][] r, double[] b) {
        int p = r.length;
        double[] x = b.clone();
        for (int i = p - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < p; k++) {
                s -= r[i][k] * x[k];
            }
            x[i] = s / r[i][i];
        }
        return x;
    }

    static double[] solveUpperTransposed(double[][] r, double[] b) {
        int p = r.length;
        double[] x = b.clone();
        for (int i = 0; i < p; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= r[k][i] * x[k];
            }
            x[i] = s / r[i][i];
        }
        return x;
    }
}
