package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final long[] now = {0};

    private TerminalProgressBar bar(boolean enabled) {
        return new TerminalProgressBar(new PrintStream(sink, true, StandardCharsets.UTF_8), enabled, () -> now[0]);
    }

    private String drawn() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quietDuringTheFirstSecond() {
        TerminalProgressBar bar = bar(true);
        for (int i = 0; i <= 9; i++) {
            now[0] = i * 100_000_000L; // 0 .. 0.9 s
            bar.progress(i * 10, 100, i);
        }
        bar.finished();
        assertThat(drawn()).isEmpty();
    }

    @Test
    void drawsPercentMegabytesAndRateThrottledThenEndsTheLine() {
        TerminalProgressBar bar = bar(true);
        bar.progress(0, 200_000_000, 0);
        now[0] = 2_000_000_000L;
        bar.progress(50_000_000, 200_000_000, 1_000_000);
        assertThat(drawn()).isEqualTo("\rreading  25% | 50.0 MB | 1,000,000 rows | 500,000 rows/s");
        now[0] += 100_000_000L; // 0.1 s later: throttled
        bar.progress(60_000_000, 200_000_000, 1_200_000);
        assertThat(drawn()).doesNotContain("60.0 MB");
        now[0] = 4_000_000_000L;
        bar.progress(200_000_000, 200_000_000, 4_000_000);
        bar.finished();
        String all = drawn();
        assertThat(all).contains("\rreading 100% | 200.0 MB | 4,000,000 rows | 1,000,000 rows/s");
        assertThat(all).endsWith("\n");
        assertThat(all.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void drawsNothingWithoutAConsole() {
        TerminalProgressBar bar = bar(false);
        bar.progress(0, 100, 0);
        now[0] = 5_000_000_000L;
        bar.progress(100, 100, 10);
        bar.finished();
        assertThat(drawn()).isEmpty();
    }

    @Test
    void aSecondPassStartsAFreshLine() {
        TerminalProgressBar bar = bar(true);
        bar.progress(0, 100, 0);
        now[0] = 1_500_000_000L;
        bar.progress(100, 100, 10);
        bar.finished();
        int first = drawn().length();
        bar.progress(0, 100, 0); // the clock restarts: the next second is quiet again
        now[0] = 2_000_000_000L;
        bar.progress(50, 100, 5);
        assertThat(drawn().length()).isEqualTo(first);
    }
}
