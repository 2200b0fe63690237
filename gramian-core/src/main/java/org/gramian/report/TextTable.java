package org.gramian.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: first column left-aligned, the others right-aligned, widths fitted to the content. */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public TextTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    public TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    /** The table, one line per row, each ending in a newline. */
    public String render() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int j = 0; j < columns; j++) {
                width[j] = Math.max(width[j], r[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < columns; j++) {
                if (j > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[j] - r[j].length());
                line.append(j == 0 ? r[j] + pad : pad + r[j]);
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return sb.toString();
    }
}
