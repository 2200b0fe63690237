package org.gramian.iterative;

/**
 * Extreme eigenvalues of H = XᵀX/m (the Hessian of J), which govern the iterative methods:
 * gradient descent converges for steps below 2/λmax and needs about κ·ln(1/ε) iterations,
 * κ = λmax/λmin the condition number of XᵀX.
 *
 * <p>Computed from all eigenvalues of H by the cyclic Jacobi method in double precision (p³ per
 * sweep, a handful of sweeps): meant for the p of a data set one inspects (up to a few hundred), not for
 * the large-p sweep.
 *
 * @param lambdaMin smallest eigenvalue of XᵀX/m
 * @param lambdaMax largest eigenvalue of XᵀX/m
 */
public record Spectrum(double lambdaMin, double lambdaMax) {

    /** κ(XᵀX) = λmax/λmin (∞ when λmin ≤ 0 to working precision). */
    public double conditionNumber() {
        return lambdaMin > 0 ? lambdaMax / lambdaMin : Double.POSITIVE_INFINITY;
    }

    public static Spectrum of(DenseProblem problem) {
        int p = problem.columns();
        int m = problem.rows();
        double[][] h = new double[p][p];
        for (double[] row : problem.x()) {
            for (int j = 0; j < p; j++) {
                double a = row[j] / m;
                for (int k = j; k < p; k++) {
                    h[j][k] += a * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                h[j][k] = h[k][j];
            }
        }
        double[] ev = jacobiEigenvalues(h);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double e : ev) {
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        // eigenvalues below the roundoff level of λmax are zero as far as double precision can tell
        if (min <= p * 0x1p-52 * max) {
            min = Math.max(min, 0.0);
        }
        return new Spectrum(min, max);
    }

    /** Eigenvalues of a symmetric matrix (destroyed) by cyclic Jacobi rotations. */
    static double[] jacobiEigenvalues(double[][] a) {
        int n = a.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-32 * diag || off == 0) {
                break;
            }
            for (int pi = 0; pi < n - 1; pi++) {
                for (int q = pi + 1; q < n; q++) {
                    double apq = a[pi][q];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[pi][pi]) / (2 * apq);
                    double t;
                    if (theta == 0) {
                        t = 1;
                    } else if (Math.abs(theta) > 1e150) {
                        t = 0.5 / theta; // θ² would overflow; t ≈ 1/(2θ)
                    } else {
                        t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][pi];
                        double akq = a[k][q];
                        a[k][pi] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[pi][k];
                        double aqk = a[q][k];
                        a[pi][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }
}
