package org.gramian.iterative;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Mini-batch stochastic gradient descent on J(w) = (1/2m)‖Xw − y‖².
 *
 * <ul>
 *   <li>Start: as {@link GradientDescent} (zero, or ȳ as the intercept on standardized columns).</li>
 *   <li>Each epoch visits the rows in a fresh random order (Fisher–Yates with
 *       {@link SplittableRandom} seeded by the options: the same seed gives bit-identical results),
 *       in batches B of {@code batchSize} rows.</li>
 *   <li>Update per batch: w ← w − η·(1/|B|)X_Bᵀ(X_Bw − y_B), an unbiased estimate of ∇J(w).</li>
 *   <li>Step: η = 1/(λmax + max‖xᵢ‖²/b) unless given, λmax of XᵀX/m by {@link PowerIteration} and b
 *       the batch size: the curvature of one batch is at most max‖xᵢ‖² (b = 1) and tends to λmax as
 *       b → m, so this step is stable for every batch size. With a constant step the iterates reach
 *       a neighbourhood of the solution whose size grows with η and with the residual noise; they
 *       converge exactly only when the data are fitted exactly. A decay η/(1 + decay·epoch)
 *       (Robbins–Monro) shrinks that neighbourhood like 1/epoch.</li>
 *   <li>Stop (checked after each epoch on the full data): ‖∇J(w)‖ ≤ tolerance·‖∇J(0)‖ (CONVERGED),
 *       maxEpochs reached (MAX_ITERATIONS), or the full cost not finite or above
 *       {@value GradientDescent#DIVERGENCE_FACTOR}·J(0) (DIVERGED).</li>
 * </ul>
 * The result counts epochs as iterations and records the full cost after each epoch.
 */
public final class MiniBatchGradientDescent {

    /**
     * Settings.
     *
     * @param standardize run on standardized columns ({@link Standardization})
     * @param batchSize   rows per batch, ≥ 1 (capped at m)
     * @param stepSize    η, or NaN for the automatic step
     * @param tolerance   relative gradient-norm tolerance
     * @param maxEpochs   epoch limit
     * @param seed        seed of the row shuffling
     * @param decay       step decay: epoch e (from 0) uses η/(1 + decay·e); 0 keeps the step constant
     */
    public record Options(boolean standardize, int batchSize, double stepSize, double tolerance, int maxEpochs,
                          long seed, double decay) {
        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            if (!(Double.isNaN(stepSize) || stepSize > 0)) {
                throw new IllegalArgumentException("step size must be positive, got " + stepSize);
            }
            if (maxEpochs < 0) {
                throw new IllegalArgumentException("max epochs must be non-negative, got " + maxEpochs);
            }
            if (!(decay >= 0)) {
                throw new IllegalArgumentException("decay must be non-negative, got " + decay);
            }
        }

        /** Without step decay. */
        public Options(boolean standardize, int batchSize, double stepSize, double tolerance, int maxEpochs,
                       long seed) {
            this(standardize, batchSize, stepSize, tolerance, maxEpochs, seed, 0.0);
        }

        /** Standardized, batches of 32, automatic step, tolerance 1e-10, 1000 epochs, decay 0.1. */
        public static Options defaults(long seed) {
            return new Options(true, 32, Double.NaN, 1e-10, 1000, seed, 0.1);
        }
    }

    private MiniBatchGradientDescent() {
    }

    public static IterativeResult fit(DenseProblem problem, Options options) {
        Standardization std = options.standardize() ? Standardization.of(problem)
                : Standardization.none(problem.columns());
        DenseProblem work = options.standardize() ? std.apply(problem) : problem;
        int p = work.columns();
        int m = work.rows();
        int b = Math.min(options.batchSize(), m);
        String name = String.format(Locale.ROOT, "mini-batch SGD (b=%d, seed %d%s)", b, options.seed(),
                options.standardize() ? ", standardized" : "");
        double lambdaMax = PowerIteration.largestEigenvalue(work);
        double maxRow = 0;
        for (double[] row : work.x()) {
            maxRow = Math.max(maxRow, Vectors.dot(row, row));
        }
        double eta = Double.isNaN(options.stepSize()) ? 1.0 / (lambdaMax + maxRow / b) : options.stepSize();
        double[] w = GradientDescent.start(work, options.standardize());
        if (!(eta > 0) || !Double.isFinite(eta)) {
            return new IterativeResult(name, w, IterativeStatus.CONVERGED, 0, new double[] {problem.cost(w)},
                    problem.cost(w), 0.0, Double.NaN, lambdaMax, "X is zero: w = 0");
        }
        double[] residual = new double[m];
        double cost0 = GradientDescent.residualAndCost(work, w, residual);
        double threshold = options.tolerance() * Vectors.norm(GradientDescent.gradient(work, residual));
        double[] history = new double[options.maxEpochs() + 1];
        history[0] = cost0;
        double[] previous = new double[p];
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(options.seed());
        double[] g = new double[p];
        double[][] x = work.x();
        double[] y = work.y();
        IterativeStatus status = threshold == 0 ? IterativeStatus.CONVERGED : IterativeStatus.MAX_ITERATIONS;
        int epoch = 0;
        while (status != IterativeStatus.CONVERGED && epoch < options.maxEpochs()) {
            System.arraycopy(w, 0, previous, 0, p);
            double etaEpoch = eta / (1 + options.decay() * epoch);
            for (int i = m - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < m; start += b) {
                int end = Math.min(m, start + b);
                Arrays.fill(g, 0.0);
                for (int k = start; k < end; k++) {
                    double[] row = x[order[k]];
                    Vectors.axpy(Vectors.dot(row, w) - y[order[k]], row, g);
                }
                Vectors.axpy(-etaEpoch / (end - start), g, w);
            }
            epoch++;
            double cost = GradientDescent.residualAndCost(work, w, residual);
            history[epoch] = cost;
            if (!Double.isFinite(cost) || cost > GradientDescent.DIVERGENCE_FACTOR * Math.max(cost0, Double.MIN_NORMAL)) {
                status = IterativeStatus.DIVERGED;
                System.arraycopy(previous, 0, w, 0, p);
                break;
            }
            if (Vectors.norm(GradientDescent.gradient(work, residual)) <= threshold) {
                status = IterativeStatus.CONVERGED;
            }
        }
        double[] coefficients = std.toOriginal(w);
        double gnorm = Vectors.norm(GradientDescent.originalGradient(problem, coefficients));
        String message = switch (status) {
            case DIVERGED -> String.format(Locale.ROOT, "diverged in epoch %d: step %s is too large for batches"
                    + " of %d (2/λmax = %s; cost grew from %s to %s)", epoch, GradientDescent.g6(eta), b,
                    GradientDescent.g6(2.0 / lambdaMax), GradientDescent.g6(cost0), GradientDescent.g6(history[epoch]));
            case CONVERGED -> String.format(Locale.ROOT, "converged after %s: ‖∇J‖ = %.3g",
                    GradientDescent.count(epoch, "epoch"), gnorm);
            default -> String.format(Locale.ROOT, "stopped at the limit of %d epochs with ‖∇J‖ = %.3g"
                    + " (step %.3g%s: SGD hovers near the solution)", epoch, gnorm, eta,
                    options.decay() > 0 ? String.format(Locale.ROOT, " decaying as 1/(1 + %.3g·epoch)",
                            options.decay()) : ", constant");
        };
        return new IterativeResult(name, coefficients, status, epoch, Arrays.copyOf(history, epoch + 1),
                problem.cost(coefficients), gnorm, eta, lambdaMax, message);
    }
}
