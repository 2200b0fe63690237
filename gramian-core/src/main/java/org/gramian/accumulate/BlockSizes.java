package org.gramian.accumulate;

/**
 * Every block size of the streaming passes, in one place. Some are part of the fixed summation
 * order (changing them changes the rounding of the sums, never their accuracy, and the
 * determinism tests pin the bits for each choice); the others only trade memory for overhead.
 */
public final class BlockSizes {
    private BlockSizes() {
    }

    /** Rows per block that an in-memory source or the CSV reader hands on (not part of the order). */
    public static final int SOURCE_ROWS = 4096;

    /** Fewest rows per Gram tile (wide problems). Part of the summation order. */
    public static final int TILE_MIN_ROWS = 256;

    /** Most rows per Gram tile (narrow problems). Part of the summation order. */
    public static final int TILE_MAX_ROWS = 16384;

    /** Rows per block of the scalar Gram kernel's row loop (within a tile; the order is per entry). */
    public static final int KERNEL_ROWS = 16;

    /**
     * Rows a tile's filler (the pipeline worker expanding design rows) writes before the kernel sums
     * them ({@link GramTile#sumPending}): the vector kernel's panel, so the rows are read back from
     * L1/L2 (64 rows of m = 12 are 8 KB; of m = 202, 106 KB) rather than from memory once the
     * whole tile (2 MB at m = 12) is written. Not part of the order.
     */
    public static final int FILL_ROWS = 64;

    /**
     * Rows at or above this width are summed once per tile instead of every {@link #FILL_ROWS}
     * rows: 64 such rows are 512 KB or more, past L2, so there is no cache to catch them in, while
     * each call of the kernel loads and stores the tile's whole partial (200 MB at m = 5001; summed
     * every 64 rows, the pass moved about 60 GB through memory for it at n = 10⁴). Measured on the
     * Gram pass of 10⁴ × 5000 in memory, alternating in one JVM: 7.9, 8.0, 5.5 s against 8.8, 10.4,
     * 5.7 s. Not part of the order.
     */
    static final int WIDE_FILL_FROM = 1024;

    /** Rows the filler writes before summing them, for width m: {@link #FILL_ROWS}, or the whole tile when wide. */
    public static int fillRows(int m) {
        return m >= WIDE_FILL_FROM ? tileRows(m) : FILL_ROWS;
    }

    /** Rows buffered by the Householder accumulator before they are folded into R. Part of the order. */
    public static final int HOUSEHOLDER_ROWS = 64;

    /** Observations per chunk of the parallel Householder pass (merged in chunk order). Part of the order. */
    public static final int QR_CHUNK_ROWS = 4096;

    /** Rows per block of the dense baseline's Gram accumulation (compare --sweep). */
    public static final int DENSE_ROWS = 32;

    /**
     * Rows per Gram tile for width m: the power of two nearest above 2²¹/m², within
     * [{@value #TILE_MIN_ROWS}, {@value #TILE_MAX_ROWS}], so that a tile is a few million flops of
     * work and handing it to a worker thread costs little next to it (256 rows at m = 201, 1024 at
     * m = 51, 16384 at m = 11). It depends on m only: it is part of the fixed summation order.
     */
    public static int tileRows(int m) {
        long target = (1L << 21) / ((long) m * m);
        int rows = TILE_MIN_ROWS;
        while (rows < target && rows < TILE_MAX_ROWS) {
            rows *= 2;
        }
        return rows;
    }
}
