package org.gramian.cli;

import java.io.IOException;
import org.gramian.UserText;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import org.gramian.GramianException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr, prefixed {@code gramian: }, and an exit status
 * from {@link ExitCodes}. A user's mistake never shows a stack trace; a bug shows one only with
 * {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final ExitCodes codes = new ExitCodes();
    private final BooleanSupplier debug;

    ErrorHandler(BooleanSupplier debug) {
        this.debug = debug;
    }

    /** Usage errors: one line with the command's name and a pointer to its help. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println("gramian: " + UserText.oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return codes.getExitCode(ex);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = codes.getExitCode(ex);
        String message;
        if (code == ExitCodes.OUT_OF_MEMORY && ex instanceof GramianException) {
            message = UserText.oneLine(ex.getMessage());
        } else if (code == ExitCodes.OUT_OF_MEMORY) {
            message = ExitCodes.outOfMemoryMessage();
        } else if (code == ExitCodes.INTERNAL) {
            message = "internal error: " + UserText.oneLine(ex.toString()) + ", please report";
        } else if (ex instanceof GramianException || ex instanceof OutputException) {
            message = UserText.oneLine(ex.getMessage());
        } else if (ex instanceof UncheckedIOException u) {
            message = "cannot read input: " + UserText.oneLine(String.valueOf(u.getCause().getMessage()));
        } else if (ex instanceof IOException) {
            message = "cannot read input: " + UserText.oneLine(ex.getMessage());
        } else {
            message = UserText.oneLine(ex.getMessage());
        }
        err.println("gramian: " + message);
        if (ex instanceof org.gramian.design.formula.FormulaException f) {
            err.println(f.caret());   // the formula with a caret under the position
        }
        if (code == ExitCodes.INTERNAL && debug.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

}
