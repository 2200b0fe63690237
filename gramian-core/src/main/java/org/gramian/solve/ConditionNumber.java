package org.gramian.solve;

/**
 * The 2-norm condition number κ₂(A) = σ_max(A)/σ_min(A) = ‖A‖₂·‖A⁻¹‖₂ of a p×p matrix given
 * together with its inverse, both norms by power iteration on AᵀA (O(p²) per step).
 *
 * <p>For a least-squares problem A is the triangular factor R₁ of X (RᵀR = XᵀX, so R and X have
 * the same singular values), and its inverse is the one the solver forms anyway in double-double;
 * no O(p³) decomposition is needed. Power iteration converges to the largest singular value from
 * below at the rate (σ₂/σ₁)²; when σ₂ is close to σ₁ the iterate is already within their gap, so
 * stopping when the estimate changes by less than 10⁻¹⁰ per step leaves a relative error well
 * below what four printed digits show. The inverse is used rather than inverse iteration with
 * triangular solves in double because an inverse computed in double-double is accurate where a
 * double solve would lose κ·2⁻⁵³ of σ_min.
 */
public final class ConditionNumber {
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-10;

    private ConditionNumber() {
    }

    /** κ₂ = ‖a‖₂·‖inverse‖₂; NaN when an entry is not finite. */
    public static double of(double[][] a, double[][] inverse) {
        double n1 = norm2(a);
        double n2 = norm2(inverse);
        double k = n1 * n2;
        return Double.isFinite(k) ? Math.max(1.0, k) : Double.NaN;
    }

    /** ‖a‖₂ = σ_max(a) by power iteration on aᵀa; NaN when an entry is not finite. */
    public static double norm2(double[][] a) {
        int p = a.length;
        if (p == 0) {
            return 0.0;
        }
        double maxAbs = 0;
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        if (maxAbs == 0) {
            return 0.0;
        }
        // Work on a/maxAbs (a power of two) so that squares neither overflow nor underflow.
        double s = Math.scalb(1.0, -Math.getExponent(maxAbs));
        double[][] b = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                b[i][j] = a[i][j] * s;
            }
        }
        // Start from the row sums of |b| plus a deterministic perturbation: not orthogonal to the top
        // singular vector for any matrix met in practice.
        double[] v = new double[p];
        for (int j = 0; j < p; j++) {
            double c = 0;
            for (int i = 0; i < p; i++) {
                c += Math.abs(b[i][j]);
            }
            v[j] = c + 1.0 / (j + 2.0);
        }
        normalize(v);
        double[] u = new double[p];
        double sigma = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // u = b v, σ ≈ ‖u‖; v = bᵀu / ‖bᵀu‖
            for (int i = 0; i < p; i++) {
                double t = 0;
                double[] bi = b[i];
                for (int j = 0; j < p; j++) {
                    t += bi[j] * v[j];
                }
                u[i] = t;
            }
            double next = norm(u);
            if (next == 0) {
                break;
            }
            java.util.Arrays.fill(v, 0.0);
            for (int i = 0; i < p; i++) {
                double ui = u[i];
                double[] bi = b[i];
                for (int j = 0; j < p; j++) {
                    v[j] += bi[j] * ui;
                }
            }
            double nv = norm(v);
            // ‖bᵀu‖/‖u‖ is also a lower bound of σ_max, and a better one.
            next = Math.max(next, nv / next);
            for (int j = 0; j < p; j++) {
                v[j] /= nv;
            }
            boolean done = Math.abs(next - sigma) <= TOLERANCE * next;
            sigma = next;
            if (done) {
                break;
            }
        }
        return sigma / s;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void normalize(double[] x) {
        double n = norm(x);
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
    }
}
