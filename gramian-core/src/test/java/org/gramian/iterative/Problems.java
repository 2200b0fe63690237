package org.gramian.iterative;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated test problems with known structure. */
final class Problems {
    private Problems() {
    }

    /**
     * m rows, bias column plus d Gaussian features (mean 0, sd 1): κ(XᵀX) is small for m ≫ d.
     * y = 1 + Σ (j+1)·xⱼ + 0.1·noise.
     */
    static DenseProblem wellConditioned(int m, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[m][d + 1];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i][0] = 1.0;
            double s = 1.0;
            for (int j = 1; j <= d; j++) {
                x[i][j] = gaussian(rnd);
                s += j * x[i][j];
            }
            y[i] = s + 0.1 * gaussian(rnd);
        }
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        for (int j = 1; j <= d; j++) {
            names.add("x" + j);
        }
        return new DenseProblem(x, y, names, true);
    }

    static double gaussian(SplittableRandom rnd) {
        // Box–Muller: SplittableRandom has no nextGaussian in Java 17
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double maxRelativeDifference(double[] w, double[] reference) {
        double scale = 0;
        double diff = 0;
        for (int j = 0; j < w.length; j++) {
            scale = Math.max(scale, Math.abs(reference[j]));
            diff = Math.max(diff, Math.abs(w[j] - reference[j]));
        }
        return diff / scale;
    }
}
