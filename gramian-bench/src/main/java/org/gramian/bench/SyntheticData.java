package org.gramian.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.accumulate.GramTile;

/** Seeded well-conditioned regression data: normal features, y = Σ b_j x_j + 1 + noise. */
final class SyntheticData {
    private SyntheticData() {
    }

    static List<String> featureNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    static ModelSpec spec(int d) {
        return ModelSpec.linear("y", featureNames(d));
    }

    static Table table(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, double[]> cols = new LinkedHashMap<>();
        double[] y = new double[n];
        java.util.Arrays.fill(y, 1.0);
        for (int j = 1; j <= d; j++) {
            double[] x = new double[n];
            double b = j % 2 == 0 ? 0.5 * j : -1.0 / j;
            for (int i = 0; i < n; i++) {
                x[i] = gaussian(r);
                y[i] += b * x[i];
            }
            cols.put("x" + j, x);
        }
        for (int i = 0; i < n; i++) {
            y[i] += 0.1 * gaussian(r);
        }
        cols.put("y", y);
        return Table.of(cols);
    }

    /** The same data as {@link #table}, row-major (x1..xd, y per row). */
    static org.gramian.data.RowMajorSource rowMajor(Table t) {
        List<String> names = t.columns();
        int w = names.size();
        int n = t.rowCount();
        double[] v = new double[n * w];
        for (int j = 0; j < w; j++) {
            double[] c = t.column(names.get(j));
            for (int i = 0; i < n; i++) {
                v[i * w + j] = c[i];
            }
        }
        return new org.gramian.data.RowMajorSource(names, v);
    }

    /** Canonical tiles of random rows of width m, covering n rows (the last tile partial). */
    static GramTile[] tiles(int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int per = GramTile.rowsFor(m);
        int count = (n + per - 1) / per;
        GramTile[] tiles = new GramTile[count];
        for (int t = 0; t < count; t++) {
            tiles[t] = new GramTile(m);
            int rows = Math.min(per, n - t * per);
            for (int k = 0; k < rows; k++) {
                double[] row = tiles[t].row(tiles[t].next());
                for (int j = 0; j < m; j++) {
                    row[j] = gaussian(r);
                }
            }
        }
        return tiles;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Flops of a Gram accumulation of n rows of width m: a multiply and an add per upper-triangle entry. */
    static double flops(long n, int m) {
        return (double) n * m * (m + 1);
    }
}
