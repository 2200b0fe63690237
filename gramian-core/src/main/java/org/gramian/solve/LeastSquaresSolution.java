package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * The solved least-squares problem, in the original (unshifted) coordinates, before statistics.
 *
 * @param coefficients    w, length p (minimum-norm solution when rank &lt; p)
 * @param unscaledCovariance (XᵀX)⁻¹, or its pseudo-inverse when rank-deficient; multiply by s² for
 *                        the covariance of w
 * @param rank            numerical rank of X
 * @param aliased         aliased[j] when column j is (to working precision) a combination of the
 *                        columns before it
 * @param residualSumOfSquares ‖y − Xw‖²
 * @param totalSumOfSquares Σ(y − ȳ)² with an intercept, Σy² without (as NIST defines R²)
 * @param observations    n
 * @param conditionNumber estimate of κ₁ of X with columns scaled to unit length (∞ when aliased)
 * @param expectedDigits  how many significant digits of w the method's error bound supports
 * @param method          the solver whose factor was used
 * @param usedSvd         whether the minimum-norm SVD solution was computed
 */
public record LeastSquaresSolution(DD[] coefficients, DD[][] unscaledCovariance, int rank, boolean[] aliased,
                                   DD residualSumOfSquares, DD totalSumOfSquares, long observations,
                                   double conditionNumber, double expectedDigits, SolverKind method,
                                   boolean usedSvd) {

    public int width() {
        return coefficients.length;
    }

    public boolean rankDeficient() {
        return rank < coefficients.length;
    }
}
