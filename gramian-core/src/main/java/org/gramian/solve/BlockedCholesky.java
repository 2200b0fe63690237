package org.gramian.solve;

import org.gramian.accumulate.GramKernels;

/**
 * Cholesky G = RᵀR (R upper triangular) of a wide symmetric positive semi-definite matrix in double
 * precision, by blocks of {@value #BLOCK} rows (right-looking) and on several threads, about
 * m³/3 flops. The trailing update, most of them, runs on the Gram kernel's register blocks when
 * the vector kernel is in use ({@link GramKernels#blockUpdate}: a rank-64 update, 52–70 GFLOP/s
 * for the whole factorization at m = 5001 on two AVX-512 cores), otherwise on the vectorized FMA
 * loops ({@link Fma}); both give the same bits.
 *
 * <p><b>Arithmetic.</b> Every entry gets exactly the operations of the textbook row-oriented
 * algorithm with fused multiply-adds: Rᵢⱼ = (Gᵢⱼ − R₀ᵢR₀ⱼ − R₁ᵢR₁ⱼ − … − R₍ᵢ₋₁₎ᵢR₍ᵢ₋₁₎ⱼ)/Rᵢᵢ, each
 * subtraction one {@code fma} in increasing t, and Rᵢᵢ = √(Gᵢᵢ − Σₜ Rₜᵢ²) likewise. Blocking only
 * decides when an entry's chain is resumed, never its order, so the result is the same for every
 * block size and every thread count (tasks own disjoint entries: {@link Parallel}).
 *
 * <p>Rank deficiency is handled as in {@link Cholesky}: a column whose pivot shows it aliased
 * ({@link Aliasing}: Rⱼⱼ² ≤ τ²·Gⱼⱼ, or Gⱼⱼ = 0) gets a zero row and is flagged; the trailing
 * {@code exempt} columns are never aliased (their pivot is clamped at zero). The result differs from
 * {@link Cholesky#upper(double[][], double, boolean[], int)} only by rounding (that one subtracts
 * unfused products).
 */
public final class BlockedCholesky {
    /** Rows per block step. */
    static final int BLOCK = 64;
    /** Columns per task in the panel and trailing updates (2 KB of each row). */
    static final int STRIP = 256;
    /** Rows per task in the trailing update. */
    static final int ROWS = 32;

    private BlockedCholesky() {
    }

    /**
     * R of G, computed in place: {@code g} (m×m, symmetric, both triangles given) is overwritten by
     * R, zeros below the diagonal included.
     *
     * @param aliased receives, for each column, whether it was aliased (length m)
     * @param exempt  number of trailing columns exempt from the aliasing test
     * @param threads threads to use (the result does not depend on it)
     */
    public static double[][] upperInPlace(double[][] g, double tolerance, boolean[] aliased, int exempt,
                                          int threads) {
        return upperInPlace(g, tolerance, aliased, exempt, threads, true);
    }

