package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    /** y = 3 − 2a + 0.5b + noise, a on a scale of 100 around 1000 so that standardizing matters. */
    Path data() throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 200; i++) {
            double a = 1000 + 100 * (rnd.nextDouble() - 0.5);
            double b = rnd.nextDouble() * 4 - 2;
            double y = 3 - 2 * a + 0.5 * b + 0.01 * (rnd.nextDouble() - 0.5);
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, y));
        }
        Path f = dir.resolve("data.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void tableListsEveryMethodAgainstTheClosedForm() throws IOException {
        Cli.Result r = Cli.run("compare", data().toString(), "--target", "y", "--max-iterations", "3000");
        assertThat(r.code()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("method", "iterations", "time", "final cost", "max|Δw|/max|w|", "status", "κ(XᵀX)");
        String closed = line(out, "closed form (Gramian.fit)");
        assertThat(closed).contains("direct");
        String std = line(out, "gradient descent (standardized)");
        assertThat(std).contains("CONVERGED");
        // the unstandardized problem has κ ~ 1e8: gradient descent runs out of iterations
        String plain = line(out, "gradient descent  ");
        assertThat(plain).contains("MAX_ITERATIONS").contains("3000");
        assertThat(line(out, "LSQR (standardized)")).contains("CONVERGED");
        // the relative difference of standardized GD is tiny, printed like 1.234e-10
        String[] cells = std.trim().split("\\s{2,}");
        double rel = Double.parseDouble(cells[4]);
        assertThat(rel).isLessThan(1e-6);
        double kappaStd = Double.parseDouble(cells[6]);
        double kappaPlain = Double.parseDouble(plain.trim().split("\\s{2,}")[6]);
        assertThat(kappaPlain).isGreaterThan(1e6 * kappaStd);
    }

    @Test
    void aTooLargeStepIsReportedAsDivergedNotNaN() throws IOException {
        Cli.Result r = Cli.run("compare", data().toString(), "--target", "y", "--step", "0.5",
                "--max-iterations", "500", "--epochs", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(line(r.out(), "gradient descent  ")).contains("DIVERGED");
        assertThat(r.out()).contains("step 0.5 exceeds 2/λmax = ").doesNotContain("NaN");
    }

    @Test
    void plotDrawsTheLossCurve() throws IOException {
        Path png = dir.resolve("loss.png");
        Cli.Result r = Cli.run("compare", data().toString(), "--target", "y", "--max-iterations", "2000",
                "--plot", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(900);
        assertThat(img.getHeight()).isEqualTo(600);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void sweepReportsEachSizeAndTheVerdict() {
        Cli.Result r = Cli.run("compare", "--sweep", "--sweep-max-d", "100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\n\\s+10\\s+20\\s").containsPattern("\\n\\s+30\\s+60\\s")
                .containsPattern("\\n\\s+100\\s+200\\s").contains("Gradient descent").contains("LSQR");
        assertThat(r.out()).doesNotContainPattern("\\n\\s+300\\s");
    }

    static String line(String out, String start) {
        for (String l : out.split("\n")) {
            if (l.startsWith(start)) {
                return l;
            }
        }
        throw new AssertionError("no line starting with '" + start + "' in\n" + out);
    }
}
