package org.gramian.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An immutable in-memory data set: named columns of equal length, numeric or categorical (text:
 * {@link #builder()}). A categorical column is held, and delivered, as the index of each cell's
 * level among {@link #levels(String)} (sorted by {@link String#compareTo}), as {@link RowSource}
 * specifies.
 */
public final class Table implements RowSource {
    private static final int BLOCK_ROWS = org.gramian.accumulate.BlockSizes.SOURCE_ROWS;

    private final List<String> names;
    private final double[][] columns;
    private final double[][] tails; // null, or the decimal residual of each value (see RowBlock)
    private final int rows;
    private final Map<String, List<String>> levels; // categorical column → its sorted levels

    private Table(List<String> names, double[][] columns) {
        this(names, columns, null);
    }

    private Table(List<String> names, double[][] columns, double[][] tails) {
        this(names, columns, tails, Map.of());
    }

    private Table(List<String> names, double[][] columns, double[][] tails, Map<String, List<String>> levels) {
        this.levels = Map.copyOf(levels);
        this.names = List.copyOf(names);
        this.columns = columns;
        this.tails = tails;
        this.rows = columns.length == 0 ? 0 : columns[0].length;
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != rows) {
                throw new IllegalArgumentException("column '" + names.get(j) + "' has " + columns[j].length
                        + " values, expected " + rows);
            }
        }
    }

    /** A table from named columns, in insertion order. Arrays are copied. */
    public static Table of(Map<String, double[]> columns) {
        List<String> names = new ArrayList<>(columns.keySet());
        double[][] cols = new double[names.size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = columns.get(names.get(j)).clone();
        }
        return new Table(names, cols);
    }

    /** A two-column table (x, y) named "x" and "y". */
    public static Table xy(double[] x, double[] y) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("y", y);
        return of(m);
    }

    /** A table from row-major data. */
    public static Table ofRows(List<String> names, double[][] rowData) {
        double[][] cols = new double[names.size()][rowData.length];
        for (int i = 0; i < rowData.length; i++) {
            if (rowData[i].length != names.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + rowData[i].length
                        + " values, expected " + names.size());
            }
            for (int j = 0; j < names.size(); j++) {
                cols[j][i] = rowData[i][j];
            }
        }
        return new Table(names, cols);
    }

    /**
     * A table from row-major decimal text, kept to double-double precision (the nearest double and
     * its residual) so that the extended-precision solvers see the decimals, not their roundings.
     *
     * @throws NumberFormatException if a cell is not a number
     */
    public static Table ofDecimalRows(List<String> names, List<String[]> rowText) {
        int n = rowText.size();
        double[][] cols = new double[names.size()][n];
        double[][] tl = new double[names.size()][n];
        for (int i = 0; i < n; i++) {
            String[] row = rowText.get(i);
            if (row.length != names.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + row.length
                        + " values, expected " + names.size());
            }
            for (int j = 0; j < names.size(); j++) {
                double hi = Double.parseDouble(row[j]);
                cols[j][i] = hi;
                tl[j][i] = org.gramian.numeric.Decimal.tail(row[j], hi);
            }
        }
        return new Table(names, cols, tl);
    }

    /**
     * Reads a whole source into memory (one pass with tails, so decimal precision is kept).
     * For data that fits in memory: explain, compare and plot need the rows themselves.
     */
    public static Table copyOf(RowSource source) {
        List<String> names = source.columns();
        int width = names.size();
        double[][] buf = {new double[1024 * width], new double[1024 * width]};
        boolean[] anyTail = {false};
        int[] n = {0};
        source.forEachBlock(true, block -> {
            int need = (n[0] + block.rows()) * width;
            if (need > buf[0].length) {
                int cap = Math.max(need, buf[0].length * 2);
                buf[0] = Arrays.copyOf(buf[0], cap);
                buf[1] = Arrays.copyOf(buf[1], cap);
            }
            System.arraycopy(block.values(), 0, buf[0], n[0] * width, block.rows() * width);
            if (block.tails() != null) {
                anyTail[0] = true;
                System.arraycopy(block.tails(), 0, buf[1], n[0] * width, block.rows() * width);
            }
            n[0] += block.rows();
        });
        double[][] cols = new double[width][n[0]];
        double[][] tl = anyTail[0] ? new double[width][n[0]] : null;
        for (int i = 0; i < n[0]; i++) {
            for (int j = 0; j < width; j++) {
                cols[j][i] = buf[0][i * width + j];
                if (tl != null) {
                    tl[j][i] = buf[1][i * width + j];
                }
            }
        }
        Map<String, List<String>> lv = new LinkedHashMap<>();
        for (String c : source.categoricalColumns()) {
            lv.put(c, source.levels(c));
        }
        return new Table(names, cols, tl, lv);
    }

    /** Builds a table column by column, numeric or text. */
    public static Builder builder() {
        return new Builder();
    }

    /** Columns in the order added; text columns become categorical. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<double[]> cols = new ArrayList<>();
        private final Map<String, List<String>> levels = new LinkedHashMap<>();

        private Builder() {
        }

        /** A numeric column (copied). */
        public Builder numeric(String name, double... values) {
            names.add(name);
            cols.add(values.clone());
            return this;
        }

        /** A text column, read as categorical: its levels are its distinct texts in String order. */
        public Builder text(String name, String... values) {
            List<String> lv = new ArrayList<>(new java.util.TreeSet<>(Arrays.asList(values)));
            double[] idx = new double[values.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = java.util.Collections.binarySearch(lv, values[i]);
            }
            names.add(name);
            cols.add(idx);
            levels.put(name, List.copyOf(lv));
            return this;
        }

        public Table build() {
            return new Table(names, cols.toArray(new double[0][]), null, levels);
        }
    }

    /**
     * This table with the named numeric columns read as categorical: each value's text (the shortest
     * decimal that reads back as it, without a trailing {@code .0}) is its level.
     */
    @Override
    public Table withCategorical(java.util.Set<String> categorical) {
        Map<String, List<String>> lv = new LinkedHashMap<>(levels);
        double[][] cols = columns.clone();
        for (String c : categorical) {
            int j = names.indexOf(c);
            if (j < 0 || lv.containsKey(c)) {
                continue;   // an unknown column is reported when the model binds; text is categorical already
            }
            String[] text = new String[rows];
            for (int i = 0; i < rows; i++) {
                text[i] = levelText(columns[j][i]);
            }
            List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(Arrays.asList(text)));
            cols[j] = new double[rows];
            for (int i = 0; i < rows; i++) {
                cols[j][i] = java.util.Collections.binarySearch(sorted, text[i]);
            }
            lv.put(c, List.copyOf(sorted));
        }
        double[][] tl = null;
        if (tails != null) {
            tl = tails.clone();
            for (String c : lv.keySet()) {
                tl[names.indexOf(c)] = new double[rows];
            }
        }
        return new Table(names, cols, tl, lv);
    }

    private static String levelText(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    @Override
    public java.util.Set<String> categoricalColumns() {
        return levels.keySet();
    }

    @Override
    public List<String> levels(String column) {
        List<String> lv = levels.get(column);
        if (lv == null) {
            throw new IllegalArgumentException("column '" + column + "' is not categorical");
        }
        return lv;
    }

    public int rowCount() {
        return rows;
    }

    /** A copy of the named column. */
    public double[] column(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("unknown column '" + name + "'; columns are " + names);
        }
        return columns[j].clone();
    }

    @Override
    public long countRowsUpTo(long limit) {
        return Math.min(rows, limit);
    }

    @Override
    public List<String> columns() {
        return names;
    }

    @Override
    public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
        int width = names.size();
        double[] buf = new double[BLOCK_ROWS * width];
        double[] tbuf = extended && tails != null ? new double[BLOCK_ROWS * width] : null;
        for (int start = 0; start < rows; start += BLOCK_ROWS) {
            int count = Math.min(BLOCK_ROWS, rows - start);
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < width; j++) {
                    buf[i * width + j] = columns[j][start + i];
                    if (tbuf != null) {
                        tbuf[i * width + j] = tails[j][start + i];
                    }
                }
            }
            consumer.accept(new RowBlock(start, count, width, buf, tbuf));
        }
    }

    @Override
    public String toString() {
        return "Table" + names + " x " + rows + " rows" + (rows > 0 ? ", first " + Arrays.toString(
                names.stream().mapToDouble(n -> columns[names.indexOf(n)][0]).toArray()) : "");
    }
}
