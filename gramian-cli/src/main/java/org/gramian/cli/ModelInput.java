package org.gramian.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gramian.GramianException;
import org.gramian.design.ModelSpec;
import org.gramian.design.formula.Formula;
import org.gramian.data.RowSource;
import org.gramian.data.Table;
import org.gramian.iterative.DenseProblem;
import org.gramian.io.CsvSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The data and model options shared by every command that fits ({@code fit}, {@code explain},
 * {@code compare}, {@code plot}): the CSV file, the target column, the features (default: every
 * other column), a polynomial degree and whether to fit an intercept, with their checks in one
 * place. Usage errors (exit 2) are option combinations wrong whatever the data; problems with the
 * file are {@link GramianException}s placed in it (exit 3).
 */
public final class ModelInput {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.csv", description = "CSV file with a header row naming the columns")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FORMULA",
            description = "the model as an R formula, e.g. 'y ~ x1 + log(x2) + C(g)' (or --formula)")
    String formulaArgument;

    @Option(names = "--formula", paramLabel = "FORMULA",
            description = "the model as an R formula: + - * : ^ . 0/-1 (no intercept) I(expr) log exp sqrt abs"
                    + " poly(x, k) C(g) C(g, ref = 'b'); replaces --target, --features, --degree, --no-intercept")
    String formulaOption;

    // not required = true for picocli: compare --sweep needs neither; required() checks them
    @Option(names = "--target", paramLabel = "COLUMN", description = "the response column y (required)")
    String target;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Mixin
    CsvOptions csv = new CsvOptions();

    @Option(names = "--features", split = ",", paramLabel = "COLUMN",
            description = "feature columns, comma-separated. Default: every column except the target.")
    List<String> features;

    @Option(names = "--degree", defaultValue = "1", paramLabel = "K",
            description = "fit a polynomial of degree K in the single feature (default: ${DEFAULT-VALUE})")
    int degree;

    @Option(names = "--no-intercept", description = "fit without the bias column of ones")
    boolean noIntercept;

    @Option(names = "--weights", paramLabel = "COLUMN",
            description = "weighted least squares: minimize Σ w·(y − ŷ)² with the weights in COLUMN (≥ 0; a zero"
                    + " weight drops the row; fit, and prior weights for logistic)")
    String weights;

    /** Usage errors: FILE and --target missing, or options that contradict each other. */
    void required() {
        if (file == null) {
            throw new ParameterException(mixee.commandLine(), "Missing required parameter: 'FILE.csv'");
        }
        if (formulaArgument != null && formulaOption != null) {
            throw new ParameterException(mixee.commandLine(), "give the formula once: as the second argument or"
                    + " with --formula, not both");
        }
        if (formula() != null) {
            if (target != null || features != null || degree != 1 || noIntercept) {
                throw new ParameterException(mixee.commandLine(), "a formula says the target, the terms and the"
                        + " intercept: leave out --target, --features, --degree and --no-intercept");
            }
            Formula.parse(formula());   // a bad formula is a usage error with a caret (FormulaException)
            return;
        }
        if (target == null) {
            throw new ParameterException(mixee.commandLine(), "Missing required option: '--target=COLUMN'");
        }
        if (degree < 1) {
            throw new ParameterException(mixee.commandLine(), "--degree must be at least 1, got " + degree);
        }
        if (features != null && degree > 1 && features.size() != 1) {
            throw new ParameterException(mixee.commandLine(), "--degree " + degree
                    + " needs exactly one feature column, got --features " + String.join(",", features));
        }
        if (features != null && features.stream().anyMatch(String::isBlank)) {
            throw new ParameterException(mixee.commandLine(), "--features has an empty column name");
        }
    }

    /** The formula given as the second argument or by --formula, or null. */
    String formula() {
        return formulaArgument != null ? formulaArgument : formulaOption;
    }

    /** The model over the file's columns; features default to every column but the target. */
    ModelSpec spec(List<String> header) {
        if (formula() != null) {
            try {
                return ModelSpec.of(Formula.parse(formula()), weights).withColumns(header);
            } catch (IllegalArgumentException e) {
                throw new GramianException(e.getMessage());
            }
        }
        List<String> f;
        if (features != null && !features.isEmpty()) {
            f = features;
        } else {
            f = new ArrayList<>(header);
            f.remove(target);
            if (weights != null) {
                f.remove(weights);   // the default features: every column but the target and the weights
            }
            if (degree > 1 && f.size() != 1) {
                throw new GramianException("--degree " + degree + " needs exactly one feature column, but there are "
                        + f.size() + " columns besides the target; choose one with --features");
            }
        }
        try {
            return new ModelSpec(target, f, degree, !noIntercept, weights);
        } catch (IllegalArgumentException e) {
            throw new GramianException(e.getMessage());
        }
    }

    /**
     * The model and the file restricted to its columns, streamed (read with {@code threads}
     * threads, null for the reader's default, and a progress bar when {@code progress}).
     */
    Selected select(Integer threads, boolean progress) {
        required();
        try {
            CsvSource data = CsvFiles.open(file, csv.format(), mixee.commandLine().getErr());
            ModelSpec spec = spec(data.columns());
            return new Selected(spec, CsvFiles.select(data, spec.inputColumns(), threads, progress,
                    spec.formula() != null));
        } catch (GramianException e) {
            throw e.inFile(file.toString());
        }
    }

    /**
     * The most cells (rows × (design columns + 1)) that {@code explain}, {@code plot} and
     * {@code compare} hold in memory, whatever the heap: 10⁷, e.g. 10⁶ rows of a line fit with 8
     * features. These commands show or draw every row, or iterate over X in memory; past this size
     * their output is no longer useful and {@code fit} is the tool.
     */
    static final long MAX_CELLS = 10_000_000;

    /**
     * Heap bytes a held cell may cost: the design row (8), the columns with their decimal tails
     * (16), y and the commands' copies (compare's standardized X, plot's points), with room for the
     * lists' growth.
     */
    static final long BYTES_PER_CELL = 64;

    /** Heap the JVM and gramian itself take before any data (picocli, Jackson, the charts). */
    static final long RESERVED_BYTES = 16L << 20;

    /**
     * The cells the in-memory commands take in this JVM: {@link #MAX_CELLS}, or fewer when half of
     * the heap ({@link Runtime#maxMemory()}) beyond {@link #RESERVED_BYTES}, at
     * {@link #BYTES_PER_CELL} bytes a cell, is less. Measured (2026-12-02): at this limit explain,
     * plot and compare ran in {@code -Xmx24m} and {@code -Xmx64m} with 3 and 22 columns; without the
     * reserve, compare with 22 columns ran out of memory in {@code -Xmx24m}.
     */
    static long maxCells() {
        return Math.min(MAX_CELLS, Math.max(0, Runtime.getRuntime().maxMemory() - RESERVED_BYTES) / 2 / BYTES_PER_CELL);
    }

    /**
     * The model, the file restricted to its columns, and the design matrix in memory (expanded from
     * the file itself, so that a bad value is reported with its line). A file with more rows than
     * {@link #maxCells()} allows is refused before any of it is held: the rows are only counted,
     * up to the limit.
     */
    Loaded load() {
        if (weights != null) {
            throw new ParameterException(mixee.commandLine(), "--weights works with fit, logistic and explain --logistic only, for now");
        }
        Selected s = select(null, false);
        int width = s.spec().coefficientNames().size() + 1;
        long cells = maxCells();
        long maxRows = Math.max(1, cells / width);
        if (s.source().countRowsUpTo(maxRows + 1) > maxRows) {
            long heapMib = Runtime.getRuntime().maxMemory() >> 20;
            throw new GramianException(file + ": '" + mixee.commandLine().getCommandName()
                    + "' holds the data in memory and takes at most " + String.format(java.util.Locale.ROOT, "%,d", maxRows)
                    + " rows of " + width + " columns here (" + String.format(java.util.Locale.ROOT, "%,d", cells)
                    + " cells: at most 10,000,000, and " + BYTES_PER_CELL + " bytes a cell in half of the " + heapMib
                    + " MiB Java heap less 16 MiB); this file has more. 'gramian fit' streams files of any size"
                    + " (or give java more heap with -Xmx)",
                    file.toString(), 0, null, null);
        }
        try {
            return new Loaded(s.spec(), s.source(), DenseProblem.of(s.source(), s.spec()));
        } catch (GramianException e) {
            throw e.inFile(file.toString());
        }
    }

    /** A model and its streamed data. */
    record Selected(ModelSpec spec, RowSource source) {
    }

    /** A model and its data. */
    record Loaded(ModelSpec spec, RowSource source, DenseProblem problem) {
        /** The columns in memory with their decimal tails, for the closed-form fit. */
        Table table() {
            return Table.copyOf(source);
        }
    }
}
