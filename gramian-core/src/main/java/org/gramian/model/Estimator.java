package org.gramian.model;

import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;

/**
 * Fits a model to data. Ordinary least squares is the first implementation; weighted least
 * squares, ridge and logistic regression are further ones on the same accumulate and solve
 * machinery.
 */
public interface Estimator {

    /**
     * Fits {@code spec} to {@code data}.
     *
     * @throws org.gramian.GramianException for a problem with the data (unknown column, non-finite
     *                                      value, fewer rows than coefficients)
     */
    FittedModel fit(RowSource data, ModelSpec spec);
}
