package org.gramian.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gramian.GramianException;
import org.gramian.design.ModelSpec;
import org.gramian.design.RowSource;
import org.gramian.design.Table;
import org.gramian.iterative.DenseProblem;
import org.gramian.io.CsvSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The data and model options shared by {@code explain}, {@code compare} and {@code plot}: the CSV
 * file, the target column, the features (default: every other column), a polynomial degree and
 * whether to fit an intercept. These commands need the rows themselves, so the selected columns
 * are read into memory.
 */
public final class ModelInput {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "CSV file with a header row")
    Path file;

    // not required = true for picocli: compare --sweep needs neither; required() checks them
    @Option(names = "--target", paramLabel = "COLUMN", description = "the response column y (required)")
    String target;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "feature columns, comma-separated (default: every column but the target)")
    List<String> features;

    @Option(names = "--degree", defaultValue = "1", paramLabel = "K",
            description = "fit a polynomial of degree K in the single feature (default: ${DEFAULT-VALUE})")
    int degree;

    @Option(names = "--no-intercept", description = "fit without the bias column of ones")
    boolean noIntercept;

    /** Usage error unless FILE and --target were given. */
    void required() {
        if (file == null) {
            throw new ParameterException(mixee.commandLine(), "Missing required parameter: 'FILE'");
        }
        if (target == null) {
            throw new ParameterException(mixee.commandLine(), "Missing required option: '--target=COLUMN'");
        }
    }

    /** The model to fit, its default features taken from the file's header. */
    ModelSpec spec(List<String> header) {
        List<String> f;
        if (features != null && !features.isEmpty()) {
            f = features;
        } else {
            f = new ArrayList<>(header);
            f.remove(target);
        }
        try {
            return new ModelSpec(target, f, degree, !noIntercept);
        } catch (IllegalArgumentException e) {
            throw new GramianException(file + ": " + e.getMessage());
        }
    }

    /**
     * The model, the file restricted to its columns, and the design matrix in memory (expanded from
     * the file itself, so that a bad value is reported with its line).
     */
    Loaded load() {
        required();
        CsvSource csv = CsvSource.open(file);
        ModelSpec spec = spec(csv.columns());
        try {
            RowSource source = csv.select(spec.inputColumns());
            return new Loaded(spec, source, DenseProblem.of(source, spec));
        } catch (GramianException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains(file.toString()) || msg.contains(String.valueOf(file.getFileName()))) {
                throw e;
            }
            throw new GramianException(file + ": " + msg, e);
        }
    }

    /** A model and its data. */
    record Loaded(ModelSpec spec, RowSource source, DenseProblem problem) {
        /** The columns in memory with their decimal tails, for the closed-form fit. */
        Table table() {
            return Table.copyOf(source);
        }
    }
}
