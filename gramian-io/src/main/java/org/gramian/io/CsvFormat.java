package org.gramian.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * How a CSV file is written and what its cells mean: the delimiter, the decimal mark, which cells
 * are missing values and what to do with a row that has one, and whether columns of text are
 * recognised as categorical.
 *
 * @param delimiter       the field separator, or {@link #AUTO} to detect it from the header line
 *                        ({@code ,} {@code ;} tab {@code |}, the most frequent outside quotes; a
 *                        {@code .tsv} or {@code .tab} file is tab-separated)
 * @param decimal         the decimal mark of numbers: {@code '.'} or {@code ','} (then the delimiter
 *                        may not be a comma, and a {@code '.'} in a number is an error, since it is a
 *                        thousands separator in such files)
 * @param naValues        the cell texts, besides the empty cell, that mean "missing", compared exactly
 *                        (case-sensitive) with the cell after trimming spaces and removing quotes
 * @param missing         what a missing value in a selected column does
 * @param inferCategorical whether a selected column whose first {@value #SNIFF_ROWS} rows hold a
 *                        non-missing cell that is not a number is read as categorical (otherwise
 *                        every selected column must be numeric)
 */
public record CsvFormat(char delimiter, char decimal, List<String> naValues, Missing missing,
                        boolean inferCategorical) {

    /** {@link #delimiter} to be detected from the header line. */
    public static final char AUTO = 0;
    /** Rows looked at to decide whether a column holds text. */
    public static final int SNIFF_ROWS = 1000;
    /** The default missing-value texts (the empty cell is always missing). */
    public static final List<String> DEFAULT_NA = List.of("NA", "NaN", "null", "N/A");

    /** Detected delimiter, {@code '.'} decimals, the default NA texts, rows with one dropped, text columns categorical. */
    public static final CsvFormat DEFAULT = new CsvFormat(AUTO, '.', DEFAULT_NA, Missing.DROP, true);

    /**
     * The reader as it was before missing values and categorical columns: comma-separated, every
     * selected cell must be a finite number (an empty cell or {@code NA} is an error).
     */
    public static final CsvFormat STRICT = new CsvFormat(',', '.', DEFAULT_NA, Missing.FAIL, false);

    /** What a missing value in a column the model uses does. */
    public enum Missing {
        /** The row is left out (R's {@code na.omit}) and counted in {@code droppedRows()}. */
        DROP,
        /** An error naming line and column. */
        FAIL,
        /**
         * The row is delivered with NaN in each missing cell (tail 0), and not counted as dropped:
         * for {@code predict}, whose output keeps a line per input row (R's {@code predict.lm}
         * gives NA there). Levels of categorical columns are read from every row.
         */
        KEEP
    }

    public CsvFormat {
        Objects.requireNonNull(naValues, "naValues");
        Objects.requireNonNull(missing, "missing");
        naValues = naValues.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("the decimal mark must be '.' or ',', got '" + decimal + "'");
        }
        if (delimiter != AUTO && (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == ' '
                || delimiter > 127 || delimiter == '.' || delimiter >= '0' && delimiter <= '9'
                || delimiter == '-' || delimiter == '+')) {
            throw new IllegalArgumentException("cannot use " + describe(delimiter) + " as the delimiter");
        }
        if (delimiter == decimal) {
            throw new IllegalArgumentException("the delimiter and the decimal mark are both '" + decimal
                    + "'; a file with decimal commas separates fields with ';' (or tab)");
        }
    }

    public CsvFormat withDelimiter(char d) {
        return new CsvFormat(d, decimal, naValues, missing, inferCategorical);
    }

    public CsvFormat withDecimal(char d) {
        return new CsvFormat(delimiter, d, naValues, missing, inferCategorical);
    }

    public CsvFormat withNaValues(List<String> values) {
        return new CsvFormat(delimiter, decimal, values, missing, inferCategorical);
    }

    public CsvFormat withMissing(Missing m) {
        return new CsvFormat(delimiter, decimal, naValues, m, inferCategorical);
    }

    public CsvFormat withInferCategorical(boolean infer) {
        return new CsvFormat(delimiter, decimal, naValues, missing, infer);
    }

    /** The NA texts as UTF-8 bytes (the empty cell not among them). */
    byte[][] naBytes() {
        byte[][] b = new byte[naValues.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = naValues.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return b;
    }

    /** {@code ','}, {@code tab} ...: a delimiter as messages name it. */
    static String describe(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case ' ' -> "space";
            case '\n', '\r' -> "a line end";
            default -> "'" + c + "'";
        };
    }
}
