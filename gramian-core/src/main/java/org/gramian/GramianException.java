package org.gramian;

/**
 * A problem with the user's data or request that Gramian reports instead of computing: its
 * message is a complete sentence meant for the user (the CLI prints it as the one line on stderr).
 * Numerical difficulties that the solvers can handle (ill-conditioning, rank deficiency) are
 * never thrown; they are reported in the fitted model.
 */
public class GramianException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;

    public GramianException(String message) {
        this(message, null, 0, null, null);
    }

    public GramianException(String message, Throwable cause) {
        this(message, null, 0, null, cause);
    }

    /**
     * @param message the complete one-line message (it already names the place, if any)
     * @param file    the input file, or null when the problem is not in a file
     * @param line    the 1-based physical line, or 0 when unknown or not applicable
     * @param column  the column's name, or null
     */
    public GramianException(String message, String file, long line, String column, Throwable cause) {
        super(UserText.safeMessage(message), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The input file the problem is in, or null. */
    public String file() {
        return file;
    }

    /** The 1-based line of the file, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** The column's name, or null. */
    public String column() {
        return column;
    }

    /**
     * This problem, placed in {@code file}: itself when it already names a file, otherwise a
     * {@code GramianException} whose message starts with {@code "<file>: "}.
     */
    public GramianException inFile(String file) {
        if (this.file != null) {
            return this;
        }
        return new GramianException(file + ": " + getMessage(), file, line, column, this);
    }
}
