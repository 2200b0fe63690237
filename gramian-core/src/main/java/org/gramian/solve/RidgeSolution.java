package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * A solved ridge problem, before statistics.
 *
 * @param coefficients w in original units, length p (the intercept, when there is one, first)
 * @param scaledRss    c²·‖y − Xw‖² (the residual sum of squares, not the penalized objective),
 *                     in the units of the equilibrated data; RSS = scaledRss·2^{@code rssExponent}
 * @param scaledTss    c²·Σ(y − ȳ)² with an intercept, c²·Σy² without
 * @param rssExponent  the exponent that brings a scaled sum of squares back to original units (−2·log₂c)
 * @param observations n
 */
public record RidgeSolution(DD[] coefficients, DD scaledRss, DD scaledTss, int rssExponent, long observations) {
}
