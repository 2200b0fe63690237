package org.gramian.spark;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.gramian.GramianException;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.design.InvalidValueException;
import org.gramian.numeric.Decimal;

/**
 * The rows of one Spark partition as a {@link RowSource}, so that the core's accumulators run on
 * them unchanged (expansion, checks, weights, tiles). The rows hold exactly the model's input
 * columns, in {@link org.gramian.design.ModelSpec#inputColumns()} order.
 *
 * <p>Values: Spark numbers as doubles; a {@code DecimalType} value and a string (CSV read without
 * schema inference) also give the decimal tail, the part of the exact decimal the double cannot
 * hold, so the double-double Householder pass sees the data to ~32 digits as the local CSV reader
 * does. A {@code double} column (e.g. Parquet doubles) has no tail: its values are exact binary
 * numbers already. A long beyond 2⁵³ keeps its rounding residual as the tail.
 *
 * <p>A partition's iterator can be read once: the source allows one pass (each Spark job reads
 * the partition anew, and every core pass makes exactly one).
 */
final class RowIteratorSource implements RowSource {
    private static final int BLOCK_ROWS = 4096;

    /**
     * Texts (after trimming) that mean a missing value in a string column: the local CSV reader's
     * defaults (an empty cell, NA, NaN, null, N/A).
     */
    static final List<String> MISSING_TEXT = List.of("", "NA", "NaN", "null", "N/A");

    private final List<String> columns;
    private final int partition;
    private final Iterator<Row> rows;
    private boolean used;

    RowIteratorSource(List<String> columns, int partition, Iterator<Row> rows) {
        this.columns = List.copyOf(columns);
        this.partition = partition;
        this.rows = rows;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String describeRow(long row) {
        return "Spark partition " + partition + ", row " + (row + 1);
    }

    @Override
    public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
        if (used) {
            throw new IllegalStateException("a Spark partition's rows can be read once");
        }
        used = true;
        int w = columns.size();
        double[] values = new double[BLOCK_ROWS * w];
        double[] tails = extended ? new double[BLOCK_ROWS * w] : null;
        long first = 0;
        int k = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int j = 0; j < w; j++) {
                read(r, j, first + k, values, tails, k * w + j);
            }
            k++;
            if (k == BLOCK_ROWS) {
                consumer.accept(new RowBlock(first, k, w, values, tails));
                first += k;
                k = 0;
            }
        }
        if (k > 0) {
            consumer.accept(new RowBlock(first, k, w, values, tails));
        }
    }

    private void read(Row r, int j, long row, double[] values, double[] tails, int at) {
        if (r.isNullAt(j)) {
            throw new InvalidValueException(this, row, columns.get(j), "expected a number, got a missing value (null)");
        }
        Object v = r.get(j);
        double hi;
        double tail = 0.0;
        if (v instanceof Double d) {
            hi = d;
        } else if (v instanceof BigDecimal b) {
            hi = b.doubleValue();
            if (tails != null && Double.isFinite(hi)) {
                tail = b.subtract(new BigDecimal(hi)).doubleValue();
            }
        } else if (v instanceof Long l) {
            hi = l.doubleValue();
            if (tails != null && Math.abs(hi) < 0x1p63) {
                tail = (double) (l - (long) hi);
            }
        } else if (v instanceof Number n) {
            hi = n.doubleValue();   // int, short, byte, float: exact in double
        } else if (v instanceof String s) {
            if (MISSING_TEXT.contains(s.strip())) {
                throw new InvalidValueException(this, row, columns.get(j), "expected a number, got a missing value ("
                        + org.gramian.UserText.quote(s) + ")");
            }
            try {
                hi = Double.parseDouble(s.strip());
                if (tails != null) {
                    tail = Decimal.tail(s, hi);
                }
            } catch (NumberFormatException e) {
                throw new InvalidValueException(this, row, columns.get(j), "expected a number, got "
                        + org.gramian.UserText.quote(s));
            }
        } else {
            throw new GramianException("column " + org.gramian.UserText.quote(columns.get(j)) + " has "
                    + v.getClass().getSimpleName() + " values; expected numbers");
        }
        values[at] = hi;
        if (tails != null) {
            tails[at] = tail;
        }
    }
}
