package org.gramian.stats;

import java.util.List;

/**
 * How far the numbers can be trusted.
 *
 * @param conditionNumber κ₂(X) = σ_max/σ_min of X with its columns scaled to unit length, computed
 *                        from the p×p triangular factor (1 = orthogonal columns, ∞ = aliased)
 * @param unscaledConditionNumber κ₂ of X as given, without scaling (what statsmodels reports as
 *                        the condition number; depends on the units of the columns). NaN when it
 *                        is outside the double range
 * @param expectedDigits  significant digits of the coefficients supported by the error bound of
 *                        the method used (0–15.95)
 * @param aliased         names of coefficients whose columns are combinations of earlier columns
 * @param warning         a plain-language warning, or empty when the fit is trustworthy
 */
public record Conditioning(double conditionNumber, double unscaledConditionNumber, double expectedDigits,
                           List<String> aliased, String warning) {
    public Conditioning {
        aliased = List.copyOf(aliased);
    }

    public boolean trustworthy() {
        return warning.isEmpty();
    }
}
