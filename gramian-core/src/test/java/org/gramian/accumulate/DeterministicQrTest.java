package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;
import org.gramian.data.Table;
import org.gramian.numeric.DD;
import org.junit.jupiter.api.Test;
import org.gramian.data.RowMajorSource;

/** The parallel double-double Householder pass: same bits for any thread count and block sizes. */
class DeterministicQrTest {
    private static final List<String> NAMES = List.of("a", "b", "y");
    private static final ModelSpec SPEC = ModelSpec.linear("y", List.of("a", "b"));
    private static final int C = QrPipeline.CHUNK_ROWS;

    private static double[][] data(int n, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][3];
        for (double[] row : rows) {
            row[0] = 1e4 + r.nextGaussian();
            row[1] = r.nextGaussian();
            row[2] = 2 * row[0] - row[1] + 0.01 * r.nextGaussian();
        }
        return rows;
    }

    private static long[] bits(HouseholderAccumulator acc) {
        DD[][] r = acc.factor();
        long[] out = new long[2 * r.length * r.length];
        int k = 0;
        for (DD[] row : r) {
            for (DD v : row) {
                out[k++] = Double.doubleToRawLongBits(v.hi);
                out[k++] = Double.doubleToRawLongBits(v.lo);
            }
        }
        return out;
    }

    private static HouseholderAccumulator qr(RowSource src, int threads) {
        return Accumulation.householder(src, Design.bind(SPEC, src.columns()), threads);
    }

    @Test
    void sameBitsForEveryThreadCountAndBlockSize() {
        int n = 3 * C + 123;
        double[][] rows = data(n, 9);
        long[] reference = bits(qr(new ChunkedSource(NAMES, rows, n), 1));
        for (int threads : new int[]{1, 2, 4}) {
            for (int[] sizes : new int[][]{{1}, {C - 1}, {C + 1}, {5, 3000, 77}}) {
                HouseholderAccumulator acc = qr(new ChunkedSource(NAMES, rows, sizes), threads);
                assertThat(acc.count()).isEqualTo(n);
                assertThat(bits(acc)).as("threads %d", threads).isEqualTo(reference);
            }
        }
    }

    @Test
    void decimalTailsGiveTheSameBitsOnAnyThreadCount() {
        int n = 2 * C + 10;
        Random r = new Random(4);
        List<String[]> text = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 1e4 + r.nextGaussian();
            double b = r.nextGaussian();
            text.add(new String[]{String.format(Locale.ROOT, "%.7f", a), String.format(Locale.ROOT, "%.9f", b),
                    String.format(Locale.ROOT, "%.6f", 2 * a - b + 0.01 * r.nextGaussian())});
        }
        Table t = Table.ofDecimalRows(NAMES, text);
        long[] one = bits(qr(t, 1));
        assertThat(bits(qr(t, 2))).isEqualTo(one);
        // The tails matter: the same values without them give a different factor.
        assertThat(bits(qr(new RowMajorSource(NAMES, rowMajor(t)), 1))).isNotEqualTo(one);
    }

    @Test
    void oneChunkIsExactlyTheSequentialAccumulator() {
        double[][] rows = data(C - 5, 2);
        HouseholderAccumulator sequential = new HouseholderAccumulator(3,
                Equilibration.fromMagnitudes(new double[]{1, rows[0][0], rows[0][1], rows[0][2]}));
        for (double[] row : rows) {
            sequential.add(new DD[]{DD.ONE, DD.of(row[0]), DD.of(row[1]), DD.of(row[2])});
        }
        assertThat(bits(qr(new ChunkedSource(NAMES, rows, 100), 2))).isEqualTo(bits(sequential));
    }

    private static double[] rowMajor(Table t) {
        int n = t.rowCount();
        double[] v = new double[n * 3];
        for (int j = 0; j < 3; j++) {
            double[] c = t.column(NAMES.get(j));
            for (int i = 0; i < n; i++) {
                v[i * 3 + j] = c[i];
            }
        }
        return v;
    }
}
