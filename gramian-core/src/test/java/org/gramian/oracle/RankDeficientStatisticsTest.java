package org.gramian.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.solve.SolverKind;
import org.gramian.stats.Coefficient;
import org.gramian.model.FittedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rank-deficient designs, every solver, against exact rational arithmetic (the decimal data taken
 * exactly): the statistics must be those of R's {@code lm}, i.e. of the fit with the aliased
 * columns removed (df = n − rank, RSS, σ, R², F, ANOVA, the estimable coefficients and their
 * standard errors), and the reported RSS must be the residual sum of squares of the reported
 * coefficients themselves, recomputed exactly from the data.
 *
 * <p>Three designs: a duplicated column; dummies of every level of a factor plus an intercept (as
 * {@code pandas.get_dummies} writes them); a column that is the sum of two others. The aliased
 * column is the later one in each case (the one that is a combination of the columns before it).
 */
class RankDeficientStatisticsTest {

    record Design(String name, List<String> columns, List<String[]> rows, String aliased) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Design d : List.of(duplicated(), fullDummies(), sumOfTwo())) {
            for (SolverKind s : SolverKind.values()) {
                out.add(Arguments.of(d, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void statisticsAreThoseOfTheReducedFit(Design d, SolverKind solver) {
        List<String> features = d.columns().subList(1, d.columns().size());
        Table table = Table.ofDecimalRows(d.columns(), d.rows());
        FittedModel m = Gramian.fit(table, ModelSpec.linear("y", features), solver);

        int p = features.size() + 1;
        int aliasedIndex = d.columns().indexOf(d.aliased());   // = its coefficient index (intercept first)
        assertThat(m.conditioning().aliased()).containsExactly(d.aliased());
        assertThat(m.statistics().rank()).isEqualTo(p - 1);
        assertThat(m.conditioning().warning()).contains("rank-deficient", d.aliased());

        // The exact reduced fit: the aliased column removed.
        int n = d.rows().size();
        Fraction[][] xr = new Fraction[n][p - 1];
        Fraction[][] xf = new Fraction[n][p];
        Fraction[] y = new Fraction[n];
        for (int i = 0; i < n; i++) {
            String[] row = d.rows().get(i);
            y[i] = Fraction.of(row[0]);
            xf[i][0] = Fraction.ONE;
            for (int j = 1; j < p; j++) {
                xf[i][j] = Fraction.of(row[j]);
            }
            for (int j = 0, k = 0; j < p; j++) {
                if (j != aliasedIndex) {
                    xr[i][k++] = xf[i][j];
                }
            }
        }
        ExactLeastSquares exact = new ExactLeastSquares(xr, y, true);
        // Cholesky forms XᵀX in double: about κ²·2⁻⁵³ relative error; these designs have κ ≈ 10–100.
        double tol = solver == SolverKind.CHOLESKY ? 1e-9 : 1e-12;

        long dfRes = n - (p - 1);
        assertThat(m.anova().residualDf()).isEqualTo(dfRes);
        assertThat(m.anova().regressionDf()).isEqualTo(p - 2);
        double rss = exact.rss.doubleValue();
        double tss = exact.tss.doubleValue();
        assertThat(m.anova().residualSumOfSquares()).isCloseTo(rss, within(tol * rss));
        assertThat(m.anova().regressionSumOfSquares()).isCloseTo(tss - rss, within(tol * tss));
        assertThat(m.statistics().residualStandardDeviation()).isCloseTo(exact.residualSd(),
                within(tol * exact.residualSd()));
        assertThat(m.statistics().rSquared()).isCloseTo(exact.rSquared(), within(tol));
        double f = ((tss - rss) / (p - 2)) / (rss / dfRes);
        assertThat(m.anova().fStatistic()).isCloseTo(f, within(tol * f));

        // The reported RSS is that of the reported coefficients (aliased = left out = 0), exactly.
        Fraction printed = Fraction.ZERO;
        double[] w = m.estimates();
        for (int i = 0; i < n; i++) {
            Fraction r = y[i];
            for (int j = 0; j < p; j++) {
                if (!Double.isNaN(w[j])) {
                    r = r.subtract(xf[i][j].multiply(Fraction.of(w[j])));
                }
            }
            printed = printed.add(r.multiply(r));
        }
        assertThat(m.anova().residualSumOfSquares()).isCloseTo(printed.doubleValue(),
                within(1e-13 * printed.doubleValue()));

        if (solver == SolverKind.SVD) {
            // The minimum-norm solution: fitted values of the reduced fit, estimates not those of it.
            assertThat(m.coefficients().get(aliasedIndex).aliased()).isTrue();
            assertThat(w[aliasedIndex]).isFinite();
            return;
        }
        Coefficient a = m.coefficients().get(aliasedIndex);
        assertThat(a.aliased()).isTrue();
        assertThat(a.estimate()).isNaN();
        assertThat(a.standardError()).isNaN();
        for (int j = 0, k = 0; j < p; j++) {
            if (j == aliasedIndex) {
                continue;
            }
            double wj = exact.w[k].doubleValue();
            double se = exact.standardError(k);
            Coefficient c = m.coefficients().get(j);
            assertThat(c.estimate()).as("estimate %s", c.name()).isCloseTo(wj, within(tol * Math.max(1, Math.abs(wj))));
            assertThat(c.standardError()).as("SE %s", c.name()).isCloseTo(se, within(tol * se));
            k++;
        }
    }

    private static String dec(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static Design duplicated() {
        Random rnd = new Random(11);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double x1 = 10 * rnd.nextDouble();
            double x3 = 5 * rnd.nextDouble();
            double yv = 1 + 2 * x1 - x3 + rnd.nextGaussian();
            rows.add(new String[] {dec(yv), dec(x1), dec(x1), dec(x3)});
        }
        return new Design("duplicated", List.of("y", "x1", "x2", "x3"), rows, "x2");
    }

    static Design fullDummies() {
        Random rnd = new Random(12);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int g = i % 3;
            double x = 3 * rnd.nextDouble();
            double yv = 2 + g * 1.5 + 0.7 * x + 0.5 * rnd.nextGaussian();
            rows.add(new String[] {dec(yv), g == 0 ? "1" : "0", g == 1 ? "1" : "0", g == 2 ? "1" : "0", dec(x)});
        }
        return new Design("full dummies", List.of("y", "ga", "gb", "gc", "x"), rows, "gc");
    }

    static Design sumOfTwo() {
        Random rnd = new Random(13);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            double x1 = Math.round(1000 * 4 * rnd.nextDouble()) / 1000.0;
            double x2 = Math.round(1000 * 7 * rnd.nextDouble()) / 1000.0;
            double yv = 0.5 + x1 - 2 * x2 + 0.3 * rnd.nextGaussian();
            // the exact decimal sum, as a spreadsheet would write it
            String s = new java.math.BigDecimal(dec(x1)).add(new java.math.BigDecimal(dec(x2))).toPlainString();
            rows.add(new String[] {dec(yv), dec(x1), dec(x2), s});
        }
        return new Design("sum of two", List.of("y", "x1", "x2", "x12"), rows, "x12");
    }
}