    /**
     * As {@link #upperInPlace(double[][], double, boolean[], int, int)}; {@code kernel} false keeps
     * the trailing updates on the scalar loops even when the vector kernel is in use (tests compare
     * the two: the same bits).
     */
    static double[][] upperInPlace(double[][] g, double tolerance, boolean[] aliased, int exempt, int threads,
                                   boolean kernel) {
        int m = g.length;
        double tol2 = tolerance * tolerance;
        double[] diag = new double[m];
        for (int j = 0; j < m; j++) {
            diag[j] = g[j][j];
        }
        boolean[] zeroRow = new boolean[m];
        double[][] a = g;
        double[][] negated = new double[m][]; // row t: the block's row t negated, for the kernel's update
        double[][] buffers = new double[BLOCK][];  // their arrays, reused from block to block
        for (int k0 = 0; k0 < m; k0 += BLOCK) {
            final int b0 = k0;
            final int b1 = Math.min(m, k0 + BLOCK);
            // 1. The diagonal block, row by row (columns [i, b1)).
            for (int i = b0; i < b1; i++) {
                update(a, i, b0, i, i, b1);
                double d = a[i][i];
                boolean test = i < m - exempt;
                if (test && (diag[i] == 0 || d <= tol2 * diag[i])) {
                    aliased[i] = true;
                    zeroRow[i] = true;
                    java.util.Arrays.fill(a[i], i, m, 0.0);
                    continue;
                }
                double rii = Math.sqrt(Math.max(d, 0.0));
                if (rii == 0) {
                    zeroRow[i] = true;
                    java.util.Arrays.fill(a[i], i, m, 0.0);
                    continue;
                }
                a[i][i] = rii;
                double[] ai = a[i];
                for (int c = i + 1; c < b1; c++) {
                    ai[c] /= rii;
                }
            }
            if (b1 == m) {
                break;
            }
            // 2. The panel: rows of the block, columns [b1, m), strip by strip.
            int strips = (m - b1 + STRIP - 1) / STRIP;
            Parallel.forEach(strips, threads, s -> {
                int c0 = b1 + s * STRIP;
                int c1 = Math.min(m, c0 + STRIP);
                for (int i = b0; i < b1; i++) {
                    double[] ai = a[i];
                    if (zeroRow[i]) {
                        java.util.Arrays.fill(ai, c0, c1, 0.0);
                        continue;
                    }
                    update(a, i, b0, i, c0, c1);
                    double rii = ai[i];
                    for (int c = c0; c < c1; c++) {
                        ai[c] /= rii;
                    }
                }
            });
            // 3. The trailing matrix: rows [b1, m), columns ≥ row, minus the block's terms.
            int w = kernel ? GramKernels.blockColumns(m) : 0;
            if (w > 0 && m - b1 >= w) {
                trailingOnKernel(a, b0, b1, w, negated, buffers, threads);
                continue;
            }
            int rowTasks = (m - b1 + ROWS - 1) / ROWS;
            Parallel.forEach(rowTasks * strips, threads, task -> {
                int r0 = b1 + (task / strips) * ROWS;
                int r1 = Math.min(m, r0 + ROWS);
                int c0 = b1 + (task % strips) * STRIP;
                int c1 = Math.min(m, c0 + STRIP);
                if (c1 <= r0) {
                    return; // wholly below the diagonal
                }
                for (int i = r0; i < r1; i++) {
                    update(a, i, b0, b1, Math.max(c0, i), c1);
                }
            });
        }
        for (int i = 1; i < m; i++) {
            java.util.Arrays.fill(a[i], 0, i, 0.0);
        }
        return a;
    }

    /**
     * Step 3 on the Gram kernel's register blocks ({@link GramKernels#blockUpdate}): with
     * ri = the block's rows negated and rj = the rows themselves, every entry gets
     * {@code fma(−a[t][i], a[t][c], a[i][c])} for t = b0, …, b1−1: exactly the operations of
     * {@link #update}, hence the same bits (negation is exact). Column strips of whole register
     * blocks are the tasks; the last columns, fewer than a block, take the scalar loop. The
     * register blocks also write entries below the diagonal of the trailing matrix, which are
     * never read and are cleared at the end.
     */
    private static void trailingOnKernel(double[][] a, int b0, int b1, int w, double[][] negated,
                                         double[][] buffers, int threads) {
        int m = a.length;
        int j1 = b1 + (m - b1) / w * w;
        for (int t = b0; t < b1; t++) {
            double[] row = buffers[t - b0];
            if (row == null) {
                row = new double[m];
                buffers[t - b0] = row;
            }
            double[] at = a[t];
            for (int c = b1; c < j1; c++) {
                row[c] = -at[c];
            }
            negated[t] = row;
        }
        int stripWidth = Math.max(1, STRIP / w) * w;
        int strips = (j1 - b1 + stripWidth - 1) / stripWidth;
        Parallel.forEach(strips + 1, threads, s -> {
            if (s == strips) {
                for (int i = b1; i < m; i++) {
                    update(a, i, b0, b1, Math.max(j1, i), m);
                }
                return;
            }
            int c0 = b1 + s * stripWidth;
            int c1 = Math.min(j1, c0 + stripWidth);
            GramKernels.blockUpdate(negated, a, b0, b1, a, b1, Integer.MAX_VALUE, c0, c1);
        });
    }

    /** a[i][c] −= Σ_{t ∈ [t0, t1)} a[t][i]·a[t][c] for c ∈ [c0, c1), t increasing, one fma each. */
    private static void update(double[][] a, int i, int t0, int t1, int c0, int c1) {
        if (c0 >= c1) {
            return;
        }
        double[] ai = a[i];
        int t = t0;
        for (; t + 4 <= t1; t += 4) {
            Fma.axpy4(ai, -a[t][i], a[t], -a[t + 1][i], a[t + 1], -a[t + 2][i], a[t + 2], -a[t + 3][i], a[t + 3],
                    c0, c1);
        }
        for (; t < t1; t++) {
            Fma.axpy1(ai, -a[t][i], a[t], c0, c1);
        }
    }
}
