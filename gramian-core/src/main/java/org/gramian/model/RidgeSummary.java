package org.gramian.model;

/**
 * What a ridge fit adds to a {@link FittedModel}.
 *
 * @param lambda                  the penalty λ (on the coefficients of the columns as given; the
 *                                intercept is not penalized)
 * @param curve                   how λ was chosen by GCV, or null when it was given
 * @param effectiveDf             tr H(λ) = 1 + Σ d²/(d² + λ) with an intercept (Σ without), d the
 *                                singular values of the centred X: the effective number of parameters
 * @param residualSumOfSquares    RSS = ‖y − Xw‖² (Σ w·r² with weights)
 * @param residualVariance        σ̂² = RSS/(n − tr H) (NaN when n ≤ tr H)
 * @param gcv                     n·RSS/(n − tr H)²
 * @param penalizedConditionNumber κ₂ of [X_c; √λ·I]: √((d²_max + λ)/(d²_min + λ))
 */
public record RidgeSummary(double lambda, GcvCurve curve, double effectiveDf, double residualSumOfSquares,
                           double residualVariance, double gcv, double penalizedConditionNumber) {

    /** Whether λ was chosen by generalized cross-validation. */
    public boolean chosenByGcv() {
        return curve != null;
    }
}
