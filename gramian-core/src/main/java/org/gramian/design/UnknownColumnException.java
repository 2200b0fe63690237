package org.gramian.design;

import java.util.List;
import org.gramian.GramianException;
import org.gramian.UserText;

/**
 * A model names a column the data does not have. The message quotes the name and lists the
 * columns there are, each cut and escaped by {@link UserText}, at most {@value UserText#MAX_NAMES}
 * of them.
 */
public final class UnknownColumnException extends GramianException {
    private final String column;

    public UnknownColumnException(String column, List<String> available) {
        super("unknown column " + UserText.quote(column) + "; the columns are: " + UserText.list(available));
        this.column = column;
    }

    public String column() {
        return column;
    }
}
