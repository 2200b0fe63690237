package org.gramian.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Throughput measurement (not a test; run by hand, see docs/io.md):
 * <pre>
 * java -cp ... org.gramian.io.CsvThroughput generate FILE ROWS COLS
 * java -cp ... org.gramian.io.CsvThroughput read FILE THREADS CHUNK EXTENDED REPEATS
 * </pre>
 * {@code generate} writes ROWS rows of COLS columns of random values printed with 17 significant
 * digits ({@code %.16e}). {@code read} makes REPEATS full passes and prints each one's MB/s of
 * file read (the consumer only sums the values, so the number is the reader's).
 */
public final class CsvThroughput {
    private CsvThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        if (args[0].equals("generate")) {
            generate(file, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int threads = Integer.parseInt(args[2]);
        int chunk = Integer.parseInt(args[3]);
        boolean extended = Boolean.parseBoolean(args[4]);
        int repeats = Integer.parseInt(args[5]);
        CsvSource src = CsvSource.open(file).withThreads(threads).withChunkSize(chunk);
        double mb = Files.size(file) / 1e6;
        for (int r = 0; r < repeats; r++) {
            double[] sum = {0};
            long[] rows = {0};
            long t0 = System.nanoTime();
            src.forEachBlock(extended, block -> {
                double s = 0;
                int n = block.rows() * block.width();
                for (int k = 0; k < n; k++) {
                    s += block.values()[k];
                }
                sum[0] += s;
                rows[0] += block.rows();
            });
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "threads %d chunk %d extended %b: %d rows, %.1f MB in %.2f s = %.0f MB/s"
                    + " (checksum %s)%n", threads, chunk, extended, rows[0], mb, sec, mb / sec, sum[0]);
        }
    }

    private static void generate(Path file, int rows, int cols) throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.US_ASCII), 1 << 16)) {
            for (int j = 0; j < cols; j++) {
                w.write(j == 0 ? "y" : ",x" + j);
            }
            w.write('\n');
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(7) - 3);
                    sb.append(String.format(Locale.ROOT, "%.16e", v));
                }
                w.append(sb).append('\n');
            }
        }
    }
}
