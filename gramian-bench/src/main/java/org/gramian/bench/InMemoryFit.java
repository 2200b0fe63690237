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
 * {@code warmup} runs. Prints {@code fit n=<n> d=<d> solver=<s> median_s=<t> min_s=<t> method=<..>}.
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
        for (int a = 4; a < args.length; a++) {
            SolverKind solver = SolverKind.valueOf(args[a]);
            FittedModel model = null;
            for (int w = 0; w < warmup; w++) {
                model = Gramian.fit(table, spec, solver);
            }
            double[] times = new double[reps];
            for (int r = 0; r < reps; r++) {
                long start = System.nanoTime();
                model = Gramian.fit(table, spec, solver);
                times[r] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "fit n=%d d=%d solver=%s median_s=%.4f min_s=%.4f method=%s%n", n, d,
                    solver, times[reps / 2], times[0], model.solver());
        }
    }
}
