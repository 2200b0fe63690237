package org.gramian.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Gram kernel against exact integer arithmetic, over every remainder of its row blocking. */
class GramKernelTest {

    @Test
    void integerTilesGiveTheExactUpperTriangleAndLeaveTheLowerAlone() {
        Random r = new Random(1);
        int[] counts = {0, 1, 2, 3, 4, 5, 7, 15, 16, 17, 19, 31, 32, 33, 100, GramTile.MIN_ROWS};
        for (int m = 1; m <= 13; m++) {
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
                GramKernel.update(rows, count, m, g);
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

    @Test
    void fusedMultiplyAddKeepsTheLowBitsOfEachProduct() {
        // (1+2^-30)^2 = 1 + 2^-29 + 2^-60: one row's product added to -(1+2^-29) leaves exactly 2^-60
        // with a fused multiply-add; an unfused product would round it away to 0.
        double x = 1 + Math.scalb(1.0, -30);
        double[][] g = {{-(1 + Math.scalb(1.0, -29))}};
        GramKernel.update(new double[][]{{x}}, 1, 1, g);
        assertThat(g[0][0]).isEqualTo(Math.scalb(1.0, -60));
    }
}
