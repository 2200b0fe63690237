package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code fit --spark} in a JVM without the gramian-spark jar and Spark (this module's tests): a
 * usage error that says how to run it, and the option checks that need no backend. The fit on
 * Spark itself is tested in gramian-spark ({@code SparkCliTest}).
 */
class SparkOptionTest {
    @Test
    void withoutTheSparkBackendSaysHowToRunIt() {
        Cli.Result r = Cli.run("fit", "--spark", "local[2]", "../examples/norris.csv", "--target", "y");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines().get(0)).contains("--spark needs Spark and the gramian-spark jar on the class path")
                .contains("spark-submit").contains("gramian-spark-app.jar");
    }

    @Test
    void optionsThatDoNotApplyOnSparkAreUsageErrors() {
        Cli.Result robust = Cli.run("fit", "--spark", "local[2]", "../examples/norris.csv", "--target", "y",
                "--robust-se", "hc0");
        assertThat(robust.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(robust.err()).contains("--robust-se is not available with --spark");
        Cli.Result threads = Cli.run("fit", "--spark", "local[2]", "../examples/norris.csv", "--target", "y",
                "--threads", "2");
        assertThat(threads.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(threads.err()).contains("--threads does not apply with --spark");
        Cli.Result noTarget = Cli.run("fit", "--spark", "local[2]", "../examples/norris.csv");
        assertThat(noTarget.code()).isEqualTo(ExitCodes.USAGE);
    }
}
