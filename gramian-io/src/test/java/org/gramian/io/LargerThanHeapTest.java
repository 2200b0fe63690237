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
            write(w, 1_900_000);
        }
        assertThat(Files.size(f)).isGreaterThan(3L * 48 * 1024 * 1024);
        fitInSmallHeap(f, 1_900_000);
    }

    @Test
    void gzipCsvLargerThanTheHeap() throws Exception {
        Path f = dir.resolve("big.csv.gz");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f),
                1 << 16), StandardCharsets.US_ASCII), 1 << 16)) {
            write(w, 700_000); // ~65 MB of text
        }
        fitInSmallHeap(f, 700_000);
    }

    private static void write(Writer w, int rows) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        w.write("tag,x1,x2,x3,y\n");
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < rows; i++) {
            double x1 = rnd.nextDouble(-1, 1);
            double x2 = rnd.nextDouble(-1, 1);
            double x3 = rnd.nextDouble(-1, 1);
            double y = TRUE[0] + TRUE[1] * x1 + TRUE[2] * x2 + TRUE[3] * x3;
            sb.setLength(0);
            sb.append(i % 3 == 0 ? "a" : "b").append(',').append(x1).append(',').append(x2).append(',').append(x3)
                    .append(',').append(y).append('\n');
            w.append(sb);
        }
    }

    private static void fitInSmallHeap(Path f, long rows) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                FitFileMain.class.getName(), f.toString(), "y", "x1", "x2", "x3")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = new ArrayList<>(out.lines().toList());
        for (int j = 0; j < TRUE.length; j++) {
            assertThat(Double.parseDouble(lines.get(j))).as(out).isCloseTo(TRUE[j], Offset.offset(1e-12));
        }
        assertThat(lines.get(4)).isEqualTo("rows " + rows);
        assertThat(Long.parseLong(lines.get(6).substring("maxMemory ".length()))).isLessThanOrEqualTo(48L << 20);
    }
}
