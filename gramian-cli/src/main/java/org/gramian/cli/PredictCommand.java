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
import org.gramian.design.InvalidValueException;
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
                + " 'fit --format json'): least squares, weighted or ridge.",
            "Writes CSV: the model's feature columns (as read, shortest exact decimal) and predicted_<target> "
                + "= xᵀw, evaluated in double-double and rounded once to 17 significant digits."},
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
            predictor = intervals == null ? model.predictor()
                    : model.predictor(intervals == IntervalKind.prediction, level, modelFile);
        } catch (GramianException e) {
            throw e.inFile(modelFile.toString());
        }
        List<String> features = model.spec().features();
        RowSource data;
        try {
            CsvSource csv = CsvFiles.open(dataFile, csvOptions.format(), spec.commandLine().getErr());
            java.util.Set<String> known = new java.util.HashSet<>(csv.columns());
            for (String f : features) {
                if (!known.contains(f)) {
                    throw new UnknownColumnException(f, csv.columns());
                }
            }
            data = CsvFiles.select(csv, features, null, CsvFiles.showProgress(quiet));
        } catch (GramianException e) {
            throw e.inFile(dataFile.toString());
        }
        try {
            Output.write(out, spec.commandLine().getOut(), w -> writeCsv(model, predictor, intervals != null, data, w));
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

    private static void writeCsv(SavedModel model, SavedModel.Predictor predictor, boolean intervals, RowSource data,
                                 Writer w) throws IOException {
        List<String> features = model.spec().features();
        StringBuilder line = new StringBuilder();
        for (String f : features) {
            line.append(csvField(f)).append(',');
        }
        line.append(csvField("predicted_" + model.spec().target()));
        if (intervals) {
            line.append(',').append(csvField("lower_" + model.spec().target())).append(',')
                    .append(csvField("upper_" + model.spec().target()));
        }
        line.append('\n');
        w.write(line.toString());
        int k = features.size();
        double[] hi = new double[k];
        double[] lo = new double[k];
        try {
            data.forEachBlock(true, block -> writeBlock(model, predictor, data, block, hi, lo, w));
        } catch (WriteFailure e) {
            throw e.getCause();
        }
    }

    private static void writeBlock(SavedModel model, SavedModel.Predictor predictor, RowSource data, RowBlock block,
                                   double[] hi, double[] lo, Writer w) {
        List<String> features = model.spec().features();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < block.rows(); i++) {
            line.setLength(0);
            for (int j = 0; j < hi.length; j++) {
                hi[j] = block.get(i, j);
                lo[j] = block.tail(i, j);
                if (!Double.isFinite(hi[j])) {
                    throw new InvalidValueException(data, block.firstRow() + i, features.get(j),
                            "expected a finite number, got " + hi[j]);
                }
                line.append(Numbers.shortest(hi[j])).append(',');
            }
            double[] y = predictor.at(hi, lo);
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
