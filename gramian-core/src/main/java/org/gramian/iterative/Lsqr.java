package org.gramian.iterative;

import java.util.Arrays;
import java.util.Locale;

/**
 * LSQR (Paige &amp; Saunders, ACM TOMS 8(1), 1982): minimizes ‖Xw − y‖₂ using only products Xv and
 * Xᵀu, never forming XᵀX — for problems where p is so large that the p×p Gram matrix (mp² flops,
 * p² memory) or its Cholesky factor (p³/3 flops) costs too much.
 *
 * <p>Golub–Kahan bidiagonalization builds orthonormal bases Uₖ, Vₖ with XVₖ = Uₖ₊₁Bₖ, B lower
 * bidiagonal; wₖ ∈ span(Vₖ) minimizes ‖Bₖt − βe₁‖ by Givens rotations updated one column at a
 * time. In exact arithmetic the iterates equal those of conjugate gradients on XᵀXw = Xᵀy, so the
 * error falls like ((κ(X) − 1)/(κ(X) + 1))ᵏ: κ(X) = √κ(XᵀX), where gradient descent pays κ(XᵀX).
 * LSQR is numerically more reliable than CG on the normal equation because it works with X.
 *
 * <p>Stop (the paper's tests S1, S2 with atol = btol = tolerance): ‖rₖ‖ ≤ btol‖y‖ + atol‖X‖‖wₖ‖
 * (a compatible system solved), or ‖Xᵀrₖ‖ ≤ atol‖X‖‖rₖ‖ (a least-squares solution), with ‖X‖ the
 * running Frobenius estimate of the paper; otherwise after maxIterations. These are backward-error
 * tests: w is the exact solution for a matrix within relative distance tolerance of X, so the
 * forward error can reach κ(X)·tolerance. The message reports the paper's estimate of κ(X)
 * (‖B̄ₖ‖_F·‖Dₖ‖_F) when that bound exceeds 10⁻³. The loop also stops when the time limit has
 * passed (the clock is read every few iterations, see {@link Deadline}).
 *
 * <p>Status: meeting S1 or S2 is not taken on trust. The estimates behind them (‖rₖ‖ = φ̄ₖ,
 * ‖Xᵀrₖ‖ = αₖ₊₁|cₖ|φ̄ₖ) assume exactly orthogonal bases, which an ill-conditioned X destroys, so
 * the {@link Optimality} test (‖Xᵀr‖/(‖X‖_F‖r‖) ≤ tolerance, or an exact fit ‖r‖ ≤ tolerance·‖y‖)
 * is recomputed from the returned w: CONVERGED when it holds, otherwise STOPPED_BACKWARD_ERROR
 * (S1/S2 met), MAX_ITERATIONS, TIME_LIMIT, or DIVERGED (the estimates overflowed).
 */
public final class Lsqr {

    /**
     * Settings.
     *
     * @param standardize   iterate on standardized columns ({@link Standardization}): a column
     *                      scaling that preconditions X
     * @param tolerance     atol = btol, and the bound on the optimality ratio that decides CONVERGED
     * @param maxIterations iteration limit
     * @param timeLimitSeconds wall-clock limit from the start of {@link #fit}, or
     *                      {@link Double#POSITIVE_INFINITY} for none
     */
    public record Options(boolean standardize, double tolerance, int maxIterations, double timeLimitSeconds) {
        public Options {
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("tolerance must be non-negative, got " + tolerance);
            }
            if (maxIterations < 0) {
                throw new IllegalArgumentException("max iterations must be non-negative, got " + maxIterations);
            }
            Deadline.check(timeLimitSeconds);
        }

        /** Without a time limit. */
        public Options(boolean standardize, double tolerance, int maxIterations) {
            this(standardize, tolerance, maxIterations, Double.POSITIVE_INFINITY);
        }

        public Options withTimeLimit(double seconds) {
            return new Options(standardize, tolerance, maxIterations, seconds);
        }

