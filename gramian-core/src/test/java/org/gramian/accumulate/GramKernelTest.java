package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.gramian.accumulate.GramKernels.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both Gram kernels (scalar and Vector API) against exact integer arithmetic, over every remainder
 * of their row blocking (the scalar kernel's groups of 4 and 16 rows; the vector kernel's register
 * blocks of 4 and 8 rows of G, 1 and 2 vectors of columns, and panels of {@code panelRows(m)} rows).
 */
class GramKernelTest {

    /** The kernel under test; the vector one is skipped where the JVM lacks the module (GramKernelsTest fails then). */
    private static GramKernels.Impl kernel(Kind kind) {
        assumeTrue(kind == Kind.SCALAR || GramKernels.vectorAvailable(), "vector kernel unavailable");
        return GramKernels.impl(kind);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void integerTilesGiveTheExactUpperTriangleAndLeaveTheLowerAlone(Kind kind) {
        GramKernels.Impl kernel = kernel(kind);
        Random r = new Random(1);
        int[] counts = {0, 1, 2, 3, 4, 5, 7, 15, 16, 17, 19, 31, 32, 33, 100, GramTile.MIN_ROWS, 257, 700};
        for (int m = 1; m <= 40; m += m < 18 ? 1 : 11) {
            for (int count : counts) {
                long[][] a = new long[count][m];
                double[][] rows = new double[Math.max(count, 1)][m];
                for (int k = 0; k < count; k++) {
                    for (int j = 0; j < m; j++) {
                        a[k][j] = r.nextInt(2001) - 1000;
                        rows[k][j] = a[k][j];
                    }
                }
                double[][] g = new double[m][m];
                long[][] start = new long[m][m];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        start[i][j] = r.nextInt(100);
                        g[i][j] = j >= i ? start[i][j] : Double.NaN;
                    }
                }
                kernel.update(rows, count, m, g);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        if (j < i) {
                            assertThat(g[i][j]).as("lower (%d,%d) untouched", i, j).isNaN();
                            continue;
                        }
                        long exact = start[i][j];
                        for (int k = 0; k < count; k++) {
                            exact += a[k][i] * a[k][j];
                        }
                        // |sums| < 2^53: every partial sum is an integer the double holds exactly.
                        assertThat(g[i][j]).as("m %d, count %d, G[%d][%d]", m, count, i, j).isEqualTo(exact);
                    }
                }
            }
        }
    }

    @Test
    void tilesHoldAFewMillionFlopsWithinTheBounds() {
        assertThat(GramTile.rowsFor(201)).isEqualTo(256);   // 2^21/201^2 = 51.9, raised to the minimum
        assertThat(GramTile.rowsFor(51)).isEqualTo(1024);   // 2^21/51^2 = 806.3
        assertThat(GramTile.rowsFor(21)).isEqualTo(8192);   // 2^21/21^2 = 4755.4
        assertThat(GramTile.rowsFor(11)).isEqualTo(16384);  // 2^21/11^2 = 17331.9, capped
        assertThat(new GramTile(51).capacity()).isEqualTo(1024);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void integerTilesThroughGramTileGiveTheExactSums(Kind kind) {
        // The path the pipeline takes: rows and partial in the kernel's own (padded) layout, summed
        // from zero, including panels of the vector kernel that end inside a tile.
        GramKernels.Impl kernel = kernel(kind);
        Random r = new Random(2);
        for (int m : new int[] {1, 2, 5, 8, 9, 11, 16, 17, 24, 33, 51, 64, 71}) {
            GramTile tile = new GramTile(m, kernel);
            int count = tile.capacity() - 3;
            long[][] a = new long[count][m];
            for (int k = 0; k < count; k++) {
                double[] row = tile.row(tile.next());
                assertThat(row.length).isEqualTo(kernel.rowWidth(m)).isGreaterThanOrEqualTo(m);
                for (int j = 0; j < m; j++) {
                    a[k][j] = r.nextInt(2001) - 1000;
                    row[j] = a[k][j];
                }
            }
            tile.compute();
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    long exact = 0;
                    for (int k = 0; k < count; k++) {
                        exact += a[k][i] * a[k][j];
                    }
                    assertThat(tile.partial()[i][j]).as("m %d, G[%d][%d]", m, i, j).isEqualTo(exact);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTileSummedInRangesWhileFillingHasTheBitsOfOneCompute(Kind kind) {
        // The pipeline sums a tile every FILL_ROWS rows as it fills it (GramTile.sumPending); ranges of
        // any length, ending inside the kernel's panels and register blocks, must give the bits of
        // one compute() of the whole tile. Non-integer data with large offsets, so that any change of
        // order or a missing/doubled row changes the bits.
        GramKernels.Impl kernel = kernel(kind);
        Random r = new Random(5);
        int[] steps = {1, 3, 64, 65, 17, 128, 7, 200};
        for (int m : new int[] {1, 4, 9, 12, 17, 25, 52, 71, 202}) {
            GramTile ranged = new GramTile(m, kernel);
            GramTile whole = new GramTile(m, kernel);
            int count = ranged.capacity() - 5;
            int s = 0;
            int next = steps[0];
            for (int k = 0; k < count; k++) {
                double[] a = ranged.row(ranged.next());
                double[] b = whole.row(whole.next());
                for (int j = 0; j < m; j++) {
                    a[j] = 1000.0 * (j % 7) + r.nextGaussian();
                    b[j] = a[j];
                }
                if (ranged.pending() == next) {
                    ranged.sumPending();
                    next = steps[++s % steps.length];
                }
            }
            ranged.sumPending();
            whole.compute();
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    assertThat(Double.doubleToRawLongBits(ranged.partial()[i][j])).as("m %d, G[%d][%d]", m, i, j)
                            .isEqualTo(Double.doubleToRawLongBits(whole.partial()[i][j]));
                }
            }
            // reused after clear(): the partial starts from zero again
            ranged.clear();
            double[] one = ranged.row(ranged.next());
            java.util.Arrays.fill(one, 0, m, 3.0);
            ranged.sumPending();
            assertThat(ranged.partial()[0][m - 1]).isEqualTo(9.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fusedMultiplyAddKeepsTheLowBitsOfEachProduct(Kind kind) {
        // (1+2^-30)^2 = 1 + 2^-29 + 2^-60: one row's product added to -(1+2^-29) leaves exactly 2^-60
        // with a fused multiply-add; an unfused product would round it away to 0. Every lane of a
        // vector register block is checked: G[i][j] for all i ≤ j < 19.
        GramKernels.Impl kernel = kernel(kind);
        int m = 19;
        double x = 1 + Math.scalb(1.0, -30);
        double[] row = new double[m];
        java.util.Arrays.fill(row, x);
        double[][] g = new double[m][m];
        for (double[] gi : g) {
            java.util.Arrays.fill(gi, -(1 + Math.scalb(1.0, -29)));
        }
        kernel.update(new double[][] {row}, 1, m, g);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                assertThat(g[i][j]).as("G[%d][%d]", i, j).isEqualTo(Math.scalb(1.0, -60));
            }
        }
    }
}
