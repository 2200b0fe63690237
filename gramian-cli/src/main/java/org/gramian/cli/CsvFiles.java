package org.gramian.cli;

import java.nio.file.Path;
import java.util.List;
import org.gramian.data.RowSource;
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
            s = s.withProgress(new TerminalProgressBar(true)); // showProgress(..) decided it is a terminal
        }
        return s;
    }

    /**
     * Whether to draw a progress bar: not when asked to be quiet, nor when stderr is not a
     * terminal. Java 17 cannot ask about stderr alone ({@code System.console()} is null as soon as
     * stdout is redirected), so the {@code ./gramian} launcher, which can ({@code [ -t 2 ]}), passes
     * {@code -Dgramian.stderr.tty=true|false}; without it the console test is the fallback.
     */
    static boolean showProgress(boolean quiet) {
        if (quiet) {
            return false;
        }
        String tty = System.getProperty("gramian.stderr.tty");
        return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    }
}
