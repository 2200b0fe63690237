package org.gramian.design;

import org.gramian.GramianException;
import org.gramian.UserText;
import org.gramian.data.RowSource;

/** A value that cannot enter a least-squares fit: NaN, infinite, or a polynomial term that overflows. */
public final class InvalidValueException extends GramianException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String where, String column, String problem) {
        super(where + ", column " + UserText.quote(column) + ": " + problem, null, 0, column, null);
    }

    /** The problem in observation {@code row} of {@code source}, with its file and line as fields. */
    public InvalidValueException(RowSource source, long row, String column, String problem) {
        super(source.describeRow(row) + ", column " + UserText.quote(column) + ": " + problem, source.fileName(),
                source.lineOf(row), column, null);
    }
}
