package org.gramian.stats;

/**
 * Goodness of fit.
 *
 * @param observations  n
 * @param parameters    p, the number of coefficients
 * @param rank          numerical rank of X (p unless columns are aliased)
 * @param residualStandardDeviation s = √(RSS / (n − rank)); NaN when n = rank
 * @param rSquared      R² = 1 − RSS/TSS (centred TSS with an intercept, uncentred without)
 * @param adjustedRSquared 1 − (1 − R²)(n − i)/(n − rank), i = 1 with an intercept, 0 without
 * @param centred       whether R² is centred (the model has an intercept)
 */
public record FitStatistics(long observations, int parameters, int rank, double residualStandardDeviation,
                            double rSquared, double adjustedRSquared, boolean centred) {
}
