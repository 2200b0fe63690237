package org.gramian.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.gramian.GramianException;
import org.gramian.io.model.ModelJson;
import org.gramian.model.LogisticModel;
import org.gramian.model.LogisticRegression;
import org.gramian.report.LogisticSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gramian logistic FILE.csv --target y ...}: logistic regression by IRLS, reported as R's glm. */
@Command(name = "logistic", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Fit P(y = 1) = 1/(1 + exp(-Xw)) to a 0/1 target by maximum likelihood: Newton's method as iteratively"
                + " reweighted least squares, one streaming pass over the file per step.",
            "Reports coefficients, standard errors from the Fisher information, z, p, Wald intervals, deviance, null"
                + " deviance, AIC, log-likelihood and the iterations, as R's glm(family = binomial).",
            "Separated data (no finite maximum) are detected: the diverging coefficients are named and shown as NA,"
                + " with a warning on standard error; the exit status stays 0."},
        footer = ExitCodes.FOOTER, resourceBundle = "org.gramian.cli.LogisticCommand")
final class LogisticCommand implements Callable<Integer> {

    @Mixin
    ModelInput input;

    @Mixin
    ReportOptions report;

    @Option(names = "--solver", defaultValue = "qr", paramLabel = "SOLVER",
            description = "Least squares of each step: qr (Householder in double-double) or cholesky (weighted"
                    + " normal equation in double precision) (default: ${DEFAULT-VALUE}).")
    SolverChoice solver;

    @Option(names = "--max-iterations", defaultValue = "25", paramLabel = "N",
            description = "Most IRLS steps (R's maxit; default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--tolerance", defaultValue = "1e-8", paramLabel = "EPS",
            description = "Stop when |D - D_old|/(|D| + 0.1) < EPS, D the deviance (R's epsilon; default:"
                    + " ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for parsing the CSV (default: the reader's choice).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar and no warnings on standard error.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(report.level > 0 && report.level < 1)) {
            throw new ParameterException(spec.commandLine(), "--level must be between 0 and 1, got " + report.level);
        }
        if (solver == SolverChoice.svd || solver == SolverChoice.auto) {
            throw new ParameterException(spec.commandLine(), "--solver for logistic is qr or cholesky, got " + solver);
        }
        if (maxIterations < 1) {
            throw new ParameterException(spec.commandLine(), "--max-iterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new ParameterException(spec.commandLine(), "--tolerance must be a positive number, got " + tolerance);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        LogisticModel model;
        try {
            // the progress bar would restart at every pass: one per IRLS step
            ModelInput.Selected data = input.select(threads, false);
            model = new LogisticRegression(solver.kind(), tolerance, maxIterations, 0).fit(data.source(), data.spec());
        } catch (GramianException e) {
            throw e.inFile(input.file.toString());
        } catch (UncheckedIOException e) {
            throw new GramianException(input.file + ": cannot read: " + e.getCause().getMessage(),
                    input.file.toString(), 0, null, e);
        }
        String name = input.file.toString();
        String json = report.format == OutputFormat.json || report.save != null
                ? ModelJson.text(ModelJson.of(model, name, VersionProvider.version(), report.level)) : null;
        String text = report.format == OutputFormat.json ? json : LogisticSummary.of(model, name, report.level);
        if (report.save != null) {
            Output.write(report.save, spec.commandLine().getOut(), w -> w.write(json));
        }
        Output.write(report.out, spec.commandLine().getOut(), w -> w.write(text));
        if (!quiet && (report.out != null || report.format == OutputFormat.json)) {
            // the table shows them; elsewhere say them where a person reads
            for (String warning : model.warnings()) {
                spec.commandLine().getErr().println("gramian: warning: " + warning);
            }
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }
}
