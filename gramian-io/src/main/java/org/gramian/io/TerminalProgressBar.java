package org.gramian.io;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on standard error, redrawn in place with {@code \r}:
 * {@code reading  42% | 168.0 MB | 1,234,567 rows/s}. It draws nothing when there is no console
 * (output redirected), nothing for inputs read within the first second, and at most
 * {@value #UPDATES_PER_SECOND} times a second; at the end of a pass it draws the final state and a
 * newline, so that what follows starts on a clean line.
 */
public final class TerminalProgressBar implements ProgressListener {
    static final int UPDATES_PER_SECOND = 4;
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long INTERVAL_NANOS = 1_000_000_000L / UPDATES_PER_SECOND;

    private final PrintStream out;
    private final boolean enabled;
    private final LongSupplier clock;
    private long start = -1;
    private long lastDraw;
    private boolean drawn;
    private int lastWidth;
    private long bytes;
    private long total;
    private long rows;

    /** Draws on {@code System.err}, only when the JVM has a console. */
    public TerminalProgressBar() {
        this(System.err, System.console() != null, System::nanoTime);
    }

    /**
     * Draws on {@code System.err} when {@code stderrIsTerminal}; for callers that know better than
     * {@code System.console()}, which in Java 17 is null whenever stdout is redirected.
     */
    public TerminalProgressBar(boolean stderrIsTerminal) {
        this(System.err, stderrIsTerminal, System::nanoTime);
    }

    /** For tests: an explicit stream, whether to draw at all, and a nanosecond clock. */
    TerminalProgressBar(PrintStream out, boolean enabled, LongSupplier clock) {
        this.out = out;
        this.enabled = enabled;
        this.clock = clock;
    }

    @Override
    public void progress(long bytesRead, long totalBytes, long rowsSoFar) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (start < 0) {
            start = now;
        }
        bytes = bytesRead;
        total = totalBytes;
        rows = rowsSoFar;
        if (now - start < DELAY_NANOS || (drawn && now - lastDraw < INTERVAL_NANOS)) {
            return;
        }
        draw(now);
    }

    @Override
    public void finished() {
        if (enabled && drawn) {
            draw(clock.getAsLong());
            out.print('\n');
            out.flush();
        }
        start = -1;
        drawn = false;
        lastWidth = 0;
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        String percent = total > 0 ? String.format(Locale.ROOT, "%3d%%", Math.min(100, bytes * 100 / total)) : " ?%";
        String line = String.format(Locale.ROOT, "reading %s | %.1f MB | %,d rows | %,.0f rows/s", percent,
                bytes / 1e6, rows, rows / seconds);
        StringBuilder sb = new StringBuilder(line.length() + 8).append('\r').append(line);
        for (int i = line.length(); i < lastWidth; i++) {
            sb.append(' '); // wipe the rest of a longer previous line
        }
        out.print(sb);
        out.flush();
        lastWidth = line.length();
        lastDraw = now;
        drawn = true;
    }
}
