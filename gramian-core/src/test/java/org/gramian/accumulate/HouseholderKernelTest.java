package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.gramian.numeric.DD;
import org.gramian.numeric.DDVectors;
import org.junit.jupiter.api.Test;

/**
 * The row-by-row Householder kernels, scalar and Vector API, give the same bits as the
 * column-by-column double-double dot products and axpys they replaced: each kernel directly against
 * {@link DDVectors} (random and hostile values: signed zeros, subnormals, 1e±300, infinities), and
 * the accumulator against {@link ColumnwiseHouseholder} (the previous accumulator, kept as the
 * oracle) on random data with decimal tails, at every width around the SIMD lane counts, on
 * partial blocks and merges, and on hostile data (magnitudes 1e±150, zero, duplicated and constant
 * columns, signed zeros, overflow). The accumulator runs the kernel the test JVM is configured for
 * (the build runs this class with {@code -Dgramian.kernel=vector} and again with {@code =scalar}).
 */
class HouseholderKernelTest {
    private static final int[] WIDTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 20, 21, 31, 32, 33, 47, 70};

    /** The kernels this JVM can run: the scalar one, and the Vector API one with the module. */
    private static List<HouseholderKernels.Impl> kernels() {
        return HouseholderKernels.VECTOR == null ? List.of(HouseholderKernels.SCALAR)
                : List.of(HouseholderKernels.SCALAR, HouseholderKernels.VECTOR);
    }

    @Test
    void theVectorKernelIsTestedWhereverTheModuleIs() {
        assertThat(HouseholderKernels.VECTOR != null).isEqualTo(GramKernels.vectorAvailable());
    }

    /** Both kernels directly against DDVectors.dot and axpy, on random blocks and every j. */
    @Test
    void kernelsEqualTheColumnwiseDotAndAxpy() {
        for (HouseholderKernels.Impl kernel : kernels()) {
            Random r = new Random(11);
            for (int m : new int[]{1, 2, 7, 8, 9, 17, 41}) {
                for (int rows : new int[]{1, 7, 64}) {
                    for (int hostile = 0; hostile < 2; hostile++) {
                        checkKernel(kernel, r, m, rows, hostile == 1);
                    }
                }
            }
        }
    }

    private static void checkKernel(HouseholderKernels.Impl kernel, Random r, int m, int rows, boolean hostile) {
        String what = kernel.name() + " m " + m + " rows " + rows + (hostile ? " hostile" : "");
        int w = m + kernel.padding();
        double[] h = new double[rows * w];
        double[] l = new double[rows * w];
        double[] ch = new double[w];
        double[] cl = new double[w];
        // the reference works on an unpadded copy
        double[] rh = new double[rows * m];
        double[] rl = new double[rows * m];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < m; k++) {
                DD v = hostile ? hostileValue(r) : DD.sum(r.nextGaussian(), r.nextGaussian() * 0x1p-56);
                h[i * w + k] = rh[i * m + k] = v.hi;
                l[i * w + k] = rl[i * m + k] = v.lo;
            }
        }
        for (int j = 0; j < m; j++) {
            double[] dh = new double[w];
            double[] dl = new double[w];
            kernel.columnDots(h, l, rows, w, m, j, dh, dl);
            for (int k = j; k < m; k++) {
                DD want = DDVectors.dot(rh, rl, j, rh, rl, k, m, rows);
                assertThat(bits(DD.of(dh[k], dl[k]))).as("%s j %d k %d", what, j, k).isEqualTo(bits(want));
            }
            for (int k = j + 1; k < m; k++) {
                DD c = hostile ? hostileValue(r) : DD.of(r.nextGaussian()).multiply(DD.of(1 + r.nextDouble()));
                ch[k] = c.hi;
                cl[k] = c.lo;
                DDVectors.axpy(c, rh, rl, j, rh, rl, k, m, rows);
            }
            kernel.rankOneUpdate(h, l, rows, w, m, j, ch, cl);
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < m; k++) {
                    assertThat(Double.doubleToLongBits(h[i * w + k])).as("%s j %d (%d, %d)", what, j, i, k)
                            .isEqualTo(Double.doubleToLongBits(rh[i * m + k]));
                    assertThat(Double.doubleToLongBits(l[i * w + k])).as("%s j %d (%d, %d) lo", what, j, i, k)
                            .isEqualTo(Double.doubleToLongBits(rl[i * m + k]));
                }
            }
        }
    }

    /** Zeros of both signs, subnormals, huge and tiny magnitudes, infinities, ordinary values. */
    private static DD hostileValue(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> DD.of(0.0);
            case 1 -> DD.of(-0.0);
            case 2 -> DD.of(Double.MIN_VALUE * (1 + r.nextInt(1000)));
            case 3 -> DD.sum(1e300 * r.nextGaussian(), 1e283 * r.nextGaussian());
            case 4 -> DD.sum(1e-300 * r.nextGaussian(), 1e-317 * r.nextGaussian());
            case 5 -> DD.of(r.nextBoolean() ? Double.POSITIVE_INFINITY : 1.0);
            default -> DD.sum(r.nextGaussian(), r.nextGaussian() * 0x1p-56);
        };
    }

    @Test
    void randomRowsWithTailsGiveTheBitsOfTheColumnwiseAccumulator() {
        Random r = new Random(5);
        for (int p : WIDTHS) {
            for (int n : new int[]{1, 3, 63, 64, 65, 200}) {
                DD[][] rows = new DD[n][p + 1];
                for (DD[] row : rows) {
                    for (int k = 0; k <= p; k++) {
                        // a decimal read to 106 bits: a double and a small tail
                        double v = r.nextGaussian() * (k + 1);
                        row[k] = DD.sum(v, v * 0x1p-60 * r.nextGaussian());
                    }
                }
                assertSameBits(p, null, rows, "p " + p + " n " + n);
            }
        }
    }

    @Test
    void hostileRowsGiveTheBitsOfTheColumnwiseAccumulator() {
        Random r = new Random(7);
        for (int p : new int[]{3, 8, 12, 19, 33}) {
            int n = 150;
            DD[][] rows = new DD[n][p + 1];
            double[] magnitude = new double[p + 1];
            for (int k = 0; k <= p; k++) {
                magnitude[k] = Math.pow(10, r.nextInt(301) - 150);
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k <= p; k++) {
                    double v;
                    switch (k % 6) {
                        case 1 -> v = 0.0;                                  // a zero column
                        case 2 -> v = rows[i][k - 2].hi;                    // a duplicate of column k − 2
                        case 3 -> v = i % 2 == 0 ? -0.0 : 0.0;              // signed zeros
                        case 4 -> v = 3.5;                                  // constant
                        default -> v = magnitude[k] * r.nextGaussian();
                    }
                    rows[i][k] = DD.of(v);
                }
            }
            assertSameBits(p, null, rows, "hostile p " + p);
            // with the equilibration the accumulator gets in a fit
            double[] first = new double[p + 1];
            for (int k = 0; k <= p; k++) {
                first[k] = rows[0][k].hi;
            }
            assertSameBits(p, Equilibration.fromMagnitudes(first), rows, "hostile scaled p " + p);
        }
        // overflow: squares beyond the double range give the same infinities and NaNs
        DD[][] huge = new DD[70][4];
        for (int i = 0; i < huge.length; i++) {
            for (int k = 0; k < 4; k++) {
                huge[i][k] = DD.of(1e200 * (1 + r.nextDouble()) * (k == 2 ? 1e-250 : 1));
            }
        }
        assertSameBits(3, null, huge, "overflow");
    }

    /** Rows added one by one (in blocks), then a merge of two accumulators, as both implementations. */
    private static void assertSameBits(int p, double[] scale, DD[][] rows, String what) {
        HouseholderAccumulator fast = new HouseholderAccumulator(p, scale);
        HouseholderAccumulator fast2 = new HouseholderAccumulator(p, scale);
        ColumnwiseHouseholder slow = new ColumnwiseHouseholder(p, scale);
        ColumnwiseHouseholder slow2 = new ColumnwiseHouseholder(p, scale);
        for (int i = 0; i < rows.length; i++) {
            if (i % 3 == 2) {
                fast2.add(rows[i]);
                slow2.add(rows[i]);
            } else {
                fast.add(rows[i]);
                slow.add(rows[i]);
            }
        }
        fast.merge(fast2);
        slow.merge(slow2);
        HouseholderAccumulator.State state = fast.state();
        double[][] want = slow.state();
        assertThat(bits(state.rh())).as(what).isEqualTo(bits(want[0]));
        assertThat(bits(state.rl())).as(what).isEqualTo(bits(want[1]));
    }

    private static void fill(Random r, double[] h, double[] l) {
        for (int i = 0; i < h.length; i++) {
            DD v = DD.sum(r.nextGaussian(), r.nextGaussian() * 0x1p-56);
            h[i] = v.hi;
            l[i] = v.lo;
        }
    }

    private static long[] bits(DD v) {
        return new long[]{Double.doubleToLongBits(v.hi), Double.doubleToLongBits(v.lo)};
    }

    /** Bits with every NaN the canonical one (which NaN an invalid operation gives is not specified). */
    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToLongBits(v[i]);
        }
        return out;
    }
}
