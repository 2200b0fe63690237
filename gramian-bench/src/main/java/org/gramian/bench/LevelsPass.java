package org.gramian.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gramian.io.CsvSource;

/**
 * The streaming pass that finds the levels of a CSV file's factor columns (issue #13, item 5),
 * timed alone: wall and process CPU seconds of {@link CsvSource#levels(String)} on a fresh view of
 * the file, every column selected (so rows with a missing value anywhere are left out, as a
 * {@code y ~ .} model does), {@code reps} times. Prints one line a run and the levels found.
 *
 * <p>Usage: {@code LevelsPass FILE REPS FACTOR_COLUMN...}
 */
public final class LevelsPass {
    private LevelsPass() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int reps = Integer.parseInt(args[1]);
        List<String> factors = List.of(args).subList(2, args.length);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < reps; r++) {
            CsvSource csv = CsvSource.open(file).withCategorical(Set.copyOf(factors));
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            StringBuilder found = new StringBuilder();
            for (String f : factors) {
                found.append(' ').append(f).append('=').append(csv.levels(f));
            }
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            System.out.printf("levels run=%d wall_s=%.3f cpu_s=%.3f dropped=%d%s%n", r + 1, (t1 - t0) / 1e9,
                    (c1 - c0) / 1e9, csv.droppedRows(), found);
        }
    }
}
