package org.gramian.cli;

/** The result could not be written (exit status {@value ExitCodes#OUTPUT_ERROR}). */
public final class OutputException extends RuntimeException {
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
