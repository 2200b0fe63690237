package org.gramian.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.gramian.GramianException;
import picocli.CommandLine;

/**
 * The exit statuses of {@code gramian}, and the mapping from an exception to its status.
 *
 * <ul>
 *   <li>{@value #OK}: success;</li>
 *   <li>{@value #CERTIFICATION_FAILED}: {@code certify} found a dataset below the required accuracy;</li>
 *   <li>{@value #USAGE}: the command line is wrong (unknown option, missing argument);</li>
 *   <li>{@value #BAD_INPUT}: the data or the request cannot be fitted (a {@link GramianException}:
 *       missing file, unknown column, non-numeric cell, too few rows, ...);</li>
 *   <li>{@value #OUTPUT_ERROR}: the result could not be written;</li>
 *   <li>{@value #OUT_OF_MEMORY}: the Java heap was too small (an {@link OutOfMemoryError}), or is
 *       known to be too small before any work (an {@code InsufficientMemoryException});</li>
 *   <li>{@value #INTERNAL}: a bug (EX_SOFTWARE of sysexits.h).</li>
 * </ul>
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    public static final int OK = 0;
    public static final int CERTIFICATION_FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int OUTPUT_ERROR = 4;
    public static final int OUT_OF_MEMORY = 5;
    public static final int INTERNAL = 70;

    /** The text of the help footer listing these codes. */
    public static final String FOOTER = "%nExit status:%n"
            + "  0   success%n"
            + "  1   certify: a dataset failed its accuracy requirement%n"
            + "  2   usage error (unknown option, missing argument)%n"
            + "  3   bad input data or request (message names the file, line and column)%n"
            + "  4   the output could not be written%n"
            + "  5   not enough memory (the Java heap, -Xmx, is too small for the request)%n"
            + "  70  internal error (please report; --debug prints the stack trace)";

    @Override
    public int getExitCode(Throwable exception) {
        if (outOfMemory(exception)) {
            return OUT_OF_MEMORY;
        }
        if (exception instanceof OutputException) {
            return OUTPUT_ERROR;
        }
        if (exception instanceof CommandLine.ParameterException
                || exception instanceof org.gramian.design.formula.FormulaException) {
            return USAGE;
        }
        if (exception instanceof GramianException || exception instanceof IOException
                || exception instanceof UncheckedIOException) {
            // reading the input failed: a problem with the user's file, not with gramian
            return BAD_INPUT;
        }
        return INTERNAL;
    }

    /**
     * Whether {@code t} is, or was caused by, an {@link OutOfMemoryError} (worker threads hand their
     * errors back wrapped, see {@code OrderedPool}) or an {@code InsufficientMemoryException} (a
     * command places it in its file by wrapping it).
     */
    static boolean outOfMemory(Throwable t) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof org.gramian.model.InsufficientMemoryException) {
                return true;
            }
        }
        return false;
    }

    /** The one line for an {@link OutOfMemoryError}, naming the heap size the JVM was given. */
    static String outOfMemoryMessage() {
        long mib = Runtime.getRuntime().maxMemory() >> 20;
        return "not enough memory: the Java heap (" + mib + " MiB) is too small for this request;"
                + " give java more with -Xmx (e.g. JDK_JAVA_OPTIONS=-Xmx4g) or ask for less (fewer rows or columns, a smaller picture)"
                + " ('fit' and 'predict' stream any number of rows)";
    }
}
