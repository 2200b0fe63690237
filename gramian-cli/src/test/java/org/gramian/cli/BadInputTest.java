package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user mistake: a non-zero exit, exactly one line on stderr that names the file (and line and
 * column where there is one), and nothing that looks like a crash.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private Path csv(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Cli.Result fitY(Path file, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "fit";
        args[1] = file.toString();
        args[2] = "--target";
        args[3] = "y";
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    /** The common contract; returns the one line for further checks. */
    private static String oneLineError(Cli.Result r, int code, String fileName) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("gramian: ").contains(fileName).doesNotContain("Exception")
                .doesNotContain("\tat ");
        return line;
    }

    @Test
    void missingFile() {
        Path p = tmp.resolve("nothere.csv");
        oneLineError(fitY(p), ExitCodes.BAD_INPUT, "nothere.csv");
    }

    @Test
    void unknownTargetColumn() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n2,3\n3,5\n");
        String line = oneLineError(Cli.run("fit", p.toString(), "--target", "z"), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("'z'").contains("x, y");
    }

    @Test
    void unknownFeatureColumn() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n2,3\n3,5\n");
        String line = oneLineError(fitY(p, "--features", "x,w"), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("'w'");
    }

    @Test
    void nonNumericCell() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n2,abc\n3,5\n");
        String line = oneLineError(fitY(p), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("line 3").containsIgnoringCase("column").contains("abc");
    }

    @Test
    void rowWithTheWrongNumberOfFields() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n2,3\n3,4,5\n4,5\n");
        String line = oneLineError(fitY(p), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("line 4");
    }

    @Test
    void emptyFile() throws Exception {
        Path p = csv("empty.csv", "");
        oneLineError(fitY(p), ExitCodes.BAD_INPUT, "empty.csv");
    }

    @Test
    void headerOnly() throws Exception {
        Path p = csv("header.csv", "x,y\n");
        oneLineError(fitY(p), ExitCodes.BAD_INPUT, "header.csv");
    }

    @Test
    void fewerRowsThanCoefficients() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n");
        String line = oneLineError(fitY(p), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("1 data row").contains("2 coefficient");
    }

    @Test
    void nanValue() throws Exception {
        // NaN is a missing value: an error under --missing fail, a dropped row by default
        Path p = csv("d.csv", "x,y\n1,2\nNaN,3\n3,5\n4,4\n");
        String line = oneLineError(fitY(p, "--missing", "fail"), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("line 3").contains("expected a finite number, found 'NaN'");
        Cli.Result dropped = fitY(p);
        assertThat(dropped.code()).isZero();
        assertThat(dropped.out()).contains("  (1 observation deleted due to missingness)").contains("Observations: 3 ");
    }

    @Test
    void infiniteValue() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n2,3\n3,1e400\n");
        String line = oneLineError(fitY(p), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("line 4");
    }

    @Test
    void targetListedAsFeature() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n2,3\n3,5\n");
        String line = oneLineError(fitY(p, "--features", "x,y"), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("target column 'y'");
    }

    @Test
    void degreeNeedsOneFeatureInTheFile() throws Exception {
        Path p = csv("d.csv", "a,b,y\n1,2,3\n2,3,5\n3,5,1\n4,1,1\n");
        String line = oneLineError(fitY(p, "--degree", "2"), ExitCodes.BAD_INPUT, "d.csv");
        assertThat(line).contains("--degree 2").contains("--features");
    }

    // usage errors: exit 2, one line, naming the command's help

    private static void usageError(Cli.Result r, String mention) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("gramian: ").contains(mention).contains("--help")
                .doesNotContain("Exception");
    }

    @Test
    void missingTarget() throws Exception {
        usageError(Cli.run("fit", csv("d.csv", "x,y\n1,2\n").toString()), "--target");
    }

    @Test
    void unknownOption() throws Exception {
        usageError(Cli.run("fit", csv("d.csv", "x,y\n1,2\n").toString(), "--target", "y", "--fast"), "--fast");
    }

    @Test
    void badSolverName() throws Exception {
        usageError(Cli.run("fit", csv("d.csv", "x,y\n1,2\n").toString(), "--target", "y", "--solver", "lu"), "lu");
    }

    @Test
    void degreeWithSeveralFeatures() throws Exception {
        usageError(Cli.run("fit", csv("d.csv", "a,b,y\n1,2,3\n").toString(), "--target", "y", "--features", "a,b",
                "--degree", "3"), "--degree 3");
    }

    @Test
    void degreeBelowOne() throws Exception {
        usageError(Cli.run("fit", csv("d.csv", "x,y\n1,2\n").toString(), "--target", "y", "--degree", "0"),
                "--degree");
    }

    @Test
    void nonNumericDegree() throws Exception {
        usageError(Cli.run("fit", csv("d.csv", "x,y\n1,2\n").toString(), "--target", "y", "--degree", "two"),
                "two");
    }

    @Test
    void badThreads() throws Exception {
        usageError(Cli.run("fit", csv("d.csv", "x,y\n1,2\n").toString(), "--target", "y", "--threads", "0"),
                "--threads");
    }

    @Test
    void predictMissingArgument() throws Exception {
        usageError(Cli.run("predict", csv("m.json", "{}").toString()), "DATA.csv");
    }

    @Test
    void internalErrorIsOneLineWithoutDebugAndATraceWithIt() {
        // an internal error cannot be provoked through the public commands; drive the handler directly
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cmd = GramianCli.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err, true));
        ErrorHandler quiet = new ErrorHandler(() -> false);
        int code = quiet.handleExecutionException(new NullPointerException("boom"), cmd, null);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("gramian: internal error: ").contains("boom")
                .endsWith(", please report" + System.lineSeparator());

        java.io.StringWriter err2 = new java.io.StringWriter();
        cmd.setErr(new java.io.PrintWriter(err2, true));
        int code2 = new ErrorHandler(() -> true).handleExecutionException(new IllegalStateException("x"), cmd, null);
        assertThat(code2).isEqualTo(ExitCodes.INTERNAL);
        assertThat(err2.toString()).contains("\tat ");
    }

    @Test
    void debugOptionIsAcceptedOnSubcommands() throws Exception {
        Path p = csv("d.csv", "x,y\n1,2\n");
        Cli.Result r = Cli.run("fit", p.toString(), "--target", "y", "--debug");
        // a user's mistake: still one line, no trace, even with --debug
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
    }
}
