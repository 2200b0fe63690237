package org.gramian.iterative;

/**
 * How an iterative solver's answer stands, and why it stopped.
 *
 * <p>{@link #CONVERGED} is decided by one test for every method ({@link Optimality}), recomputed
 * from the returned coefficients independently of the method's own stopping rule: the optimality
 * ratio ‖Xᵀr‖ / (‖X‖_F·‖r‖), r = y − Xw, must be at most the tolerance (an exact fit, r = 0 or in
 * floating point ‖r‖ ≤ tolerance·‖y‖, counts as converged). Every other value says which stop was
 * hit when that test fails: the method's own rule, a limit, divergence, or no progress.
 */
public enum IterativeStatus {
    /**
     * Optimal to the tolerance: ‖Xᵀr‖ / (‖X‖_F·‖r‖) ≤ tolerance at the returned w (or an exact fit,
     * ‖r‖ ≤ tolerance·‖y‖), whatever stopped the iteration.
     */
    CONVERGED,
    /**
     * LSQR's own tests (Paige &amp; Saunders S1: ‖r‖ ≤ btol‖y‖ + atol‖X‖‖w‖, or S2: ‖Xᵀr‖ ≤
     * atol‖X‖‖r‖, both on its running estimates) were met, but the optimality ratio recomputed at
     * the returned w exceeds the tolerance. On ill-conditioned X the estimates drift from the true
     * values, and a small backward error still allows a large forward error: not a least-squares
     * solution to the tolerance asked.
     */
    STOPPED_BACKWARD_ERROR,
    /**
     * (Mini-batch) gradient descent's own tests were met — ‖∇J(w)‖ ≤ tolerance·‖∇J(w₀)‖ and the
     * optimality test on its running residual and gradient, in the (possibly standardized)
     * coordinates it iterates in — but the test recomputed at the returned coefficients fails: the
     * rounding of r = y − Xw or of mapping the coefficients back to the original columns made the
     * difference, so the tolerance is at the rounding floor of the ratio.
     */
    STOPPED_RELATIVE_GRADIENT,
    /**
     * Gradient descent made no measurable progress: neither the cost nor ‖∇J‖ reached a new lowest
     * value within the last {@value GradientDescent#STALL_WINDOW} iterations (both sit at their
     * rounding floor), and the optimality ratio exceeds the tolerance.
     */
    STALLED,
    /** The iteration (or epoch) limit was reached and the optimality ratio exceeds the tolerance. */
    MAX_ITERATIONS,
    /**
     * The time limit was reached first (see the {@code timeLimitSeconds} option of each method);
     * the answer is the last iterate and its optimality ratio exceeds the tolerance.
     */
    TIME_LIMIT,
    /**
     * The cost became non-finite or grew by orders of magnitude (step size too large): the
     * coefficients are the last iterate before that and are not a solution.
     */
    DIVERGED
}
