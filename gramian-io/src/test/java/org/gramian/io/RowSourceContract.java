package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.junit.jupiter.api.Test;

/**
 * The generic check every {@link RowSource} must pass: its columns, every row once and in order on
 * every pass (blocks numbered consecutively from row 0), the same values on a plain and an extended
 * pass, tails (when given) that are the decimal's residual, a description naming each row, and a
 * row count that never claims more rows than there are. A new source gets these by subclassing.
 */
abstract class RowSourceContract {
    /** The data every source holds: decimal text, 3 columns, 300 rows (more than one small block). */
    static final List<String> NAMES = List.of("y", "a", "b");
    static final int ROWS = 300;

    static String[] row(int i) {
        return new String[] {(i % 7) + "." + (i % 10) + "1", "0.1", Integer.toString(i - 150)};
    }

    /** The source under test over {@link #NAMES} and the rows {@link #row(int)}. */
    abstract RowSource source() throws Exception;

    /** Whether the source keeps the decimal text's residuals (tails). */
    abstract boolean decimal();

    private static List<double[]> read(RowSource s, boolean extended, List<double[]> tails) {
        List<double[]> rows = new ArrayList<>();
        long[] next = {0};
        s.forEachBlock(extended, (RowBlock b) -> {
            assertThat(b.firstRow()).as("blocks in order, none skipped").isEqualTo(next[0]);
            assertThat(b.width()).isEqualTo(s.columns().size());
            for (int i = 0; i < b.rows(); i++) {
                double[] r = new double[b.width()];
                double[] t = new double[b.width()];
                for (int j = 0; j < b.width(); j++) {
                    r[j] = b.get(i, j);
                    t[j] = b.tail(i, j);
                }
                rows.add(r);
                if (tails != null) {
                    tails.add(t);
                }
            }
            next[0] += b.rows();
        });
        return rows;
    }

    @Test
    void columnsAreTheNames() throws Exception {
        assertThat(source().columns()).isEqualTo(NAMES);
    }

    @Test
    void everyRowOnceInOrderOnEveryPass() throws Exception {
        RowSource s = source();
        List<double[]> first = read(s, false, null);
        List<double[]> second = read(s, false, null);
        List<double[]> tails = new ArrayList<>();
        List<double[]> extended = read(s, true, tails);
        assertThat(first).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            String[] text = row(i);
            for (int j = 0; j < 3; j++) {
                assertThat(first.get(i)[j]).isEqualTo(Double.parseDouble(text[j]));
                assertThat(second.get(i)[j]).isEqualTo(first.get(i)[j]);
                assertThat(extended.get(i)[j]).isEqualTo(first.get(i)[j]);
                double tail = tails.get(i)[j];
                if (decimal()) {
                    // value + tail is the decimal to ~32 digits: the tail is decimal − value, rounded
                    BigDecimal residual = new BigDecimal(text[j]).subtract(new BigDecimal(first.get(i)[j]));
                    assertThat(tail).isEqualTo(residual.doubleValue());
                } else {
                    assertThat(tail).isZero();
                }
            }
        }
    }

    @Test
    void rowsAreDescribedAndCountedHonestly() throws Exception {
        RowSource s = source();
        assertThat(s.describeRow(0)).isNotBlank();
        assertThat(s.describeRow(ROWS - 1)).isNotEqualTo(s.describeRow(0));
        long counted = s.countRowsUpTo(10);
        assertThat(counted).isGreaterThanOrEqualTo(10); // "at least 10", or unknown (a large number)
        assertThat(s.countRowsUpTo(ROWS + 5)).isGreaterThanOrEqualTo(ROWS);
    }
}
