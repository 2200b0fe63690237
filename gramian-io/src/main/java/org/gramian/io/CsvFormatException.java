package org.gramian.io;

import org.gramian.GramianException;

/**
 * A problem with a CSV file: missing, unreadable, a bad header, or a data cell that is not a finite
 * decimal number. The message is one line that names the file and, where it applies, the 1-based
 * physical line and column, e.g. {@code data.csv, line 7, column 2 ('x'): expected a number, found 'abc'}.
 */
public final class CsvFormatException extends GramianException {
    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem reading a file. */
    public CsvFormatException(String message, String file, Throwable cause) {
        super(message, file, 0, null, cause);
    }

    /** A problem at a place in a file: the message names it, the fields carry it. */
    public CsvFormatException(String message, String file, long line, String column) {
        super(message, file, line, column, null);
    }
}
