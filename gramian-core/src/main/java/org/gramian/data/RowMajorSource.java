package org.gramian.data;

import java.util.List;
import java.util.function.Consumer;

/**
 * Numeric data already in memory as one row-major array (row i is
 * {@code values[i·w .. (i+1)·w)}, w = number of columns), delivered without copying as a single
 * block. The cheapest in-memory source for the Gram pass: {@link org.gramian.data.Table} keeps
 * columns and must transpose every block. Values are taken as exact doubles (no decimal tails).
 * The array is not copied: the caller must not change it while a fit runs.
 */
public final class RowMajorSource implements RowSource {
    private final List<String> names;
    private final double[] values;
    private final int rows;

    /**
     * @param names  column names
     * @param values row-major values, a whole number of rows long
     */
    public RowMajorSource(List<String> names, double[] values) {
        this.names = List.copyOf(names);
        if (names.isEmpty() || values.length % names.size() != 0) {
            throw new IllegalArgumentException(values.length + " values do not make whole rows of "
                    + names.size() + " columns");
        }
        this.values = values;
        this.rows = values.length / names.size();
    }

    public int rowCount() {
        return rows;
    }

    @Override
    public List<String> columns() {
        return names;
    }

    @Override
    public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
        if (rows > 0) {
            consumer.accept(new RowBlock(0, rows, names.size(), values));
        }
    }
}
