package org.gramian.data;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Numeric data, read in one or more sequential passes. A source never needs to hold the whole
 * data set: the solvers keep O(p²) state and ask for at most two passes (the second only when
 * the data turns out to be ill-conditioned or small, and the extended-precision path needs the
 * rows again).
 *
 * <p>Implementations: {@link Table} for data in memory; the CSV reader in {@code gramian-io}.
 */
public interface RowSource {

    /** Column names, in the order each row lists its values. */
    List<String> columns();

    /**
     * Delivers every row once, in data-set order, as consecutive blocks. Each call starts a new
     * pass from the first row. Errors in the data (unreadable, not a number) are reported by
     * throwing a {@link org.gramian.GramianException} that says where.
     *
     * @param extended when true, the source should also fill {@link RowBlock#tails()} if its values
     *                 come from decimal text (the extended-precision pass); when false tails may
     *                 be null and the source should not spend time computing them
     */
    void forEachBlock(boolean extended, Consumer<RowBlock> consumer);

    /**
     * Counts the rows cheaply, looking no further than {@code limit} rows: returns a number at
     * least as large as the row count when there are fewer than {@code limit} rows, and at least
     * {@code limit} otherwise (the data may still turn out to be bad). The solvers use it to reject a
     * data set with fewer rows than coefficients before any O(p²) work. The default does not look
     * and returns {@code limit}, claiming nothing.
     */
    default long countRowsUpTo(long limit) {
        return limit;
    }

    /**
     * Describes where observation {@code row} (0-based) came from, for error messages, e.g.
     * {@code "data.csv, line 12"}. The default names the observation number.
     */
    default String describeRow(long row) {
        return "row " + (row + 1);
    }

    /** The file the rows come from, for error fields, or null (data in memory). */
    default String fileName() {
        return null;
    }

    /** The 1-based line of the file that holds observation {@code row}, or 0 when not from a file. */
    default long lineOf(long row) {
        return 0;
    }

    /**
     * This source with the named columns read as <em>categorical</em>: each cell's text is a level,
     * and {@link RowBlock} carries, in that column's slot, the index of the level in
     * {@link #levels(String)} as a double (0, 1, …, L−1; tail 0). Numeric columns are unchanged.
     * A source that holds only numbers refuses a non-empty set.
     *
     * @throws UnsupportedOperationException when the source cannot read text (numbers in memory,
     *                                       NIST files)
     */
    default RowSource withCategorical(Set<String> columns) {
        if (columns.isEmpty()) {
            return this;
        }
        throw new UnsupportedOperationException("this data source holds only numbers; it cannot read "
                + columns + " as categorical");
    }

    /**
     * The columns this source reads as categorical: those asked for by
     * {@link #withCategorical(Set)} and those it found to hold text (a CSV column whose first rows
     * are not numbers). Empty for a numeric source.
     */
    default Set<String> categoricalColumns() {
        return Set.of();
    }

    /**
     * The levels of a categorical column: its distinct cell texts (missing values excluded) in
     * ascending {@link String#compareTo} order, the order R gives a factor's levels in the C
     * locale. The first call may read the column once (a streaming pass, memory O(levels)).
     *
     * @throws IllegalArgumentException when the column is not categorical
     */
    default List<String> levels(String column) {
        throw new IllegalArgumentException("column '" + column + "' is not categorical");
    }

    /**
     * This source with its categorical levels guessed cheaply (a CSV file: from its first rows)
     * instead of read from all the data, so that a fit needs no pass of its own to find them. The
     * guess is never too large (a level is only guessed from a row a pass delivers), and a pass
     * that meets a row with a level outside it throws {@link LevelsGuessedWrong}, so a fit that
     * completes on the guessed source used exactly the levels of the data, and so has the same
     * bits as on this source. The default, for sources whose levels are cheap, is this source.
     */
    default RowSource withGuessedLevels() {
        return this;
    }

    /**
     * Observations left out of the last complete pass because a column of this source held a
     * missing value (R's {@code na.omit}; see the CSV reader's missing-value policy). Rows so
     * left out are not delivered, are not counted in row numbers given to
     * {@link #describeRow(long)}, and are the same in every pass. 0 for a source without missing
     * values.
     */
    default long droppedRows() {
        return 0;
    }

    /**
     * For a column this source found to hold text ({@link #categoricalColumns()}): the error that
     * reading it as numbers gives, naming where its first text cell is; null when not known. A
     * model that uses such a column as a number throws it (a level index must never be fitted as
     * a number).
     */
    default org.gramian.GramianException textInNumericColumn(String column) {
        return null;
    }
}
