package org.gramian.solve;

/**
 * One point of the ridge path, in original units.
 *
 * @param lambda the penalty λ
 * @param df     the effective degrees of freedom tr H(λ) (the intercept, unpenalized, counts 1)
 * @param rss    the residual sum of squares ‖y − Xw(λ)‖² (NaN when outside the double range)
 * @param gcv    the generalized cross-validation score n·RSS/(n − tr H)² (NaN when n ≤ tr H or out
 *               of range)
 */
public record GcvPoint(double lambda, double df, double rss, double gcv) {
}
