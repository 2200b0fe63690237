package org.gramian.iterative;

import java.util.Arrays;
import java.util.Locale;

/**
 * Batch gradient descent on the least-squares cost J(w) = (1/2m)‖Xw − y‖².
 *
 * <ul>
 *   <li>Gradient: ∇J(w) = (1/m)Xᵀ(Xw − y) = (1/m)(XᵀXw − Xᵀy), computed from X without forming
 *       XᵀX (2mp flops per iteration). It is zero exactly at the solution of the normal equation.</li>
 *   <li>Update: wₖ₊₁ = wₖ − α∇J(wₖ), starting from w₀ = 0, or, on standardized columns with a bias
 *       column, from the intercept ȳ and zero slopes (the exact intercept for centred columns, so
 *       that the tolerance measures the slopes, not how far the mean of y is from 0).</li>
 *   <li>Step: α = 1/λmax, λmax the largest eigenvalue of XᵀX/m (the Lipschitz constant of ∇J) by
 *       {@link PowerIteration}, unless the options give one. Any α &lt; 2/λmax converges; the error
 *       then shrinks by a factor of about (1 − 1/κ) per iteration, κ = λmax/λmin, so reaching a
 *       relative accuracy ε takes about κ·ln(1/ε) iterations.</li>
 *   <li>Stop: when ‖∇J(wₖ)‖ ≤ tolerance·‖∇J(w₀)‖ and the {@link Optimality} test holds on the
 *       running residual and gradient (O(p) per iteration: that test alone decides CONVERGED, and
 *       the relative-gradient rule alone would stop short of it on well-fitted data, where ‖r‖ is
 *       small); after maxIterations; when the time limit has passed (checked every few
 *       iterations, see {@link Deadline}); when neither J nor ‖∇J‖ reached a new low in
 *       {@value #STALL_WINDOW} iterations (STALLED: both at their rounding floor; with α &lt; 2/λmax
 *       both fall monotonically in exact arithmetic); or when J(wₖ) is not finite or exceeds
 *       {@value #DIVERGENCE_FACTOR}·J(w₀) (DIVERGED: with α &lt; 2/λmax the cost never increases, so
 *       growth means the step is too large).</li>
 *   <li>Status: CONVERGED when the {@link Optimality} test (‖Xᵀr‖/(‖X‖_F‖r‖) ≤ tolerance, or an exact
 *       fit), recomputed at the returned w, holds, whichever stop was hit; otherwise the stop:
 *       STOPPED_RELATIVE_GRADIENT (the running test passed but the recomputed one did not),
 *       MAX_ITERATIONS, TIME_LIMIT, STALLED or DIVERGED.</li>
 *   <li>Standardization (optional, see {@link Standardization}): the iteration runs on Z and the
 *       coefficients are mapped back, so only κ and the iteration count change.</li>
 * </ul>
 */
public final class GradientDescent {
    /** Growth of the cost over its starting value that counts as divergence. */
    public static final double DIVERGENCE_FACTOR = 1e6;
    /** Iterations without a new lowest cost or ‖∇J‖ after which the run counts as stalled. */
    public static final int STALL_WINDOW = 1000;

    /**
     * Settings.
     *
     * @param standardize      run on standardized columns
     * @param stepSize         α, or NaN for 1/λmax
     * @param tolerance        relative gradient-norm tolerance of the stopping rule, and the bound on
     *                         the optimality ratio that decides CONVERGED (see the class comment)
     * @param maxIterations    iteration limit
     * @param timeLimitSeconds wall-clock limit from the start of {@link #fit} (standardization and power
     *                         iteration included), or {@link Double#POSITIVE_INFINITY} for none
     */
    public record Options(boolean standardize, double stepSize, double tolerance, int maxIterations,
                          double timeLimitSeconds) {
        public Options {
            if (!(Double.isNaN(stepSize) || stepSize > 0)) {
                throw new IllegalArgumentException("step size must be positive, got " + stepSize);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("tolerance must be non-negative, got " + tolerance);
            }
            if (maxIterations < 0) {
                throw new IllegalArgumentException("max iterations must be non-negative, got " + maxIterations);
            }
            Deadline.check(timeLimitSeconds);
        }

        /** Without a time limit. */
        public Options(boolean standardize, double stepSize, double tolerance, int maxIterations) {
            this(standardize, stepSize, tolerance, maxIterations, Double.POSITIVE_INFINITY);
        }

        /** Automatic step, tolerance 1e-10, at most 100 000 iterations, no time limit. */
        public static Options defaults(boolean standardize) {
            return new Options(standardize, Double.NaN, 1e-10, 100_000);
        }

        public Options withStepSize(double step) {
            return new Options(standardize, step, tolerance, maxIterations, timeLimitSeconds);
        }

        public Options withTolerance(double tol) {
            return new Options(standardize, stepSize, tol, maxIterations, timeLimitSeconds);
        }

        public Options withMaxIterations(int max) {
            return new Options(standardize, stepSize, tolerance, max, timeLimitSeconds);
        }

        public Options withTimeLimit(double seconds) {
            return new Options(standardize, stepSize, tolerance, maxIterations, seconds);
        }
    }