        /** Tolerance 1e-14, at most 100 000 iterations, no time limit. */
        public static Options defaults(boolean standardize) {
            return new Options(standardize, 1e-14, 100_000);
        }
    }

    private Lsqr() {
    }

    public static IterativeResult fit(DenseProblem problem, Options options) {
        Deadline deadline = Deadline.after(options.timeLimitSeconds(), 2L * problem.rows() * problem.columns());
        Standardization std = options.standardize() ? Standardization.of(problem)
                : Standardization.none(problem.columns());
        DenseProblem a = options.standardize() ? std.apply(problem) : problem;
        String name = "LSQR" + (options.standardize() ? " (standardized)" : "");
        int p = a.columns();
        int m = a.rows();
        double[] x = new double[p];
        double[] u = a.y().clone();
        double beta = Vectors.norm(u);
        double bnorm = beta;
        double[] history = new double[Math.min(options.maxIterations(), 1 << 12) + 1];
        history[0] = beta * beta / (2.0 * m);
        double[] v = new double[p];
        double alpha = 0;
        if (beta > 0) {
            Vectors.scale(1.0 / beta, u);
            v = a.transposeTimes(u);
            alpha = Vectors.norm(v);
        }
        if (alpha > 0) {
            Vectors.scale(1.0 / alpha, v);
        }
        double[] w = v.clone();
        double phibar = beta;
        double rhobar = alpha;
        double anorm = 0;
        double ddnorm = 0; // ‖Dₖ‖²_F, Dₖ = Vₖ R̄ₖ⁻¹: with ‖X‖ it estimates κ(X) (the paper's acond)
        int k = 0;
        IterativeStatus stop = IterativeStatus.MAX_ITERATIONS;
        String why = "";
        if (beta == 0 || alpha == 0) {
            stop = IterativeStatus.STOPPED_BACKWARD_ERROR; // y = 0 or Xᵀy = 0: w = 0 is the solution
            why = "Xᵀy = 0";
        }
        double tol = options.tolerance();
        while (stop != IterativeStatus.STOPPED_BACKWARD_ERROR && k < options.maxIterations()) {
            if (deadline.passed(k)) {
                stop = IterativeStatus.TIME_LIMIT;
                break;
            }
            k++;
            // bidiagonalization: βu ← Xv − αu, αv ← Xᵀu − βv
            double[] xv = a.times(v);
            for (int i = 0; i < m; i++) {
                u[i] = xv[i] - alpha * u[i];
            }
            beta = Vectors.norm(u);
            if (beta > 0) {
                Vectors.scale(1.0 / beta, u);
            }
            anorm = Math.sqrt(anorm * anorm + alpha * alpha + beta * beta);
            double[] xtu = a.transposeTimes(u);
            for (int j = 0; j < p; j++) {
                v[j] = xtu[j] - beta * v[j];
            }
            alpha = Vectors.norm(v);
            if (alpha > 0) {
                Vectors.scale(1.0 / alpha, v);
            }
            // Givens rotation eliminating β from the lower bidiagonal
            double rho = Math.hypot(rhobar, beta);
            double c = rhobar / rho;
            double s = beta / rho;
            double theta = s * alpha;
            rhobar = -c * alpha;
            double phi = c * phibar;
            phibar = s * phibar;
            Vectors.axpy(phi / rho, w, x);
            ddnorm += Vectors.dot(w, w) / (rho * rho);
            for (int j = 0; j < p; j++) {
                w[j] = v[j] - (theta / rho) * w[j];
            }
            double rnorm = phibar;
            double arnorm = alpha * Math.abs(c) * phibar;
            if (k >= history.length) {
                history = Arrays.copyOf(history, (int) Math.min((long) options.maxIterations() + 1, 2L * history.length));
            }
            history[k] = rnorm * rnorm / (2.0 * m);
            double xnorm = Vectors.norm(x);
            if (rnorm <= tol * bnorm + tol * anorm * xnorm) {
                stop = IterativeStatus.STOPPED_BACKWARD_ERROR;
                why = "S1, ‖r‖ ≤ tol·(‖y‖ + ‖X‖‖w‖): a compatible system";
            } else if (arnorm <= tol * anorm * rnorm) {
                stop = IterativeStatus.STOPPED_BACKWARD_ERROR;
                why = "S2, ‖Xᵀr‖ ≤ tol·‖X‖‖r‖: a least-squares solution";
            } else if (!Double.isFinite(rnorm) || !Double.isFinite(xnorm)) {
                // cannot happen in exact arithmetic; guard against overflow on absurd data
                stop = IterativeStatus.DIVERGED;
                break;
            }
        }
        double[] coefficients = std.toOriginal(x);
        double gnorm = Vectors.norm(GradientDescent.originalGradient(problem, coefficients));
        Optimality.Check check = Optimality.at(problem, coefficients);
        IterativeStatus status = Optimality.classify(check, tol, stop);
        double acond = anorm * Math.sqrt(ddnorm);
        String conditioning = acond * tol > 1e-3
                ? String.format(Locale.ROOT, "; κ(X) ≈ %.2g, so a backward error of %.2g allows a relative error"
                        + " of up to %.2g in w", acond, tol, acond * tol)
                : "";
        String how = switch (stop) {
            case STOPPED_BACKWARD_ERROR -> String.format(Locale.ROOT, "stopped after %s by its backward-error test"
                    + " (%s, on its running estimates)", GradientDescent.count(k, "iteration"), why);
            case TIME_LIMIT -> String.format(Locale.ROOT, "stopped by the time limit of %s s after %s with"
                    + " ‖∇J‖ = %.3g", GradientDescent.g6(options.timeLimitSeconds()),
                    GradientDescent.count(k, "iteration"), gnorm);
            case DIVERGED -> String.format(Locale.ROOT, "its estimates overflowed at iteration %d", k);
            default -> String.format(Locale.ROOT, "stopped at the limit of %d iterations with ‖∇J‖ = %.3g", k, gnorm);
        };
        String message = GradientDescent.verdict(status, how, check, tol) + conditioning;
        return new IterativeResult(name, coefficients, status, k, Arrays.copyOf(history, k + 1),
                problem.cost(coefficients), gnorm, check.ratio(), Double.NaN, Double.NaN, message);
    }
}
