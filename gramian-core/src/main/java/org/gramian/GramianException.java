package org.gramian;

/**
 * A problem with the user's data or request that Gramian reports instead of computing: its
 * message is a complete sentence meant for the user (the CLI prints it as the one line on stderr).
 * Numerical difficulties that the solvers can handle (ill-conditioning, rank deficiency) are
 * never thrown; they are reported in the fitted model.
 */
public class GramianException extends RuntimeException {
    public GramianException(String message) {
        super(message);
    }

    public GramianException(String message, Throwable cause) {
        super(message, cause);
    }
}
