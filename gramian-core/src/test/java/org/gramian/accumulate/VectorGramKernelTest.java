package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gramian.accumulate.GramKernels.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernel gives the scalar kernel's bits, entry for entry, on random tiles of many
 * shapes: widths m = 1..300 (every remainder modulo the vector and register-block sizes) and row
 * counts around every blocking boundary (the scalar kernel's 4 and 16, the vector kernel's panel).
 * The data have large offsets and magnitudes spread over many binades, so that any change in the
 * order of the operations or any unfused product changes the rounding (checked by the control
 * tests at the end, which make the comparison non-vacuous).
 */
class VectorGramKernelTest {
    private static GramKernels.Impl scalar;
    private static GramKernels.Impl vector;

    @BeforeAll
    static void kernels() {
        assumeTrue(GramKernels.vectorAvailable(), "vector kernel unavailable (GramKernelsTest says why)");
        scalar = GramKernels.impl(Kind.SCALAR);
        vector = GramKernels.impl(Kind.VECTOR);
    }

    static IntStream widths() {
        return IntStream.concat(IntStream.rangeClosed(1, 40),
                IntStream.of(47, 51, 63, 64, 65, 96, 100, 127, 128, 129, 150, 201, 255, 256, 257, 300));
    }

    /** Row counts straddling every blocking boundary of both kernels at width m. */
    static int[] counts(int m) {
        int kc = VectorGramKernel.panelRows(m);
        int[] c = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, kc - 1, kc, kc + 1, 2 * kc + 7, GramTile.rowsFor(m)};
        return Arrays.stream(c).filter(x -> x >= 1 && (long) x * m * m <= 40_000_000L).distinct().toArray();
    }

    /** Random rows: large offsets, magnitudes over 2^±20, a few exact zeros and negative values. */
    static double[][] rows(SplittableRandom r, int count, int width, int m) {
        double[][] rows = new double[count][width];
        for (double[] row : rows) {
            for (int j = 0; j < m; j++) {
                double u = r.nextDouble();
                row[j] = u < 0.02 ? 0.0 : Math.scalb(1000.0 * (j % 7) + r.nextGaussian(), r.nextInt(41) - 20);
            }
        }
        return rows;
    }

    private static double[][] randomStart(SplittableRandom r, int m) {
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                g[i][j] = j >= i ? r.nextGaussian() * 1e3 : Double.NaN;
            }
        }
        return g;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Entries (i, j), i ≤ j < m, whose bits differ; and lower-triangle entries no longer NaN. */
    private static List<String> differences(double[][] expected, double[][] actual, int m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (j < i) {
                    if (!Double.isNaN(actual[i][j])) {
                        out.add("lower (" + i + "," + j + ") touched");
                    }
                } else if (Double.doubleToRawLongBits(expected[i][j]) != Double.doubleToRawLongBits(actual[i][j])) {
                    out.add("(" + i + "," + j + "): " + expected[i][j] + " vs " + actual[i][j]);
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "m = {0}")
    @MethodSource("widths")
    void sameBitsAsTheScalarKernelOnEveryShape(int m) {
        SplittableRandom r = new SplittableRandom(1000 + m);
        for (int count : counts(m)) {
            // Rows exactly m wide (the vector kernel copies them into padded panels) and rows in
            // the vector kernel's own padded width (read in place): both must give the scalar bits.
            for (int width : new int[] {m, vector.rowWidth(m)}) {
                updateGivesTheScalarBits(r, count, width, m);
            }
        }
    }

    /** Random rows of the given width onto a random start: {@code update} of both kernels, the same bits. */
    private static void updateGivesTheScalarBits(SplittableRandom r, int count, int width, int m) {
        double[][] rows = rows(r, count, width, m);
        double[][] start = randomStart(r, m);
        double[][] expected = copy(start);
        scalar.update(rows, count, m, expected);
        double[][] actual = copy(start);
        vector.update(rows, count, m, actual);
        assertThat(differences(expected, actual, m)).as("m %d, count %d, row width %d", m, count, width)
                .isEmpty();
    }

    /**
     * The macro-tiled sweep (used from {@link VectorGramKernel#TILED_FROM} columns) at small sizes,
     * so that every shape of m meets tile and panel edges: macro tiles of 1, 2 and 4 units, panels
     * of 1, 7 and 64 rows, rows read in place and packed.
     */
    @ParameterizedTest(name = "m = {0}")
    @MethodSource("widths")
    void sameBitsInMacroTilesOfAnySize(int m) {
        SplittableRandom r = new SplittableRandom(300 + m);
        int u = VectorGramKernel.tileUnit();
        for (int tile : new int[] {u, 2 * u, 4 * u}) {
            for (int kc : new int[] {1, 7, 64}) {
                int count = Math.min(2 * kc + 3, (int) Math.max(1, 20_000_000L / ((long) m * m)));
                for (int width : new int[] {m, vector.rowWidth(m)}) {
                    double[][] rows = rows(r, count, width, m);
                    double[][] start = randomStart(r, m);
                    double[][] expected = copy(start);
                    scalar.update(rows, count, m, expected);
                    double[][] gp = new double[vector.gramRows(m)][vector.rowWidth(m)];
                    for (int i = 0; i < m; i++) {
                        System.arraycopy(start[i], i, gp[i], i, m - i);
                    }
                    VectorGramKernel.accumulate(rows, 0, count, m, gp, kc, tile);
                    double[][] actual = copy(start);
                    for (int i = 0; i < m; i++) {
                        System.arraycopy(gp[i], i, actual[i], i, m - i);
                    }
                    assertThat(differences(expected, actual, m))
                            .as("m %d, tile %d, panel %d, count %d, width %d", m, tile, kc, count, width).isEmpty();
                }
            }
        }
    }

    /** Past {@link VectorGramKernel#TILED_FROM} columns the kernel's own entry point takes the tiled sweep. */
    @Test
    void sameBitsAsTheScalarKernelWhenWide() {
        int m = VectorGramKernel.TILED_FROM + 7;
        SplittableRandom r = new SplittableRandom(99);
        for (int width : new int[] {m, vector.rowWidth(m)}) {
            updateGivesTheScalarBits(r, VectorGramKernel.TILED_ROWS + 45, width, m);
        }
    }

    @ParameterizedTest(name = "m = {0}")
    @MethodSource("widths")
    void sameBitsThroughGramTileAsThePipelineUsesIt(int m) {
        // A full tile and a partial one, summed from zero in each kernel's own tile layout.
        SplittableRandom r = new SplittableRandom(7 + m);
        for (int fill : new int[] {GramTile.rowsFor(m), GramTile.rowsFor(m) / 2 + 3}) {
            GramTile s = new GramTile(m, scalar);
            GramTile v = new GramTile(m, vector);
            double[][] rows = rows(r, fill, m, m);
            for (double[] row : rows) {
                System.arraycopy(row, 0, s.row(s.next()), 0, m);
                System.arraycopy(row, 0, v.row(v.next()), 0, m);
            }
            s.compute();
            v.compute();
            double[][] a = new double[m][m];
            double[][] b = new double[m][m];
            for (int i = 0; i < m; i++) {
                Arrays.fill(a[i], Double.NaN);
                Arrays.fill(b[i], Double.NaN);
                for (int j = i; j < m; j++) {
                    a[i][j] = s.partial()[i][j];
                    b[i][j] = v.partial()[i][j];
                }
            }
            assertThat(differences(a, b, m)).as("m %d, %d rows", m, fill).isEmpty();
            // Reused tile: cleared and refilled, the stale sums must not leak in.
            v.clear();
            for (double[] row : rows) {
                System.arraycopy(row, 0, v.row(v.next()), 0, m);
            }
            v.compute();
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    b[i][j] = v.partial()[i][j];
                }
            }
            assertThat(differences(a, b, m)).as("m %d, %d rows, reused tile", m, fill).isEmpty();
        }
    }

    @Test
    void theTilesAreLaidOutForWholeVectors() {
        for (int m = 1; m <= 300; m++) {
            int w = vector.rowWidth(m);
            assertThat(w).isGreaterThanOrEqualTo(m).isLessThan(m + Math.max(VectorGramKernel.L, 8));
            assertThat(w % VectorGramKernel.L).isZero();
            assertThat(vector.gramRows(m) % 8).isZero();
            int kc = VectorGramKernel.panelRows(m);
            assertThat(kc).isBetween(16, 256);
            assertThat(Integer.bitCount(kc)).isEqualTo(1);
        }
    }

    @Test
    void wideTilesGoToTheScalarKernelOnlyWith256BitVectors() {
        int widest = vector.widest();
        if (VectorGramKernel.L >= 8) {
            assertThat(widest).isEqualTo(Integer.MAX_VALUE);
        } else {
            assertThat(widest).isEqualTo(VectorGramKernel.WIDEST_256_BIT);
        }
        assertThat(scalar.widest()).isEqualTo(Integer.MAX_VALUE);
        // a tile summed through the entry point on either side of the limit: the bits of the scalar kernel
        for (int m : new int[] {VectorGramKernel.WIDEST_256_BIT, VectorGramKernel.WIDEST_256_BIT + 1}) {
            double[][] rows = rows(new SplittableRandom(m), 40, vector.rowWidth(m), m);
            double[][] viaEntry = new double[vector.gramRows(m)][vector.rowWidth(m)];
            double[][] viaScalar = new double[vector.gramRows(m)][vector.rowWidth(m)];
            GramKernels.accumulateTile(rows, 40, m, viaEntry);
            scalar.accumulate(rows, 40, m, viaScalar);
            for (int i = 0; i < m; i++) {   // the entries i ≤ j < m (below the diagonal is scratch)
                for (int j = i; j < m; j++) {
                    assertThat(Double.doubleToRawLongBits(viaEntry[i][j])).as("m %d (%d,%d)", m, i, j)
                            .isEqualTo(Double.doubleToRawLongBits(viaScalar[i][j]));
                }
            }
        }
    }

    // Controls: the data above do tell the orders apart, so the equalities are not vacuous.

    @Test
    void reversingTheRowsChangesTheBits() {
        int m = 37;
        int count = 300;
        double[][] rows = rows(new SplittableRandom(5), count, m, m);
        double[][] reversed = new double[count][];
        for (int k = 0; k < count; k++) {
            reversed[k] = rows[count - 1 - k];
        }
        double[][] a = new double[m][m];
        double[][] b = new double[m][m];
        vector.update(rows, count, m, a);
        vector.update(reversed, count, m, b);
        long differing = IntStream.range(0, m).mapToLong(i -> IntStream.range(i, m)
                .filter(j -> Double.doubleToRawLongBits(a[i][j]) != Double.doubleToRawLongBits(b[i][j])).count()).sum();
        assertThat(differing).as("entries whose bits depend on the row order").isGreaterThan(m * (m + 1) / 4);
    }

    @Test
    void unfusedProductsChangeTheBits() {
        int m = 37;
        int count = 300;
        double[][] rows = rows(new SplittableRandom(6), count, m, m);
        double[][] g = new double[m][m];
        vector.update(rows, count, m, g);
        long differing = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (int k = 0; k < count; k++) {
                    s += rows[k][i] * rows[k][j];
                }
                if (Double.doubleToRawLongBits(s) != Double.doubleToRawLongBits(g[i][j])) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("entries whose bits depend on fusing the multiply-add").isGreaterThan(m * (m + 1) / 8);
    }
}
