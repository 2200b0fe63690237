package org.gramian.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gramian.io.CsvSource;

/**
 * The CSV reader alone (issue #15 item 4: the parser's digit loop, measured before and after):
 * full passes over a file on ONE thread (reading, cutting and parsing all on the calling thread),
 * the consumer only summing the values, so the time is the reader's. Prints, for each pass, MB of
 * file per second of this thread's CPU time (insensitive to other processes on a shared machine)
 * and of wall time, and a checksum of the values (and tails) so that two builds can be compared.
 *
 * <p>Usage: {@code java -cp gramian-bench/target/benchmarks.jar org.gramian.bench.CsvParseSpeed FILE
 * [TAILS=false] [REPEATS=5]}. TAILS=true is the double-double QR pass's reading (every value with
 * its exact decimal residual); false the Gram pass's. The first pass includes the JIT's warm-up;
 * the last line is the median of the others.
 */
public final class CsvParseSpeed {
    private CsvParseSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean tails = args.length > 1 && Boolean.parseBoolean(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        CsvSource src = CsvSource.open(file).withThreads(1);
        double mb = Files.size(file) / 1e6;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpuRates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            double[] sum = {0, 0};
            long[] rows = {0};
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            src.forEachBlock(tails, block -> {
                double s = 0;
                double t = 0;
                int n = block.rows() * block.width();
                double[] v = block.values();
                double[] tl = block.tails();
                for (int k = 0; k < n; k++) {
                    s += v[k];
                    if (tl != null) {
                        t += tl[k];
                    }
                }
                sum[0] += s;
                sum[1] += t;
                rows[0] += block.rows();
            });
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            cpuRates[r] = mb / cpu;
            System.out.printf(Locale.ROOT, "pass %d tails %b: %d rows, %.1f MB, cpu %.3f s = %.0f MB/s, wall %.3f s"
                    + " = %.0f MB/s (checksum %s %s)%n", r + 1, tails, rows[0], mb, cpu, mb / cpu, wall, mb / wall,
                    Double.toHexString(sum[0]), Double.toHexString(sum[1]));
        }
        if (repeats > 1) {
            double[] rest = java.util.Arrays.copyOfRange(cpuRates, 1, repeats);
            java.util.Arrays.sort(rest);
            System.out.printf(Locale.ROOT, "median of passes 2..%d: %.0f MB/s of CPU time (tails %b)%n", repeats,
                    rest[rest.length / 2], tails);
        }
    }
}
