package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} streams: memory O(1) in the number of rows. A forked JVM with a 48 MiB heap
 * predicts a 66 MB file (4·10⁶ rows) to standard output; every line is counted and the
 * predictions checked against the model y = 1 + 2a − b, which here are exact (the features are
 * multiples of 1/4, the coefficients small integers).
 */
class StreamingPredictTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void predictsAFileLargerThanTheHeapInA48MiBJvm() throws Exception {
        Path model = tmp.resolve("model.json");
        Files.writeString(model, "{\"format\":\"gramian-model/1\",\"model\":{\"target\":\"y\",\"features\":[\"a\",\"b\"],"
                + "\"degree\":1,\"intercept\":true},\"coefficients\":[{\"name\":\"(Intercept)\",\"estimate\":1},"
                + "{\"name\":\"a\",\"estimate\":2},{\"name\":\"b\",\"estimate\":-1}]}");
        Path data = tmp.resolve("big.csv");
        int rows = 4_000_000;
        try (Writer w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            w.write("a,b\n");
            for (int i = 0; i < rows; i++) {
                w.write((i % 100_003) + ".25," + (i % 997) + ".5\n");
            }
        }
        assertThat(Files.size(data)).isGreaterThan(48L << 20);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-Dgramian.kernel=scalar", "-cp", System.getProperty("java.class.path"),
                GramianCli.class.getName(), "predict", model.toString(), data.toString(), "--quiet");
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("err.txt").toFile()).start();
        long lines = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("a,b,predicted_y");
            String line;
            while ((line = r.readLine()) != null) {
                if (lines % 399_989 == 0) {
                    long i = lines;
                    double a = (i % 100_003) + 0.25;
                    double b = (i % 997) + 0.5;
                    String[] f = line.split(",");
                    assertThat(Double.parseDouble(f[0])).isEqualTo(a);
                    assertThat(Double.parseDouble(f[1])).isEqualTo(b);
                    assertThat(Double.parseDouble(f[2])).as(line).isEqualTo(1 + 2 * a - b);
                }
                lines++;
            }
        }
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
        assertThat(lines).isEqualTo(rows);
    }
}
