package org.gramian.bench;

import java.util.Arrays;
import java.util.Locale;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;
import org.gramian.data.Table;
import org.gramian.solve.SolverKind;
import org.gramian.model.FittedModel;

/**
 * Timing harness for bench/run.sh: {@code Gramian.fit(table, spec, solver)} on seeded random data
 * already in memory (n rows, d normal features, intercept) as a row-major
 * {@link org.gramian.data.RowMajorSource} (or a column-major {@link Table} with
 * {@code -Dbench.table=true}), median of {@code reps} runs after
 * {@code warmup} runs (several solvers: interleaved, in alternating order, after one
 * {@code System.gc()} that moves the data out of the young generation). Prints {@code fit n=<n> d=<d> solver=<s> median_s=<t> min_s=<t> method=<..>}.
 *
 * <p>Usage: {@code InMemoryFit n d warmup reps SOLVER...}
 */
public final class InMemoryFit {
    private InMemoryFit() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        boolean columnMajor = Boolean.getBoolean("bench.table");
        Table columns = SyntheticData.table(n, d, 12345L + d);
        RowSource table = columnMajor ? columns : SyntheticData.rowMajor(columns);
        ModelSpec spec = SyntheticData.spec(d);
        // Several solvers are measured interleaved, in alternating order (ABBA…), so that none of
        // them is favoured by running later in the JVM's life (more JIT, a settled heap).
        SolverKind[] solvers = new SolverKind[args.length - 4];
        for (int a = 4; a < args.length; a++) {
            solvers[a - 4] = SolverKind.valueOf(args[a]);
        }
        FittedModel[] models = new FittedModel[solvers.length];
        for (int w = 0; w < warmup; w++) {
            for (int s = 0; s < solvers.length; s++) {
                models[s] = Gramian.fit(table, spec, solvers[s]);
            }
        }
        // The data (up to 0.8 GB) are moved out of the young generation once, before timing, as a
        // long-running program's would be: otherwise the first timed fits pay for copying them.
        System.gc();
        double[][] times = new double[solvers.length][reps];
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < solvers.length; i++) {
                int s = r % 2 == 0 ? i : solvers.length - 1 - i;
                long start = System.nanoTime();
                models[s] = Gramian.fit(table, spec, solvers[s]);
                times[s][r] = (System.nanoTime() - start) / 1e9;
            }
        }
        for (int s = 0; s < solvers.length; s++) {
            Arrays.sort(times[s]);
            System.out.printf(Locale.ROOT, "fit n=%d d=%d solver=%s median_s=%.4f min_s=%.4f method=%s%n", n, d,
                    solvers[s], times[s][reps / 2], times[s][0], models[s].solver());
        }
    }
}
