package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The launcher's -Dgramian.stderr.tty decides the progress bar; --quiet always wins. */
class ProgressDecisionTest {
    @AfterEach
    void clear() {
        System.clearProperty("gramian.stderr.tty");
    }

    @Test
    void launcherPropertyDecides() {
        System.setProperty("gramian.stderr.tty", "true");
        assertThat(CsvFiles.showProgress(false)).isTrue();
        assertThat(CsvFiles.showProgress(true)).isFalse();
        System.setProperty("gramian.stderr.tty", "false");
        assertThat(CsvFiles.showProgress(false)).isFalse();
    }

    @Test
    void withoutThePropertyTheConsoleDecides() {
        assertThat(CsvFiles.showProgress(false)).isEqualTo(System.console() != null);
    }
}
