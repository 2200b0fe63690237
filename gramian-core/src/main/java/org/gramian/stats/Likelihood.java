package org.gramian.stats;

import org.gramian.numeric.DD;

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

    /**
     * Evaluated in double-double (the logarithms too, {@link DDMath#log}), because the terms cancel:
     * ℓ can be near 0 while log 2π + 1 − log N + log RSS is not, and a double evaluation then loses
     * the last digits (R's own value for the 3-point worked example is off in the 14th digit).
     *
     * @param n             N, observations with positive weight
     * @param rank          the rank of X (estimated coefficients)
     * @param scaledRss     Σ wᵢrᵢ²·2^−{@code rssExponent}, as the factor has it (so that log RSS
     *                      exists even when the sum of squares itself is outside the double range);
     *                      0 for an exact fit (ℓ = +∞)
     * @param rssExponent   RSS = scaledRss·2^rssExponent
     * @param sumLogWeights Σ log wᵢ over the rows of positive weight ({@link DD#ZERO} without weights)
     */
    public static Likelihood gaussian(long n, int rank, DD scaledRss, int rssExponent, DD sumLogWeights) {
        int k = rank + 1;
        if (scaledRss.isZero()) {
            double inf = Double.POSITIVE_INFINITY;
            return new Likelihood(inf, k, -inf, -inf);
        }
        DD logN = DDMath.log((double) n);
        DD logRss = DDMath.log(scaledRss).add(DDMath.LN2.multiply(rssExponent));
        DD inner = DDMath.HALF_LN_2PI.multiply(2.0).add(1.0).subtract(logN).add(logRss);
        DD ll = sumLogWeights.subtract(inner.multiply((double) n)).multiply(0.5);
        DD minus2 = ll.multiply(-2.0);
        return new Likelihood(ll.doubleValue(), k, minus2.add(2.0 * k).doubleValue(),
                minus2.add(logN.multiply(k)).doubleValue());
    }

    /** ln w in double-double, for Σ log wᵢ. */
    public static DD logOf(double w) {
        return DDMath.log(w);
    }
}
