package org.gramian.stats;

import java.util.List;

/**
 * How far the numbers can be trusted.
 *
 * @param conditionNumber estimated κ₁(X) with columns scaled to unit length (1 = orthogonal
 *                        columns, ∞ = collinear)
 * @param expectedDigits  significant digits of the coefficients supported by the error bound of
 *                        the method used (0–15.95)
 * @param aliased         names of coefficients whose columns are combinations of earlier columns
 * @param warning         a plain-language warning, or empty when the fit is trustworthy
 */
public record Conditioning(double conditionNumber, double expectedDigits, List<String> aliased, String warning) {
    public Conditioning {
        aliased = List.copyOf(aliased);
    }

    public boolean trustworthy() {
        return warning.isEmpty();
    }
}
