package org.gramian.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gramian.Gramian;
import org.gramian.GramianException;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.model.RidgeRegression;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ridge regression (#12 item 2) against independent truth: hand-worked cases in exact fractions,
 * an exact rational solve of (X_cᵀX_c + λI)b = X_cᵀy_c (intercept w₀ = ȳ − x̄ᵀb) on random and on
 * ill-conditioned polynomial data, and λ → 0 against ordinary least squares.
 */
class RidgeRegressionTest {

    private static double rel(double got, double want) {
        return Math.abs(got - want) / Math.max(Math.abs(want), Double.MIN_NORMAL);
    }

    /**
     * x = (1, 2, 3), y = (2, 4, 5), intercept, λ = 1. By hand: x̄ = 2, ȳ = 11/3, x_c = (−1, 0, 1),
     * Σx_c² = 2, Σx_c·y = 3, so b = 3/(2 + 1) = 1 and w₀ = 11/3 − 2 = 5/3. Residuals (−2/3, 1/3, 1/3):
     * RSS = 2/3. tr H = 1 + 2/(2 + 1) = 5/3, σ̂² = (2/3)/(3 − 5/3) = 1/2,
     * GCV = 3·(2/3)/(4/3)² = 9/8, TSS = 14/3, R² = 1 − (2/3)/(14/3) = 6/7.
     */
    @Test
    void handWorkedWithIntercept() {
        Table t = Table.ofDecimalRows(List.of("y", "x"), List.of(new String[] {"2", "1"}, new String[] {"4", "2"},
                new String[] {"5", "3"}));
        FittedModel m = RidgeRegression.withPenalty(1).fit(t, ModelSpec.line("y", "x"));
        assertThat(m.estimates()[0]).isCloseTo(5.0 / 3, within(1e-16));
        assertThat(m.estimates()[1]).isCloseTo(1.0, within(1e-16));
        assertThat(m.ridge().residualSumOfSquares()).isCloseTo(2.0 / 3, within(1e-16));
        assertThat(m.ridge().effectiveDf()).isCloseTo(5.0 / 3, within(1e-16));
        assertThat(m.ridge().residualVariance()).isCloseTo(0.5, within(1e-16));
        assertThat(m.ridge().gcv()).isCloseTo(9.0 / 8, within(1e-15));
        assertThat(m.statistics().rSquared()).isCloseTo(6.0 / 7, within(1e-16));
        assertThat(m.ridge().lambda()).isEqualTo(1.0);
        assertThat(m.ridge().chosenByGcv()).isFalse();
        // no standard errors, t, p, intervals or likelihood for ridge: NaN, not a plausible wrong number
        assertThat(m.coefficients()).allSatisfy(c -> {
            assertThat(c.standardError()).isNaN();
            assertThat(c.pValue()).isNaN();
        });
        assertThat(m.confidenceIntervals(0.95).get(1).lower()).isNaN();
        assertThat(m.likelihood()).isNull();
        assertThat(m.predict(4.0)).isCloseTo(5.0 / 3 + 4, within(1e-15));
    }

    /**
     * The 2×2 case without intercept: X = [[1,0],[0,1],[1,1]], y = (1, 2, 3), λ = 1. XᵀX = [[2,1],[1,2]],
     * Xᵀy = (4, 5); (XᵀX + I)w = Xᵀy: [[3,1],[1,3]]w = (4, 5), w = (7/8, 11/8). Residuals (1/8, 5/8, 6/8):
     * RSS = 62/64 = 31/32. Eigenvalues of XᵀX 3 and 1: tr H = 3/4 + 1/2 = 5/4, GCV = 3·(31/32)/(7/4)² =
     * 93/98, σ̂² = (31/32)/(7/4) = 31/56; uncentred TSS = 14, R² = 1 − 31/448.
     */
    @Test
    void handWorkedTwoByTwo() {
        Table t = Table.ofDecimalRows(List.of("y", "a", "b"), List.of(new String[] {"1", "1", "0"},
                new String[] {"2", "0", "1"}, new String[] {"3", "1", "1"}));
        FittedModel m = RidgeRegression.withPenalty(1).fit(t, new ModelSpec("y", List.of("a", "b"), 1, false));
        assertThat(m.estimates()).containsExactly(7.0 / 8, 11.0 / 8);
        assertThat(m.ridge().residualSumOfSquares()).isCloseTo(31.0 / 32, within(1e-16));
        assertThat(m.ridge().effectiveDf()).isCloseTo(5.0 / 4, within(1e-16));
        assertThat(m.ridge().gcv()).isCloseTo(93.0 / 98, within(1e-16));
        assertThat(m.ridge().residualVariance()).isCloseTo(31.0 / 56, within(1e-16));
        assertThat(m.statistics().rSquared()).isCloseTo(1 - 31.0 / 448, within(1e-16));
    }

    /** The exact ridge solution: centre exactly, solve (X_cᵀX_c + λI)b = X_cᵀy_c by fractions. */
    static Fraction[] exactRidge(Fraction[][] x, Fraction[] y, Fraction lambda, boolean intercept) {
        int n = x.length;
        int q = x[0].length;
        Fraction[] mean = new Fraction[q + 1];
        for (int j = 0; j <= q; j++) {
            Fraction s = Fraction.ZERO;
            for (int i = 0; i < n; i++) {
                s = s.add(j < q ? x[i][j] : y[i]);
            }
            mean[j] = intercept ? s.divide(Fraction.of(n)) : Fraction.ZERO;
        }
        Fraction[][] a = new Fraction[q][q + 1];
        for (int r = 0; r < q; r++) {
            for (int c = 0; c <= q; c++) {
                Fraction s = Fraction.ZERO;
                for (int i = 0; i < n; i++) {
                    Fraction u = x[i][r].subtract(mean[r]);
                    Fraction v = c < q ? x[i][c].subtract(mean[c]) : y[i].subtract(mean[q]);
                    s = s.add(u.multiply(v));
                }
                a[r][c] = r == c ? s.add(lambda) : s;
            }
        }
        for (int c = 0; c < q; c++) {
            int piv = c;
            while (a[piv][c].isZero()) {
                piv++;
            }
            Fraction[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            Fraction d = a[c][c];
            for (int j = 0; j <= q; j++) {
                a[c][j] = a[c][j].divide(d);
            }
            for (int r = 0; r < q; r++) {
                if (r != c && !a[r][c].isZero()) {
                    Fraction f = a[r][c];
                    for (int j = 0; j <= q; j++) {
                        a[r][j] = a[r][j].subtract(f.multiply(a[c][j]));
                    }
                }
            }
        }
        int off = intercept ? 1 : 0;
        Fraction[] w = new Fraction[q + off];
        Fraction w0 = mean[q];
        for (int j = 0; j < q; j++) {
            w[j + off] = a[j][q];
            w0 = w0.subtract(mean[j].multiply(a[j][q]));
        }
        if (intercept) {
            w[0] = w0;
        }
        return w;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.5, 7, 1e4})
    void randomDataAgainstExactRationalSolve(double lambda) {
        Random r = new Random(17);
        int n = 25;
        int q = 3;
        List<String[]> rows = new ArrayList<>();
        Fraction[][] x = new Fraction[n][q];
        Fraction[] y = new Fraction[n];
        for (int i = 0; i < n; i++) {
            String[] row = new String[q + 1];
            double x0 = r.nextGaussian();
            for (int j = 0; j < q; j++) {
                // correlated columns in different units
                double v = (x0 + 0.3 * r.nextGaussian()) * Math.pow(10, j);
                row[j + 1] = String.format(Locale.ROOT, "%.4f", v);
                x[i][j] = Fraction.of(row[j + 1]);
            }
            row[0] = String.format(Locale.ROOT, "%.4f", 3 + 2 * x0 + r.nextGaussian());
            y[i] = Fraction.of(row[0]);
            rows.add(row);
        }
        Table t = Table.ofDecimalRows(List.of("y", "a", "b", "c"), rows);
        for (boolean intercept : new boolean[] {true, false}) {
            ModelSpec spec = new ModelSpec("y", List.of("a", "b", "c"), 1, intercept);
            FittedModel m = RidgeRegression.withPenalty(lambda).fit(t, spec);
            Fraction[] exact = exactRidge(x, y, Fraction.of(lambda), intercept);
            for (int j = 0; j < exact.length; j++) {
                assertThat(rel(m.estimates()[j], exact[j].doubleValue())).as("coefficient %d, λ = %s", j, lambda)
                        .isLessThanOrEqualTo(2e-15);
            }
            // RSS of the exact solution
            Fraction rss = Fraction.ZERO;
            for (int i = 0; i < n; i++) {
                Fraction res = y[i].subtract(intercept ? exact[0] : Fraction.ZERO);
                for (int j = 0; j < q; j++) {
                    res = res.subtract(x[i][j].multiply(exact[j + (intercept ? 1 : 0)]));
                }
                rss = rss.add(res.multiply(res));
            }
            assertThat(rel(m.ridge().residualSumOfSquares(), rss.doubleValue())).isLessThanOrEqualTo(1e-14);
        }
    }

    /** A degree-5 polynomial in x ∈ [0, 10]: κ ≈ 10⁷ scaled, the penalized system still ill-conditioned. */
    @ParameterizedTest
    @ValueSource(doubles = {1e-6, 1e-2, 10})
    void illConditionedPolynomialAgainstExactRationalSolve(double lambda) {
        Random r = new Random(5);
        int n = 30;
        int degree = 5;
        List<String[]> rows = new ArrayList<>();
        Fraction[][] x = new Fraction[n][degree];
        Fraction[] y = new Fraction[n];
        for (int i = 0; i < n; i++) {
            String xs = String.format(Locale.ROOT, "%.3f", 10 * r.nextDouble());
            String ys = String.format(Locale.ROOT, "%.3f", Math.sin(Double.parseDouble(xs)) + 0.1 * r.nextGaussian());
            rows.add(new String[] {ys, xs});
            Fraction xf = Fraction.of(xs);
            Fraction pw = Fraction.ONE;
            for (int k = 0; k < degree; k++) {
                pw = pw.multiply(xf);
                x[i][k] = pw;
            }
            y[i] = Fraction.of(ys);
        }
        FittedModel m = RidgeRegression.withPenalty(lambda).fit(Table.ofDecimalRows(List.of("y", "x"), rows),
                ModelSpec.polynomial("y", "x", degree));
        Fraction[] exact = exactRidge(x, y, Fraction.of(lambda), true);
        double max = 0;
        for (Fraction f : exact) {
            max = Math.max(max, Math.abs(f.doubleValue()));
        }
        for (int j = 0; j < exact.length; j++) {
            // normwise, as the expected digits are stated
            assertThat(Math.abs(m.estimates()[j] - exact[j].doubleValue()) / max).as("coefficient %d", j)
                    .isLessThanOrEqualTo(1e-14);
        }
        assertThat(m.conditioning().expectedDigits()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void lambdaToZeroIsLeastSquares() {
        Random r = new Random(3);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double a = r.nextGaussian();
            double b = a + 0.1 * r.nextGaussian();
            rows.add(new String[] {String.format(Locale.ROOT, "%.5f", 1 + a - 2 * b + r.nextGaussian()),
                String.format(Locale.ROOT, "%.5f", a), String.format(Locale.ROOT, "%.5f", b)});
        }
        Table t = Table.ofDecimalRows(List.of("y", "a", "b"), rows);
        ModelSpec spec = ModelSpec.linear("y", List.of("a", "b"));
        FittedModel ols = Gramian.fit(t, spec, SolverKind.QR);
        FittedModel zero = RidgeRegression.withPenalty(0).fit(t, spec);
        for (int j = 0; j < 3; j++) {
            assertThat(rel(zero.estimates()[j], ols.estimates()[j])).isLessThanOrEqualTo(1e-15);
        }
        assertThat(rel(zero.ridge().residualSumOfSquares(), ols.anova().residualSumOfSquares()))
                .isLessThanOrEqualTo(1e-15);
        assertThat(zero.ridge().effectiveDf()).isEqualTo(3.0);
        assertThat(rel(zero.ridge().residualVariance(), ols.residualVariance())).isLessThanOrEqualTo(1e-15);
        // the difference shrinks in proportion to λ: w(λ) − w(0) = −λ(XᵀX)⁻¹w(0) + O(λ²)
        double previous = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {1e-2, 1e-4, 1e-6, 1e-8}) {
            FittedModel m = RidgeRegression.withPenalty(lambda).fit(t, spec);
            double diff = 0;
            for (int j = 0; j < 3; j++) {
                diff = Math.max(diff, Math.abs(m.estimates()[j] - ols.estimates()[j]));
            }
            assertThat(diff).isGreaterThan(0).isLessThan(previous / 50);
            previous = diff;
        }
        // and to first order it is −λ(X_cᵀX_c)⁻¹b, (X_cᵀX_c)⁻¹ the slope block of (XᵀX)⁻¹ = Cov(w)/s²
        double lambda = 1e-8;
        FittedModel m = RidgeRegression.withPenalty(lambda).fit(t, spec);
        double[][] cov = ols.covariance();
        double s2 = ols.residualVariance();
        for (int j = 1; j < 3; j++) {
            double firstOrder = -lambda * (cov[j][1] * ols.estimates()[1] + cov[j][2] * ols.estimates()[2]) / s2;
            assertThat(rel(m.estimates()[j] - ols.estimates()[j], firstOrder)).isLessThan(1e-5);
        }
    }

    @Test
    void zeroPenaltyOnDependentColumnsIsRefusedAndPositivePenaltyCopes() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new String[] {Integer.toString(i * i % 7), Integer.toString(i), Integer.toString(2 * i)});
        }
        Table t = Table.ofDecimalRows(List.of("y", "a", "b"), rows);
        ModelSpec spec = ModelSpec.linear("y", List.of("a", "b"));
        assertThatThrownBy(() -> RidgeRegression.withPenalty(0).fit(t, spec)).isInstanceOf(GramianException.class)
                .hasMessageContaining("linearly dependent");
        // b = 2a: ridge splits the slope in proportion to the column lengths, exactly b_b = 2·b_a
        FittedModel m = RidgeRegression.withPenalty(1).fit(t, spec);
        assertThat(m.estimates()[2]).isCloseTo(2 * m.estimates()[1], within(1e-15 * Math.abs(m.estimates()[2])));
        Fraction[][] x = new Fraction[10][2];
        Fraction[] y = new Fraction[10];
        for (int i = 0; i < 10; i++) {
            x[i][0] = Fraction.of(rows.get(i)[1]);
            x[i][1] = Fraction.of(rows.get(i)[2]);
            y[i] = Fraction.of(rows.get(i)[0]);
        }
        Fraction[] exact = exactRidge(x, y, Fraction.ONE, true);
        for (int j = 0; j < 3; j++) {
            assertThat(rel(m.estimates()[j], exact[j].doubleValue())).isLessThanOrEqualTo(1e-15);
        }
        // tr H = 1 + d²/(d² + 1) with one nonzero singular value d² = Σ(a_c² + b_c²) = 5·82.5 = 412.5
        assertThat(m.ridge().effectiveDf()).isCloseTo(1 + 412.5 / 413.5, within(1e-15));
    }

    /** Weights: integer weights are repeated rows (the weighted centring and the penalty agree). */
    @Test
    void integerWeightsAreRepeatedRows() {
        Random r = new Random(11);
        List<String[]> weighted = new ArrayList<>();
        List<String[]> repeated = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String[] row = {String.format(Locale.ROOT, "%.3f", r.nextGaussian()),
                String.format(Locale.ROOT, "%.3f", r.nextGaussian()), String.format(Locale.ROOT, "%.3f", r.nextGaussian())};
            int w = r.nextInt(4);
            weighted.add(new String[] {row[0], row[1], row[2], Integer.toString(w)});
            for (int k = 0; k < w; k++) {
                repeated.add(row);
            }
        }
        ModelSpec spec = ModelSpec.linear("y", List.of("a", "b"));
        FittedModel w = RidgeRegression.withPenalty(3).fit(Table.ofDecimalRows(List.of("y", "a", "b", "w"), weighted),
                spec.withWeights("w"));
        FittedModel rep = RidgeRegression.withPenalty(3).fit(Table.ofDecimalRows(List.of("y", "a", "b"), repeated),
                spec);
        for (int j = 0; j < 3; j++) {
            assertThat(rel(w.estimates()[j], rep.estimates()[j])).isLessThanOrEqualTo(1e-14);
        }
        assertThat(rel(w.ridge().residualSumOfSquares(), rep.ridge().residualSumOfSquares())).isLessThanOrEqualTo(1e-14);
        assertThat(rel(w.ridge().effectiveDf(), rep.ridge().effectiveDf())).isLessThanOrEqualTo(1e-14);
    }

    /**
     * Data of magnitude 1e200: a given λ works (the equilibrated factor), but the GCV-optimal λ, on the
     * scale of the sums of squares (1e400), cannot be written in a double: a clear error, not Infinity.
     */
    @Test
    void gcvLambdaOutsideTheDoubleRangeIsAnError() {
        Random r = new Random(2);
        List<String[]> rows = new ArrayList<>();
        List<String[]> small = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double a = r.nextGaussian();
            double b = a + 0.1 * r.nextGaussian();
            double y = a + b + r.nextGaussian();
            rows.add(new String[] {String.format(Locale.ROOT, "%.6fe200", y), String.format(Locale.ROOT, "%.6fe200", a),
                String.format(Locale.ROOT, "%.6fe200", b)});
            small.add(new String[] {String.format(Locale.ROOT, "%.6f", y), String.format(Locale.ROOT, "%.6f", a),
                String.format(Locale.ROOT, "%.6f", b)});
        }
        ModelSpec spec = ModelSpec.linear("y", List.of("a", "b"));
        Table big = Table.ofDecimalRows(List.of("y", "a", "b"), rows);
        assertThatThrownBy(() -> RidgeRegression.byGcv().fit(big, spec)).isInstanceOf(GramianException.class)
                .hasMessageContaining("outside the range of double precision");
        // λ = 1e400 is not a double, but the slopes scale: ridge(1e200·X, 1e200·y, λ·1e400) = ridge(X, y, λ);
        // a λ of ordinary size on these data is least squares to the last digit
        FittedModel m = RidgeRegression.withPenalty(1).fit(big, spec);
        FittedModel ols = Gramian.fit(big, spec, SolverKind.QR);
        for (int j = 1; j < 3; j++) {
            assertThat(rel(m.estimates()[j], ols.estimates()[j])).isLessThanOrEqualTo(1e-15);
        }
        assertThat(RidgeRegression.byGcv().fit(Table.ofDecimalRows(List.of("y", "a", "b"), small), spec).ridge()
                .lambda()).isBetween(0.1, 100.0);
    }

    @Test
    void badPenaltiesAreRefused() {
        assertThatThrownBy(() -> RidgeRegression.withPenalty(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RidgeRegression.withPenalty(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RidgeRegression.withPenalty(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
