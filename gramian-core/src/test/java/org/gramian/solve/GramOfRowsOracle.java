package org.gramian.solve;

/**
 * The tests' reference for {@link BlockedTriangular#gramOfRowsMirrored}: C = T·Tᵀ from T as a
 * plain array and its transpose made separately (the production code keeps T with its transpose
 * in one array). Kept as written before that change: the same operations in the same order, so
 * the two must agree bit for bit.
 */
final class GramOfRowsOracle {
    private static final int BLOCK = BlockedTriangular.BLOCK;
    private static final int STRIP = BlockedTriangular.STRIP;

    private GramOfRowsOracle() {
    }

    /**
     * C = T·Tᵀ for an upper-triangular q×q T, as a full symmetric q×q array:
     * Cₐᵦ = Σ_{k ≥ max(a,b)} Tₐₖ·Tᵦₖ, accumulated by fma in increasing k. The upper triangle is
     * computed (tasks: a block of rows × a strip of columns) and mirrored.
     */
    static double[][] gramOfRows(double[][] t, int threads) {
        int q = t.length;
        // U = Tᵀ, so that row a of C is Σₖ Tₐₖ·(row k of U): contiguous axpys.
        double[][] u = new double[q][q];
        Parallel.forEach((q + BLOCK - 1) / BLOCK, threads, blk -> {
            int k0 = blk * BLOCK;
            int k1 = Math.min(q, k0 + BLOCK);
            for (int k = k0; k < k1; k++) {
                double[] uk = u[k];
                for (int b = 0; b <= k; b++) {
                    uk[b] = t[b][k];
                }
            }
        });
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
            // entries (a, b) with a ∈ [a0, a1), b ∈ [max(a, c0), c1); term k needs k ≥ b (Uₖᵦ = 0 below)
            int kStart = Math.max(a0, c0);
            int k = kStart;
            for (; k + 4 <= q; k += 4) {
                int hi = Math.min(c1, k + 4);
                for (int a = a0; a < a1; a++) {
                    int from = Math.max(a, c0);
                    if (from < hi) {
                        double[] ta = t[a];
                        Fma.axpy4(c[a], ta[k], u[k], ta[k + 1], u[k + 1], ta[k + 2], u[k + 2], ta[k + 3], u[k + 3],
                                from, hi);
                    }
                }
            }
            for (; k < q; k++) {
                int hi = Math.min(c1, k + 1);
                for (int a = a0; a < a1; a++) {
                    int from = Math.max(a, c0);
                    if (from < hi) {
                        Fma.axpy1(c[a], t[a][k], u[k], from, hi);
                    }
                }
            }
        });
        for (int a = 0; a < q; a++) {
            for (int b = a + 1; b < q; b++) {
                c[b][a] = c[a][b];
            }
        }
        return c;
    }
}
