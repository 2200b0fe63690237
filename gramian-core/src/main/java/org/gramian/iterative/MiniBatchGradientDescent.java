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
 *   <li>Stop (checked after each epoch on the full data): ‖∇J(w)‖ ≤ tolerance·‖∇J(w₀)‖ and the
 *       {@link Optimality} test on the running residual (as {@link GradientDescent}); maxEpochs
 *       reached; the time limit passed (the clock is read once per epoch); or the full cost not
 *       finite or above {@value GradientDescent#DIVERGENCE_FACTOR}·J(w₀) (DIVERGED).</li>
 *   <li>Status: CONVERGED when the {@link Optimality} test, recomputed at the returned w, holds;
 *       otherwise the stop: STOPPED_RELATIVE_GRADIENT, MAX_ITERATIONS (epochs),
 *       TIME_LIMIT or DIVERGED.</li>
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
     * @param tolerance   relative gradient-norm tolerance, and the bound on the optimality ratio
     * @param maxEpochs   epoch limit
     * @param seed        seed of the row shuffling
     * @param decay       step decay: epoch e (from 0) uses η/(1 + decay·e); 0 keeps the step constant
     * @param timeLimitSeconds wall-clock limit from the start of {@link #fit}, checked once per epoch,
     *                    or {@link Double#POSITIVE_INFINITY} for none
     */
    public record Options(boolean standardize, int batchSize, double stepSize, double tolerance, int maxEpochs,
                          long seed, double decay, double timeLimitSeconds) {
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
            Deadline.check(timeLimitSeconds);
        }

        /** Without a time limit. */
        public Options(boolean standardize, int batchSize, double stepSize, double tolerance, int maxEpochs,
                       long seed, double decay) {
            this(standardize, batchSize, stepSize, tolerance, maxEpochs, seed, decay, Double.POSITIVE_INFINITY);
        }

        public Options withTimeLimit(double seconds) {
            return new Options(standardize, batchSize, stepSize, tolerance, maxEpochs, seed, decay, seconds);
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
        Deadline deadline = Deadline.after(options.timeLimitSeconds(), 1);
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
                    problem.cost(w), 0.0, 0.0, Double.NaN, lambdaMax, "X is zero: w = 0");
        }
        double[] residual = new double[m];
        double cost0 = GradientDescent.residualAndCost(work, w, residual);
        double grad0 = Vectors.norm(GradientDescent.gradient(work, residual));
        double threshold = options.tolerance() * grad0;
        Optimality.InLoop optimal = new Optimality.InLoop(problem, std, options.tolerance());
        double[] history = new double[Math.min(options.maxEpochs(), 1 << 12) + 1];
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
        boolean atStart = grad0 <= threshold
                && optimal.holds(GradientDescent.gradient(work, residual), m, Math.sqrt(2.0 * m * cost0));
        IterativeStatus stop = atStart ? IterativeStatus.STOPPED_RELATIVE_GRADIENT
                : IterativeStatus.MAX_ITERATIONS;
        int epoch = 0;
        while (stop != IterativeStatus.STOPPED_RELATIVE_GRADIENT && epoch < options.maxEpochs()) {
            if (deadline.passedNow()) {
                stop = IterativeStatus.TIME_LIMIT;
                break;
            }
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
            if (epoch >= history.length) {
                history = Arrays.copyOf(history, (int) Math.min((long) options.maxEpochs() + 1, 2L * history.length));
            }
            history[epoch] = cost;
            if (!Double.isFinite(cost) || cost > GradientDescent.DIVERGENCE_FACTOR * Math.max(cost0, Double.MIN_NORMAL)) {
                stop = IterativeStatus.DIVERGED;
                System.arraycopy(previous, 0, w, 0, p);
                break;
            }
            double[] grad = GradientDescent.gradient(work, residual);
            if (Vectors.norm(grad) <= threshold && optimal.holds(grad, m, Math.sqrt(2.0 * m * cost))) {
                stop = IterativeStatus.STOPPED_RELATIVE_GRADIENT;
            }
        }
        double[] coefficients = std.toOriginal(w);
        double gnorm = Vectors.norm(GradientDescent.originalGradient(problem, coefficients));
        Optimality.Check check = Optimality.at(problem, coefficients);
        IterativeStatus status = Optimality.classify(check, options.tolerance(), stop);
        String how = switch (stop) {
            case DIVERGED -> String.format(Locale.ROOT, "diverged in epoch %d: step %s is too large for batches"
                    + " of %d (2/λmax = %s; cost grew from %s to %s)", epoch, GradientDescent.g6(eta), b,
                    GradientDescent.g6(2.0 / lambdaMax), GradientDescent.g6(cost0), GradientDescent.g6(history[epoch]));
            case STOPPED_RELATIVE_GRADIENT -> String.format(Locale.ROOT, "stopped after %s by its tests"
                    + " ‖∇J‖ ≤ %.3g·‖∇J(w₀)‖ and optimality on its running residual (‖∇J(w)‖ = %.3g)",
                    GradientDescent.count(epoch, "epoch"), options.tolerance(), gnorm);
            case TIME_LIMIT -> String.format(Locale.ROOT, "stopped by the time limit of %s s after %s with"
                    + " ‖∇J‖ = %.3g", GradientDescent.g6(options.timeLimitSeconds()),
                    GradientDescent.count(epoch, "epoch"), gnorm);
            default -> String.format(Locale.ROOT, "stopped at the limit of %d epochs with ‖∇J‖ = %.3g"
                    + " (step %.3g%s: SGD hovers near the solution)", epoch, gnorm, eta,
                    options.decay() > 0 ? String.format(Locale.ROOT, " decaying as 1/(1 + %.3g·epoch)",
                            options.decay()) : ", constant");
        };
        String message = GradientDescent.verdict(status, how, check, options.tolerance());
        return new IterativeResult(name, coefficients, status, epoch, Arrays.copyOf(history, epoch + 1),
                problem.cost(coefficients), gnorm, check.ratio(), eta, lambdaMax, message);
    }
}
