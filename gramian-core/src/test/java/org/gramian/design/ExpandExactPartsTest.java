package org.gramian.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gramian.data.RowBlock;
import org.gramian.data.Table;
import org.gramian.design.formula.Formula;
import org.gramian.numeric.DD;
import org.junit.jupiter.api.Test;

/**
 * {@link Design#expandExact(RowBlock, int, double[], double[], org.gramian.data.RowSource)} (parts,
 * what the double-double Householder pass uses) gives the two doubles of each double-double of
 * {@link Design#expandExact(RowBlock, int, DD[], org.gramian.data.RowSource)} bit for bit, and the
 * same error for a bad value: plain columns, intercept or not, powers and chained powers, a
 * formula with functions and an interaction; values with decimal tails, signed zeros, 1e±300.
 */
class ExpandExactPartsTest {
    private static final List<String> NAMES = List.of("a", "b", "g", "y");

    private static Table data(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        String[] specials = {"-0", "0", "0.1", "-0.30000000000000004", "1e300", "-2.5e-300", "123456789.123456789"};
        for (int i = 0; i < n; i++) {
            String a = i < specials.length ? specials[i] : String.format(Locale.ROOT, "%.9f", 1e4 + r.nextGaussian());
            String b = String.format(Locale.ROOT, "%.7e", r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            String g = Integer.toString(1 + r.nextInt(3));
            String y = i % 5 == 0 ? "-0.0" : String.format(Locale.ROOT, "%.6f", r.nextGaussian());
            rows.add(new String[]{a, b, g, y});
        }
        return Table.ofDecimalRows(NAMES, rows);
    }

    @Test
    void partsAreTheDoubleDoublesBitForBit() {
        Table t = data(60, 1);
        List<ModelSpec> specs = List.of(
                ModelSpec.linear("y", List.of("a", "b")),
                ModelSpec.linear("y", List.of("a", "b", "g")).withIntercept(false),
                ModelSpec.polynomial("y", "b", 4),
                ModelSpec.of(Formula.parse("y ~ a * g + I(b^3) + poly(b, 2) + I(a/10)")));
        for (ModelSpec spec : specs) {
            Design d = Design.bind(spec, t);
            int m = d.width() + 1;
            int[] checked = {0};
            t.forEachBlock(true, block -> {
                for (int i = 0; i < block.rows(); i++) {
                    DD[] x = new DD[m];
                    double[] hi = new double[m];
                    double[] lo = new double[m];
                    d.expandExact(block, i, x, t);
                    d.expandExact(block, i, hi, lo, t);
                    for (int j = 0; j < m; j++) {
                        assertThat(Double.doubleToRawLongBits(hi[j])).as("%s row %d col %d", spec, i, j)
                                .isEqualTo(Double.doubleToRawLongBits(x[j].hi));
                        assertThat(Double.doubleToRawLongBits(lo[j])).as("%s row %d col %d lo", spec, i, j)
                                .isEqualTo(Double.doubleToRawLongBits(x[j].lo));
                        // and the parts give the double-double back (DD.of leaves them unchanged)
                        assertThat(DD.of(hi[j], lo[j])).isEqualTo(x[j]);
                    }
                    checked[0]++;
                }
            });
            assertThat(checked[0]).isEqualTo(60);
        }
        // the decimal tails are really there (otherwise the test would compare zeros)
        double[] hi = new double[4];
        double[] lo = new double[4];
        Design d = Design.bind(ModelSpec.linear("y", List.of("a", "b")), t);
        boolean[] sawTail = {false};
        t.forEachBlock(true, block -> {
            for (int i = 0; i < block.rows(); i++) {
                d.expandExact(block, i, hi, lo, t);
                sawTail[0] |= lo[1] != 0;
            }
        });
        assertThat(sawTail[0]).isTrue();
    }

    @Test
    void aBadValueGivesTheSameErrorBothWays() {
        double[] values = {1, 2, 3, Double.NaN, 1e200, 5};
        RowBlock block = new RowBlock(0, 3, 2, values);
        Table t = Table.ofRows(List.of("x", "y"), new double[][]{{1, 2}, {3, Double.NaN}, {1e200, 5}});
        Design d = Design.bind(ModelSpec.polynomial("y", "x", 2), List.of("x", "y"));
        for (int i : new int[]{1, 2}) {
            Throwable viaDD = catchThrowable(() -> d.expandExact(block, i, new DD[4], t));
            assertThat(viaDD).isNotNull();
            assertThatThrownBy(() -> d.expandExact(block, i, new double[4], new double[4], t))
                    .isInstanceOf(viaDD.getClass()).hasMessage(viaDD.getMessage());
        }
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
