package org.gramian.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;

/**
 * Laws of least squares that every fit must obey, checked on random data (jqwik; 60 tries each).
 *
 * <p>The data: n = 10…40 rows, k = 1…3 features, values multiples of 1/16 in [−64, 64] (exact in
 * binary), y = a random linear function of the features plus noise of the same grid. w is the
 * default ({@code auto}) solution.
 *
 * <p>Tolerance, where a law is not exact: two solutions w and w′ agree when
 * ‖w − w′‖∞ ≤ {@value #TOL}·(‖w‖∞ + 1). The solver computes w to about κ(X)·2⁻¹⁰⁴ before rounding it
 * to double (the README's method); on these designs κ stays far below 10⁸, so the solutions differ
 * only in their last bits, and 10⁻¹¹ leaves room for that while any real error (a dropped row, a
 * swapped coefficient) exceeds it by orders of magnitude.
 */
class FitLawsPropertiesTest {
    static final double TOL = 1e-11;

    /** A random design: rows of k features and y. */
    record Data(List<double[]> rows, int k) {
        Table table() {
            List<String> names = new ArrayList<>();
            for (int j = 1; j <= k; j++) {
                names.add("x" + j);
            }
            names.add("y");
            return Table.ofRows(names, rows.toArray(new double[0][]));
        }

        ModelSpec spec() {
            List<String> f = new ArrayList<>();
            for (int j = 1; j <= k; j++) {
                f.add("x" + j);
            }
            return ModelSpec.linear("y", f);
        }

        Data mapRows(java.util.function.UnaryOperator<double[]> op) {
            List<double[]> out = new ArrayList<>();
            for (double[] r : rows) {
                out.add(op.apply(r.clone()));
            }
            return new Data(out, k);
        }
    }

    @Provide
    Arbitrary<Data> data() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(10, 40),
                Arbitraries.longs()).as((k, n, seed) -> {
                    Random rnd = new Random(seed);
                    double[] b = new double[k + 1];
                    for (int j = 0; j <= k; j++) {
                        b[j] = grid(rnd);
                    }
                    List<double[]> rows = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        double[] r = new double[k + 1];
                        double y = b[0];
                        for (int j = 0; j < k; j++) {
                            r[j] = grid(rnd);
                            y += b[j + 1] * r[j];
                        }
                        r[k] = Math.rint((y + grid(rnd)) * 16) / 16;
                        rows.add(r);
                    }
                    return new Data(rows, k);
                });
    }

    private static double grid(Random rnd) {
        return (rnd.nextInt(2049) - 1024) / 16.0;
    }

    private static FittedModel fit(Data d) {
        return Gramian.fit(d.table(), d.spec());
    }

    private static void close(double[] actual, double[] expected) {
        double scale = 1;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v) + 1);
        }
        for (int j = 0; j < expected.length; j++) {
            assertThat(Math.abs(actual[j] - expected[j])).as("coefficient %d: %s vs %s", j, actual[j], expected[j])
                    .isLessThanOrEqualTo(TOL * scale);
        }
    }

    /** Permuting the rows leaves w unchanged within {@link #TOL}. */
    @Property(tries = 60)
    void permutingRowsLeavesTheSolution(@ForAll("data") Data d, @ForAll long seed) {
        List<double[]> shuffled = new ArrayList<>(d.rows());
        Collections.shuffle(shuffled, new Random(seed));
        close(fit(new Data(shuffled, d.k())).estimates(), fit(d).estimates());
    }

    /**
     * Scaling y by c scales w by c: exactly (bit for bit) when c is a power of two, which the solver
     * must commute with (it scales by powers of two itself), and within {@link #TOL} for any c.
     */
    @Property(tries = 60)
    void scalingTheResponseScalesTheSolution(@ForAll("data") Data d, @ForAll @IntRange(min = -30, max = 30) int e,
                                             @ForAll @IntRange(min = 1, max = 999) int c1000) {
        double[] w = fit(d).estimates();
        int k = d.k();
        double two = Math.scalb(1.0, e);
        double[] w2 = fit(d.mapRows(r -> {
            r[k] *= two;
            return r;
        })).estimates();
        for (int j = 0; j < w.length; j++) {
            assertThat(w2[j]).isEqualTo(w[j] * two);
        }
        double c = c1000 / 7.0;
        double[] wc = fit(d.mapRows(r -> {
            r[k] *= c;
            return r;
        })).estimates();
        double[] expected = w.clone();
        for (int j = 0; j < expected.length; j++) {
            expected[j] *= c;
        }
        close(wc, expected);
    }

    /**
     * Adding a·x_j to y changes only w_j, by a: w′ = w + a·e_j within {@link #TOL} (a is a multiple
     * of 1/4, so y + a·x_j is exact).
     */
    @Property(tries = 60)
    void addingAMultipleOfAColumnChangesOnlyItsCoefficient(@ForAll("data") Data d,
                                                            @ForAll @IntRange(min = -40, max = 40) int a4,
                                                            @ForAll @IntRange(min = 0, max = 2) int column) {
        int j = column % d.k();
        double a = a4 / 4.0;
        int k = d.k();
        double[] w = fit(d).estimates();
        double[] w2 = fit(d.mapRows(r -> {
            r[k] += a * r[j];
            return r;
        })).estimates();
        double[] expected = w.clone();
        expected[j + 1] += a; // w[0] is the intercept
        close(w2, expected);
    }

    /** Every row twice: the same w within {@link #TOL}, twice the observations. */
    @Property(tries = 60)
    void duplicatingEveryRowLeavesTheSolutionAndDoublesN(@ForAll("data") Data d) {
        List<double[]> twice = new ArrayList<>(d.rows());
        twice.addAll(d.rows());
        FittedModel once = fit(d);
        FittedModel doubled = fit(new Data(twice, d.k()));
        close(doubled.estimates(), once.estimates());
        assertThat(doubled.statistics().observations()).isEqualTo(2 * once.statistics().observations());
    }

    /**
     * A copy of a feature column is reported as aliased (its estimate NA, left out as R's lm does)
     * and the other coefficients are those of the fit without it, within {@link #TOL}.
     */
    @Property(tries = 60)
    void aDuplicatedColumnIsAliased(@ForAll("data") Data d, @ForAll @IntRange(min = 0, max = 2) int column) {
        int j = column % d.k();
        int k = d.k();
        List<double[]> rows = new ArrayList<>();
        for (double[] r : d.rows()) {
            double[] r2 = new double[k + 2];
            System.arraycopy(r, 0, r2, 0, k);
            r2[k] = r[j];       // the copy, after the original features
            r2[k + 1] = r[k];   // y
            rows.add(r2);
        }
        List<String> names = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            names.add("x" + i);
            features.add("x" + i);
        }
        names.add("copy");
        features.add("copy");
        names.add("y");
        FittedModel m = Gramian.fit(Table.ofRows(names, rows.toArray(new double[0][])), ModelSpec.linear("y", features));
        assertThat(m.coefficients().get(k + 1).aliased()).as("the copy is aliased").isTrue();
        for (int i = 0; i <= k; i++) {
            assertThat(m.coefficients().get(i).aliased()).isFalse();
        }
        assertThat(m.statistics().rank()).isEqualTo(k + 1);
        double[] without = fit(d).estimates();
        double[] with = java.util.Arrays.copyOf(m.estimates(), k + 1);
        close(with, without);
    }
}
