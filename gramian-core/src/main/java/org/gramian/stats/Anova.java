package org.gramian.stats;

import java.util.List;

/**
 * The analysis-of-variance table of a fit.
 *
 * <ul>
 *   <li>regression SS = TSS − RSS, with TSS = Σ(y − ȳ)² when the model has an intercept and Σy²
 *       when it does not (NIST's convention), on rank − 1 (or rank) degrees of freedom;</li>
 *   <li>residual SS = RSS = ‖y − Xw‖² on n − rank degrees of freedom;</li>
 *   <li>mean squares = SS / df; F = MS_reg / MS_res, +∞ for an exact fit; p = P(F' ≥ F).</li>
 *   <li>for a formula model, {@code terms}: one row per term, its sequential (type I) sum of squares
 *       as R's {@code anova(lm)} — what the term adds to the terms before it — on as many degrees of
 *       freedom as it has estimable (not aliased) columns, F = MS_term / MS_res; a term whose
 *       columns are all aliased has no row. Empty without a formula.</li>
 * </ul>
 */
public record Anova(double regressionSumOfSquares, long regressionDf, double residualSumOfSquares,
                    long residualDf, double regressionMeanSquare, double residualMeanSquare,
                    double fStatistic, double fPValue, List<TermRow> terms) {

    public Anova {
        terms = List.copyOf(terms);
    }

    /** The table without rows per term. */
    public Anova(double regressionSumOfSquares, long regressionDf, double residualSumOfSquares, long residualDf,
                 double regressionMeanSquare, double residualMeanSquare, double fStatistic, double fPValue) {
        this(regressionSumOfSquares, regressionDf, residualSumOfSquares, residualDf, regressionMeanSquare,
                residualMeanSquare, fStatistic, fPValue, List.of());
    }

    /** One term's row: its label, df, sequential SS, mean square, F and p-value. */
    public record TermRow(String term, long df, double sumOfSquares, double meanSquare, double fStatistic,
                          double fPValue) {
    }
}
