package org.gramian.design;

import org.gramian.GramianException;
import org.gramian.UserText;

/** A value that cannot enter a least-squares fit: NaN, infinite, or a polynomial term that overflows. */
public final class InvalidValueException extends GramianException {
    public InvalidValueException(String where, String column, String problem) {
        super(where + ", column " + UserText.quote(column) + ": " + problem);
    }
}
