package org.gramian.iterative;

import java.util.Arrays;

/**
 * What an iterative least-squares solver produced. Immutable: the arrays are copied in and out.
 *
 * @param method        a short name of the method and its settings, e.g. "gradient descent (standardized)"
 * @param coefficients  w in the original coordinates of the problem (never NaN: on divergence, the
 *                      last iterate whose cost was still finite and not exploding)
 * @param status        why the iteration stopped
 * @param iterations    number of updates performed (epochs for mini-batch descent)
 * @param costHistory   J(wₖ) = (1/2m)‖Xwₖ − y‖² for k = 0 … iterations (LSQR: its running
 *                      estimate ‖rₖ‖²/2m); the entry that triggered divergence is included
 * @param finalCost     J(w) at the returned coefficients
 * @param gradientNorm  ‖∇J(w)‖₂ = ‖(1/m)Xᵀ(Xw − y)‖₂ at the returned coefficients, original coordinates
 * @param optimality    ‖Xᵀr‖ / (‖X‖_F‖r‖) at the returned coefficients, original coordinates
 *                      ({@link Optimality#ratio}): what decides {@link IterativeStatus#CONVERGED}
 * @param stepSize      the step size α used (NaN for LSQR, which has none)
 * @param lambdaMax     largest eigenvalue of the iterated (possibly standardized) XᵀX/m estimated by
 *                      power iteration; NaN when not computed
 * @param message       a one-line account: which stop was hit and the optimality ratio, or why it diverged
 */
public record IterativeResult(String method, double[] coefficients, IterativeStatus status, int iterations,
                              double[] costHistory, double finalCost, double gradientNorm, double optimality,
                              double stepSize,
                              double lambdaMax, String message) {

    public IterativeResult {
        coefficients = coefficients.clone();
        costHistory = costHistory.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] costHistory() {
        return costHistory.clone();
    }

    /** Whether the optimality ratio met the tolerance ({@link IterativeStatus#CONVERGED}). */
    public boolean converged() {
        return status == IterativeStatus.CONVERGED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IterativeResult r && method.equals(r.method) && Arrays.equals(coefficients, r.coefficients)
                && status == r.status && iterations == r.iterations && Arrays.equals(costHistory, r.costHistory)
                && Double.compare(finalCost, r.finalCost) == 0 && Double.compare(gradientNorm, r.gradientNorm) == 0
                && Double.compare(optimality, r.optimality) == 0
                && Double.compare(stepSize, r.stepSize) == 0 && Double.compare(lambdaMax, r.lambdaMax) == 0
                && message.equals(r.message);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coefficients) + Arrays.hashCode(costHistory) + status.hashCode();
    }

    @Override
    public String toString() {
        return method + ": " + status + " after " + iterations + " iterations, cost " + finalCost + ", w = "
                + Arrays.toString(coefficients) + " (" + message + ")";
    }
}
