package org.gramian.cli.lab;

/**
 * One method's run in {@code gramian compare}.
 *
 * @param method       name
 * @param iterations   iterations (epochs for SGD), or -1 for a direct method
 * @param seconds      wall time, including any step-size estimation and standardization
 * @param cost         J(w) = (1/2m)‖Xw − y‖² at its answer
 * @param relativeDiff max|w − w_closed| / max|w_closed|
 * @param status       an {@link org.gramian.iterative.IterativeStatus} name (CONVERGED only when the
 *                     optimality ratio is at most the tolerance), or "direct" for the closed form
 * @param optimality   ‖Xᵀr‖/(‖X‖_F‖r‖) at its answer, r = y − Xw ({@link org.gramian.iterative.Optimality})
 * @param kappa        condition number of the XᵀX the method works with (NaN when not computed)
 * @param expectedIterations κ·ln(1/ε) for gradient descent, NaN otherwise
 * @param message      the method's one-line account
 * @param costHistory  cost per iteration (empty for a direct method)
 */
public record MethodRun(String method, int iterations, double seconds, double cost, double relativeDiff,
                        String status, double optimality, double kappa, double expectedIterations, String message,
                        double[] costHistory) {
}
