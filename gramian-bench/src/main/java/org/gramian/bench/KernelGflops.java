package org.gramian.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gramian.accumulate.GramKernels;
import org.gramian.accumulate.GramTile;

/**
 * Timing harness for bench/run.sh: Gram kernel GFLOP/s (n·m(m+1) flops per n rows of width m) on
 * 1 thread and on all threads (each thread summing its own tiles, as the worker pool does), best
 * of several repetitions after warm-up. Prints one line per case:
 * {@code kernel m=<m> threads=<t> gflops=<g> kernel=<vector|scalar>}.
 *
 * <p>The kernel is the one {@link GramKernels} chose for this JVM: run with
 * {@code --add-modules jdk.incubator.vector} for the vector kernel, add
 * {@code -Dgramian.kernel=scalar} for the fallback.
 *
 * <p>Usage: {@code KernelGflops rows m...}
 */
public final class KernelGflops {
    private KernelGflops() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int threads = Runtime.getRuntime().availableProcessors();
        for (int a = 1; a < args.length; a++) {
            int m = Integer.parseInt(args[a]);
            for (int t : threads == 1 ? new int[]{1} : new int[]{1, threads}) {
                System.out.printf(Locale.ROOT, "kernel m=%d threads=%d gflops=%.2f kernel=%s%n", m, t, run(n, m, t),
                        GramKernels.current().label());
            }
        }
    }

    private static double run(int n, int m, int threads) throws Exception {
        List<GramTile[]> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(SyntheticData.tiles(n / threads, m, 100 + t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            for (int rep = 0; rep < 8; rep++) {
                long start = System.nanoTime();
                List<Future<?>> fs = new ArrayList<>();
                for (GramTile[] tiles : work) {
                    fs.add(pool.submit(() -> GramKernelBenchmark.accumulate(tiles)));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                double s = (System.nanoTime() - start) / 1e9;
                if (rep >= 2) { // the first repetitions warm up the JIT
                    best = Math.max(best, SyntheticData.flops((long) (n / threads) * threads, m) / s / 1e9);
                }
            }
            return best;
        } finally {
            pool.shutdown();
        }
    }
}
