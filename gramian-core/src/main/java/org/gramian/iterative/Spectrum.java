package org.gramian.iterative;

/**
 * Extreme eigenvalues of H = XᵀX/m (the Hessian of J), which govern the iterative methods:
 * gradient descent converges for steps below 2/λmax and needs about κ·ln(1/ε) iterations,
 * κ = λmax/λmin the condition number of XᵀX.
 *
 * <p>Computed as λ = σ²/m from the singular values σ of X itself by one-sided Jacobi rotations
 * (Hestenes; Demmel &amp; Veselić 1992) in double precision, never from XᵀX: forming XᵀX would
 * square κ before the eigenvalues are even computed, and any κ(XᵀX) beyond about 10¹⁶ would come
 * out as rounding noise. From X, κ(XᵀX) = κ(X)² is resolved up to about 10³⁰. About 4mp² flops
 * per sweep, a handful of sweeps: meant for the p of a data set one inspects (up to a few hundred).
 *
 * @param lambdaMin smallest eigenvalue of XᵀX/m
 * @param lambdaMax largest eigenvalue of XᵀX/m
 */
public record Spectrum(double lambdaMin, double lambdaMax) {

    /** κ(XᵀX) = λmax/λmin (∞ when λmin = 0). */
    public double conditionNumber() {
        return lambdaMin > 0 ? lambdaMax / lambdaMin : Double.POSITIVE_INFINITY;
    }

    public static Spectrum of(DenseProblem problem) {
        int p = problem.columns();
        int m = problem.rows();
        double[][] cols = new double[p][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                cols[j][i] = problem.x()[i][j];
            }
        }
        double[] sigma = singularValues(cols);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double s : sigma) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return new Spectrum(min * min / m, max * max / m);
    }

    /**
     * Singular values of the matrix with the given columns (destroyed): rotate pairs of columns until
     * all are orthogonal to working precision; the singular values are then the column norms.
     */
    static double[] singularValues(double[][] a) {
        int p = a.length;
        final double tol = 1e-15;
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int j = 0; j < p - 1; j++) {
                for (int k = j + 1; k < p; k++) {
                    double alpha = Vectors.dot(a[j], a[j]);
                    double beta = Vectors.dot(a[k], a[k]);
                    double gamma = Vectors.dot(a[j], a[k]);
                    if (gamma == 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.hypot(1, zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.hypot(1, t);
                    double s = c * t;
                    double[] aj = a[j];
                    double[] ak = a[k];
                    for (int i = 0; i < aj.length; i++) {
                        double u = aj[i];
                        double v = ak[i];
                        aj[i] = c * u - s * v;
                        ak[i] = s * u + c * v;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] sigma = new double[p];
        for (int j = 0; j < p; j++) {
            sigma[j] = Vectors.norm(a[j]);
        }
        return sigma;
    }
}
