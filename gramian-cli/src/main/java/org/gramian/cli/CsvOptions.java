package org.gramian.cli;

import java.util.List;
import org.gramian.io.CsvFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How to read the CSV file: delimiter, decimal mark, missing-value texts and what a missing value
 * does. Shared by every command that reads data ({@code fit}, {@code explain}, {@code compare},
 * {@code plot} through {@link ModelInput}, and {@code predict}).
 */
public final class CsvOptions {
    /** What a missing value does, as the option spells it. */
    enum MissingChoice { drop, fail }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--missing", defaultValue = "drop", paramLabel = "POLICY",
            description = "a row with a missing value in a column the model uses: drop it (as R's na.omit; the"
                    + " summary says how many) or fail with an error naming line and column: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE})")
    MissingChoice missing;

    @Option(names = "--na-values", split = ",", paramLabel = "TEXT",
            description = "cell texts that mean a missing value, comma-separated, exact and case-sensitive after"
                    + " trimming (default: NA,NaN,null,N/A; an empty cell is always missing)")
    List<String> naValues;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "the field separator: , ; | tab (or any one character); default: detected from the"
                    + " header line (the most frequent of , ; tab |), tab for .tsv")
    String delimiter;

    @Option(names = "--decimal", defaultValue = ".", paramLabel = "MARK",
            description = "the decimal mark of numbers: . or , (then a point in a number is an error; the file must"
                    + " not be comma-separated) (default: ${DEFAULT-VALUE})")
    String decimal;

    /** The format these options describe; a usage error (exit 2) for an impossible combination. */
    CsvFormat format() {
        CsvFormat f = CsvFormat.DEFAULT;
        if (missing == MissingChoice.fail) {
            f = f.withMissing(CsvFormat.Missing.FAIL);
        }
        if (naValues != null) {
            f = f.withNaValues(naValues);
        }
        char mark;
        if (".".equals(decimal) || ",".equals(decimal)) {
            mark = decimal.charAt(0);
        } else {
            throw usage("--decimal must be . or , (got '" + decimal + "')");
        }
        char delim = CsvFormat.AUTO;
        if (delimiter != null) {
            String d = delimiter;
            if (d.equalsIgnoreCase("tab") || d.equals("\\t")) {
                d = "\t";
            }
            if (d.length() != 1) {
                throw usage("--delimiter must be one character or 'tab' (got '" + delimiter + "')");
            }
            delim = d.charAt(0);
        }
        try {
            return f.withDelimiter(delim).withDecimal(mark);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
