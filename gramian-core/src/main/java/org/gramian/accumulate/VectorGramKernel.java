package org.gramian.accumulate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram kernel written with the JDK's Vector API ({@code jdk.incubator.vector}): register-blocked
 * micro-kernels over cache-sized panels of rows, giving <b>the same bits as the scalar
 * {@link GramKernel}</b>.
 *
 * <p><b>Order of the sums (the contract shared with {@link GramKernel}).</b> Every entry G[i][j]
 * receives the rows in increasing k, each through one fused multiply-add
 * {@code G[i][j] = fma(A[k][i], A[k][j], G[i][j])}. {@link DoubleVector#fma} is a true fused
 * multiply-add lane by lane (IEEE 754 fusedMultiplyAdd, as {@link Math#fma}), and the product of
 * two doubles is the same exact number in either order, so a lane computing entry (i, j) performs
 * exactly the scalar kernel's operations on exactly its operands. Blocking (which rows go into a
 * panel, which entries into a register block) only decides when an entry's chain is resumed; the
 * chain itself is the same, so the result does not depend on the block sizes, the vector width
 * or the machine.
 *
 * <p><b>Shape.</b> With L = {@link #L} lanes (8 with AVX-512, 4 with AVX2), G is cut into register
 * blocks of up to 8 rows × 3L columns held in 24 vector accumulators; per row k of the tile the
 * micro-kernel loads three vectors of A[k][j..j+3L), broadcasts A[k][i] for its 8 rows and does 24
 * vector FMAs (on AVX2, with only 16 registers: 4 rows × 2 vectors). Blocks entirely below the
 * diagonal are skipped; the last block column has just enough vectors to cover m, and the last
 * block row is a 4-row variant when at most 4 rows remain. The rows are swept in panels of
 * {@link #panelRows} rows, each panel over all blocks of the upper triangle, so a block's
 * accumulators are loaded and stored once per panel and the panel is reused from L1/L2.
 *
 * <p><b>Layout.</b> The micro-kernels read whole vectors: a tile row must be at least
 * {@link #rowWidth rowWidth(m)} long (m rounded up to whole vectors; {@link GramTile} allocates its
 * rows that way, values beyond m are never used for an entry with i, j &lt; m) and the accumulator
 * is a padded {@link #gramRows} × {@link #rowWidth} array whose entries below the diagonal or
 * beyond m are scratch. Shorter rows are copied panel by panel into a padded buffer.
 *
 * <p>This class links against {@code jdk.incubator.vector}; it is only loaded (reflectively, by
 * {@link GramKernels}) when that module is in the boot layer.
 */
final class VectorGramKernel implements GramKernels.Impl {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    static final int L = S.length();
    /**
     * Register block: MR rows × NV vectors of columns. With 32 vector registers (AVX-512, L = 8):
     * 8 × 3, 24 accumulators (measured 14% faster than 8 × 2 at m = 201); with 16 (AVX2, L = 4):
     * 4 × 2, 8 accumulators.
     */
    private static final int MR = L >= 8 ? 8 : 4;
    private static final int NV = L >= 8 ? 3 : 2;
    /** Padding unit of rows and of the accumulator: whole vectors, and whole 8-row blocks. */
    private static final int PAD = Math.max(L, 8);

    private static final ThreadLocal<double[][]> SCRATCH_G = new ThreadLocal<>();
    private static final ThreadLocal<double[][]> SCRATCH_ROWS = new ThreadLocal<>();

    VectorGramKernel() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String description() {
        return "vector (jdk.incubator.vector, " + S.vectorBitSize() + "-bit, " + L + " doubles)";
    }

    /**
     * With 256-bit vectors (AVX2: 4 × 2 register blocks of 4 doubles) this kernel beats the scalar
     * one only on narrow tiles. Measured on an AMD EPYC with AVX2 (KernelGflops, two threads,
     * GFLOP/s vector against scalar): m = 21 10.0 / 5.5, 51 16.5 / 12.7, 151 21.6 / 21.6, 201 about
     * even (24.6 / 23.5, 25.3 / 27.3 in two runs), 301 28.9 / 24.4, 401 21.1 / 24.1, 701 14.3 / 24.0,
     * 1001 12.4 / 18.8, 2001 15.4 / 18.6. With 512-bit vectors (8 × 3 blocks) it was faster at
     * every width measured (55 against 24 GFLOP/s on one thread at m = 201).
     */
    static final int WIDEST_256_BIT = 384;

    @Override
    public int widest() {
        return L >= 8 ? Integer.MAX_VALUE : WIDEST_256_BIT;
    }

    /** Row length the micro-kernels read: m rounded up to whole vectors (and to a multiple of 8). */
    @Override
    public int rowWidth(int m) {
        return roundUp(m, PAD);
    }

    /** Rows of the padded accumulator. */
    @Override
    public int gramRows(int m) {
        return roundUp(m, PAD);
    }

    private static int roundUp(int a, int b) {
        return (a + b - 1) / b * b;
    }

    /**
     * Rows per panel: 64, fewer only for very wide rows (so that a panel stays within about 512 KB,
     * half of a 1 MB L2). Measured on the development machine (Zen 5, AVX-512, one in-cache tile,
     * thread CPU time): 64 rows gave 79 GFLOP/s at m = 201 against 75 and 77 for 32 and 128, and
     * 54 at m = 51 against 48 and 45; at m = 11 all three were within 5%.
     * Within a panel, the 3L columns a register block loads per row (12 KB for 64 rows) are reused
     * from L1 by every block of G above them.
     */
    static int panelRows(int m) {
        long bytesPerRow = 8L * roundUp(m, PAD) + 16;
        int kc = 64;
        while (kc > 16 && kc * bytesPerRow > 512 * 1024) {
            kc /= 2;
        }
        return kc;
    }

    /**
     * Gets HotSpot to compile this kernel: runs it on small synthetic tiles whose widths use every
     * register-block shape (24 rows per call, so that each micro-kernel soon passes C2's invocation
     * and loop thresholds), until three rounds in a row take at most twice as long as the scalar
     * kernel on the same tiles (interpreted or C1-compiled Vector API code is 10-100× slower than
     * that). Every round is also compared with the scalar kernel bit for bit. Measured on the
     * development machine (2 cores, JDK 17): about 0.8 s, most of it C2 compiling the six
     * micro-kernels one after another.
     *
     * @return null when warm; otherwise why not (time limit, or a disagreement with the scalar kernel)
     */
    @Override
    public String warmUp(long limitNanos) {
        final int[] widths = {24, 16, 20, 12, 5, 3};
        final int rows = 24;
        final double[][][] tiles = new double[widths.length][rows][];
        long seed = 0x9E3779B97F4A7C15L;
        for (int t = 0; t < widths.length; t++) {
            for (int k = 0; k < rows; k++) {
                double[] row = new double[rowWidth(widths[t])];
                for (int j = 0; j < widths[t]; j++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    row[j] = (seed >> 11) * 0x1.0p-40 + 1000.0 * j; // varied low bits, large offsets
                }
                tiles[t][k] = row;
            }
        }
        final int h = gramRows(24);
        final int w = rowWidth(24);
        final double[][] gv = new double[h][w];
        final double[][] gs = new double[h][w];
        final double[][] gt = new double[h][w];
        final long deadline = System.nanoTime() + limitNanos;
        int fast = 0;
        while (fast < 3) {
            if (System.nanoTime() - deadline > 0) {
                return "JIT warm-up of the vector kernel took longer than " + limitNanos / 1_000_000 + " ms";
            }
            long tv = 0;
            long ts = 0;
            for (int t = 0; t < widths.length; t++) {
                int m = widths[t];
                for (int i = 0; i < h; i++) {
                    java.util.Arrays.fill(gv[i], 0.0);
                    java.util.Arrays.fill(gs[i], 0.0);
                    java.util.Arrays.fill(gt[i], 0.0);
                }
                long t0 = System.nanoTime();
                accumulate(tiles[t], rows, m, gv);
                // the macro-tiled sweep of wide accumulators too: its micro-kernels run long
                // loops, which the interpreter would otherwise run for seconds at first
                accumulate(tiles[t], 0, rows, m, gt, rows / 2, tileUnit());
                long t1 = System.nanoTime();
                GramKernel.update(tiles[t], rows, m, gs);
                long t2 = System.nanoTime();
                tv += (t1 - t0) / 2;
                ts += t2 - t1;
                for (int i = 0; i < m; i++) {
                    for (int j = i; j < m; j++) {
                        if (Double.doubleToRawLongBits(gv[i][j]) != Double.doubleToRawLongBits(gs[i][j])
                                || Double.doubleToRawLongBits(gt[i][j]) != Double.doubleToRawLongBits(gs[i][j])) {
                            return "the vector kernel disagreed with the scalar kernel at m = " + m;
                        }
                    }
                }
            }
            fast = tv <= 2 * ts ? fast + 1 : 0;
        }
        return null;
    }

    /** Same contract as {@link GramKernel#update}: adds to the upper triangle of an m×m g only. */
    @Override
    public void update(double[][] rows, int count, int m, double[][] g) {
        int w = rowWidth(m);
        int h = gramRows(m);
        double[][] gp = SCRATCH_G.get();
        if (gp == null || gp.length < h || gp[0].length < w) {
            gp = new double[h][w];
            SCRATCH_G.set(gp);
        }
        for (int i = 0; i < m; i++) {
            System.arraycopy(g[i], i, gp[i], i, m - i);
        }
        accumulate(rows, count, m, gp);
        for (int i = 0; i < m; i++) {
            System.arraycopy(gp[i], i, g[i], i, m - i);
        }
    }

    /**
     * Adds the tile's Gram sums to a padded accumulator gp ({@link #gramRows} rows of at least
     * {@link #rowWidth} doubles): entries i ≤ j &lt; m receive their rows in the canonical order;
     * the other entries of gp are scratch.
     */
    @Override
    public void accumulate(double[][] rows, int count, int m, double[][] gp) {
        accumulate(rows, 0, count, m, gp);
    }

    @Override
    public void accumulate(double[][] rows, int from, int to, int m, double[][] gp) {
        if (m >= TILED_FROM) {
            accumulate(rows, from, to, m, gp, TILED_ROWS, TILE);
        } else {
            accumulate(rows, from, to, m, gp, panelRows(m), 0);
        }
    }

    /**
     * Width from which the accumulator is swept in macro tiles ({@link #sweepTiled}): there a panel
     * of {@link #panelRows} rows, kept to 512 KB, is 32 rows or fewer, and every panel loads and
     * stores all of G (200 MB at m = 5001, for 16 rows of work); measured on the development
     * machine, see docs/performance.md.
     */
    static final int TILED_FROM = 1024;
    /** Rows per panel in the tiled sweep: G is loaded and stored once per this many rows. */
    static final int TILED_ROWS = 256;
    /**
     * Rows and columns of a macro tile of G: a multiple of 8 (row blocks) and of NV·L (column
     * blocks), so register blocks never straddle two macro tiles; its part of a panel, 2 × 256 rows
     * × 96 columns, is 384 KB and stays in L2 while the tile's register blocks sweep it.
     */
    static final int TILE = 96;

    /**
     * The unit a macro tile's size must be a multiple of: NV·L columns (24 with AVX-512, 8 with
     * AVX2), which is also a multiple of the 8 rows of a register block.
     */
    static int tileUnit() {
        return NV * L;
    }

    /**
     * As {@link #accumulate(double[][], int, int, int, double[][])}, in panels of {@code kc} rows,
     * each swept over the whole triangle ({@code tile} = 0, {@link #sweep}) or over G in macro tiles
     * of {@code tile} rows and columns ({@link #sweepTiled}; tests use small sizes).
     */
    static void accumulate(double[][] rows, int from, int to, int m, double[][] gp, int kc, int tile) {
        if (tile % tileUnit() != 0) {
            throw new IllegalArgumentException("a macro tile of " + tile + " is not a multiple of " + tileUnit());
        }
        final int w = roundUp(m, PAD);   // rowWidth(m)
        for (int kb = from; kb < to; kb += kc) {
            int ke = Math.min(to, kb + kc);
            double[][] panel = rows;
            int pb = kb;
            int pe = ke;
            if (!wideEnough(rows, kb, ke, w)) {
                panel = pack(rows, kb, ke, m, w, kc);
                pb = 0;
                pe = ke - kb;
            }
            if (tile == 0) {
                sweep(panel, pb, pe, m, gp);
            } else {
                sweepTiled(panel, pb, pe, m, gp, tile);
            }
        }
    }

    /**
     * One panel of rows [kb, ke) over the upper triangle in macro tiles: column groups of
     * {@code tile} columns, and in each, row ranges of {@code tile} rows down to the diagonal; within
     * a macro tile the register blocks of {@link #sweep}, each over all rows of the panel. Every
     * entry i ≤ j &lt; m lies in exactly one macro tile and one register block, and receives the
     * panel's rows in increasing k: the same operations as {@link #sweep}, so the same bits. What
     * changes is the traffic: G is loaded and stored once per panel, and each macro tile's columns
     * of the panel come from L2.
     */
    private static void sweepTiled(double[][] r, int kb, int ke, int m, double[][] gp, int tile) {
        for (int jg = 0; jg < m; jg += tile) {
            int jgEnd = Math.min(m, jg + tile);
            for (int ig = 0; ig < jgEnd; ig += tile) {
                int igEnd = ig + tile;
                for (int jb = jg; jb < jgEnd; ) {
                    int nv = Math.min(NV, (m - jb + L - 1) / L);
                    columnBlock(r, r, kb, ke, gp, ig, Math.min(Math.min(m, jb + nv * L), igEnd), jb, nv);
                    jb += nv * L;
                }
            }
        }
    }

    private static boolean wideEnough(double[][] rows, int kb, int ke, int w) {
        for (int k = kb; k < ke; k++) {
            if (rows[k].length < w) {
                return false;
            }
        }
        return true;
    }

    /** Copies rows [kb, ke) into a thread's padded panel buffer (zeros beyond m). */
    private static double[][] pack(double[][] rows, int kb, int ke, int m, int w, int kc) {
        double[][] buf = SCRATCH_ROWS.get();
        if (buf == null || buf.length < kc || buf[0].length < w) {
            buf = new double[Math.max(kc, 256)][w];
            SCRATCH_ROWS.set(buf);
        }
        for (int k = kb; k < ke; k++) {
            double[] dst = buf[k - kb];
            System.arraycopy(rows[k], 0, dst, 0, m);
            java.util.Arrays.fill(dst, m, w, 0.0);
        }
        return buf;
    }

    /** NV·L: the register blocks' width. */
    @Override
    public int blockColumns() {
        return NV * L;
    }

    /**
     * {@code GramKernels.blockUpdate}: the register blocks of full width NV·L, column block by
     * column block, each over rows [i0, min(i1, jb + NV·L)) in blocks of {@link #MR} (then 4) rows.
     * The arguments are checked, since a wrong one would read or write outside the blocks.
     */
    @Override
    public void blockUpdate(double[][] ri, double[][] rj, int kb, int ke, double[][] g, int i0, int i1, int j0,
                            int j1) {
        final int w = NV * L;
        if ((j1 - j0) % w != 0 || i0 < 0 || i0 > j0 || (j0 - i0) % 8 != 0 || (i1 < j1 && (i1 - i0) % 8 != 0)) {
            throw new IllegalArgumentException("block update of rows [" + i0 + ", " + i1 + "), columns [" + j0
                    + ", " + j1 + ") is not in whole blocks of 8 rows and " + w + " columns");
        }
        // Rows in chunks of TILE, each over all the column blocks: the chunk's part of the i-rows
        // (TILE values of each row k) stays in L2 while the column blocks sweep it, instead of
        // being read again from memory for every column block (at p = 5000 the T·Tᵀ product
        // streamed its i-rows some 20 GB that way). Every entry lies in one chunk and one block and
        // takes its terms in increasing k: the same operations in any loop order.
        int rowEnd = Math.min(i1, j1);
        for (int r0 = i0; r0 < rowEnd; r0 += TILE) {
            int r1 = r0 + TILE;
            int first = r0 <= j0 ? j0 : j0 + (r0 - j0) / w * w;   // blocks ending at or above r0 have no rows here
            for (int jb = first; jb < j1; jb += w) {
                int iend = Math.min(Math.min(i1, jb + w), r1);
                if (iend > r0) {
                    columnBlock(ri, rj, kb, ke, g, r0, iend, jb, NV);
                }
            }
        }
    }

    /**
     * One panel of rows [kb, ke) over every register block of the upper triangle: column blocks
     * of up to {@link #NV} vectors (fewer at the right edge, just enough to cover m), row blocks
     * of {@link #MR} rows down to the diagonal (4 for a last block of at most 4 rows).
     */
    private static void sweep(double[][] r, int kb, int ke, int m, double[][] gp) {
        for (int jb = 0; jb < m; ) {
            int nv = Math.min(NV, (m - jb + L - 1) / L);   // vectors of columns holding entries j < m
            columnBlock(r, r, kb, ke, gp, 0, Math.min(m, jb + nv * L), jb, nv); // rows on or above the diagonal
            jb += nv * L;
        }
    }

    /**
     * The register blocks of one block column (columns [jb, jb + nv·L)) for rows [ib, iend): blocks
     * of {@link #MR} rows, then of 4 for a last part of at most 4 rows; each over rows [kb, ke).
     */
    private static void columnBlock(double[][] ri, double[][] rj, int kb, int ke, double[][] gp, int ib, int iend, int jb, int nv) {
        if (MR == 8) {
            for (; iend - ib > 4; ib += 8) {
                if (nv == 3) {
                    block8x3(ri, rj, kb, ke, gp, ib, jb);
                } else if (nv == 2) {
                    block8x2(ri, rj, kb, ke, gp, ib, jb);
                } else {
                    block8x1(ri, rj, kb, ke, gp, ib, jb);
                }
            }
        }
        for (; ib < iend; ib += 4) {
            if (nv == 3) {
                block4x3(ri, rj, kb, ke, gp, ib, jb);
            } else if (nv == 2) {
                block4x2(ri, rj, kb, ke, gp, ib, jb);
            } else {
                block4x1(ri, rj, kb, ke, gp, ib, jb);
            }
        }
    }

    // The micro-kernels. Each accumulator lane is one entry G[i][j]; per row k it receives exactly
    // one fma(A[k][i], A[k][j], G[i][j]), rows in increasing k.

    private static void block8x3(double[][] ri, double[][] rj, int kb, int ke, double[][] gp, int ib, int jb) {
        final int j1 = jb + L;
        final int j2 = jb + 2 * L;
        final double[] g0 = gp[ib], g1 = gp[ib + 1], g2 = gp[ib + 2], g3 = gp[ib + 3];
        final double[] g4 = gp[ib + 4], g5 = gp[ib + 5], g6 = gp[ib + 6], g7 = gp[ib + 7];
        DoubleVector c00 = DoubleVector.fromArray(S, g0, jb), c01 = DoubleVector.fromArray(S, g0, j1);
        DoubleVector c02 = DoubleVector.fromArray(S, g0, j2);
        DoubleVector c10 = DoubleVector.fromArray(S, g1, jb), c11 = DoubleVector.fromArray(S, g1, j1);
        DoubleVector c12 = DoubleVector.fromArray(S, g1, j2);
        DoubleVector c20 = DoubleVector.fromArray(S, g2, jb), c21 = DoubleVector.fromArray(S, g2, j1);
        DoubleVector c22 = DoubleVector.fromArray(S, g2, j2);
        DoubleVector c30 = DoubleVector.fromArray(S, g3, jb), c31 = DoubleVector.fromArray(S, g3, j1);
        DoubleVector c32 = DoubleVector.fromArray(S, g3, j2);
        DoubleVector c40 = DoubleVector.fromArray(S, g4, jb), c41 = DoubleVector.fromArray(S, g4, j1);
        DoubleVector c42 = DoubleVector.fromArray(S, g4, j2);
        DoubleVector c50 = DoubleVector.fromArray(S, g5, jb), c51 = DoubleVector.fromArray(S, g5, j1);
        DoubleVector c52 = DoubleVector.fromArray(S, g5, j2);
        DoubleVector c60 = DoubleVector.fromArray(S, g6, jb), c61 = DoubleVector.fromArray(S, g6, j1);
        DoubleVector c62 = DoubleVector.fromArray(S, g6, j2);
        DoubleVector c70 = DoubleVector.fromArray(S, g7, jb), c71 = DoubleVector.fromArray(S, g7, j1);
        DoubleVector c72 = DoubleVector.fromArray(S, g7, j2);
        for (int k = kb; k < ke; k++) {
            final double[] xi = ri[k];
            final double[] xj = rj[k];
            final DoubleVector b0 = DoubleVector.fromArray(S, xj, jb);
            final DoubleVector b1 = DoubleVector.fromArray(S, xj, j1);
            final DoubleVector b2 = DoubleVector.fromArray(S, xj, j2);
            DoubleVector a = DoubleVector.broadcast(S, xi[ib]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            c02 = a.fma(b2, c02);
            a = DoubleVector.broadcast(S, xi[ib + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            c12 = a.fma(b2, c12);
            a = DoubleVector.broadcast(S, xi[ib + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            c22 = a.fma(b2, c22);
            a = DoubleVector.broadcast(S, xi[ib + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            c32 = a.fma(b2, c32);
            a = DoubleVector.broadcast(S, xi[ib + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            c42 = a.fma(b2, c42);
            a = DoubleVector.broadcast(S, xi[ib + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            c52 = a.fma(b2, c52);
            a = DoubleVector.broadcast(S, xi[ib + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            c62 = a.fma(b2, c62);
            a = DoubleVector.broadcast(S, xi[ib + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
            c72 = a.fma(b2, c72);
        }
        c00.intoArray(g0, jb);
        c01.intoArray(g0, j1);
        c02.intoArray(g0, j2);
        c10.intoArray(g1, jb);
        c11.intoArray(g1, j1);
        c12.intoArray(g1, j2);
        c20.intoArray(g2, jb);
        c21.intoArray(g2, j1);
        c22.intoArray(g2, j2);
        c30.intoArray(g3, jb);
        c31.intoArray(g3, j1);
        c32.intoArray(g3, j2);
        c40.intoArray(g4, jb);
        c41.intoArray(g4, j1);
        c42.intoArray(g4, j2);
        c50.intoArray(g5, jb);
        c51.intoArray(g5, j1);
        c52.intoArray(g5, j2);
        c60.intoArray(g6, jb);
        c61.intoArray(g6, j1);
        c62.intoArray(g6, j2);
        c70.intoArray(g7, jb);
        c71.intoArray(g7, j1);
        c72.intoArray(g7, j2);
    }

    private static void block4x3(double[][] ri, double[][] rj, int kb, int ke, double[][] gp, int ib, int jb) {
        final int j1 = jb + L;
        final int j2 = jb + 2 * L;
        final double[] g0 = gp[ib], g1 = gp[ib + 1], g2 = gp[ib + 2], g3 = gp[ib + 3];
        DoubleVector c00 = DoubleVector.fromArray(S, g0, jb), c01 = DoubleVector.fromArray(S, g0, j1);
        DoubleVector c02 = DoubleVector.fromArray(S, g0, j2);
        DoubleVector c10 = DoubleVector.fromArray(S, g1, jb), c11 = DoubleVector.fromArray(S, g1, j1);
        DoubleVector c12 = DoubleVector.fromArray(S, g1, j2);
        DoubleVector c20 = DoubleVector.fromArray(S, g2, jb), c21 = DoubleVector.fromArray(S, g2, j1);
        DoubleVector c22 = DoubleVector.fromArray(S, g2, j2);
        DoubleVector c30 = DoubleVector.fromArray(S, g3, jb), c31 = DoubleVector.fromArray(S, g3, j1);
        DoubleVector c32 = DoubleVector.fromArray(S, g3, j2);
        for (int k = kb; k < ke; k++) {
            final double[] xi = ri[k];
            final double[] xj = rj[k];
            final DoubleVector b0 = DoubleVector.fromArray(S, xj, jb);
            final DoubleVector b1 = DoubleVector.fromArray(S, xj, j1);
            final DoubleVector b2 = DoubleVector.fromArray(S, xj, j2);
            DoubleVector a = DoubleVector.broadcast(S, xi[ib]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            c02 = a.fma(b2, c02);
            a = DoubleVector.broadcast(S, xi[ib + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            c12 = a.fma(b2, c12);
            a = DoubleVector.broadcast(S, xi[ib + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            c22 = a.fma(b2, c22);
            a = DoubleVector.broadcast(S, xi[ib + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            c32 = a.fma(b2, c32);
        }
        c00.intoArray(g0, jb);
        c01.intoArray(g0, j1);
        c02.intoArray(g0, j2);
        c10.intoArray(g1, jb);
        c11.intoArray(g1, j1);
        c12.intoArray(g1, j2);
        c20.intoArray(g2, jb);
        c21.intoArray(g2, j1);
        c22.intoArray(g2, j2);
        c30.intoArray(g3, jb);
        c31.intoArray(g3, j1);
        c32.intoArray(g3, j2);
    }

    private static void block8x2(double[][] ri, double[][] rj, int kb, int ke, double[][] gp, int ib, int jb) {
        final int j1 = jb + L;
        final double[] g0 = gp[ib], g1 = gp[ib + 1], g2 = gp[ib + 2], g3 = gp[ib + 3];
        final double[] g4 = gp[ib + 4], g5 = gp[ib + 5], g6 = gp[ib + 6], g7 = gp[ib + 7];
        DoubleVector c00 = DoubleVector.fromArray(S, g0, jb), c01 = DoubleVector.fromArray(S, g0, j1);
        DoubleVector c10 = DoubleVector.fromArray(S, g1, jb), c11 = DoubleVector.fromArray(S, g1, j1);
        DoubleVector c20 = DoubleVector.fromArray(S, g2, jb), c21 = DoubleVector.fromArray(S, g2, j1);
        DoubleVector c30 = DoubleVector.fromArray(S, g3, jb), c31 = DoubleVector.fromArray(S, g3, j1);
        DoubleVector c40 = DoubleVector.fromArray(S, g4, jb), c41 = DoubleVector.fromArray(S, g4, j1);
        DoubleVector c50 = DoubleVector.fromArray(S, g5, jb), c51 = DoubleVector.fromArray(S, g5, j1);
        DoubleVector c60 = DoubleVector.fromArray(S, g6, jb), c61 = DoubleVector.fromArray(S, g6, j1);
        DoubleVector c70 = DoubleVector.fromArray(S, g7, jb), c71 = DoubleVector.fromArray(S, g7, j1);
        for (int k = kb; k < ke; k++) {
            final double[] xi = ri[k];
            final double[] xj = rj[k];
            final DoubleVector b0 = DoubleVector.fromArray(S, xj, jb);
            final DoubleVector b1 = DoubleVector.fromArray(S, xj, j1);
            DoubleVector a = DoubleVector.broadcast(S, xi[ib]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, xi[ib + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, xi[ib + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, xi[ib + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, xi[ib + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, xi[ib + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = DoubleVector.broadcast(S, xi[ib + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = DoubleVector.broadcast(S, xi[ib + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        c00.intoArray(g0, jb);
        c01.intoArray(g0, j1);
        c10.intoArray(g1, jb);
        c11.intoArray(g1, j1);
        c20.intoArray(g2, jb);
        c21.intoArray(g2, j1);
        c30.intoArray(g3, jb);
        c31.intoArray(g3, j1);
        c40.intoArray(g4, jb);
        c41.intoArray(g4, j1);
        c50.intoArray(g5, jb);
        c51.intoArray(g5, j1);
        c60.intoArray(g6, jb);
        c61.intoArray(g6, j1);
        c70.intoArray(g7, jb);
        c71.intoArray(g7, j1);
    }

    private static void block8x1(double[][] ri, double[][] rj, int kb, int ke, double[][] gp, int ib, int jb) {
        final double[] g0 = gp[ib], g1 = gp[ib + 1], g2 = gp[ib + 2], g3 = gp[ib + 3];
        final double[] g4 = gp[ib + 4], g5 = gp[ib + 5], g6 = gp[ib + 6], g7 = gp[ib + 7];
        DoubleVector c0 = DoubleVector.fromArray(S, g0, jb);
        DoubleVector c1 = DoubleVector.fromArray(S, g1, jb);
        DoubleVector c2 = DoubleVector.fromArray(S, g2, jb);
        DoubleVector c3 = DoubleVector.fromArray(S, g3, jb);
        DoubleVector c4 = DoubleVector.fromArray(S, g4, jb);
        DoubleVector c5 = DoubleVector.fromArray(S, g5, jb);
        DoubleVector c6 = DoubleVector.fromArray(S, g6, jb);
        DoubleVector c7 = DoubleVector.fromArray(S, g7, jb);
        for (int k = kb; k < ke; k++) {
            final double[] xi = ri[k];
            final double[] xj = rj[k];
            final DoubleVector b = DoubleVector.fromArray(S, xj, jb);
            c0 = DoubleVector.broadcast(S, xi[ib]).fma(b, c0);
            c1 = DoubleVector.broadcast(S, xi[ib + 1]).fma(b, c1);
            c2 = DoubleVector.broadcast(S, xi[ib + 2]).fma(b, c2);
            c3 = DoubleVector.broadcast(S, xi[ib + 3]).fma(b, c3);
            c4 = DoubleVector.broadcast(S, xi[ib + 4]).fma(b, c4);
            c5 = DoubleVector.broadcast(S, xi[ib + 5]).fma(b, c5);
            c6 = DoubleVector.broadcast(S, xi[ib + 6]).fma(b, c6);
            c7 = DoubleVector.broadcast(S, xi[ib + 7]).fma(b, c7);
        }
        c0.intoArray(g0, jb);
        c1.intoArray(g1, jb);
        c2.intoArray(g2, jb);
        c3.intoArray(g3, jb);
        c4.intoArray(g4, jb);
        c5.intoArray(g5, jb);
        c6.intoArray(g6, jb);
        c7.intoArray(g7, jb);
    }

    private static void block4x2(double[][] ri, double[][] rj, int kb, int ke, double[][] gp, int ib, int jb) {
        final int j1 = jb + L;
        final double[] g0 = gp[ib], g1 = gp[ib + 1], g2 = gp[ib + 2], g3 = gp[ib + 3];
        DoubleVector c00 = DoubleVector.fromArray(S, g0, jb), c01 = DoubleVector.fromArray(S, g0, j1);
        DoubleVector c10 = DoubleVector.fromArray(S, g1, jb), c11 = DoubleVector.fromArray(S, g1, j1);
        DoubleVector c20 = DoubleVector.fromArray(S, g2, jb), c21 = DoubleVector.fromArray(S, g2, j1);
        DoubleVector c30 = DoubleVector.fromArray(S, g3, jb), c31 = DoubleVector.fromArray(S, g3, j1);
        for (int k = kb; k < ke; k++) {
            final double[] xi = ri[k];
            final double[] xj = rj[k];
            final DoubleVector b0 = DoubleVector.fromArray(S, xj, jb);
            final DoubleVector b1 = DoubleVector.fromArray(S, xj, j1);
            DoubleVector a = DoubleVector.broadcast(S, xi[ib]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, xi[ib + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, xi[ib + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, xi[ib + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
        }
        c00.intoArray(g0, jb);
        c01.intoArray(g0, j1);
        c10.intoArray(g1, jb);
        c11.intoArray(g1, j1);
        c20.intoArray(g2, jb);
        c21.intoArray(g2, j1);
        c30.intoArray(g3, jb);
        c31.intoArray(g3, j1);
    }

    private static void block4x1(double[][] ri, double[][] rj, int kb, int ke, double[][] gp, int ib, int jb) {
        final double[] g0 = gp[ib], g1 = gp[ib + 1], g2 = gp[ib + 2], g3 = gp[ib + 3];
        DoubleVector c0 = DoubleVector.fromArray(S, g0, jb);
        DoubleVector c1 = DoubleVector.fromArray(S, g1, jb);
        DoubleVector c2 = DoubleVector.fromArray(S, g2, jb);
        DoubleVector c3 = DoubleVector.fromArray(S, g3, jb);
        for (int k = kb; k < ke; k++) {
            final double[] xi = ri[k];
            final double[] xj = rj[k];
            final DoubleVector b = DoubleVector.fromArray(S, xj, jb);
            c0 = DoubleVector.broadcast(S, xi[ib]).fma(b, c0);
            c1 = DoubleVector.broadcast(S, xi[ib + 1]).fma(b, c1);
            c2 = DoubleVector.broadcast(S, xi[ib + 2]).fma(b, c2);
            c3 = DoubleVector.broadcast(S, xi[ib + 3]).fma(b, c3);
        }
        c0.intoArray(g0, jb);
        c1.intoArray(g1, jb);
        c2.intoArray(g2, jb);
        c3.intoArray(g3, jb);
    }
}
