package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gramian.design.Design;
import org.gramian.design.InvalidValueException;
import org.gramian.design.ModelSpec;
import org.gramian.accumulate.GramKernels.Kind;
import org.junit.jupiter.api.Test;

/**
 * The parallel Gram accumulation: same bits for any thread count and block sizes, and correct sums.
 * The build runs this class twice, with the vector kernel active and with {@code -Dgramian.kernel=scalar}
 * ({@link GramKernels}); {@link #theOtherKernelGivesTheSameBits} compares the two in one JVM.
 */
class DeterministicGramTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "y");
    /** Rows per canonical tile for this test's width m = 7. */
    private static final int TILE = GramTile.rowsFor(7);
    private static final ModelSpec SPEC = ModelSpec.linear("y", List.of("a", "b", "c", "d", "e"));

    /** Rows with large means and spread, so that rounding differs with any change of order. */
    private static double[][] data(int n, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][NAMES.size()];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 1000.0 * (j + 1) + r.nextGaussian() * Math.pow(10, j - 2);
            }
        }
        return rows;
    }

    private static GramAccumulator gram(double[][] rows, int threads, int... sizes) {
        ChunkedSource src = new ChunkedSource(NAMES, rows, sizes);
        return Accumulation.gram(src, Design.bind(SPEC, NAMES), threads);
    }

    private static long[] bits(GramAccumulator acc) {
        double[][] g = acc.gram();
        long[] out = new long[g.length * g.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                out[i * g.length + j] = Double.doubleToRawLongBits(g[i][j]);
            }
        }
        return out;
    }

    @Test
    void sameBitsForEveryThreadCountAndBlockSize() {
        // 5 full tiles and a partial one; block sizes straddle tile edges in many ways.
        int n = 5 * TILE + 77;
        double[][] rows = data(n, 42);
        long[] reference = bits(gram(rows, 1, 4096));
        int[][] blockings = {{1}, {7}, {TILE - 1}, {TILE + 1}, {1000}, {3, 250, 1, 513, 64}, {n}};
        for (int threads : new int[]{1, 2, 4}) {
            for (int[] sizes : blockings) {
                GramAccumulator acc = gram(rows, threads, sizes);
                assertThat(acc.count()).isEqualTo(n);
                assertThat(bits(acc)).as("threads %d, blocks %s", threads, java.util.Arrays.toString(sizes))
                        .isEqualTo(reference);
            }
        }
    }

    @Test
    void bigBlocksLendTheirTilesInPlaceWithTheSameBits() {
        // A block of at least TilePipeline.BORROW_MIN_TILES tiles (an in-memory source's single
        // block) is not copied: the workers read its whole tiles in place and accept waits for them.
        // ChunkedSource overwrites its buffer with NaN after each callback, so a worker reading a lent
        // block too late would fail or change the bits.
        int big = TilePipeline.BORROW_MIN_TILES * TILE;
        int n = big + 2 * TILE + 77;
        double[][] rows = data(n, 8);
        long[] reference = bits(gram(rows, 1, 4096)); // copied tiles only
        int[][] blockings = {{n}, {big}, {big + 5, 100}, {3, big + 1, TILE}, {big + TILE}};
        for (int threads : new int[]{1, 2, 4}) {
            for (int[] sizes : blockings) {
                GramAccumulator acc = gram(rows, threads, sizes);
                assertThat(acc.count()).isEqualTo(n);
                assertThat(bits(acc)).as("threads %d, blocks %s", threads, java.util.Arrays.toString(sizes))
                        .isEqualTo(reference);
            }
        }
    }

    @Test
    void aBadValueInALentBlockIsReportedByRow() {
        int n = (TilePipeline.BORROW_MIN_TILES + 1) * TILE;
        double[][] rows = data(n, 6);
        rows[n - 3][4] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> gram(rows, 2, n))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("row " + (n - 2));
    }

    @Test
    void thePlainCopyOfColumnsGivesTheBitsOfTheGeneralExpansion() {
        // A plain design (columns as they are) is copied straight into the tile rows
        // (GramAccumulator.augmentColumns); a weighted design goes through Design.expand, augment and
        // ×√w. With all weights 1 (√1 = 1, exact) both must give the same bits, also with the
        // features in another order than the source's columns and without intercept.
        List<String> names = List.of("a", "b", "c", "d", "e", "y", "w");
        int n = 3 * TILE + 11;
        double[][] base = data(n, 21);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOf(base[i], 7);
            rows[i][6] = 1.0;
        }
        for (boolean intercept : new boolean[]{true, false}) {
            ModelSpec plain = ModelSpec.linear("y", List.of("d", "a", "e", "c")).withIntercept(intercept);
            Design d = Design.bind(plain, names);
            assertThat(d.plainColumns()).isNotNull();
            Design weighted = Design.bind(plain.withWeights("w"), names);
            assertThat(weighted.plainColumns()).isNull();
            for (int threads : new int[]{1, 2}) {
                GramAccumulator a = Accumulation.gram(new ChunkedSource(names, rows, 1000), d, threads);
                GramAccumulator b = Accumulation.gram(new ChunkedSource(names, rows, 1000), weighted, threads);
                assertThat(bits(a)).as("intercept %s, threads %d", intercept, threads).isEqualTo(bits(b));
            }
        }
        assertThat(Design.bind(ModelSpec.polynomial("y", "a", 2), names).plainColumns()).isNull();
    }

    @Test
    void theOtherKernelGivesTheSameBits() {
        // The canonical tiles summed by hand with the kernel that is *not* active (same shifted,
        // scaled rows; tiles from zero, added in order) must give the pipeline's bits exactly.
        org.junit.jupiter.api.Assumptions.assumeTrue(GramKernels.vectorAvailable(), "vector kernel unavailable");
        Kind other = GramKernels.current() == Kind.VECTOR ? Kind.SCALAR : Kind.VECTOR;
        int n = 3 * TILE + 123;
        double[][] rows = data(n, 99);
        GramAccumulator acc = gram(rows, 2, 517);
        GramAccumulator rowMaker = new GramAccumulator(6, acc.shift(), acc.scale());
        int m = 7;
        double[][] g = new double[m][m];
        for (int t0 = 0; t0 < n; t0 += TILE) {
            int count = Math.min(TILE, n - t0);
            double[][] tile = new double[count][m];
            for (int k = 0; k < count; k++) {
                double[] row = rows[t0 + k];
                rowMaker.augment(new double[] {1, row[0], row[1], row[2], row[3], row[4]}, row[5], tile[k]);
            }
            double[][] part = new double[m][m];
            GramKernels.update(other, tile, count, m, part);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    g[i][j] += part[i][j];
                }
            }
        }
        double[][] pipeline = acc.gram();
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                assertThat(Double.doubleToRawLongBits(g[i][j])).as("%s kernel, G[%d][%d]", other, i, j)
                        .isEqualTo(Double.doubleToRawLongBits(pipeline[i][j]));
            }
        }
    }

    @Test
    void theBitsDependOnTheOrderSoTheTestAboveCanFail() {
        // Reversing the rows changes the sums' rounding: bit-identity above is not vacuous.
        int n = 3 * TILE;
        double[][] rows = data(n, 7);
        double[][] reversed = new double[n][];
        for (int i = 0; i < n; i++) {
            reversed[i] = rows[n - 1 - i];
        }
        reversed[0] = rows[0]; // same first row, so the same shift
        reversed[n - 1] = rows[n - 1];
        assertThat(bits(gram(reversed, 2, 100))).isNotEqualTo(bits(gram(rows, 2, 100)));
    }

    @Test
    void addOneByOneGivesTheSameBitsAsTheParallelPass() {
        int n = 2 * TILE + 13;
        double[][] rows = data(n, 3);
        GramAccumulator parallel = gram(rows, 2, 97);
        double[] shift = rows[0].clone();
        double[] first = {1, shift[0], shift[1], shift[2], shift[3], shift[4], shift[5]};
        double[] shiftOthers = first.clone();
        shiftOthers[0] = 0.0; // the intercept's column is not shifted
        GramAccumulator serial = new GramAccumulator(6, shiftOthers, Equilibration.fromMagnitudes(first));
        for (double[] row : rows) {
            serial.add(new double[]{1, row[0], row[1], row[2], row[3], row[4]}, row[5]);
        }
        assertThat(serial.count()).isEqualTo(n);
        assertThat(bits(serial)).isEqualTo(bits(parallel));
    }

    @Test
    void sumsAgreeWithExactArithmetic() {
        int n = TILE + 5;
        double[][] rows = data(n, 11);
        GramAccumulator acc = gram(rows, 2, 333);
        double[][] g = acc.gram();
        double[] d = acc.scale();
        // Exact sums of the products of the shifted, scaled rows (as the accumulator applies them;
        // the scales are powers of two, so scaling is exact).
        List<double[]> aug = new ArrayList<>();
        for (double[] row : rows) {
            double[] a = new double[7];
            a[0] = 1.0;
            for (int j = 0; j < 6; j++) {
                a[j + 1] = (row[j] - rows[0][j]) * d[j + 1];
            }
            aug.add(a);
        }
        for (int i = 0; i < 7; i++) {
            for (int j = i; j < 7; j++) {
                BigDecimal exact = BigDecimal.ZERO;
                double abs = 0;
                for (double[] a : aug) {
                    exact = exact.add(new BigDecimal(a[i]).multiply(new BigDecimal(a[j])));
                    abs += Math.abs(a[i] * a[j]);
                }
                double err = Math.abs(exact.subtract(new BigDecimal(g[i][j])).round(MathContext.DECIMAL64)
                        .doubleValue());
                // Each row's product enters through one fused multiply-add (one rounding) and each tile
                // sum through one addition: the textbook bound for recursive summation is
                // (n + tiles)·u·Σ|a_i a_j|, u = ε/2. Leaving out or doubling one row would be off by
                // about Σ/n, which is four orders of magnitude above this bound.
                double bound = (n + 2) * 0.5 * Math.ulp(1.0) * abs;
                assertThat(err).as("G[%d][%d]", i, j).isLessThanOrEqualTo(bound);
                assertThat(g[j][i]).isEqualTo(g[i][j]);
            }
        }
        assertThat(g[0][0]).isEqualTo(n);
    }

    @Test
    void badValueInTheMiddleIsReportedWithThreads() {
        double[][] rows = data(2000, 5);
        rows[1500][2] = Double.NaN;
        assertThatThrownBy(() -> gram(rows, 2, 100))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("row 1501");
    }

    @Test
    void emptySourceAndBadThreadCount() {
        assertThat(gram(new double[0][], 2, 10).count()).isZero();
        assertThatThrownBy(() -> gram(data(3, 1), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Passes of one shape reuse the tile units of the pass before ({@code TilePipeline.Spare}):
     * what a unit held must never reach the next pass, after a completed pass or one cut short by
     * bad data (with units still filled, mid-tile).
     */
    @Test
    void reusedTileUnitsCarryNothingFromOnePassToTheNext() {
        int n = 3 * TILE + 123;
        double[][] a = data(n, 7);
        double[][] b = data(n, 8);
        for (int threads : new int[] {1, 3}) {
            long[] first = bits(gram(a, threads, 500));
            gram(b, threads, 700);
            double[][] bad = data(n, 9);
            bad[2 * TILE + 5][2] = Double.NaN;           // the pass stops in its third tile
            assertThatThrownBy(() -> gram(bad, threads, 300)).isInstanceOf(org.gramian.GramianException.class);
            assertThat(bits(gram(a, threads, 500))).as("threads %d", threads).isEqualTo(first);
            assertThat(bits(gram(a, threads, n))).as("one block, tiles lent, threads %d", threads).isEqualTo(first);
        }
    }
}

