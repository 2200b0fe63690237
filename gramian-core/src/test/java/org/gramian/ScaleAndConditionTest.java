package org.gramian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.data.NistDataset;
import org.gramian.solve.SolverKind;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Power-of-two equilibration: the same data written at every decimal scale from 1e−300 to 1e300
 * give the same digits on every solver; the condition number is the exact 2-norm κ of X with unit
 * columns; a constant response has an undefined F.
 */
class ScaleAndConditionTest {
    private static final List<String> NAMES = List.of("y", "x");

    /** y = 2x + 1 plus noise, as decimal mantissas (to be given an exponent). */
    private static List<String[]> mantissas() {
        Random r = new Random(7);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            double x = 10 * r.nextDouble();
            double y = 2 * x + 1 + 0.1 * r.nextGaussian();
            rows.add(new String[] {String.format(Locale.ROOT, "%.6f", y), String.format(Locale.ROOT, "%.6f", x)});
        }
        return rows;
    }

    private static Table at(int ey, int ex) {
        List<String[]> rows = new ArrayList<>();
        for (String[] m : mantissas()) {
            rows.add(new String[] {m[0] + "e" + ey, m[1] + "e" + ex});
        }
        return Table.ofDecimalRows(NAMES, rows);
    }

    static Stream<Arguments> scales() {
        List<Arguments> out = new ArrayList<>();
        int[][] pairs = {{-300, -300}, {-200, -200}, {-100, -100}, {100, 100}, {200, 200}, {300, 300},
            {150, -150}, {-150, 150}, {250, 0}, {0, -250}};
        for (int[] e : pairs) {
            for (SolverKind s : SolverKind.values()) {
                out.add(Arguments.of(e[0], e[1], s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "y·1e{0}, x·1e{1}, {2}")
    @MethodSource("scales")
    void sameDigitsAtEveryScale(int ey, int ex, SolverKind solver) {
        FittedModel ref = Gramian.fit(at(0, 0), ModelSpec.line("y", "x"), solver);
        FittedModel m = Gramian.fit(at(ey, ex), ModelSpec.line("y", "x"), solver);
        // Cholesky sees only the doubles, whose rounding differs from scale to scale by 2⁻⁵³.
        double tol = solver == SolverKind.CHOLESKY ? 1e-11 : 1e-14;
        // intercept scales as y, slope as y/x, standard errors likewise; t, R², F do not scale
        double si = Math.pow(10, ey);
        double ss = Math.pow(10, ey - ex);
        close(m.estimates()[0], ref.estimates()[0], si, tol, "intercept");
        close(m.estimates()[1], ref.estimates()[1], ss, tol, "slope");
        close(m.coefficients().get(0).standardError(), ref.coefficients().get(0).standardError(), si, tol, "SE0");
        close(m.coefficients().get(1).standardError(), ref.coefficients().get(1).standardError(), ss, tol, "SE1");
        close(m.statistics().residualStandardDeviation(), ref.statistics().residualStandardDeviation(), si, tol,
                "sigma");
        assertThat(m.statistics().rSquared()).isCloseTo(ref.statistics().rSquared(), within(tol));
        close(m.anova().fStatistic(), ref.anova().fStatistic(), 1, tol * 100, "F");
        close(m.coefficients().get(1).tValue(), ref.coefficients().get(1).tValue(), 1, tol * 10, "t");
        assertThat(m.statistics().rank()).isEqualTo(2);
        assertThat(m.conditioning().aliased()).isEmpty();
        // κ with unit columns does not depend on the units
        assertThat(m.conditioning().conditionNumber()).isCloseTo(ref.conditioning().conditionNumber(),
                within(1e-8 * ref.conditioning().conditionNumber()));
        // sums of squares of 1e±600 are not doubles: absent, never 0 or Inf
        double rss = m.anova().residualSumOfSquares();
        if (Math.abs(ey) > 155) {
            assertThat(rss).isNaN();
        } else {
            assertThat(rss).isFinite().isPositive();
        }
    }

    /** explain's steps (its own double-double Cholesky of XᵀX) at every scale: same digits, NA where out of range. */
    @ParameterizedTest(name = "explain at y·1e{0}, x·1e{0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {-300, -200, -100, 100, 200, 300})
    void explainAtEveryScale(int e) {
        org.gramian.explain.NormalEquationSteps ref = org.gramian.explain.NormalEquationSteps.of(at(0, 0),
                ModelSpec.line("y", "x"));
        org.gramian.explain.NormalEquationSteps m = org.gramian.explain.NormalEquationSteps.of(at(e, e),
                ModelSpec.line("y", "x"));
        double s = Math.pow(10, e);
        close(m.coefficients()[0], ref.coefficients()[0], s, 1e-14, "intercept");
        close(m.coefficients()[1], ref.coefficients()[1], 1, 1e-14, "slope");
        close(m.residuals()[3], ref.residuals()[3], s, 1e-9, "residual");
        // XᵀX[1][1] = Σx² ≈ 1e(2e+3): a double only for |2e| < 308
        if (Math.abs(e) > 154) {
            assertThat(m.gram()[1][1]).isNaN();
            assertThat(m.cost()).isNaN();
        } else {
            close(m.gram()[1][1], ref.gram()[1][1], s * s, 1e-14, "XᵀX");
        }
    }

    private static void close(double actual, double reference, double scale, double tol, String what) {
        // compare in BigDecimal: reference·scale may itself leave the double range's comfortable middle
        BigDecimal want = new BigDecimal(reference).multiply(new BigDecimal(scale));
        BigDecimal got = new BigDecimal(actual);
        double rel = got.subtract(want).abs().divide(want.abs(), java.math.MathContext.DECIMAL64).doubleValue();
        assertThat(rel).as(what + ": " + actual + " vs " + reference + "·" + scale).isLessThanOrEqualTo(tol);
    }

    /**
     * κ₂ of [1, x] with unit columns, by hand: the columns' Gram matrix is [[1, ρ], [ρ, 1]] with
     * ρ = Σx/√(n·Σx²), whose eigenvalues are 1 ± ρ, so κ₂ = √((1 + ρ)/(1 − ρ)).
     */
    @Test
    void conditionNumberOfALineByHand() {
        double[] x = {2, 3, 5, 7, 11, 13, 17};
        double[] y = {1, 4, 2, 8, 5, 7, 9};
        double sx = 0;
        double sxx = 0;
        for (double v : x) {
            sx += v;
            sxx += v * v;
        }
        double rho = sx / Math.sqrt(x.length * sxx);
        double kappa = Math.sqrt((1 + rho) / (1 - rho));
        for (SolverKind s : SolverKind.values()) {
            FittedModel m = Gramian.fit(Table.xy(x, y), ModelSpec.line("y", "x"), s);
            assertThat(m.conditioning().conditionNumber()).as(s.toString()).isCloseTo(kappa, within(1e-9 * kappa));
        }
    }

    /**
     * NIST Longley against numpy 2.4.6 ({@code np.linalg.cond(X)} of the design with intercept, and of
     * X divided by its column norms), computed on this machine from ../shared/data/nist-strd/Longley.dat:
     * 4859257015.454869 unscaled (statsmodels prints it as "4.86e+09") and 43275.04358718 scaled.
     */
    @Test
    void longleyConditionNumbersAgreeWithNumpy() {
        Path f = Path.of(System.getProperty("nist.dir", "../../shared/data/nist-strd")).resolve("Longley.dat");
        assertThat(Files.exists(f)).as(f.toString()).isTrue();
        NistDataset ds = NistDataset.read(f);
        for (SolverKind s : SolverKind.values()) {
            FittedModel m = Gramian.fit(ds.data(), ds.spec(), s);
            assertThat(m.conditioning().conditionNumber()).as(s + " scaled")
                    .isCloseTo(43275.04358718, within(1e-6 * 43275.0));
            assertThat(m.conditioning().unscaledConditionNumber()).as(s + " unscaled")
                    .isCloseTo(4859257015.454869, within(1e-6 * 4.859e9));
            // κ = 4.3e4: the data determine 11 digits, no multicollinearity warning
            assertThat(m.conditioning().warning()).isEmpty();
        }
    }

    /** Years as x with a degree-6 polynomial (as on the Nile data): κ ≈ 1e13, say so in words. */
    @Test
    void multicollinearityIsSaidInWords() {
        Random r = new Random(3);
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = 1871 + i;
            y[i] = 900 + 100 * r.nextGaussian();
        }
        FittedModel m = Gramian.fit(Table.xy(x, y), ModelSpec.polynomial("y", "x", 6), SolverKind.AUTO);
        assertThat(m.conditioning().conditionNumber()).isGreaterThan(1e9);
        assertThat(m.conditioning().warning()).contains("multicollinearity", "nearly linearly dependent");
    }

    @Test
    void constantResponseHasUndefinedF() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {3, 3, 3, 3, 3, 3};
        for (SolverKind s : SolverKind.values()) {
            FittedModel m = Gramian.fit(Table.xy(x, y), ModelSpec.line("y", "x"), s);
            assertThat(m.anova().fStatistic()).as(s.toString()).isNaN();
            assertThat(m.anova().fPValue()).isNaN();
            assertThat(m.statistics().rSquared()).isNaN();
            assertThat(m.estimates()[0]).isEqualTo(3.0);
            assertThat(m.estimates()[1]).isCloseTo(0.0, within(1e-15));
            assertThat(m.statistics().residualStandardDeviation()).isZero();
        }
    }

    @Test
    void exactFitHasInfiniteF() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {3, 5, 7, 9, 11, 13};
        FittedModel m = Gramian.fit(Table.xy(x, y), ModelSpec.line("y", "x"), SolverKind.QR);
        assertThat(m.anova().fStatistic()).isInfinite();
    }
}