    private GradientDescent() {
    }

    public static IterativeResult fit(DenseProblem problem, Options options) {
        Deadline deadline = Deadline.after(options.timeLimitSeconds(), 2L * problem.rows() * problem.columns());
        Standardization std = options.standardize() ? Standardization.of(problem)
                : Standardization.none(problem.columns());
        DenseProblem work = options.standardize() ? std.apply(problem) : problem;
        String name = "gradient descent" + (options.standardize() ? " (standardized)" : "");
        int p = work.columns();
        int m = work.rows();
        double lambdaMax = Double.isNaN(options.stepSize()) ? PowerIteration.largestEigenvalue(work) : Double.NaN;
        double alpha = Double.isNaN(options.stepSize()) ? 1.0 / lambdaMax : options.stepSize();
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            // X is all zeros: every w is a minimizer, w = 0 is the minimum-norm one.
            double[] zero = new double[p];
            return new IterativeResult(name, zero, IterativeStatus.CONVERGED, 0, new double[] {problem.cost(zero)},
                    problem.cost(zero), 0.0, 0.0, Double.NaN, lambdaMax, "X is zero: w = 0");
        }

        double[] w = start(work, options.standardize());
        double[] previous = new double[p];
        double[] history = new double[Math.min(options.maxIterations(), 1 << 16) + 1];
        double[] residual = new double[m];
        double cost0 = residualAndCost(work, w, residual);
        double[] grad = gradient(work, residual);
        double grad0 = Vectors.norm(grad);
        double threshold = options.tolerance() * grad0;
        Optimality.InLoop optimal = new Optimality.InLoop(problem, std, options.tolerance());
        history[0] = cost0;
        int k = 0;
        IterativeStatus stop = IterativeStatus.MAX_ITERATIONS;
        double bestCost = cost0;
        double bestGrad = grad0;
        int lastProgress = 0;
        boolean done = grad0 <= threshold && optimal.holds(grad, m, Math.sqrt(2.0 * m * cost0));
        if (done) {
            stop = IterativeStatus.STOPPED_RELATIVE_GRADIENT;
        }
        while (!done && k < options.maxIterations()) {
            if (deadline.passed(k)) {
                stop = IterativeStatus.TIME_LIMIT;
                break;
            }
            System.arraycopy(w, 0, previous, 0, p);
            Vectors.axpy(-alpha, grad, w);
            k++;
            double cost = residualAndCost(work, w, residual);
            if (k >= history.length) {
                history = Arrays.copyOf(history, (int) Math.min((long) options.maxIterations() + 1, 2L * history.length));
            }
            history[k] = cost;
            if (!Double.isFinite(cost) || cost > DIVERGENCE_FACTOR * Math.max(cost0, Double.MIN_NORMAL)) {
                stop = IterativeStatus.DIVERGED;
                System.arraycopy(previous, 0, w, 0, p);
                break;
            }
            grad = gradient(work, residual);
            double gnorm = Vectors.norm(grad);
            if (gnorm <= threshold && optimal.holds(grad, m, Math.sqrt(2.0 * m * cost))) {
                stop = IterativeStatus.STOPPED_RELATIVE_GRADIENT;
                done = true;
            } else if (cost < bestCost || gnorm < bestGrad) {
                bestCost = Math.min(bestCost, cost);
                bestGrad = Math.min(bestGrad, gnorm);
                lastProgress = k;
            } else if (k - lastProgress >= STALL_WINDOW) {
                stop = IterativeStatus.STALLED;
                break;
            }
        }
        double[] coefficients = std.toOriginal(w);
        double finalCost = problem.cost(coefficients);
        double gnorm = Vectors.norm(originalGradient(problem, coefficients));
        Optimality.Check check = Optimality.at(problem, coefficients);
        IterativeStatus status = Optimality.classify(check, options.tolerance(), stop);
        String message;
        if (stop == IterativeStatus.DIVERGED) {
            double lmax = Double.isNaN(lambdaMax) ? PowerIteration.largestEigenvalue(work) : lambdaMax;
            lambdaMax = lmax;
            message = verdict(status, String.format(Locale.ROOT, "diverged at iteration %d: step %s exceeds"
                    + " 2/λmax = %s (cost grew from %s to %s)", k, g6(alpha), g6(2.0 / lmax), g6(cost0),
                    g6(history[k])), check, options.tolerance());
        } else {
            String how = switch (stop) {
                case STOPPED_RELATIVE_GRADIENT -> String.format(Locale.ROOT, "stopped after %s by its tests"
                        + " ‖∇J‖ ≤ %.3g·‖∇J(w₀)‖%s and optimality on its running residual (‖∇J(w)‖ = %.3g)",
                        count(k, "iteration"), options.tolerance(),
                        options.standardize() ? " on standardized columns" : "", gnorm);
                case TIME_LIMIT -> String.format(Locale.ROOT, "stopped by the time limit of %s s after %s with"
                        + " ‖∇J‖ = %.3g", g6(options.timeLimitSeconds()), count(k, "iteration"), gnorm);
                case STALLED -> String.format(Locale.ROOT, "stalled at iteration %d: neither the cost nor ‖∇J‖"
                        + " (= %.3g) reached a new low in the last %d iterations", k, gnorm, STALL_WINDOW);
                default -> String.format(Locale.ROOT, "stopped at the limit of %d iterations with ‖∇J‖ = %.3g"
                        + " (tolerance %.3g·‖∇J(w₀)‖)", k, gnorm, options.tolerance());
            };
            message = verdict(status, how, check, options.tolerance());
        }
        return new IterativeResult(name, coefficients, status, k, Arrays.copyOf(history, k + 1), finalCost, gnorm,
                check.ratio(), alpha, lambdaMax, message);
    }

    /** "converged, ‖Xᵀr‖/… ≤ tolerance …; &lt;how it stopped&gt;" or "&lt;how&gt;; not converged, … &gt; tolerance …". */
    static String verdict(IterativeStatus status, String how, Optimality.Check check, double tolerance) {
        return status == IterativeStatus.CONVERGED
                ? "converged, " + check.describe(tolerance) + "; " + how
                : how + "; not converged, " + check.describe(tolerance);
    }

    /** "1 iteration", "5 iterations". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Six significant digits without trailing zeros: 0.5, 0.0198976, 1.98976e-06. */
    static String g6(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /** w₀: zero, or ȳ for the bias of a standardized problem (its columns are centred). */
    static double[] start(DenseProblem work, boolean standardized) {
        double[] w = new double[work.columns()];
        if (standardized && work.intercept()) {
            double mean = 0;
            for (double v : work.y()) {
                mean += v;
            }
            w[0] = mean / work.rows();
        }
        return w;
    }

    /** r ← Xw − y; returns (1/2m)‖r‖². */
    static double residualAndCost(DenseProblem problem, double[] w, double[] r) {
        double[][] x = problem.x();
        double[] y = problem.y();
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            double ri = Vectors.dot(x[i], w) - y[i];
            r[i] = ri;
            s += ri * ri;
        }
        return s / (2.0 * r.length);
    }

    /** (1/m)Xᵀr. */
    static double[] gradient(DenseProblem problem, double[] r) {
        double[] g = problem.transposeTimes(r);
        Vectors.scale(1.0 / r.length, g);
        return g;
    }

    /** ∇J(w) = (1/m)Xᵀ(Xw − y) in the problem's own coordinates. */
    public static double[] originalGradient(DenseProblem problem, double[] w) {
        double[] r = new double[problem.rows()];
        residualAndCost(problem, w, r);
        return gradient(problem, r);
    }
}
