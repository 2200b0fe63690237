package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden outputs: every command's output on the bundled examples and the NIST files, byte for byte
 * against the files in {@code src/test/resources/golden}. They pin today's behaviour so that a
 * reshaping of the code (issue #11) can show it changed nothing. After an intended change of
 * output, regenerate them with {@code mvn -pl gramian-cli test -Dtest=GoldenOutputTest
 * -Dgolden.update=true} and review the diff.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Arguments> commands() {
        List<Arguments> out = new ArrayList<>();
        String[][] examples = {
            {"norris", "y", ""}, {"pontius", "deflection", "2"}, {"longley", "y", ""}, {"worked", "y", ""}};
        for (String[] e : examples) {
            String file = "../examples/" + e[0] + ".csv";
            for (String solver : new String[] {"auto", "cholesky", "qr", "svd"}) {
                for (String format : new String[] {"table", "json"}) {
                    List<String> args = new ArrayList<>(List.of("fit", file, "--target", e[1], "--solver", solver,
                            "--format", format, "--quiet"));
                    if (!e[2].isEmpty()) {
                        args.addAll(List.of("--degree", e[2]));
                    }
                    out.add(Arguments.of(e[0] + "-fit-" + solver + "-" + format, args));
                }
            }
            out.add(Arguments.of(e[0] + "-fit-nointercept", List.of("fit", file, "--target", e[1], "--no-intercept",
                    "--quiet")));
        }
        // ridge (#12): a given λ, and λ by GCV with its curve
        out.add(Arguments.of("worked-fit-ridge", List.of("fit", "../examples/worked.csv", "--target", "y", "--ridge",
                "0.5", "--quiet")));
        for (String format : new String[] {"table", "json"}) {
            out.add(Arguments.of("longley-fit-ridge-auto-" + format, List.of("fit", "../examples/longley.csv",
                    "--target", "y", "--ridge", "auto", "--format", format, "--quiet")));
        }
        for (String format : new String[] {"text", "json", "markdown"}) {
            out.add(Arguments.of("worked-explain-" + format, List.of("explain", "../examples/worked.csv", "--target",
                    "y", "--format", format)));
        }
        // the help of the commands whose options come partly from shared mixins (#16: ReportOptions)
        for (String command : new String[] {"fit", "logistic", "predict"}) {
            out.add(Arguments.of(command + "-help", List.of(command, "--help")));
        }
        String nist = NistFiles.dir().toString();
        for (String solver : new String[] {"auto", "cholesky", "qr", "svd"}) {
            out.add(Arguments.of("certify-" + solver, List.of("certify", nist, "--solver", solver)));
            out.add(Arguments.of("certify-" + solver + "-json", List.of("certify", nist, "--solver", solver,
                    "--format", "json")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void outputIsUnchanged(String name, List<String> args) throws IOException {
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        String text = "exit " + r.code() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err();
        // the NIST directory's absolute path depends on the checkout
        text = text.replace(NistFiles.dir().toString(), "NIST");
        Path f = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(f, text, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(f)).as("golden file " + f + " (run with -Dgolden.update=true)").isTrue();
        assertThat(text).isEqualTo(Files.readString(f, StandardCharsets.UTF_8));
    }
}
