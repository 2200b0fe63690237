package org.gramian.cli;

import org.gramian.io.model.SavedModel;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gramian.GramianException;
import org.gramian.design.Design;
import org.gramian.data.RowSource;
import org.gramian.design.UnknownColumnException;
import org.gramian.io.CsvFormat;
import org.gramian.io.CsvSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gramian predict MODEL.json DATA.csv}: applies a fitted model to new rows and writes them
 * back as CSV with a {@code predicted_<target>} column.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Predict the target for each row of DATA.csv with a model written by 'gramian fit --save' (or"
                + " 'fit --format json'): least squares, weighted or ridge; or by 'gramian logistic --save'.",
            "Writes CSV: the model's feature columns (as read, shortest exact decimal) and predicted_<target> "
                + "= xᵀw, evaluated in double-double and rounded once to 17 significant digits; for a logistic model "
                + "probability_<target> = 1/(1 + exp(-xᵀw)), with --intervals confidence the Wald interval of xᵀw "
                + "mapped through that function.",
            "A row with a missing value in a column the model uses gets NA (one line per input row, as R's"
                + " predict.lm); --missing drop leaves it out, --missing fail stops with an error."},
        footer = ExitCodes.FOOTER, resourceBundle = "org.gramian.cli.PredictCommand")
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "Model file from 'gramian fit --save' or 'gramian fit --format json'.")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "DATA.csv", description = "CSV file with (at least) the model's feature columns.")
    Path dataFile;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV to FILE (atomically: a temporary file, then renamed) instead of "
                    + "standard output.")
    Path out;

    @Option(names = "--quiet", description = "No progress bar on standard error.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for parsing the CSV and for formatting the predictions (default: one per processor);"
                    + " the output is the same for any N.")
    Integer threads;

    /** Which interval to add to each prediction. */
    enum IntervalKind { confidence, prediction }

    @Option(names = "--intervals", paramLabel = "KIND",
            description = "add lower_<target> and upper_<target>: a t interval for the mean response"
                    + " (confidence) or for a new observation (prediction): ${COMPLETION-CANDIDATES}")
    IntervalKind intervals;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L",
            description = "confidence level of --intervals (default: ${DEFAULT-VALUE})")
    double level;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    CsvOptions csvOptions = new CsvOptions();

    @Override
    public Integer call() {
        if (!(level > 0 && level < 1)) {
            throw new ParameterException(spec.commandLine(), "--level must be between 0 and 1, got " + level);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        SavedModel model;
        SavedModel.Predictor predictor;
        try {
            model = SavedModel.read(modelFile);
            if (model.logistic() && intervals == IntervalKind.prediction) {
                throw new ParameterException(spec.commandLine(), modelFile + " is a logistic model: it predicts the"
                        + " probability of a 0/1 outcome, and a prediction interval for a single 0/1 outcome does not"
                        + " exist; use --intervals confidence (a Wald interval for the probability)");
            }
            predictor = intervals == null ? model.predictor()
                    : model.predictor(intervals == IntervalKind.prediction, level, modelFile);
        } catch (GramianException e) {
            throw e.inFile(modelFile.toString());
        }
        List<String> features = model.spec().features();
        RowSource data;
        Design design;
        try {
            // a row with a missing value is kept and predicted as NA (R's predict.lm on newdata), unless
            // --missing says drop or fail
            boolean asked = spec.commandLine().getParseResult().hasMatchedOption("--missing");
            CsvFormat format = asked ? csvOptions.format() : csvOptions.format().withMissing(CsvFormat.Missing.KEEP);
            CsvSource csv = CsvFiles.open(dataFile, format, spec.commandLine().getErr());
            java.util.Set<String> known = new java.util.HashSet<>(csv.columns());
            for (String f : features) {
                if (!known.contains(f)) {
                    throw new UnknownColumnException(f, csv.columns());
                }
            }
            // a formula's factor columns are read as text; their levels are matched to the model's
            data = Design.prepare(model.spec(), CsvFiles.select(csv, features, threads, CsvFiles.showProgress(quiet),
                    model.spec().formula() != null));
            design = Design.bindForPrediction(model.spec(), data);
        } catch (GramianException e) {
            throw e.inFile(dataFile.toString());
        }
        PredictionWriter writer = new PredictionWriter(model, predictor, design, data, intervals != null,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        try {
            Output.writeBytes(out, spec.commandLine().getOut(), writer::write);
        } catch (GramianException e) {
            throw e.inFile(dataFile.toString());
        } catch (UncheckedIOException e) {
            // reading the data failed part-way (writing failures are OutputExceptions)
            throw new GramianException(dataFile + ": cannot read: " + e.getCause().getMessage(), e);
        }
        if (data.droppedRows() > 0) {
            // --missing drop: the output has a line per complete input row only: say so
            spec.commandLine().getErr().println("note: " + dataFile + ": " + data.droppedRows() + " row"
                    + (data.droppedRows() == 1 ? "" : "s") + " with a missing value left out (--missing fail makes"
                    + " this an error)");
            spec.commandLine().getErr().flush();
        }
        if (writer.missingRows() > 0) {
            long n = writer.missingRows();
            spec.commandLine().getErr().println("note: " + dataFile + ": " + n + " row" + (n == 1 ? "" : "s")
                    + " with a missing value predicted as NA (--missing drop leaves them out, --missing fail makes"
                    + " this an error)");
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }

    /** A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
