package org.gramian.iterative;

import java.util.SplittableRandom;

/**
 * The largest eigenvalue λmax of XᵀX/m by power iteration, never forming XᵀX: each step is
 * v ← Xᵀ(Xv)/m, normalized, 2mp flops. The estimate is the Rayleigh quotient vᵀ(XᵀX/m)v, which
 * approaches λmax from below; iteration stops when it changes by less than
 * {@value #RELATIVE_TOLERANCE} (relative) or after {@value #MAX_ITERATIONS} steps. Gradient descent
 * only needs λmax to a few digits: any step below 2/λmax converges.
 */
public final class PowerIteration {
    public static final double RELATIVE_TOLERANCE = 1e-4;
    public static final int MAX_ITERATIONS = 200;

    private PowerIteration() {
    }

    /** λmax of XᵀX/m; 0 when X is all zeros. Deterministic (fixed pseudo-random start). */
    public static double largestEigenvalue(DenseProblem problem) {
        int p = problem.columns();
        double m = problem.rows();
        SplittableRandom rnd = new SplittableRandom(0x5EEDL);
        double[] v = new double[p];
        for (int j = 0; j < p; j++) {
            v[j] = rnd.nextDouble(0.5, 1.5); // positive start: never orthogonal to a non-negative top eigenvector
        }
        Vectors.scale(1.0 / Vectors.norm(v), v);
        double lambda = 0;
        for (int k = 0; k < MAX_ITERATIONS; k++) {
            double[] xv = problem.times(v);
            double rayleigh = Vectors.dot(xv, xv) / m;
            double[] gv = problem.transposeTimes(xv);
            Vectors.scale(1.0 / m, gv);
            double norm = Vectors.norm(gv);
            if (norm == 0) {
                return 0.0;
            }
            double previous = lambda;
            lambda = rayleigh;
            for (int j = 0; j < p; j++) {
                v[j] = gv[j] / norm;
            }
            if (k > 0 && Math.abs(lambda - previous) <= RELATIVE_TOLERANCE * lambda) {
                break;
            }
        }
        return lambda;
    }
}
