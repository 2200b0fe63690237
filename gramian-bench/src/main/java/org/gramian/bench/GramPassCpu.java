package org.gramian.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.gramian.Gramian;
import org.gramian.accumulate.Accumulation;
import org.gramian.accumulate.GramTile;
import org.gramian.data.RowMajorSource;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.solve.SolverKind;

/**
 * Where the in-memory fit spends its CPU, measured in CPU time so that other jobs on a loaded
 * machine do not count: on one thread (the calling thread's CPU time, {@link ThreadMXBean}) the
 * Gram pass over a row-major source ({@code Accumulation.gram(source, design, 1)}), the kernel
 * alone on the same number of prebuilt tiles, and the whole {@code Gramian.fit} (process CPU time:
 * all threads, JIT and GC included, in steps of the OS clock tick). Median (and minimum) of
 * {@code reps} after {@code warmup}. Prints
 * {@code cpu n=.. d=.. pass1_ms=.. kernel1_ms=.. fit_cpu_ms=.. fit_wall_ms=.. kernel1_gflops=..}.
 *
 * <p>Usage: {@code GramPassCpu n d warmup reps} (run with {@code --add-modules jdk.incubator.vector
 * -Dgramian.kernel=vector}).
 */
public final class GramPassCpu {
    private GramPassCpu() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RowMajorSource source = SyntheticData.rowMajor(SyntheticData.table(n, d, 12345L + d));
        ModelSpec spec = SyntheticData.spec(d);
        Design design = Design.bind(spec, source);
        int m = design.width() + 1;
        GramTile[] tiles = SyntheticData.tiles(n, m, 7);
        double[] pass = new double[reps];
        double[] kernel = new double[reps];
        double[] fitCpu = new double[reps];
        double[] fitWall = new double[reps];
        for (int r = -warmup; r < reps; r++) {
            long t0 = tb.getCurrentThreadCpuTime();
            Accumulation.gram(source, design, 1);
            long t1 = tb.getCurrentThreadCpuTime();
            GramKernelBenchmark.accumulate(tiles);
            long t2 = tb.getCurrentThreadCpuTime();
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            Gramian.fit(source, spec, SolverKind.CHOLESKY);
            long w1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            if (r >= 0) {
                pass[r] = (t1 - t0) / 1e6;
                kernel[r] = (t2 - t1) / 1e6;
                fitCpu[r] = (c1 - c0) / 1e6;
                fitWall[r] = (w1 - w0) / 1e6;
            }
        }
        double k = median(kernel);
        System.out.printf(Locale.ROOT,
                "cpu n=%d d=%d m=%d pass1_ms=%.1f (min %.1f) kernel1_ms=%.1f (min %.1f) fit_cpu_ms=%.1f"
                        + " fit_wall_ms=%.1f (min %.1f) kernel1_gflops=%.1f pass1_gflops=%.1f%n",
                n, d, m, median(pass), min(pass), k, min(kernel), median(fitCpu), median(fitWall), min(fitWall),
                SyntheticData.flops(n, m) / k / 1e6, SyntheticData.flops(n, m) / median(pass) / 1e6);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
