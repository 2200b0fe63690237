package org.gramian.cli;

import java.nio.file.Path;
import java.util.List;
import org.gramian.data.RowSource;
import org.gramian.io.CsvFormat;
import org.gramian.io.CsvFormatException;
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
     * The file in this format, not yet restricted to any columns; its notes (an index column
     * skipped) go to {@code err} as {@code note: FILE: ...} lines.
     */
    static CsvSource open(Path file, CsvFormat format, java.io.PrintWriter err) {
        CsvSource csv = CsvSource.open(file, format);
        for (String note : csv.notes()) {
            err.println("note: " + file + ": " + note);
        }
        err.flush();
        return csv;
    }

    /**
     * Refuses a selected column that holds text: the model side has no factor terms yet, so the
     * error is the one reading it as a number gives (its first cell that is not a number).
     */
    static void requireNumeric(CsvSource selected) {
        for (String c : selected.categoricalColumns()) {
            CsvFormatException e = selected.numericError(c);
            throw e != null ? e : new CsvFormatException(selected.file() + ": column " + org.gramian.UserText.quote(c)
                    + " is categorical, and only numeric columns can be used", selected.file().toString(), 0, c);
        }
    }

    /**
     * The given columns of {@code csv}, read with {@code threads} threads (null: the reader's
     * default) and a progress bar on the terminal when {@code progress}.
     */
    static RowSource select(CsvSource csv, List<String> columns, Integer threads, boolean progress) {
        CsvSource s = csv.select(columns);
        requireNumeric(s);
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
