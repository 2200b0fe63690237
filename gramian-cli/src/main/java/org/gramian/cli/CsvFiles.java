package org.gramian.cli;

import java.nio.file.Path;
import java.util.List;
import org.gramian.design.RowSource;
import org.gramian.io.CsvSource;
import org.gramian.io.TerminalProgressBar;

/** Opens a CSV file of gramian-io as the commands need it. */
final class CsvFiles {
    private CsvFiles() {
    }

    /** The file, not yet restricted to any columns (its header is known). */
    static CsvSource open(Path file) {
        return CsvSource.open(file);
    }

    /**
     * The given columns of {@code csv}, read with {@code threads} threads (null: the reader's
     * default) and a progress bar on the terminal when {@code progress}.
     */
    static RowSource select(CsvSource csv, List<String> columns, Integer threads, boolean progress) {
        CsvSource s = csv.select(columns);
        if (threads != null) {
            s = s.withThreads(threads);
        }
        if (progress) {
            s = s.withProgress(new TerminalProgressBar());
        }
        return s;
    }

    /** Whether to draw a progress bar: not when asked to be quiet, nor when stderr is not a terminal. */
    static boolean showProgress(boolean quiet) {
        return !quiet && System.console() != null;
    }
}
