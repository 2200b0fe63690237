package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * The solved least-squares problem, before statistics.
 *
 * <p>The coefficients are in the original units. The second-order quantities are kept in the units
 * of the equilibrated data ({@link Equilibration}: column j multiplied by the power of two dⱼ, y by
 * c), because in original units they can leave the double range even when every statistic derived
 * from them is an ordinary number (data of magnitude 1e200 have sums of squares of 1e400, while
 * their residual standard deviation is 1e199):
 * <ul>
 *   <li>(XᵀX)⁻¹ᵢⱼ = dᵢ·dⱼ·{@code scaledInverse}ᵢⱼ;</li>
 *   <li>RSS = ‖y − Xw‖² = {@code scaledRss}/c², TSS = {@code scaledTss}/c²;</li>
 *   <li>so s² = RSS/(n − r) and SE(wⱼ) = √(scaledInverseⱼⱼ·scaledRss/(n − r))·dⱼ/c.</li>
 * </ul>
 *
 * <p>When X is rank-deficient (rank r &lt; p), the fit is that of the r estimable columns, as R's
 * {@code lm} reports it: the aliased columns are left out, RSS, TSS and the inverse come from the
 * reduced problem, and the aliased coefficients are NaN with NaN rows and columns in the inverse
 * ({@link SolverKind#SVD} instead reports the minimum-norm solution and the pseudo-inverse; its
 * residual sum of squares is the same).
 *
 * @param coefficients    w, length p (NaN for aliased columns; minimum-norm solution for SVD)
 * @param scaledInverse   (X̃ᵀX̃)⁻¹ of the equilibrated (unshifted) design, p×p
 * @param columnScale     dⱼ, the power of two that multiplied design column j (length p)
 * @param responseScale   c, the power of two that multiplied y
 * @param rank            numerical rank r of X
 * @param aliased         aliased[j] when column j is (to working precision) a combination of the
 *                        columns before it
 * @param scaledRss       c²·min ‖y − Xw‖² over the estimable columns (ρ² of their factor): the
 *                        residual sum of squares of the least-squares fit
 * @param scaledPrintedRss c²·‖y − Xw‖² for w rounded to doubles, as reported: equal to
 *                        {@code scaledRss} but for that rounding, which matters only when the fit is
 *                        too ill-conditioned to be written down in doubles
 * @param scaledTss       c²·Σ(y − ȳ)² with an intercept, c²·Σy² without (as NIST defines R²)
 * @param observations    n
 * @param conditionNumber κ₂ of X with columns scaled to unit length (∞ when aliased)
 * @param unscaledConditionNumber κ₂ of X as given (∞ when aliased, NaN when out of range)
 * @param expectedDigits  how many significant digits of w the method's error bound supports
 * @param usedSvd         whether the minimum-norm SVD solution was computed
 * @param scaledEffects   c²·(Qᵀy)ⱼ² for each estimable column j in order (NaN for an aliased one): the
 *                        sequential (type I) sum of squares column j adds to the columns before it,
 *                        read off the factor of the estimable columns; with an intercept in column
 *                        0 and shifted columns, entries 1.. do not depend on the shift
 * @param doubleInverse   the same inverse as doubles, p×p, in place of {@code scaledInverse} (then
 *                        null) on the wide path, where it is only formed in double precision
 *                        ({@link TriangularSolver#WIDE}): p² doubles instead of p² objects; or null
 */
public record LeastSquaresSolution(DD[] coefficients, DD[][] scaledInverse, double[] columnScale,
                                   double responseScale, int rank, boolean[] aliased, DD scaledRss,
                                   DD scaledPrintedRss, DD scaledTss, long observations, double conditionNumber,
                                   double unscaledConditionNumber, double expectedDigits, boolean usedSvd,
                                   DD[] scaledEffects, double[][] doubleInverse) {

    /** A solution whose inverse is in double-double ({@code doubleInverse} null). */
    public LeastSquaresSolution(DD[] coefficients, DD[][] scaledInverse, double[] columnScale, double responseScale,
                                int rank, boolean[] aliased, DD scaledRss, DD scaledPrintedRss, DD scaledTss,
                                long observations, double conditionNumber, double unscaledConditionNumber,
                                double expectedDigits, boolean usedSvd, DD[] scaledEffects) {
        this(coefficients, scaledInverse, columnScale, responseScale, rank, aliased, scaledRss, scaledPrintedRss,
                scaledTss, observations, conditionNumber, unscaledConditionNumber, expectedDigits, usedSvd,
                scaledEffects, null);
    }

    /** Entry (i, j) of (X̃ᵀX̃)⁻¹, from whichever of {@code scaledInverse} and {@code doubleInverse} is kept. */
    public DD inverse(int i, int j) {
        return doubleInverse != null ? DD.of(doubleInverse[i][j]) : scaledInverse[i][j];
    }

    public int width() {
        return coefficients.length;
    }

    public boolean rankDeficient() {
        return rank < coefficients.length;
    }
}
