package org.gramian.cli;

/** The result could not be written (exit status {@value ExitCodes#OUTPUT_ERROR}). */
public final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
