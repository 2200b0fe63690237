package org.gramian.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.gramian.numeric.DD;
import org.gramian.numeric.DDVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wide path (issue #15 item 3): {@link BlockedCholesky}, {@link BlockedTriangular} and the
 * Lanczos condition number, against exact arithmetic, against the double-double finish, and for
 * the same bits on every thread count. The end-to-end accuracy at p = 324, 325 and 1000 is
 * {@code WideModelTest}'s (exact answers through every solver).
 */
class WideSolveTest {

    /**
     * An upper-triangular R with small integer entries and diagonal 1, 2 or 4: G = RᵀR is exact in
     * double, and so is every step of the row-oriented Cholesky (integers and dyadic quotients of a
     * few bits), so the factorization must give R back exactly.
     */
    private static double[][] integerFactor(int m, long seed) {
        Random rnd = new Random(seed);
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            r[i][i] = 1 << rnd.nextInt(3);
            for (int j = i + 1; j < m; j++) {
                r[i][j] = (rnd.nextInt(7) - 3) * r[i][i];
            }
        }
        return r;
    }

    private static double[][] gram(double[][] r) {
        int m = r.length;
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (int k = 0; k <= i; k++) {
                    s += r[k][i] * r[k][j];
                }
                g[i][j] = s;
                g[j][i] = s;
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

    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {1, 2, 5, 63, 64, 65, 130, 300})
    void choleskyRecoversAnIntegerFactorExactlyOnEveryThreadCount(int m) {
        double[][] r = integerFactor(m, m);
        double[][] g = gram(r);
        for (int threads : new int[] {1, 2, 3, 8}) {
            boolean[] aliased = new boolean[m];
            double[][] got = BlockedCholesky.upperInPlace(copy(g), 1e-7, aliased, 1, threads);
            assertThat(got).as("threads %d", threads).isDeepEqualTo(r);
            assertThat(aliased).doesNotContain(true);
        }
    }

    @Test
    void choleskyFlagsAnAliasedColumnAsTheUnblockedOneDoes() {
        int m = 150;
        double[][] r = integerFactor(m, 7);
        // column 100 a copy of column 99 and row 100 zero: G = RᵀR gets a dependent column, and
        // its exact factor is R itself (row 100 zero), which both factorizations must return
        for (int i = 0; i < m; i++) {
            r[i][100] = r[i][99];
            r[100][i] = 0;
        }
        double[][] g = gram(r);
        boolean[] a1 = new boolean[m];
        boolean[] a2 = new boolean[m];
        double[][] blocked = BlockedCholesky.upperInPlace(copy(g), 3.3e-7, a1, 1, 2);
        double[][] plain = Cholesky.upper(g, 3.3e-7, a2, 1);
        assertThat(a1).isEqualTo(a2);
        assertThat(a1[100]).isTrue();
        assertThat(blocked[100]).containsOnly(0.0);
        // integer data: both exact, so equal
        assertThat(blocked).isDeepEqualTo(plain).isDeepEqualTo(r);
    }

    @Test
    void choleskyControlTheOrderOfTermsMatters() {
        // the same factor by the unfused unblocked Cholesky differs in some bits on real data:
        // the equality above is not vacuous, and the blocked one is its own arithmetic
        Random rnd = new Random(3);
        int m = 200;
        double[][] x = new double[3 * m][m];
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (double[] row : x) {
                    s += row[i] * row[j];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        double[][] one = BlockedCholesky.upperInPlace(copy(g), 1e-7, new boolean[m], 1, 1);
        double[][] many = BlockedCholesky.upperInPlace(copy(g), 1e-7, new boolean[m], 1, 4);
        double[][] plain = Cholesky.upper(g, 1e-7, new boolean[m], 1);
        assertThat(many).isDeepEqualTo(one);
        assertThat(Arrays.deepEquals(one, plain)).isFalse();
        double max = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                max = Math.max(max, Math.abs(one[i][j] - plain[i][j]) / Math.abs(plain[i][i]));
            }
        }
        assertThat(max).isLessThan(1e-13);
    }

    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {24, 70, 129, 200, 333})
    void choleskyOnTheGramKernelGivesTheScalarLoopsBits(int m) {
        // Gaussian data (every bit matters, unlike the integer cases), with an aliased column and
        // widths that leave ragged column strips; the kernel's block update must reproduce the
        // scalar fma loops exactly, on every thread count
        Random rnd = new Random(m);
        double[][] x = new double[2 * m][m];
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                row[j] = rnd.nextGaussian() * (1 + j % 7);
            }
            row[m / 2] = row[m / 2 - 1];
        }
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (double[] row : x) {
                    s = Math.fma(row[i], row[j], s);
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        if ("vector".equals(System.getProperty("gramian.kernel.expect"))) {
            assertThat(org.gramian.accumulate.GramKernels.blockColumns(m)).as("the kernel path is taken").isPositive();
        }
        boolean[] aliasedScalar = new boolean[m];
        double[][] scalar = BlockedCholesky.upperInPlace(copy(g), 1e-7, aliasedScalar, 1, 1, false);
        assertThat(aliasedScalar[m / 2]).isTrue();
        for (int threads : new int[] {1, 2, 3}) {
            boolean[] aliased = new boolean[m];
            double[][] got = BlockedCholesky.upperInPlace(copy(g), 1e-7, aliased, 1, threads, true);
            assertThat(aliased).isEqualTo(aliasedScalar);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    assertThat(Double.doubleToRawLongBits(got[i][j]))
                            .as("R[%d][%d], %d threads", i, j, threads)
                            .isEqualTo(Double.doubleToRawLongBits(scalar[i][j]));
                }
            }
        }
    }

    /** A well-conditioned upper-triangular R (diagonal in [1, 2], small off-diagonal), m×m. */
    private static double[][] randomFactor(int m, long seed) {
        Random rnd = new Random(seed);
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            r[i][i] = 1 + rnd.nextDouble();
            for (int j = i + 1; j < m; j++) {
                r[i][j] = rnd.nextGaussian() / Math.sqrt(m);
            }
        }
        return r;
    }

    @ParameterizedTest(name = "q = {0}")
    @ValueSource(ints = {1, 3, 64, 65, 129, 257, 300, 563})
    void inverseAndGramAgreeWithDoubleDoubleOnEveryThreadCount(int q) {
        double[][] r = randomFactor(q + 1, 11 * q);
        DD[][] rdd = new DD[q + 1][q + 1];
        for (int i = 0; i <= q; i++) {
            for (int j = 0; j <= q; j++) {
                rdd[i][j] = DD.of(r[i][j]);
            }
        }
        TriangularInverse exact = TriangularInverse.of(rdd, q); // R⁻¹ to ~2⁻¹⁰⁴
        double[][] t = BlockedTriangular.inverse(r, q, 1);
        double[][] c = GramOfRowsOracle.gramOfRows(t, 1);
        // the scalar loops give the bits of the kernel's register blocks (taken from q = 24 + 64)
        assertThat(BlockedTriangular.inverse(r, q, 1, false)).isDeepEqualTo(t);
        assertThat(BlockedTriangular.inverse(r, q, 3, false)).isDeepEqualTo(t);
        for (int threads : new int[] {2, 3, 8}) {
            assertThat(BlockedTriangular.inverse(r, q, threads)).isDeepEqualTo(t);
            assertThat(GramOfRowsOracle.gramOfRows(t, threads)).isDeepEqualTo(c);
        }
        double tMax = 0;
        double cMax = 0;
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                tMax = Math.max(tMax, Math.abs(exact.get(i, j).doubleValue()));
                cMax = Math.max(cMax, Math.abs(exact.gram(Math.min(i, j), Math.max(i, j)).doubleValue()));
            }
        }
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double te = i <= j ? exact.get(i, j).doubleValue() : 0.0;
                assertThat(t[i][j]).as("T[%d][%d]", i, j).isCloseTo(te, within(1e-13 * tMax));
                double ce = exact.gram(Math.min(i, j), Math.max(i, j)).doubleValue();
                assertThat(c[i][j]).as("C[%d][%d]", i, j).isCloseTo(ce, within(1e-13 * cMax));
            }
        }
    }

    @Test
    void lanczosFindsCloseTopSingularValues() {
        // diagonal: σ_max is known exactly; the top two 10⁻⁶ apart, where power iteration stalls
        int p = 400;
        double[][] d = new double[p][p];
        for (int i = 0; i < p; i++) {
            d[i][i] = 1 + i;
        }
        d[p - 2][p - 2] = p * (1 - 1e-6);
        assertThat(ConditionNumber.lanczosNorm2(d)).isCloseTo(p, within(1e-11 * p));
        assertThat(ConditionNumber.norm2(d)).isLessThan(p * (1 - 1e-9)); // the control: power iteration is short
        // R = D·Q-like upper triangle: compare σ_max with the DD one-sided Jacobi SVD
        double[][] r = randomFactor(60, 5);
        DD[][] rdd = new DD[60][60];
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                rdd[i][j] = DD.of(r[i][j]);
            }
        }
        double top = 0;
        for (DD s : JacobiSvd.of(rdd).sigma()) {
            top = Math.max(top, s.doubleValue());
        }
        assertThat(ConditionNumber.lanczosNorm2(r)).isCloseTo(top, within(1e-12 * top));
        assertThat(ConditionNumber.norms2(2, r, null, d)).containsExactly(ConditionNumber.lanczosNorm2(r), Double.NaN,
                ConditionNumber.lanczosNorm2(d));
    }

    @Test
    void powerIterationOnTheTriangleIsUnchanged() {
        // norm2 skips a triangular matrix's zeros: the same σ as the full loops (written out here)
        double[][] r = randomFactor(90, 9);
        assertThat(ConditionNumber.norm2(r)).isEqualTo(FullPowerIteration.norm2(r));
    }

    @Test
    void wideFinishAgreesWithTheDoubleDoubleFinish() {
        // one factor of doubles finished both ways: in double (wide path) and in double-double
        int p = TriangularSolver.WIDE + 22;
        double[][] r = randomFactor(p + 1, 17);
        DD[][] rdd = new DD[p + 1][p + 1];
        for (int i = 0; i <= p; i++) {
            for (int j = 0; j <= p; j++) {
                rdd[i][j] = DD.of(r[i][j]);
            }
        }
        double[] shift = new double[p + 1];
        for (int j = 1; j <= p; j++) {
            shift[j] = 0.25 * j - 3;
        }
        TriangularFactor doubles = new TriangularFactor(rdd, 1000, shift, TriangularFactor.DOUBLE_ROUNDOFF, true);
        assertThat(TriangularSolver.wide(doubles)).isTrue();
        // DD_ROUNDOFF sends the same numbers down the double-double path (only the digit estimate
        // and the aliasing tolerance, which no column is near here, depend on it)
        TriangularFactor viaDd = new TriangularFactor(rdd, 1000, shift, TriangularFactor.DD_ROUNDOFF, true);
        assertThat(TriangularSolver.wide(viaDd)).isFalse();
        LeastSquaresSolution a = TriangularSolver.solve(doubles, true, false);
        LeastSquaresSolution b = TriangularSolver.solve(viaDd, true, false);
        double wMax = 0;
        for (DD w : b.coefficients()) {
            wMax = Math.max(wMax, Math.abs(w.doubleValue()));
        }
        for (int j = 0; j < p; j++) {
            assertThat(a.coefficients()[j].doubleValue()).isCloseTo(b.coefficients()[j].doubleValue(),
                    within(1e-14 * wMax));
            for (int k = 0; k < p; k++) {
                double ref = b.scaledInverse()[j][k].doubleValue();
                double scaleJk = Math.sqrt(b.scaledInverse()[j][j].doubleValue() * b.scaledInverse()[k][k].doubleValue());
                assertThat(a.inverse(j, k).doubleValue()).isCloseTo(ref, within(1e-13 * scaleJk));
            }
        }
        assertThat(a.scaledRss()).isEqualTo(b.scaledRss());
        assertThat(a.rank()).isEqualTo(p);
        // κ₂: Lanczos (wide) against power iteration, which settles to ~10⁻⁷ on such spectra
        assertThat(a.conditionNumber()).isCloseTo(b.conditionNumber(), within(1e-6 * b.conditionNumber()));
        assertThat(a.unscaledConditionNumber()).isCloseTo(b.unscaledConditionNumber(),
                within(1e-6 * b.unscaledConditionNumber()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 23, 24, 63, 64, 65, 131, 300, 401})
    void mirroredGramGivesTheSameBitsAsTheTransposedCopy(int q) {
        double[][] r = randomFactor(q + 1, 3 * q + 1);
        double[][] t = BlockedTriangular.inverse(r, q, 1);
        double[][] expected = GramOfRowsOracle.gramOfRows(t, 1);
        double[][] mirrored = copy(t);
        MirroredTriangle.mirrorUpper(mirrored, q, 2);
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(mirrored[i][j]).isEqualTo(t[j][i]);
            }
        }
        for (int threads : new int[] {1, 3}) {
            assertThat(BlockedTriangular.gramOfRowsMirrored(mirrored, q, threads)).isDeepEqualTo(expected);
            // the scalar loops, when the kernel's register blocks ran above (and the other way round)
            assertThat(BlockedTriangular.gramOfRowsMirrored(mirrored, q, threads, false)).isDeepEqualTo(expected);
        }
        if (q >= 24 && "vector".equals(System.getProperty("gramian.kernel.expect"))) {
            assertThat(org.gramian.accumulate.GramKernels.blockColumns(q)).as("the kernel path is taken").isPositive();
        }
    }

    @Test
    void mirroredNormsAgreeWithTheExplicitMatrices() {
        // ‖diag(l)·U·diag(r)‖₂ from the mirrored storage against lanczosNorm2 of the matrix written out
        // (itself checked against the double-double SVD above); the pair in lockstep gives each
        // norm's bits as alone
        int p = 180;
        double[][] u = randomFactor(p, 23);
        Random rnd = new Random(29);
        double[] l = new double[p];
        double[] rr = new double[p];
        for (int i = 0; i < p; i++) {
            l[i] = Math.exp(rnd.nextGaussian());
            rr[i] = Math.exp(rnd.nextGaussian());
        }
        double[][] m = copy(u);
        MirroredTriangle.mirrorUpper(m, p, 1);
        double[][][] cases = {{null, null}, {l, null}, {null, rr}, {l, rr}};
        double[] alone = new double[cases.length];
        for (int c = 0; c < cases.length; c++) {
            double[] left = cases[c][0];
            double[] right = cases[c][1];
            double[][] explicit = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = i; j < p; j++) {
                    explicit[i][j] = (left == null ? 1 : left[i]) * u[i][j] * (right == null ? 1 : right[j]);
                }
            }
            double ref = ConditionNumber.lanczosNorm2(explicit);
            alone[c] = MirroredTriangle.norm2(m, p, left, right);
            assertThat(alone[c]).as("case %d", c).isCloseTo(ref, within(1e-12 * ref));
        }
        assertThat(MirroredTriangle.norms2(m, p, null, null, true, l, rr)).containsExactly(alone[0], alone[3]);
        assertThat(MirroredTriangle.norms2(m, p, l, null, true, null, rr)).containsExactly(alone[1], alone[2]);
        assertThat(MirroredTriangle.norms2(m, p, l, null, false, null, null)[0]).isEqualTo(alone[1]);
        // an entry that is not finite: NaN, as lanczosNorm2
        double[][] bad = copy(m);
        bad[3][7] = Double.POSITIVE_INFINITY;
        assertThat(MirroredTriangle.norm2(bad, p, null, null)).isNaN();
    }

    @Test
    void wideFinishGivesTheSameBitsOnEveryThreadCount() {
        int p = TriangularSolver.WIDE + 70;
        double[][] r = randomFactor(p + 1, 31);
        double[] shift = new double[p + 1];
        for (int j = 1; j <= p; j++) {
            shift[j] = 0.5 * j - 40;
        }
        double[] scale = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            scale[j] = Math.scalb(1.0, (j % 7) - 3);
        }
        LeastSquaresSolution first = null;
        for (int threads : new int[] {1, 2, 5}) {
            TriangularFactor f = new TriangularFactor(null, 5000, shift, TriangularFactor.DOUBLE_ROUNDOFF, true, scale,
                    copy(r));
            LeastSquaresSolution s = WideTriangularSolver.solve(f.doubleR(), f, true, threads);
            if (first == null) {
                first = s;
                continue;
            }
            assertThat(s.doubleInverse()).isDeepEqualTo(first.doubleInverse());
            for (int j = 0; j < p; j++) {
                assertThat(s.coefficients()[j].hi).isEqualTo(first.coefficients()[j].hi);
                assertThat(s.coefficients()[j].lo).isEqualTo(first.coefficients()[j].lo);
            }
            assertThat(s.conditionNumber()).isEqualTo(first.conditionNumber());
            assertThat(s.unscaledConditionNumber()).isEqualTo(first.unscaledConditionNumber());
            assertThat(s.scaledPrintedRss()).isEqualTo(first.scaledPrintedRss());
        }
        // and the same numbers as the double-double finish of the same factor, as in the test above
        DD[][] rdd = new DD[p + 1][p + 1];
        for (int i = 0; i <= p; i++) {
            for (int j = 0; j <= p; j++) {
                rdd[i][j] = DD.of(r[i][j]);
            }
        }
        LeastSquaresSolution dd = TriangularSolver.solve(new TriangularFactor(rdd, 5000, shift,
                TriangularFactor.DD_ROUNDOFF, true, scale), true, false);
        double wMax = 0;
        for (DD w : dd.coefficients()) {
            wMax = Math.max(wMax, Math.abs(w.doubleValue()));
        }
        for (int j = 0; j < p; j++) {
            assertThat(first.coefficients()[j].doubleValue()).isCloseTo(dd.coefficients()[j].doubleValue(),
                    within(1e-13 * wMax));
            double scaleJj = dd.scaledInverse()[j][j].doubleValue();
            assertThat(first.inverse(j, j).doubleValue()).isCloseTo(scaleJj, within(1e-12 * scaleJj));
            assertThat(first.inverse(0, j).doubleValue()).isCloseTo(dd.scaledInverse()[0][j].doubleValue(),
                    within(1e-12 * Math.sqrt(scaleJj * dd.scaledInverse()[0][0].doubleValue())));
        }
        assertThat(first.scaledPrintedRss().doubleValue()).isCloseTo(dd.scaledPrintedRss().doubleValue(),
                within(1e-9 * dd.scaledRss().doubleValue()));
        assertThat(first.conditionNumber()).isCloseTo(dd.conditionNumber(), within(1e-6 * dd.conditionNumber()));
        assertThat(first.unscaledConditionNumber()).isCloseTo(dd.unscaledConditionNumber(),
                within(1e-6 * dd.unscaledConditionNumber()));
    }

    @Test
    void aWideDoubleFactorWithAnAliasedColumnTakesTheDoubleDoublePath() {
        int p = TriangularSolver.WIDE + 3;
        double[][] r = randomFactor(p + 1, 37);
        java.util.Arrays.fill(r[7], 7, p + 1, 0.0);   // column 7 dependent on columns 0..6
        for (int i = 0; i < 7; i++) {
            r[i][7] = r[i][3] * 2;
        }
        TriangularFactor f = new TriangularFactor(null, 5000, null, TriangularFactor.DOUBLE_ROUNDOFF, true, null, r);
        LeastSquaresSolution s = TriangularSolver.solve(f, false, false);
        assertThat(s.rank()).isEqualTo(p - 1);
        assertThat(s.aliased()[7]).isTrue();
        assertThat(s.coefficients()[7].doubleValue()).isNaN();
        assertThat(s.doubleInverse()).isNull();
    }

    /** The power iteration as it was before the triangle-aware loops, for the control above. */
    private static final class FullPowerIteration {
        static double norm2(double[][] a) {
            int p = a.length;
            double maxAbs = 0;
            for (double[] row : a) {
                for (double v : row) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
            double s = Math.scalb(1.0, -Math.getExponent(maxAbs));
            double[][] b = new double[p][p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    b[i][j] = a[i][j] * s;
                }
            }
            double[] v = new double[p];
            for (int j = 0; j < p; j++) {
                double c = 0;
                for (int i = 0; i < p; i++) {
                    c += Math.abs(b[i][j]);
                }
                v[j] = c + 1.0 / (j + 2.0);
            }
            normalize(v);
            double[] u = new double[p];
            double sigma = 0;
            for (int it = 0; it < 500; it++) {
                for (int i = 0; i < p; i++) {
                    double t = 0;
                    for (int j = 0; j < p; j++) {
                        t += b[i][j] * v[j];
                    }
                    u[i] = t;
                }
                double next = norm(u);
                if (next == 0) {
                    break;
                }
                Arrays.fill(v, 0.0);
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        v[j] += b[i][j] * u[i];
                    }
                }
                double nv = norm(v);
                next = Math.max(next, nv / next);
                for (int j = 0; j < p; j++) {
                    v[j] /= nv;
                }
                boolean done = Math.abs(next - sigma) <= 1e-10 * next;
                sigma = next;
                if (done) {
                    break;
                }
            }
            return sigma / s;
        }

        private static double norm(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return Math.sqrt(s);
        }

        private static void normalize(double[] x) {
            double n = norm(x);
            for (int i = 0; i < x.length; i++) {
                x[i] /= n;
            }
        }
    }
}
