package org.gramian.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code gramian} command. Subcommands are the classes listed in {@link #SUBCOMMANDS}; to add
 * one, write a {@code @Command} class and append it there.
 */
@Command(name = "gramian", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Least-squares regression by the normal equation XᵀX w = Xᵀy, correct to the last digit.",
        synopsisSubcommandLabel = "COMMAND",
        footer = ExitCodes.FOOTER)
public final class GramianCli implements Callable<Integer> {

    /** The subcommands, in the order the help lists them. */
    static final Class<?>[] SUBCOMMANDS = {
        FitCommand.class,
        LogisticCommand.class,
        PredictCommand.class,
        CertifyCommand.class,
        ExplainCommand.class,
        CompareCommand.class,
        PlotCommand.class,
    };

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an internal error, also print the stack trace.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail as a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: fit, logistic, predict, certify, explain, compare or plot");
    }

    /** A configured command line writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        GramianCli root = new GramianCli();
        CommandLine cmd = new CommandLine(root);
        for (Class<?> sub : SUBCOMMANDS) {
            cmd.addSubcommand(sub);
        }
        ErrorHandler handler = new ErrorHandler(() -> root.debug);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(handler);
        cmd.setExecutionExceptionHandler(handler);
        cmd.setExitCodeExceptionMapper(new ExitCodes());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /** Runs {@code gramian args...} and returns its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors through; this one is the user's heap, not a bug: one line, no trace.
            // Whatever held the memory is unreachable now, so printing the line has room again.
            err.println("gramian: " + ExitCodes.outOfMemoryMessage());
            code = ExitCodes.OUT_OF_MEMORY;
        }
        // Commands that print through the PrintWriter directly (explain, compare, certify, plot's
        // "Wrote" line) learn of a closed or full standard output only here: PrintWriter swallows
        // the error and sets a flag.
        if (out.checkError() && code == ExitCodes.OK) {
            err.println("gramian: " + Output.STDOUT_FAILED);
            code = ExitCodes.OUTPUT_ERROR;
        }
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }
}
