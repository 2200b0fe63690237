package org.gramian.design;

import org.gramian.GramianException;

/** Fewer observations than coefficients: the least-squares problem has no unique answer to report. */
public final class InsufficientDataException extends GramianException {
    public InsufficientDataException(long observations, int coefficients) {
        super(observations == 0
                ? "no data rows: the model has " + coefficients + " coefficient(s) to estimate"
                : "only " + observations + " data row(s) for " + coefficients
                + " coefficient(s): need at least as many rows as coefficients");
    }
}
