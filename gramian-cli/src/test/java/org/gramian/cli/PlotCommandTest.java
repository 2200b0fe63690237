package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path dir;

    Path quadratic() throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = -10; i <= 10; i++) {
            csv.append(i).append(',').append(0.5 * i * i - i + 3 + (i % 3) * 0.7).append('\n');
        }
        Path f = dir.resolve("q.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void fitPictureHasTheRequestedSize() throws IOException {
        Path png = dir.resolve("fit.png");
        Cli.Result r = Cli.run("plot", quadratic().toString(), "--target", "y", "--degree", "2", "--out",
                png.toString(), "--width", "640", "--height", "480");
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(480);
        assertThat(r.out()).contains("640×480");
        assertThat(distinctColours(img)).isGreaterThan(10); // something was drawn
    }

    /** Data of magnitude 1e200 (XᵀX would overflow unscaled): the fit is equilibrated, the picture drawn. */
    @Test
    void extremeScaleIsPlotted() throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 1; i <= 20; i++) {
            csv.append(i).append("e200,").append(2 * i + 1 + (i % 3) * 0.1).append("e200\n");
        }
        Path data = dir.resolve("big.csv");
        Files.writeString(data, csv);
        Path png = dir.resolve("big.png");
        Cli.Result r = Cli.run("plot", data.toString(), "--target", "y", "--residuals", "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote");
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void residualsPanelDoublesTheWidth() throws IOException {
        Path png = dir.resolve("fit-res.png");
        Cli.Result r = Cli.run("plot", quadratic().toString(), "--target", "y", "--out", png.toString(),
                "--residuals");
        assertThat(r.code()).as(r.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(img.getHeight()).isEqualTo(600);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void moreThanOneFeatureIsAOneLineError() throws IOException {
        Path f = dir.resolve("two.csv");
        Files.writeString(f, "a,b,y\n1,2,3\n2,1,4\n3,5,6\n4,4,4\n");
        Cli.Result r = Cli.run("plot", f.toString(), "--target", "y", "--out", dir.resolve("x.png").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err().strip()).startsWith("gramian: plot draws y against one feature").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
    }

    @Test
    void unwritableOutputIsAOneLineError() throws IOException {
        Path png = dir.resolve("no-such-dir").resolve("fit.png");
        Cli.Result r = Cli.run("plot", quadratic().toString(), "--target", "y", "--out", png.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err().strip()).startsWith("gramian: cannot write").doesNotContain("\n");
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> c = new java.util.HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 3) {
            for (int y = 0; y < img.getHeight(); y += 3) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }
}
