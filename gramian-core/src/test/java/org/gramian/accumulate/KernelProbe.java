package org.gramian.accumulate;

import java.util.Random;

/** Run by {@link GramKernelsTest} in a fresh JVM: prints the kernel choice as a user would get it. */
public final class KernelProbe {
    private KernelProbe() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "";
        if (what.equals("update-vector")) {
            try {
                GramKernels.update(GramKernels.Kind.VECTOR, new double[][] {{1}}, 1, 1, new double[1][1]);
                System.out.println("no exception");
            } catch (IllegalStateException e) {
                System.out.println("IllegalStateException: " + e.getMessage());
            }
            return;
        }
        System.out.println(GramKernels.current().label() + " " + GramKernels.vectorAvailable() + " "
                + GramKernels.description());
        if (what.equals("accumulate")) {
            // A Gram accumulation of 6 tiles and a partial one, one row at a time (GramAccumulator.add),
            // and the same canonical tiles summed by the scalar kernel directly: the bits must agree
            // even when auto mode switches kernels after the first tile. Prints the kernel in use
            // when each full tile is summed.
            int p = 20;
            int m = p + 1;
            int tile = GramTile.rowsFor(m);
            int n = 6 * tile + 17;
            Random r = new Random(3);
            double[][] rows = new double[n][m];
            for (double[] row : rows) {
                for (int j = 0; j < m; j++) {
                    row[j] = 1e3 * (j % 5) + r.nextGaussian();
                }
            }
            GramAccumulator acc = new GramAccumulator(p, null);
            String kinds = "";
            for (int k = 0; k < n; k++) {
                if ((k + 1) % tile == 0) {
                    kinds += GramKernels.current().label().charAt(0);
                }
                acc.add(java.util.Arrays.copyOf(rows[k], p), rows[k][p]);
            }
            double[][] expected = new double[m][m];
            for (int t0 = 0; t0 < n; t0 += tile) {
                double[][] part = new double[m][m];
                double[][] slice = java.util.Arrays.copyOfRange(rows, t0, Math.min(n, t0 + tile));
                GramKernel.update(slice, slice.length, m, part);
                for (int i = 0; i < m; i++) {
                    for (int j = i; j < m; j++) {
                        expected[i][j] += part[i][j];
                    }
                }
            }
            double[][] g = acc.gram();
            boolean same = true;
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    same &= Double.doubleToRawLongBits(g[i][j]) == Double.doubleToRawLongBits(expected[i][j]);
                }
            }
            System.out.println("tiles " + kinds + (same ? " same bits" : " DIFFERENT bits"));
            System.out.println(GramKernels.current().label() + " " + GramKernels.description());
        }
    }
}
