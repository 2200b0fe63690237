package org.gramian.cli;

import org.gramian.io.model.ModelJson;

import org.gramian.report.TextSummary;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gramian.Gramian;
import org.gramian.GramianException;
import org.gramian.model.FittedModel;
import org.gramian.model.RobustStandardErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gramian fit FILE.csv --target y ...}: fits a least-squares model and reports it. */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Fit the least-squares model y = Xw to the columns of a CSV file, solving XᵀX w = Xᵀy.",
            "X has a column of ones (unless --no-intercept) and the feature columns, or with --degree k the "
                + "powers x, x^2, ..., x^k of the one feature x."},
        footer = ExitCodes.FOOTER)
final class FitCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

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

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L",
            description = "confidence level of the coefficient intervals (default: ${DEFAULT-VALUE})")
    double level;

    /** The robust standard error estimators, as the option spells them. */
    enum RobustSe { hc0, hc1, hc2, hc3 }

    @Option(names = "--robust-se", paramLabel = "KIND",
            description = "heteroskedasticity-robust standard errors (White / MacKinnon–White), from one more"
                    + " streaming pass: ${COMPLETION-CANDIDATES}")
    RobustSe robustSe;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "fit on Apache Spark: MASTER is a Spark master URL (local[2], spark://host:7077) or 'submit'"
                    + " for the one spark-submit set; FILE is then a .csv or .parquet file or folder, or table:NAME."
                    + " Needs the gramian-spark jar and Spark on the class path (README: Spark).")
    String sparkMaster;

    @Override
    public Integer call() {
        if (!(level > 0 && level < 1)) {
            throw new ParameterException(spec.commandLine(), "--level must be between 0 and 1, got " + level);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        FittedModel model = sparkMaster != null
                ? SparkFit.fit(spec.commandLine(), input, sparkMaster, solver.kind(), robustSe != null, threads != null)
                : fitLocally();
        String text = format == OutputFormat.json
                ? ModelJson.text(ModelJson.of(model, input.file.toString(), VersionProvider.version(), level))
                : TextSummary.of(model, input.file.toString(), level);
        Output.write(out, spec.commandLine().getOut(), w -> w.write(text));
        return ExitCodes.OK;
    }

    private FittedModel fitLocally() {
        FittedModel model;
        try {
            ModelInput.Selected data = input.select(threads, CsvFiles.showProgress(quiet));
            model = Gramian.fit(data.source(), data.spec(), solver.kind());
            if (robustSe != null) {
                model = RobustStandardErrors.apply(model, data.source(),
                        RobustStandardErrors.Kind.valueOf(robustSe.name().toUpperCase(java.util.Locale.ROOT)));
            }
        } catch (GramianException e) {
            throw e.inFile(input.file.toString());
        } catch (UncheckedIOException e) {
            throw new GramianException(input.file + ": cannot read: " + e.getCause().getMessage(),
                    input.file.toString(), 0, null, e);
        }
        return model;
    }
}
