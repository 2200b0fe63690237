package org.gramian.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gramian.Gramian;
import org.gramian.data.RowMajorSource;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.solve.SolverKind;

/**
 * Run in a forked JVM by {@link WideFitMemoryTest}: fits n rows of d normal features plus an
 * intercept (p = d + 1) held in memory as one row-major array, and prints {@code ok <solver> <w₁>}
 * or, when the heap runs out, {@code oom}. Usage: {@code WideFitProbe n d SOLVER}.
 */
public final class WideFitProbe {
    private WideFitProbe() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = Integer.parseInt(args[1]);
        SolverKind solver = SolverKind.valueOf(args[2]);
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            names.add("x" + j);
        }
        names.add("y");
        double[] v = new double[n * (d + 1)];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            double y = 1.0;
            for (int j = 0; j < d; j++) {
                double x = r.nextDouble() - 0.5;
                v[i * (d + 1) + j] = x;
                y += (j % 3) * x;
            }
            v[i * (d + 1) + d] = y + 0.01 * (r.nextDouble() - 0.5);
        }
        RowMajorSource data = new RowMajorSource(names, v);
        try {
            FittedModel m = Gramian.fit(data, ModelSpec.linear("y", names.subList(0, d)), solver);
            System.out.println("ok " + m.solver() + " " + m.coefficients().get(2).estimate());
        } catch (OutOfMemoryError e) {
            System.out.println("oom");
        }
    }
}
