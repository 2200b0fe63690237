package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.gramian.numeric.DD;
import org.gramian.numeric.DDVectors;
import org.junit.jupiter.api.Test;

/**
 * The row-by-row Householder kernel gives the same bits as the column-by-column double-double dot
 * products and axpys it replaced ({@link ColumnwiseHouseholder}, the previous accumulator, kept as
 * the oracle): on random data with decimal tails, at every width around the SIMD lane counts, on
 * partial blocks and merges, and on hostile data (magnitudes 1e±150, zero, duplicated and constant
 * columns, signed zeros, overflow).
 */
class HouseholderKernelTest {
    private static final int[] WIDTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 20, 21, 31, 32, 33, 47, 70};

    /** The kernels directly against DDVectors.dot and axpy, on random blocks and every j. */
    @Test
    void kernelsEqualTheColumnwiseDotAndAxpy() {
        Random r = new Random(11);
        for (int m : new int[]{1, 2, 3, 8, 9, 17, 24, 41}) {
            for (int rows : new int[]{1, 2, 7, 64}) {
                double[] h = new double[rows * m];
                double[] l = new double[rows * m];
                fill(r, h, l);
                for (int j = 0; j < m; j++) {
                    double[] dh = new double[m];
                    double[] dl = new double[m];
                    HouseholderKernel.columnDots(h, l, rows, m, m, j, dh, dl);
                    for (int k = j; k < m; k++) {
                        DD want = DDVectors.dot(h, l, j, h, l, k, m, rows);
                        DD got = DD.of(dh[k], dl[k]);
                        assertThat(bits(got)).as("m %d rows %d j %d k %d", m, rows, j, k).isEqualTo(bits(want));
                    }
                    double[] ch = new double[m];
                    double[] cl = new double[m];
                    for (int k = j + 1; k < m; k++) {
                        DD c = DD.of(r.nextGaussian()).multiply(DD.of(1 + r.nextDouble()));
                        ch[k] = c.hi;
                        cl[k] = c.lo;
                    }
                    double[] wh = h.clone();
                    double[] wl = l.clone();
                    for (int k = j + 1; k < m; k++) {
                        DDVectors.axpy(DD.of(ch[k], cl[k]), wh, wl, j, wh, wl, k, m, rows);
                    }
                    HouseholderKernel.rankOneUpdate(h, l, rows, m, m, j, ch, cl);
                    assertThat(rawBits(h)).isEqualTo(rawBits(wh));
                    assertThat(rawBits(l)).isEqualTo(rawBits(wl));
                }
            }
        }
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

    private static long[] rawBits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
