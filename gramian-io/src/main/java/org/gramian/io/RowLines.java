package org.gramian.io;

import java.util.Arrays;

/**
 * Maps a 0-based data row to its 1-based physical line. Without blank lines row r is on line r + 2
 * (line 1 is the header); each skipped blank line shifts the rows after it, and the map stores one
 * breakpoint per shift, so it costs nothing for files without blank lines. It is learned during
 * passes (a row is always described after it has been read) and shared by all views of one file.
 * Thread-safe.
 */
final class RowLines {
    private long[] rows = {0};
    private long[] lines = {2};
    private int size = 1;
    private long knownUpTo = -1; // rows up to here have had their breakpoints recorded

    /** Records that {@code row} is on {@code line}; ignored when already known or implied. */
    synchronized void note(long row, long line) {
        if (row <= knownUpTo) {
            return;
        }
        knownUpTo = row;
        long implied = lines[size - 1] + (row - rows[size - 1]);
        if (implied != line) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            rows[size] = row;
            lines[size] = line;
            size++;
        }
    }

    synchronized long lineOf(long row) {
        int i = Arrays.binarySearch(rows, 0, size, row);
        if (i < 0) {
            i = -i - 2;
        }
        return lines[i] + (row - rows[i]);
    }
}
