package org.gramian.stats;

/**
 * The Gaussian log-likelihood of a linear model at its least-squares fit, with AIC and BIC, exactly
 * as R's {@code logLik.lm}, {@code AIC} and {@code BIC} define them:
 * <pre>
 *   ℓ   = ½·(Σᵢ log wᵢ − N·(log 2π + 1 − log N + log Σᵢ wᵢrᵢ²))
 *   AIC = −2ℓ + 2·k,   BIC = −2ℓ + log(N)·k,   k = rank + 1
 * </pre>
 * with wᵢ ≡ 1 for ordinary least squares, N the observations with a positive weight (rows of zero
 * weight are left out, as R does) and k counting the coefficients and σ². This is the maximized
 * likelihood with σ̂² = RSS/N (the maximum-likelihood variance, not the unbiased s²).
 *
 * @param logLikelihood ℓ (+∞ for an exact fit, RSS = 0, as in R)
 * @param df            k = rank + 1
 * @param aic           Akaike's information criterion
 * @param bic           Schwarz's Bayesian information criterion
 */
public record Likelihood(double logLikelihood, int df, double aic, double bic) {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /**
     * @param n             N, observations with positive weight
     * @param rank          the rank of X (estimated coefficients)
     * @param logRss        log Σ wᵢrᵢ² (natural log; −∞ for an exact fit), taken from the factor
     *                      in scaled units so that it exists even when the sum of squares itself
     *                      is outside the double range
     * @param sumLogWeights Σ log wᵢ over the rows of positive weight (0 without weights)
     */
    public static Likelihood gaussian(long n, int rank, double logRss, double sumLogWeights) {
        double ll = 0.5 * (sumLogWeights - n * (LOG_2PI + 1 - Math.log(n) + logRss));
        int k = rank + 1;
        return new Likelihood(ll, k, -2 * ll + 2 * k, -2 * ll + Math.log(n) * k);
    }
}
