package org.gramian.solve;

import org.gramian.accumulate.GramKernels;

/**
 * The O(q³) products of a wide double-precision triangular factor, by blocks and on several threads:
 * the inverse T = R⁻¹ of an upper-triangular R (q³/3 flops) and T·Tᵀ = (RᵀR)⁻¹ (q³/3 flops), with
 * the fused multiply-add loop of {@link Fma}.
 *
 * <p>Each output entry gets a fixed sequence of operations, set by the constant block size and
 * independent of the thread count (tasks own disjoint entries, {@link Parallel}): the results are
 * the same bits for any number of threads.
 */
public final class BlockedTriangular {
    /** Rows per block. */
    static final int BLOCK = 64;
    /** Columns per task. */
    static final int STRIP = 256;
    /** Rows of T per call of the kernel in the inverse's products (a column block's part: 24 KB). */
    static final int K_CHUNK = 128;

    private BlockedTriangular() {
    }

    /**
     * T = R⁻¹ for the leading q×q block of the upper-triangular {@code r} (nonzero diagonal), as a
     * new q×q array (zeros below the diagonal). Row i: Tᵢᵢ = 1/Rᵢᵢ and, for c &gt; i,
     * Tᵢ꜀ = −(Σ_{t=i+1..c} Rᵢₜ·Tₜ꜀)/Rᵢᵢ, the sum accumulated by fma in a fixed order: the terms
     * of rows t beyond i's block in increasing t, then those within the block in increasing t.
     * Blocks of rows are done from the bottom up; within a block, strips of columns are
     * independent tasks.
     */
    public static double[][] inverse(double[][] r, int q, int threads) {
        return inverse(r, q, threads, true);
    }

    /**
     * As {@link #inverse(double[][], int, int)}; {@code kernel} false keeps the scalar loops even
     * when the vector kernel is in use (tests compare the two: the same bits).
     *
     * <p>On the kernel ({@link GramKernels#blockUpdate}), the terms of the rows below a block are a
     * product of the block's part of R, transposed (row k: Rᵢₖ for the block's rows i), with the
     * rows Tₖ: for each entry the terms k = b1, b1+1, … in increasing order, one fma each, as the
     * scalar loop adds them; the terms with k &gt; c multiply the zeros below T's diagonal and
     * leave the sum unchanged (it starts at +0 and is never −0). The ragged last columns (fewer
     * than a register block) and the terms within the block stay on the scalar loops.
     */
    static double[][] inverse(double[][] r, int q, int threads, boolean kernel) {
        double[][] t = new double[q][q];
        int w = kernel ? GramKernels.blockColumns(q) : 0;
        double[][] rt = w > 0 ? new double[q][] : null;   // row k: Rᵢₖ for the block's rows i
        int top = ((q - 1) / BLOCK) * BLOCK;
        for (int i0 = top; i0 >= 0; i0 -= BLOCK) {
            final int b0 = i0;
            final int b1 = Math.min(q, i0 + BLOCK);
            if (w > 0 && q - b1 >= w) {
                inverseStepOnKernel(r, t, q, b0, b1, w, rt, threads);
                continue;
            }
            int strips = (q - b0 + STRIP - 1) / STRIP;
            Parallel.forEach(strips, threads, s -> {
                int c0 = b0 + s * STRIP;
                int c1 = Math.min(q, c0 + STRIP);
                belowBlock(r, t, q, b0, b1, c0, c1);
                withinBlock(r, t, b0, b1, c0, c1);
            });
        }
        return t;
    }

