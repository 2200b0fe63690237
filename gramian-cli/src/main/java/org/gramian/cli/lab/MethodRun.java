package org.gramian.cli.lab;

/**
 * One method's run in {@code gramian compare}.
 *
 * @param method       name
 * @param iterations   iterations (epochs for SGD), or -1 for a direct method
 * @param seconds      wall time, including any step-size estimation and standardization
 * @param cost         J(w) = (1/2m)‖Xw − y‖² at its answer
 * @param relativeDiff max|w − w_closed| / max|w_closed|
 * @param status       CONVERGED, MAX_ITERATIONS, DIVERGED, or "direct"
 * @param kappa        condition number of the XᵀX the method works with (NaN when not computed)
 * @param expectedIterations κ·ln(1/ε) for gradient descent, NaN otherwise
 * @param message      the method's one-line account
 * @param costHistory  cost per iteration (empty for a direct method)
 */
public record MethodRun(String method, int iterations, double seconds, double cost, double relativeDiff,
                        String status, double kappa, double expectedIterations, String message,
                        double[] costHistory) {
}
