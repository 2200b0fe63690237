package org.gramian.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.InvalidValueException;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.nist.Lre;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Weighted least squares (#12, part 1) against independent truth: rows repeated k times are the
 * same fit as weight k (estimates, RSS, R²); a zero weight is the row left out (and not counted, as
 * R's lm does); an ill-conditioned weighted polynomial against exact rational arithmetic on the rows
 * multiplied by √w (weights that are perfect squares, so √w is rational).
 */
class WeightedLeastSquaresTest {

    private static List<String[]> data(long seed, int n) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 10 * r.nextDouble();
            double y = 1 + 2 * x + (1 + x / 5) * r.nextGaussian();
            int w = r.nextInt(4);            // 0..3
            rows.add(new String[] {String.format(Locale.ROOT, "%.3f", y), String.format(Locale.ROOT, "%.3f", x),
                Integer.toString(w)});
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void integerWeightsAreRepeatedRows(SolverKind solver) {
        List<String[]> rows = data(1, 60);
        List<String[]> repeated = new ArrayList<>();
        List<String[]> positive = new ArrayList<>();
        for (String[] row : rows) {
            int w = Integer.parseInt(row[2]);
            for (int k = 0; k < w; k++) {
                repeated.add(new String[] {row[0], row[1]});
            }
            if (w > 0) {
                positive.add(row);
            }
        }
        FittedModel wls = Gramian.fit(Table.ofDecimalRows(List.of("y", "x", "w"), rows),
                ModelSpec.line("y", "x").withWeights("w"), solver);
        FittedModel ols = Gramian.fit(Table.ofDecimalRows(List.of("y", "x"), repeated), ModelSpec.line("y", "x"),
                solver);
        double tol = solver == SolverKind.CHOLESKY ? 1e-11 : 1e-13;
        for (int j = 0; j < 2; j++) {
            assertThat(wls.estimates()[j]).isCloseTo(ols.estimates()[j], within(tol * Math.abs(ols.estimates()[j])));
        }
        double rss = ols.anova().residualSumOfSquares();
        assertThat(wls.anova().residualSumOfSquares()).isCloseTo(rss, within(tol * rss));
        assertThat(wls.statistics().rSquared()).isCloseTo(ols.statistics().rSquared(), within(tol));
        // n counts the rows with a positive weight (R's lm drops zero weights from the df)
        assertThat(wls.statistics().observations()).isEqualTo(positive.size());
        assertThat(wls.anova().residualDf()).isEqualTo(positive.size() - 2);
        // σ² = Σw·r²/(n − p)
        assertThat(wls.residualVariance()).isCloseTo(rss / (positive.size() - 2), within(tol * rss));
    }

    @ParameterizedTest
    @EnumSource(value = SolverKind.class, names = {"AUTO", "QR", "SVD"})
    void illConditionedWeightedPolynomialAgainstExactArithmetic(SolverKind solver) {
        Random r = new Random(9);
        int degree = 6;
        String[] weights = {"1", "4", "9", "0.25", "16"};
        List<String[]> rows = new ArrayList<>();
        int n = 40;
        Fraction[][] xs = new Fraction[n][degree + 1];
        Fraction[] ys = new Fraction[n];
        for (int i = 0; i < n; i++) {
            String x = String.format(Locale.ROOT, "%.6f", -9 + 4 * r.nextDouble());
            String y = String.format(Locale.ROOT, "%.6f", Math.sin(Double.parseDouble(x)) + 0.01 * r.nextGaussian());
            String w = weights[i % weights.length];
            rows.add(new String[] {y, x, w});
            Fraction root = Fraction.of(w.equals("0.25") ? "0.5" : Integer.toString((int) Math.sqrt(Double.parseDouble(w))));
            Fraction fx = Fraction.of(x);
            Fraction pow = Fraction.ONE;
            for (int k = 0; k <= degree; k++) {
                xs[i][k] = pow.multiply(root);
                pow = pow.multiply(fx);
            }
            ys[i] = Fraction.of(y).multiply(root);
        }
        ExactLeastSquares exact = new ExactLeastSquares(xs, ys, false);
        FittedModel m = Gramian.fit(Table.ofDecimalRows(List.of("y", "x", "w"), rows),
                ModelSpec.polynomial("y", "x", degree).withWeights("w"), solver);
        for (int j = 0; j <= degree; j++) {
            assertThat(Lre.of(m.estimates()[j], exact.w[j].doubleValue())).as("w[%d]", j).isGreaterThanOrEqualTo(12.0);
            assertThat(Lre.of(m.coefficients().get(j).standardError(), exact.standardError(j)))
                    .as("SE[%d]", j).isGreaterThanOrEqualTo(11.0);
        }
        assertThat(Lre.of(m.statistics().residualStandardDeviation(), exact.residualSd())).isGreaterThanOrEqualTo(12.0);
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void aNegativeOrMissingWeightIsAnErrorNamingTheColumn(SolverKind solver) {
        for (String bad : new String[] {"-1", "NaN"}) {
            List<String[]> rows = new ArrayList<>(data(2, 10));
            rows.set(4, new String[] {"1", "2", bad});
            Table t = Table.ofDecimalRows(List.of("y", "x", "w"), rows);
            assertThatThrownBy(() -> Gramian.fit(t, ModelSpec.line("y", "x").withWeights("w"), solver))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("'w'")
                    .hasMessageContaining("row 5").hasMessageContaining("weight");
        }
    }
}