    /** One block of rows [b0, b1) (a full block) of {@link #inverse} with the terms below it on the kernel. */
    private static void inverseStepOnKernel(double[][] r, double[][] t, int q, int b0, int b1, int w,
                                            double[][] rt, int threads) {
        for (int k = b1; k < q; k++) {
            if (rt[k] == null) {
                rt[k] = new double[BLOCK];
            }
            double[] row = rt[k];
            for (int i = b0; i < b1; i++) {
                row[i - b0] = r[i][k];
            }
        }
        double[][] rows = java.util.Arrays.copyOfRange(t, b0, b1);   // the block's rows of T, from 0
        int full = b1 + (q - b1) / w * w;
        int stripWidth = Math.max(1, STRIP / w) * w;
        int strips = (q - b1 + stripWidth - 1) / stripWidth;
        Parallel.forEach(strips + 1, threads, s -> {
            if (s == 0) {
                withinBlock(r, t, b0, b1, b0, b1);   // the block's own columns: no terms below it
                return;
            }
            int c0 = b1 + (s - 1) * stripWidth;
            int c1 = Math.min(q, c0 + stripWidth);
            int k1 = Math.min(full, c1);
            // k in chunks, so that a column block's part of T's rows (chunk × 24 columns) is read
            // from L1 by all eight row blocks; each entry still takes its terms in increasing k
            if (c0 < k1) {
                for (int kb = b1; kb < k1; kb += K_CHUNK) {
                    GramKernels.blockUpdate(rt, t, kb, Math.min(k1, kb + K_CHUNK), rows, 0, b1 - b0, c0, k1);
                }
            }
            if (k1 < c1) {
                belowBlock(r, t, q, b0, b1, k1, c1);
            }
            withinBlock(r, t, b0, b1, c0, c1);
        });
    }

    /** The terms of {@link #inverse} from the rows below the block, for columns [c0, c1). */
    private static void belowBlock(double[][] r, double[][] t, int q, int b0, int b1, int c0, int c1) {
        // rows below the block (final): every row of the block at once, four t at a time
        int k = b1;
        for (; k + 4 <= Math.min(q, c1); k += 4) {
            int from = Math.max(c0, k);
            for (int i = b0; i < b1; i++) {
                double[] ri = r[i];
                Fma.axpy4(t[i], ri[k], t[k], ri[k + 1], t[k + 1], ri[k + 2], t[k + 2], ri[k + 3], t[k + 3],
                        from, c1);
            }
        }
        for (; k < Math.min(q, c1); k++) {
            int from = Math.max(c0, k);
            for (int i = b0; i < b1; i++) {
                Fma.axpy1(t[i], r[i][k], t[k], from, c1);
            }
        }
    }

    /** The terms of {@link #inverse} from the rows within the block, bottom up, and the division, for columns [c0, c1). */
    private static void withinBlock(double[][] r, double[][] t, int b0, int b1, int c0, int c1) {
        for (int i = b1 - 1; i >= b0; i--) {
            double[] ti = t[i];
            double[] ri = r[i];
            for (int u = i + 1; u < b1; u++) {
                int from = Math.max(c0, u);
                if (from < c1) {
                    Fma.axpy1(ti, ri[u], t[u], from, c1);
                }
            }
            double rii = ri[i];
            for (int c = Math.max(c0, i + 1); c < c1; c++) {
                ti[c] = -ti[c] / rii;
            }
            if (i >= c0 && i < c1) {
                ti[i] = 1.0 / rii;
            }
        }
    }

    /**
     * {@code GramOfRowsOracle.gramOfRows} (the tests' reference) for T kept with its transpose in one array ({@link MirroredTriangle}:
     * Tₐₖ in {@code t[a][k]}, a ≤ k, and again in {@code t[k][a]}), so that no transposed copy is
     * made. The same operations in the same order as {@code GramOfRowsOracle.gramOfRows} (the tests' reference), less the fused
     * multiply-adds of the zeros below U's diagonal there (a product 0·x added to a sum that is
     * not −0 leaves it unchanged, and these sums start at +0 and are never −0): the same bits.
     */
    public static double[][] gramOfRowsMirrored(double[][] t, int q, int threads) {
        return gramOfRowsMirrored(t, q, threads, true);
    }

