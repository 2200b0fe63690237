package org.gramian.cli.render;

import java.util.List;

/**
 * One displayed quantity of an explanation: a matrix (a vector is a one-column matrix, a scalar a
 * 1×1 matrix) with optional row and column labels.
 *
 * @param values    rows of values (not copied; read-only)
 * @param rowLabels one label per row, or an empty list
 * @param colLabels one label per column, or an empty list
 */
public record Block(double[][] values, List<String> rowLabels, List<String> colLabels) {

    public Block {
        rowLabels = List.copyOf(rowLabels);
        colLabels = List.copyOf(colLabels);
    }

    public static Block matrix(double[][] v, List<String> rowLabels, List<String> colLabels) {
        return new Block(v, rowLabels, colLabels);
    }

    /** A column vector. */
    public static Block column(double[] v, List<String> rowLabels) {
        double[][] m = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            m[i][0] = v[i];
        }
        return new Block(m, rowLabels, List.of());
    }

    public static Block scalar(double v) {
        return new Block(new double[][] {{v}}, List.of(), List.of());
    }

    public int rows() {
        return values.length;
    }

    public int cols() {
        return values.length == 0 ? 0 : values[0].length;
    }

    public boolean isScalar() {
        return rows() == 1 && cols() == 1 && rowLabels.isEmpty() && colLabels.isEmpty();
    }
}
