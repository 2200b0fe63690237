package org.gramian.cli.render;

/**
 * Which part of a matrix is shown: the whole of it when it has at most {@value #MAX_ROWS} rows and
 * {@value #MAX_COLS} columns, otherwise its top-left corner of {@value #CORNER_ROWS}×{@value #CORNER_COLS}
 * with the shape stated.
 *
 * @param rows number of rows shown
 * @param cols number of columns shown
 */
public record Window(int rows, int cols, boolean rowsCut, boolean colsCut) {
    public static final int MAX_ROWS = 20;
    public static final int MAX_COLS = 8;
    public static final int CORNER_ROWS = 5;
    public static final int CORNER_COLS = 5;

    public static Window of(Block b) {
        boolean whole = b.rows() <= MAX_ROWS && b.cols() <= MAX_COLS;
        if (whole) {
            return new Window(b.rows(), b.cols(), false, false);
        }
        int r = Math.min(b.rows(), b.rows() <= MAX_ROWS ? b.rows() : CORNER_ROWS);
        int c = Math.min(b.cols(), b.cols() <= MAX_COLS ? b.cols() : CORNER_COLS);
        return new Window(r, c, r < b.rows(), c < b.cols());
    }

    public boolean whole() {
        return !rowsCut && !colsCut;
    }
}
