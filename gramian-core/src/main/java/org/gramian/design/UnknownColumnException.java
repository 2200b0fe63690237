package org.gramian.design;

import java.util.List;
import org.gramian.GramianException;

/** A model names a column the data does not have. */
public final class UnknownColumnException extends GramianException {
    private final String column;

    public UnknownColumnException(String column, List<String> available) {
        super("unknown column '" + column + "'; the columns are: " + String.join(", ", available));
        this.column = column;
    }

    public String column() {
        return column;
    }
}
