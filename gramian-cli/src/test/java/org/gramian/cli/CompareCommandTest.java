package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.gramian.iterative.DenseProblem;
import org.gramian.iterative.IterativeResult;
import org.gramian.iterative.Lsqr;
import org.gramian.data.NistDataset;
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

    /** Data of magnitude 1e200: XᵀX would overflow; the methods run rescaled and still converge. */
    @Test
    void extremeScaleIsRescaledNotInfinite() throws IOException {
        SplittableRandom rnd = new SplittableRandom(9);
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 30; i++) {
            double x = 10 * rnd.nextDouble();
            double y = 2 * x + 1 + 0.1 * (rnd.nextDouble() - 0.5);
            csv.append(String.format(Locale.ROOT, "%.6fe200,%.6fe200%n", x, y));
        }
        Path f = dir.resolve("big.csv");
        Files.writeString(f, csv);
        Cli.Result r = Cli.run("compare", f.toString(), "--target", "y", "--plot", dir.resolve("big.png").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("rescaled by powers of two").doesNotContain("Inf");
        long converged = r.out().lines().filter(l -> l.contains("CONVERGED")).count();
        assertThat(converged).isGreaterThanOrEqualTo(4);
        assertThat(Files.size(dir.resolve("big.png"))).isPositive();
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

    /** The last cell of a table row: ‖Xᵀr‖/(‖X‖‖r‖). */
    static double ratioCell(String row) {
        String[] cells = row.trim().split("\\s{2,}");
        return Double.parseDouble(cells[cells.length - 1]);
    }

    /** The status cell of a table row. */
    static String statusCell(String row) {
        return row.trim().split("\\s{2,}")[5];
    }

    /** ‖Xᵀr‖₂/(‖X‖_F‖r‖₂), r = y − Xw, written out here independently of the library. */
    static double independentRatio(DenseProblem p, double[] w) {
        double[][] x = p.x();
        double rr = 0;
        double xx = 0;
        double[] g = new double[w.length];
        for (int i = 0; i < p.rows(); i++) {
            double r = p.y()[i];
            for (int j = 0; j < w.length; j++) {
                r -= x[i][j] * w[j];
                xx += x[i][j] * x[i][j];
            }
            rr += r * r;
            for (int j = 0; j < w.length; j++) {
                g[j] += x[i][j] * r;
            }
        }
        double gg = 0;
        for (double gj : g) {
            gg += gj * gj;
        }
        return Math.sqrt(gg / (xx * rr));
    }

    @Test
    void unstandardizedLsqrOnLongleyIsNotLabelledConverged() throws IOException {
        Path dat = NistFiles.dir().resolve("Longley.dat");
        Cli.Result r = Cli.run("compare", NistFiles.toCsv(dat, dir).toString(), "--target", "y");
        assertThat(r.code()).as(r.err()).isZero();
        String lsqr = line(r.out(), "LSQR  ");
        // LSQR stops on its backward-error test S2 with a cost 2.7 times the optimum's: not a least-squares solution
        assertThat(statusCell(lsqr)).isEqualTo("STOPPED_BACKWARD_ERROR");
        assertThat(lsqr).doesNotContain("CONVERGED");
        assertThat(r.out()).contains("LSQR [STOPPED_BACKWARD_ERROR]: stopped after 12 iterations by its backward-error"
                + " test (S2").contains("not converged, ‖Xᵀr‖/(‖X‖_F‖r‖) = 1.66e-10 > tolerance 1.00e-10");
        // the printed ratio is that of LSQR's coefficients, recomputed here from scratch
        NistDataset longley = NistDataset.read(dat);
        DenseProblem p = DenseProblem.of(longley.data(), longley.spec());
        IterativeResult fit = Lsqr.fit(p, new Lsqr.Options(false, 1e-10, 100_000));
        double printed = ratioCell(lsqr);
        assertThat(printed).isGreaterThan(1e-10);
        assertThat(printed).isCloseTo(independentRatio(p, fit.coefficients()), withinPercentage(0.05));
        // standardized LSQR and the closed form do satisfy it
        assertThat(statusCell(line(r.out(), "LSQR (standardized)"))).isEqualTo("CONVERGED");
        assertThat(ratioCell(line(r.out(), "LSQR (standardized)"))).isLessThanOrEqualTo(1e-10);
        String closed = line(r.out(), "closed form (Gramian.fit)");
        assertThat(ratioCell(closed)).isLessThan(1e-11);
        assertThat(r.out()).containsPattern("closed form \\(Gramian.fit\\): .*; ‖Xᵀr‖/\\(‖X‖_F‖r‖\\) = \\d");
    }

    @Test
    void gradientDescentOnWellConditionedDataIsLabelledConverged() throws IOException {
        SplittableRandom rnd = new SplittableRandom(9);
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 100; i++) {
            double a = rnd.nextDouble(-1, 1);
            double b = rnd.nextDouble(-1, 1);
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, 1 + 2 * a - b + 0.1 * rnd.nextDouble(-1, 1)));
        }
        Path f = dir.resolve("well.csv");
        Files.writeString(f, csv);
        Cli.Result r = Cli.run("compare", f.toString(), "--target", "y");
        assertThat(r.code()).as(r.err()).isZero();
        for (String method : new String[] {"gradient descent  ", "gradient descent (standardized)"}) {
            String row = line(r.out(), method);
            assertThat(statusCell(row)).isEqualTo("CONVERGED");
            assertThat(ratioCell(row)).isLessThanOrEqualTo(1e-10);
        }
        assertThat(r.out()).containsPattern("\ngradient descent \\[CONVERGED\\]: converged, ‖Xᵀr‖/\\(‖X‖_F‖r‖\\) = "
                + "[0-9.e+-]+ ≤ tolerance 1.00e-10; stopped after \\d+ iterations");
    }

    @Test
    void theTimeLimitStopsGradientDescentWithTheIterationsDone() throws IOException {
        // unstandardized κ ~ 1e8: gradient descent would need billions of iterations
        int max = 100_000_000;
        Cli.Result r = Cli.run("compare", data().toString(), "--target", "y", "--time-limit", "0.05",
                "--max-iterations", Integer.toString(max));
        assertThat(r.code()).as(r.err()).isZero();
        String plain = line(r.out(), "gradient descent  ");
        assertThat(statusCell(plain)).isEqualTo("TIME_LIMIT");
        int iterations = Integer.parseInt(plain.trim().split("\\s{2,}")[1]);
        assertThat(iterations).isLessThan(max);
        assertThat(r.out()).contains("gradient descent [TIME_LIMIT]: stopped by the time limit of 0.05 s after "
                + iterations + " iterations").contains("TIME_LIMIT (after 0.05 s per method;");
    }

    @Test
    void theSweepHonoursTheTimeLimitAndDoesNotCountUnconvergedRuns() {
        Cli.Result r = Cli.run("compare", "--sweep", "--sweep-max-d", "30", "--time-limit", "1e-6");
        assertThat(r.code()).as(r.err()).isZero();
        // a microsecond is over before the first iteration: every run stops at 0 iterations, marked *
        assertThat(r.out()).containsPattern("\\n\\s+30\\s+60\\s.*\\s0\\*\\s.*\\s0\\*\\s+\\S+\\s+closed form\\n")
                .contains("* d = 30: gradient descent TIME_LIMIT after 0 iterations")
                .contains("* d = 30: LSQR TIME_LIMIT after 0 iterations")
                .contains("Gradient descent did not converge at d = 30")
                .contains("LSQR did not converge at d = 30");
    }

    @Test
    void aTimeLimitMustBePositive() throws IOException {
        Cli.Result r = Cli.run("compare", data().toString(), "--target", "y", "--time-limit", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--time-limit must be a positive number of seconds");
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