    /**
     * As {@link #gramOfRowsMirrored(double[][], int, int)}; {@code kernel} false keeps the scalar
     * loops even when the vector kernel is in use (tests compare the two: the same bits).
     */
    static double[][] gramOfRowsMirrored(double[][] t, int q, int threads, boolean kernel) {
        int w = kernel ? GramKernels.blockColumns(q) : 0;
        if (w > 0 && q >= w) {
            return gramOfRowsOnKernel(t, q, threads, w);
        }
        double[][] c = new double[q][q];
        int rowBlocks = (q + BLOCK - 1) / BLOCK;
        int strips = (q + STRIP - 1) / STRIP;
        Parallel.forEach(rowBlocks * strips, threads, task -> {
            int a0 = (task / strips) * BLOCK;
            int a1 = Math.min(q, a0 + BLOCK);
            int c0 = (task % strips) * STRIP;
            int c1 = Math.min(q, c0 + STRIP);
            if (c1 <= a0) {
                return; // below the diagonal
            }
            int kStart = Math.max(a0, c0);
            int k = kStart;
            for (; k + 4 <= q; k += 4) {
                int hi = Math.min(c1, k + 4);
                for (int a = a0; a < a1; a++) {
                    int from = Math.max(a, c0);
                    if (from >= hi) {
                        continue;
                    }
                    double[] ta = t[a];
                    double[] ca = c[a];
                    int full = Math.min(hi, k + 1);   // entries b ≤ k take all four terms
                    if (from < full) {
                        Fma.axpy4(ca, ta[k], t[k], ta[k + 1], t[k + 1], ta[k + 2], t[k + 2], ta[k + 3], t[k + 3],
                                from, full);
                    }
                    for (int b = Math.max(from, k + 1); b < hi; b++) {
                        double acc = ca[b];
                        for (int kk = b; kk < k + 4; kk++) {
                            acc = Math.fma(ta[kk], t[kk][b], acc);
                        }
                        ca[b] = acc;
                    }
                }
            }
            for (; k < q; k++) {
                int hi = Math.min(c1, k + 1);
                for (int a = a0; a < a1; a++) {
                    int from = Math.max(a, c0);
                    if (from < hi) {
                        Fma.axpy1(c[a], t[a][k], t[k], from, hi);
                    }
                }
            }
        });
        MirroredTriangle.mirrorUpper(c, q, threads);
        return c;
    }

    /**
     * T·Tᵀ on the Gram kernel's register blocks ({@link GramKernels#blockUpdate}): C = Σₖ xₖᵀxₖ over
     * the columns xₖ of T (row k of Tᵀ: Tₐₖ for a ≤ k, zero beyond), taken in panels of
     * {@value #BLOCK} consecutive k. A panel [k0, k1) can only reach entries b &lt; k1, so it
     * updates the triangle [0, k1): whole register blocks on the kernel, the last columns (fewer
     * than a block) with the scalar loop. Each entry (a, b) thus gets fma(Tₐₖ, Tᵦₖ, ·) for k
     * increasing, preceded only by products with the zeros k &lt; b of its own panel, which leave
     * its sum at +0 (it starts at +0 and is never −0): the bits of the scalar loops.
     */
    private static double[][] gramOfRowsOnKernel(double[][] t, int q, int threads, int w) {
        double[][] c = new double[q][q];
        double[][] x = new double[q][];
        double[][] buffers = new double[BLOCK][];
        for (int k0 = 0; k0 < q; k0 += BLOCK) {
            final int p0 = k0;
            final int k1 = Math.min(q, k0 + BLOCK);
            final int full = k1 / w * w;   // columns [0, full) in whole register blocks
            for (int k = k0; k < k1; k++) {
                double[] row = buffers[k - k0];
                if (row == null) {
                    row = new double[q];
                    buffers[k - k0] = row;
                }
                int n = Math.min(k + 1, full);
                System.arraycopy(t[k], 0, row, 0, n);   // Tₐₖ (a < k mirrored below the diagonal), Tₖₖ
                java.util.Arrays.fill(row, n, full, 0.0);
                x[k] = row;
            }
            int stripWidth = Math.max(1, STRIP / w) * w;
            int strips = (full + stripWidth - 1) / stripWidth;
            Parallel.forEach(strips + 1, threads, s -> {
                if (s < strips) {
                    int j0 = s * stripWidth;
                    GramKernels.blockUpdate(x, x, p0, k1, c, 0, Integer.MAX_VALUE, j0, Math.min(full, j0 + stripWidth));
                    return;
                }
                for (int b = full; b < k1; b++) {   // the ragged columns: terms k = max(b, k0) … k1−1
                    int from = Math.max(b, p0);
                    for (int a = 0; a <= b; a++) {
                        double[] ta = t[a];
                        double acc = c[a][b];
                        for (int k = from; k < k1; k++) {
                            acc = Math.fma(ta[k], t[k][b], acc);
                        }
                        c[a][b] = acc;
                    }
                }
            });
        }
        MirroredTriangle.mirrorUpper(c, q, threads);
        return c;
    }
}
