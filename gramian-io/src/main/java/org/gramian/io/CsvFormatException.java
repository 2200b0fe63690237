package org.gramian.io;

import org.gramian.GramianException;

/**
 * A problem with a CSV file: missing, unreadable, a bad header, or a data cell that is not a finite
 * decimal number. The message is one line that names the file and, where it applies, the 1-based
 * physical line and column, e.g. {@code data.csv, line 7, column 2 ('x'): expected a number, found 'abc'}.
 */
public final class CsvFormatException extends GramianException {
    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
