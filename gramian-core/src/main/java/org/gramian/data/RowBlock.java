package org.gramian.data;

/**
 * A run of consecutive input rows in row-major order, as a {@link RowSource} delivers them.
 * Row {@code i} of the block is {@code values[i*width .. (i+1)*width)} and is observation number
 * {@code firstRow + i} (0-based) of the whole data set. The arrays may be reused by the source
 * after the consumer returns.
 *
 * <p>Data read from decimal text is usually not exactly representable in binary: 0.1 is not a
 * double. {@code tails}, when present, holds for each value the part the double could not hold
 * ({@code decimal − values[k]}, rounded to double), so that {@code values[k] + tails[k]} is the
 * decimal to about 32 significant digits. The extended-precision solvers use it: on an
 * ill-conditioned problem the rounding of the inputs alone can cost the last digits (NIST Wampler2
 * solved exactly from its double-rounded data agrees with the certified values to only 13.2
 * digits). A null {@code tails} means the values are exact.
 *
 * @param firstRow 0-based index of the block's first observation in the data set
 * @param rows     number of rows in the block
 * @param width    number of values per row (the source's column count)
 * @param values   row-major values (nearest doubles), at least {@code rows*width} long
 * @param tails    row-major rounding residuals of the same shape, or null when values are exact
 */
public record RowBlock(long firstRow, int rows, int width, double[] values, double[] tails) {

    /** A block of exact double values. */
    public RowBlock(long firstRow, int rows, int width, double[] values) {
        this(firstRow, rows, width, values, null);
    }

    public double get(int row, int column) {
        return values[row * width + column];
    }

    /** The residual of value (row, column), 0 when the block has no tails. */
    public double tail(int row, int column) {
        return tails == null ? 0.0 : tails[row * width + column];
    }
}
