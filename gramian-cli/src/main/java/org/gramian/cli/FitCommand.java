package org.gramian.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gramian.Gramian;
import org.gramian.GramianException;
import org.gramian.design.ModelSpec;
import org.gramian.design.RowSource;
import org.gramian.design.UnknownColumnException;
import org.gramian.io.CsvSource;
import org.gramian.stats.RegressionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gramian fit FILE.csv --target y ...}: fits a least-squares model and reports it. */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Fit the least-squares model y = Xw to the columns of a CSV file, solving XᵀX w = Xᵀy.",
            "X has a column of ones (unless --no-intercept) and the feature columns, or with --degree k the "
                + "powers x, x^2, ..., x^k of the one feature x."},
        footer = ExitCodes.FOOTER)
final class FitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "CSV file with a header row naming the columns.")
    Path file;

    @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The response column y.")
    String target;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "Feature columns, comma-separated. Default: every column except the target.")
    List<String> features;

    @Option(names = "--degree", defaultValue = "1", paramLabel = "K",
            description = "Fit a polynomial of degree K in the one feature column (default: ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--no-intercept", description = "Fit through the origin: no column of ones in X.")
    boolean noIntercept;

    @Option(names = "--solver", defaultValue = "auto", paramLabel = "SOLVER",
            description = "Solver: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). auto uses the fast "
                    + "double-precision normal equation when it keeps 13+ digits, otherwise QR in double-double.")
    SolverChoice solver;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the result to FILE (atomically: a temporary file, then renamed) instead of "
                    + "standard output.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for parsing the CSV (default: the reader's choice).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar on standard error.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        RegressionModel model;
        try {
            CsvSource csv = CsvFiles.open(file);
            ModelSpec modelSpec = modelSpec(csv.columns());
            RowSource data = CsvFiles.select(csv, modelSpec.inputColumns(), threads, CsvFiles.showProgress(quiet));
            model = Gramian.fit(data, modelSpec, solver.kind());
        } catch (GramianException e) {
            throw InputProblem.in(file, e);
        } catch (UncheckedIOException e) {
            throw new GramianException(file + ": cannot read: " + e.getCause().getMessage(), e);
        }
        String text = format == OutputFormat.json
                ? ModelJson.text(ModelJson.of(model, file.toString()))
                : FitReport.table(model, file.toString());
        Output.write(out, spec.commandLine().getOut(), w -> w.write(text));
        return ExitCodes.OK;
    }

    /** Option combinations that are wrong whatever the data: usage errors. */
    private void checkOptions() {
        if (degree < 1) {
            throw new ParameterException(spec.commandLine(), "--degree must be at least 1, got " + degree);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (features != null && degree > 1 && features.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--degree " + degree
                    + " needs exactly one feature column, got --features " + String.join(",", features));
        }
        if (features != null && features.stream().anyMatch(String::isBlank)) {
            throw new ParameterException(spec.commandLine(), "--features has an empty column name");
        }
    }

    /** The model over the file's columns; features default to every column but the target. */
    private ModelSpec modelSpec(List<String> columns) {
        Set<String> known = new HashSet<>(columns); // not List.contains per feature: O(p²) on a wide file
        if (!known.contains(target)) {
            throw new UnknownColumnException(target, columns);
        }
        List<String> chosen;
        if (features != null) {
            chosen = features;
        } else {
            chosen = new ArrayList<>(columns);
            chosen.remove(target);
            if (degree > 1 && chosen.size() != 1) {
                throw new GramianException("--degree " + degree + " needs exactly one feature column, but there are "
                        + chosen.size() + " columns besides the target; choose one with --features");
            }
        }
        for (String f : chosen) {
            if (!known.contains(f)) {
                throw new UnknownColumnException(f, columns);
            }
        }
        try {
            return new ModelSpec(target, chosen, degree, !noIntercept);
        } catch (IllegalArgumentException e) {
            throw new GramianException(e.getMessage());
        }
    }
}
