package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "fit", "logistic", "predict", "certify"})
    void helpExitsZeroAndListsExitCodes(String command) {
        Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: gramian").contains("Exit status:").contains("70  internal error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fit", "logistic", "predict", "certify"})
    void versionExitsZero(String command) {
        Cli.Result r = command.isEmpty() ? Cli.run("--version") : Cli.run(command, "--version");
        assertThat(r.code()).isZero();
        String[] lines = r.out().strip().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("gramian \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        // The build gives test JVMs --add-modules jdk.incubator.vector, so the vector kernel is on.
        assertThat(lines[1]).matches("Gram kernel: vector \\(jdk\\.incubator\\.vector, \\d+-bit, \\d+ doubles\\)");
    }

    @Test
    void fitHelpDocumentsTheDefaultFeaturesAndChoices() {
        Cli.Result r = Cli.run("fit", "--help");
        String help = r.out().replaceAll("\\s+", " ");
        assertThat(help).contains("Default: every column except the target").contains("auto, cholesky, qr, svd")
                .contains("table, json");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("gramian: missing command");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("regress");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("gramian: ").contains("regress");
    }
}
