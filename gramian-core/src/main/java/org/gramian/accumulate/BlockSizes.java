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
