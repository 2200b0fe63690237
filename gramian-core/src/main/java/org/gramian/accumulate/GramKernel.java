package org.gramian.accumulate;

/**
 * The hot loop of the normal equation, scalar version: adds the upper triangle of AᵀA to G for a
 * tile A of {@code count} rows of width m, i.e. {@code G[i][j] += Σ_k A[k][i]·A[k][j]} for
 * 0 ≤ i ≤ j < m: count·m(m+1)/2 multiply-adds. This is the fallback; when the JVM has
 * {@code jdk.incubator.vector}, tiles are summed by {@code VectorGramKernel} instead, which
 * follows the same order and gives the same bits ({@link GramKernels} chooses).
 *
 * <p><b>Order of the sums.</b> Every entry G[i][j] receives the rows in increasing k, four at a
 * time as one fused chain {@code fma(a3,x3, fma(a2,x2, fma(a1,x1, fma(a0,x0, G))))}, and the
 * remainder rows of each group of {@value #ROW_BLOCK} one at a time. This order depends only on
 * the tile's contents and row count, never on timing or threads, so the same tile always gives the
 * same bits. The fused chain of four is exactly four single fused multiply-adds in row order, so
 * each entry's value is {@code G ← fma(A[k][i], A[k][j], G)} for k = 0, 1, …, count−1: the
 * contract the vector kernel shares. Loop nesting (row blocks outside, G rows inside) only decides what stays in cache: it
 * does not change the order in which any single entry receives its terms.
 *
 * <p><b>Why this shape.</b> HotSpot 17's C2 vectorizes the inner j-loop (loads, FMA, store on
 * {@code double[]} indexed by the loop variable) but not loops whose loads use an array plus a
 * loop-invariant offset, nor loops touching more than a handful of arrays; hence rows are separate
 * {@code double[]} arrays, the inner loop sits in its own small method and reads four rows per
 * pass over a row of G (four FMAs per load/store of G). A block of {@value #ROW_BLOCK} rows
 * (≤ 26 KB at m = 201) stays in L1 while it is swept over all m rows of G.
 */
public final class GramKernel {
    /** Rows swept over all of G before moving on: sized for L1. */
    static final int ROW_BLOCK = BlockSizes.KERNEL_ROWS;

    private GramKernel() {
    }

    /**
     * {@code G[i][j] += Σ_{k<count} rows[k][i]·rows[k][j]} for i ≤ j < m; entries below the diagonal
     * are not touched.
     *
     * @param rows  tile rows, each at least m long
     * @param count number of rows used
     * @param m     width
     * @param g     m×m accumulator, rows as arrays
     */
    public static void update(double[][] rows, int count, int m, double[][] g) {
        update(rows, 0, count, m, g);
    }

    /**
     * As {@link #update(double[][], int, int, double[][])} for rows [from, to) of the tile: a tile
     * summed in consecutive ranges gets exactly the bits of one call (each entry still receives
     * its rows in increasing k, one fused multiply-add each).
     */
    public static void update(double[][] rows, int from, int to, int m, double[][] g) {
        for (int kb = from; kb < to; kb += ROW_BLOCK) {
            int ke = Math.min(to, kb + ROW_BLOCK);
            for (int i = 0; i < m; i++) {
                double[] gi = g[i];
                int k = kb;
                for (; k + 3 < ke; k += 4) {
                    four(gi, rows[k], rows[k + 1], rows[k + 2], rows[k + 3], i, m);
                }
                for (; k < ke; k++) {
                    one(gi, rows[k], i, m);
                }
            }
        }
    }

    private static void four(double[] g, double[] r0, double[] r1, double[] r2, double[] r3, int i, int m) {
        final double a0 = r0[i];
        final double a1 = r1[i];
        final double a2 = r2[i];
        final double a3 = r3[i];
        for (int j = i; j < m; j++) {
            g[j] = Math.fma(a3, r3[j], Math.fma(a2, r2[j], Math.fma(a1, r1[j], Math.fma(a0, r0[j], g[j]))));
        }
    }

    private static void one(double[] g, double[] r, int i, int m) {
        final double a = r[i];
        for (int j = i; j < m; j++) {
            g[j] = Math.fma(a, r[j], g[j]);
        }
    }
}
