package org.gramian.stats;

/**
 * The analysis-of-variance table of a fit.
 *
 * <ul>
 *   <li>regression SS = TSS − RSS, with TSS = Σ(y − ȳ)² when the model has an intercept and Σy²
 *       when it does not (NIST's convention), on rank − 1 (or rank) degrees of freedom;</li>
 *   <li>residual SS = RSS = ‖y − Xw‖² on n − rank degrees of freedom;</li>
 *   <li>mean squares = SS / df; F = MS_reg / MS_res, +∞ for an exact fit; p = P(F' ≥ F).</li>
 * </ul>
 */
public record Anova(double regressionSumOfSquares, long regressionDf, double residualSumOfSquares,
                    long residualDf, double regressionMeanSquare, double residualMeanSquare,
                    double fStatistic, double fPValue) {
}
