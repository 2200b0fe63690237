package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fits files several times larger than the heap in a forked JVM with {@code -Xmx48m}: proof that a
 * pass streams instead of loading the file. The data follow y = 1.5 + 2·x1 − 3·x2 + 0.25·x3 up to
 * the rounding of printing y with 17 digits, so the fit must return those coefficients to ~1e-12.
 */
class LargerThanHeapTest {
    private static final double[] TRUE = {1.5, 2, -3, 0.25};

    @TempDir
    Path dir;

    @Test
    void plainCsvThreeTimesTheHeap() throws Exception {
        Path f = dir.resolve("big.csv");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.US_ASCII),
                1 << 16)) {
            write(w, 1_900_000, 3);
        }
        assertThat(Files.size(f)).isGreaterThan(3L * 48 * 1024 * 1024);
        fitInSmallHeap(f, 1_900_000, 3);
    }

    @Test
    void gzipCsvLargerThanTheHeap() throws Exception {
        Path f = dir.resolve("big.csv.gz");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f),
                1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            write(w, 700_000, 3); // ~65 MB of text
        }
        fitInSmallHeap(f, 700_000, 3);
    }

    /** Many selected columns: the parsed values of the chunks in flight must stay small too. */
    @Test
    void wideCsvLargerThanTheHeap() throws Exception {
        Path f = dir.resolve("wide.csv");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.US_ASCII),
                1 << 16)) {
            write(w, 250_000, 24);
        }
        assertThat(Files.size(f)).isGreaterThan(2L * 48 * 1024 * 1024);
        fitInSmallHeap(f, 250_000, 24);
    }

    /**
     * A formula with the text column as a factor: the levels pass and the fit stream too. The tag
     * does not enter y, so its coefficient is 0 (to rounding).
     */
    @Test
    void factorCsvThreeTimesTheHeap() throws Exception {
        Path f = dir.resolve("factor.csv");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.US_ASCII),
                1 << 16)) {
            write(w, 1_900_000, 3);
        }
        String out = run(f, List.of("y ~ x1 + x2 + x3 + tag"));
        List<String> lines = out.lines().toList();
        for (int j = 0; j < 4; j++) {
            assertThat(Double.parseDouble(lines.get(j))).as(out).isCloseTo(TRUE[j], Offset.offset(1e-12));
        }
        assertThat(Double.parseDouble(lines.get(4))).as(out).isCloseTo(0.0, Offset.offset(1e-12)); // tagb
        assertThat(lines.get(5)).isEqualTo("rows 1900000");
        assertThat(Long.parseLong(lines.get(7).substring("maxMemory ".length()))).isLessThanOrEqualTo(48L << 20);
    }

    /** Columns tag, x1..xk, y; only x1..x3 enter y, the other features have true coefficient 0. */
    private static void write(Writer w, int rows, int features) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder(1024).append("tag");
        for (int j = 1; j <= features; j++) {
            sb.append(",x").append(j);
        }
        w.append(sb).append(",y\n");
        double[] x = new double[features];
        for (int i = 0; i < rows; i++) {
            sb.setLength(0);
            sb.append(i % 3 == 0 ? "a" : "b");
            for (int j = 0; j < features; j++) {
                x[j] = rnd.nextDouble(-1, 1);
                sb.append(',').append(x[j]);
            }
            double y = TRUE[0] + TRUE[1] * x[0] + TRUE[2] * x[1] + TRUE[3] * x[2];
            w.append(sb.append(',').append(y).append('\n'));
        }
    }

    /** FitFileMain on the file with these arguments in a forked JVM with a 48 MB heap: its output. */
    private static String run(Path f, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                FitFileMain.class.getName(), f.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static void fitInSmallHeap(Path f, long rows, int features) throws Exception {
        List<String> args = new ArrayList<>(List.of("y"));
        for (int j = 1; j <= features; j++) {
            args.add("x" + j);
        }
        String out = run(f, args);
        List<String> lines = new ArrayList<>(out.lines().toList());
        for (int j = 0; j <= features; j++) {
            double truth = j < TRUE.length ? TRUE[j] : 0.0;
            assertThat(Double.parseDouble(lines.get(j))).as(out).isCloseTo(truth, Offset.offset(1e-12));
        }
        assertThat(lines.get(features + 1)).isEqualTo("rows " + rows);
        assertThat(Long.parseLong(lines.get(features + 3).substring("maxMemory ".length())))
                .isLessThanOrEqualTo(48L << 20);
    }
}
