package org.gramian.iterative;

/**
 * Feature standardization for the iterative solvers: each non-bias column xⱼ is replaced by
 * zⱼ = (xⱼ − μⱼ)/σⱼ. Gradient descent needs about κ·ln(1/ε) iterations, κ the condition number of
 * XᵀX; columns on very different scales (or far from zero, next to a bias column) make κ huge,
 * and standardizing brings it close to that of the correlation matrix.
 *
 * <p>With a bias column, μⱼ is the column mean and σⱼ its standard deviation (the bias column absorbs
 * the shift). Without one, shifting would change the model, so μⱼ = 0 and σⱼ = √(mean xⱼ²). A
 * column with σⱼ = 0 is left unscaled (σⱼ := 1).
 *
 * <p>Back to the original scale: Xw = Zv for wⱼ = vⱼ/σⱼ (j ≥ 1) and w₀ = v₀ − Σⱼ vⱼμⱼ/σⱼ, so
 * predictions, residuals and the cost are the same in both coordinates.
 *
 * @param mean  μ, length p (0 for the bias column)
 * @param scale σ, length p (1 for the bias column)
 * @param intercept whether column 0 is the bias column
 */
public record Standardization(double[] mean, double[] scale, boolean intercept) {

    public Standardization {
        mean = mean.clone();
        scale = scale.clone();
    }

    /** The identity: no change. */
    public static Standardization none(int p) {
        double[] one = new double[p];
        java.util.Arrays.fill(one, 1.0);
        return new Standardization(new double[p], one, false);
    }

    /** Means and scales of the columns of {@code problem} as described above. */
    public static Standardization of(DenseProblem problem) {
        int p = problem.columns();
        int m = problem.rows();
        double[] mu = new double[p];
        double[] sigma = new double[p];
        boolean icpt = problem.intercept();
        int first = icpt ? 1 : 0;
        if (icpt) {
            sigma[0] = 1.0;
        }
        for (int j = first; j < p; j++) {
            double mean = 0;
            if (icpt) {
                for (double[] row : problem.x()) {
                    mean += row[j];
                }
                mean /= m;
            }
            double ss = 0;
            for (double[] row : problem.x()) {
                double d = row[j] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / m);
            mu[j] = mean;
            sigma[j] = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
        }
        return new Standardization(mu, sigma, icpt);
    }

    /** The problem in standardized columns Z. */
    public DenseProblem apply(DenseProblem problem) {
        int p = problem.columns();
        double[][] z = new double[problem.rows()][p];
        for (int i = 0; i < z.length; i++) {
            double[] row = problem.x()[i];
            for (int j = 0; j < p; j++) {
                z[i][j] = (row[j] - mean[j]) / scale[j];
            }
        }
        return new DenseProblem(z, problem.y(), problem.names(), problem.intercept());
    }

    /** w in the original coordinates from v in the standardized ones. */
    public double[] toOriginal(double[] v) {
        double[] w = new double[v.length];
        double shift = 0;
        for (int j = 0; j < v.length; j++) {
            w[j] = v[j] / scale[j];
            shift += w[j] * mean[j];
        }
        if (intercept) {
            w[0] -= shift; // mean[0] = 0 so w[0]·mean[0] added nothing
        }
        return w;
    }
}
