package org.gramian.stats;

/**
 * One estimated coefficient.
 *
 * <ul>
 *   <li>standard error SE(wⱼ) = s·√[(XᵀX)⁻¹]ⱼⱼ, with s the residual standard deviation;</li>
 *   <li>t = wⱼ / SE(wⱼ);</li>
 *   <li>p = P(|T| ≥ |t|) for T ~ Student t with n − rank degrees of freedom.</li>
 * </ul>
 * For an aliased coefficient (its column is a combination of earlier ones) the estimate is its
 * share of the minimum-norm solution and SE, t and p are not defined: they are NaN and
 * {@link #aliased()} is true. They are also NaN when there are no residual degrees of freedom.
 */
public record Coefficient(String name, double estimate, double standardError, double tValue, double pValue,
                          boolean aliased) {
}
