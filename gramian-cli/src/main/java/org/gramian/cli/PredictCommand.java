package org.gramian.cli;

import org.gramian.io.model.SavedModel;

import org.gramian.report.Numbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gramian.GramianException;
import org.gramian.design.Design;
import org.gramian.numeric.DD;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.design.UnknownColumnException;
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
                + "mapped through that function."},
        footer = ExitCodes.FOOTER)
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
            CsvSource csv = CsvFiles.open(dataFile, csvOptions.format(), spec.commandLine().getErr());
            java.util.Set<String> known = new java.util.HashSet<>(csv.columns());
            for (String f : features) {
                if (!known.contains(f)) {
                    throw new UnknownColumnException(f, csv.columns());
                }
            }
            // a formula's factor columns are read as text; their levels are matched to the model's
            data = Design.prepare(model.spec(), CsvFiles.select(csv, features, null, CsvFiles.showProgress(quiet),
                    model.spec().formula() != null));
            design = Design.bindForPrediction(model.spec(), data);
        } catch (GramianException e) {
            throw e.inFile(dataFile.toString());
        }
        try {
            Output.write(out, spec.commandLine().getOut(),
                    w -> writeCsv(model, predictor, design, intervals != null, data, w));
        } catch (GramianException e) {
            throw e.inFile(dataFile.toString());
        } catch (UncheckedIOException e) {
            // reading the data failed part-way (writing failures are OutputExceptions)
            throw new GramianException(dataFile + ": cannot read: " + e.getCause().getMessage(), e);
        }
        if (data.droppedRows() > 0) {
            // the output has a row per complete input row only: say so (R's predict would print NA there)
            spec.commandLine().getErr().println("note: " + dataFile + ": " + data.droppedRows() + " row"
                    + (data.droppedRows() == 1 ? "" : "s") + " with a missing value left out (--missing fail makes"
                    + " this an error)");
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }

    private static void writeCsv(SavedModel model, SavedModel.Predictor predictor, Design design, boolean intervals,
                                 RowSource data, Writer w) throws IOException {
        List<String> features = model.spec().features();
        StringBuilder line = new StringBuilder();
        for (String f : features) {
            line.append(csvField(f)).append(',');
        }
        // a logistic model predicts P(target = 1), and says so in the column name
        line.append(csvField((model.logistic() ? "probability_" : "predicted_") + model.spec().target()));
        if (intervals) {
            line.append(',').append(csvField("lower_" + model.spec().target())).append(',')
                    .append(csvField("upper_" + model.spec().target()));
        }
        line.append('\n');
        w.write(line.toString());
        try {
            data.forEachBlock(true, block -> writeBlock(predictor, design, data, block, w));
        } catch (WriteFailure e) {
            throw e.getCause();
        }
    }

    private static void writeBlock(SavedModel.Predictor predictor, Design design, RowSource data, RowBlock block,
                                   Writer w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < block.rows(); i++) {
            line.setLength(0);
            DD[] f = design.inputs(block, i, data);   // checked: finite, and a level the model knows
            for (int j = 0; j < f.length; j++) {
                String level = design.levelName(j, f[j].hi);
                line.append(level != null ? csvField(level) : Numbers.shortest(f[j].hi)).append(',');
            }
            double[] y = predictor.at(f);
            line.append(Numbers.significant17(y[0]));
            for (int k = 1; k < y.length; k++) {
                line.append(',').append(Numbers.significant17(y[k]));
            }
            line.append('\n');
            try {
                w.write(line.toString());
            } catch (IOException e) {
                throw new WriteFailure(e);
            }
        }
    }

    /** An I/O error of the output writer, carried out of the row callback (unlike read errors of the input). */
    private static final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
