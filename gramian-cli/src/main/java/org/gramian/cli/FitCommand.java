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
import org.gramian.UserText;
import org.gramian.cli.lab.Charts;
import org.gramian.cli.render.AtomicFiles;
import org.gramian.model.GcvCurve;
import org.gramian.model.RidgeRegression;
import org.gramian.solve.GcvPoint;
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
        footer = ExitCodes.FOOTER, resourceBundle = "org.gramian.cli.FitCommand")
final class FitCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    ReportOptions report;

    @Option(names = "--solver", defaultValue = "auto", paramLabel = "SOLVER",
            description = "Solver: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). auto uses the fast "
                    + "double-precision normal equation when it keeps 13+ digits, otherwise QR in double-double.")
    SolverChoice solver;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for parsing the CSV (default: the reader's choice).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar on standard error.")
    boolean quiet;

    @Spec
    CommandSpec spec;

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

    @Option(names = "--ridge", paramLabel = "LAMBDA",
            description = "ridge regression: minimize ‖y − Xw‖² + λ·Σw² over the coefficients of the columns as given"
                    + " (not standardized; the intercept is not penalized). LAMBDA ≥ 0, or 'auto' to choose it by"
                    + " generalized cross-validation (prints the GCV curve)")
    String ridge;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "with --ridge auto: draw the GCV curve to FILE.png (written atomically)")
    Path plot;

    /** The parsed --ridge: null without it, NaN for auto, else λ. */
    private Double ridgePenalty() {
        if (ridge == null) {
            return null;
        }
        if (ridge.equals("auto")) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(ridge.strip());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ParameterException(spec.commandLine(),
                    "--ridge must be a finite number ≥ 0 or 'auto', got '" + UserText.oneLine(ridge) + "'");
        }
        return v;
    }

    @Override
    public Integer call() {
        if (!(report.level > 0 && report.level < 1)) {
            throw new ParameterException(spec.commandLine(), "--level must be between 0 and 1, got " + report.level);
        }
        Double penalty = ridgePenalty();
        if (penalty != null && robustSe != null) {
            throw new ParameterException(spec.commandLine(), "--robust-se does not apply to --ridge: ridge estimates"
                    + " are biased, and their standard errors are not reported");
        }
        if (penalty != null && (solver == SolverChoice.cholesky || solver == SolverChoice.svd)) {
            throw new ParameterException(spec.commandLine(), "--ridge always uses Householder QR in double-double;"
                    + " --solver " + solver + " does not apply");
        }
        if (plot != null && (penalty == null || !penalty.isNaN())) {
            throw new ParameterException(spec.commandLine(), "--plot draws the GCV curve of --ridge auto; use"
                    + " 'gramian plot' to draw a fit");
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        if (sparkMaster != null && penalty != null) {
            throw new ParameterException(spec.commandLine(), "--ridge is not available with --spark");
        }
        FittedModel model = sparkMaster != null
                ? SparkFit.fit(spec.commandLine(), input, sparkMaster, solver.kind(), robustSe != null, threads != null)
                : fitLocally(penalty);
        if (report.save != null) {
            ModelFiles.save(report.save, ModelJson.of(model, input.file.toString(), VersionProvider.version(), report.level));
        }
        if (plot != null) {
            drawGcv(model);
        }
        String text = report.format == OutputFormat.json
                ? ModelJson.text(ModelJson.of(model, input.file.toString(), VersionProvider.version(), report.level))
                : TextSummary.of(model, input.file.toString(), report.level);
        Output.write(report.out, spec.commandLine().getOut(), w -> w.write(text));
        return ExitCodes.OK;
    }

    private FittedModel fitLocally(Double penalty) {
        FittedModel model;
        try {
            ModelInput.Selected data = input.select(threads, CsvFiles.showProgress(quiet));
            if (penalty != null) {
                model = (penalty.isNaN() ? RidgeRegression.byGcv() : RidgeRegression.withPenalty(penalty))
                        .fit(data.source(), data.spec());
            } else {
                model = Gramian.fit(data.source(), data.spec(), solver.kind());
            }
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

    /** --plot: the GCV curve of --ridge auto, as PNG. */
    private void drawGcv(FittedModel model) {
        GcvCurve curve = model.ridge().curve();
        if (curve.grid().isEmpty()) {
            throw new GramianException(input.file + ": no GCV curve to draw: " + curve.note(), input.file.toString(), 0,
                    null, null);
        }
        double[] lambda = curve.grid().stream().mapToDouble(GcvPoint::lambda).toArray();
        double[] gcv = curve.grid().stream().mapToDouble(GcvPoint::gcv).toArray();
        AtomicFiles.writePng(Charts.gcv(lambda, gcv, curve.chosen().lambda(), curve.chosen().gcv(), 800, 500,
                "Ridge GCV: " + TextSummary.formula(model)), plot);
    }
}
