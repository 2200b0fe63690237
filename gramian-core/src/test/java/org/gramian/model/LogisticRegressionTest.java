package org.gramian.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.gramian.GramianException;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.api.Test;

/** Logistic regression by IRLS against closed forms, R's glm, generated data and separated data. */
class LogisticRegressionTest {

    /** R's mtcars, columns am, wt, hp (write.csv(mtcars[, c("am", "wt", "hp")])). */
    static final double[][] MTCARS = {
        {1, 2.62, 110}, {1, 2.875, 110}, {1, 2.32, 93}, {0, 3.215, 110}, {0, 3.44, 175}, {0, 3.46, 105},
        {0, 3.57, 245}, {0, 3.19, 62}, {0, 3.15, 95}, {0, 3.44, 123}, {0, 3.44, 123}, {0, 4.07, 180},
        {0, 3.73, 180}, {0, 3.78, 180}, {0, 5.25, 205}, {0, 5.424, 215}, {0, 5.345, 230}, {1, 2.2, 66},
        {1, 1.615, 52}, {1, 1.835, 65}, {0, 2.465, 97}, {0, 3.52, 150}, {0, 3.435, 150}, {0, 3.84, 245},
        {0, 3.845, 175}, {1, 1.935, 66}, {1, 2.14, 91}, {1, 1.513, 113}, {1, 3.17, 264}, {1, 2.77, 175},
        {1, 3.57, 335}, {1, 2.78, 109},
    };

    static Table mtcars() {
        return Table.ofRows(List.of("am", "wt", "hp"), MTCARS);
    }

    /**
     * R 4.2.2: {@code f <- glm(am ~ wt + hp, data = mtcars, family = binomial)} printed with
     * {@code options(digits = 17)}: {@code coef(f)}, {@code f$deviance}, {@code f$null.deviance},
     * {@code f$aic}, {@code logLik(f)} (8 iterations; the same values with
     * {@code glm.control(epsilon = 1e-15, maxit = 100)}, so they are R's converged MLE). R's own
     * {@code summary} standard errors use the weights of the step before the last (7.443558060 for the
     * intercept, 5e-8 from the Fisher information at its reported w); ours are those at the reported w,
     * so the reference is R's Fisher information there, computed as
     * {@code X <- model.matrix(f); mu <- fitted(f); se <- sqrt(diag(solve(t(X) %*% (X * (mu*(1-mu))))))},
     * {@code z <- coef(f)/se}, {@code 2*pnorm(-abs(z))} and {@code coef(f) ± qnorm(0.975)*se}.
     */
    @Test
    void matchesRGlmOnMtcars() {
        LogisticModel m = new LogisticRegression().fit(mtcars(), ModelSpec.linear("am", List.of("wt", "hp")));
        assertThat(m.converged()).isTrue();
        assertThat(m.iterations()).isEqualTo(9);   // R's 8 and the polishing step
        double[][] r = {
            {18.86629871720412410, 7.443558427981751713, 2.5345805906865886, 0.0112582027407634039},
            {-8.08347518244463359, 3.068675275390603030, -2.6341904753723773, 0.0084338160612914669},
            {0.03625559608221654, 0.017734154331947097, 2.0443938517499021, 0.0409146542103853844},
        };
        double[][] ci = {
            {4.2771922815403122797, 33.455405152867939478},
            {-14.0979682024587464895, -2.068982162430520688},
            {0.0014972922953252546, 0.071013899869107833},
        };
        List<org.gramian.model.FittedModel.Interval> got = m.confidenceIntervals(0.95);
        for (int j = 0; j < 3; j++) {
            LogisticModel.Coefficient c = m.coefficients().get(j);
            assertThat(c.estimate()).isCloseTo(r[j][0], within(1e-13 * Math.abs(r[j][0])));
            assertThat(c.standardError()).isCloseTo(r[j][1], within(1e-11 * r[j][1]));
            assertThat(c.zValue()).isCloseTo(r[j][2], within(1e-11 * Math.abs(r[j][2])));
            assertThat(c.pValue()).isCloseTo(r[j][3], within(1e-10 * r[j][3]));
            assertThat(got.get(j).lower()).isCloseTo(ci[j][0], within(1e-10 * Math.abs(ci[j][0])));
            assertThat(got.get(j).upper()).isCloseTo(ci[j][1], within(1e-10 * Math.abs(ci[j][1])));
        }
        assertThat(m.deviance()).isCloseTo(10.0591104722669886, within(1e-12));
        assertThat(m.nullDeviance()).isCloseTo(43.2297332768578073, within(1e-13));
        assertThat(m.aic()).isCloseTo(16.0591104722669904, within(1e-12));
        assertThat(m.logLikelihood()).isCloseTo(-5.0295552361334952, within(1e-12));
        assertThat(m.residualDf()).isEqualTo(29);
        assertThat(m.nullDf()).isEqualTo(31);
        assertThat(m.separation().found()).isFalse();
        assertThat(m.warnings()).isEmpty();
        // the deviance falls at every step (Newton on a concave log-likelihood, from w = 0)
        for (int k = 1; k < m.history().size(); k++) {
            assertThat(m.history().get(k).deviance()).isLessThanOrEqualTo(m.history().get(k - 1).deviance());
        }
        assertThat(m.history().get(0).deviance()).isCloseTo(2 * 32 * Math.log(2), within(1e-13));
    }

    /**
     * One binary x: the MLE is the log-odds of the 2×2 table. x = 0: 2 ones of 5, x = 1: 6 of 7. So
     * w₀ = ln(2/3), w₁ = ln 6 − ln(2/3) = ln 9, SE(w₀) = √(1/2 + 1/3), SE(w₁) = √(1/2 + 1/3 + 1/6 + 1/1) = √2
     * (the inverse cell counts), D = −2[2 ln 0.4 + 3 ln 0.6 + 6 ln(6/7) + ln(1/7)], null deviance
     * −2[8 ln(2/3) + 4 ln(1/3)]. Tight tolerance, so the iterate is the MLE to the last digits.
     */
    @Test
    void twoByTwoTableIsItsLogOdds() {
        double[][] rows = {
            {0, 0}, {0, 0}, {0, 0}, {1, 0}, {1, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1}, {1, 1},
        };
        for (SolverKind kind : new SolverKind[] {SolverKind.QR, SolverKind.CHOLESKY}) {
            LogisticModel m = new LogisticRegression(kind, 1e-15, 50, 0)
                    .fit(Table.ofRows(List.of("y", "x"), rows), ModelSpec.line("y", "x"));
            assertThat(m.converged()).isTrue();
            assertThat(m.coefficients().get(0).estimate()).isCloseTo(Math.log(2.0 / 3), within(1e-14));
            assertThat(m.coefficients().get(1).estimate()).isCloseTo(Math.log(9), within(1e-14));
            assertThat(m.coefficients().get(0).standardError()).isCloseTo(Math.sqrt(0.5 + 1.0 / 3), within(1e-13));
            assertThat(m.coefficients().get(1).standardError()).isCloseTo(Math.sqrt(2), within(1e-13));
            double dev = -2 * (2 * Math.log(0.4) + 3 * Math.log(0.6) + 6 * Math.log(6.0 / 7) + Math.log(1.0 / 7));
            assertThat(m.deviance()).isCloseTo(dev, within(1e-14));
            assertThat(m.nullDeviance()).isCloseTo(-2 * (8 * Math.log(2.0 / 3) + 4 * Math.log(1.0 / 3)), within(1e-14));
            assertThat(m.aic()).isCloseTo(dev + 4, within(1e-13));
        }
    }

    /** 200,000 rows from known coefficients (seeded): each estimate within 4 standard errors of the truth. */
    @Test
    void recoversKnownCoefficientsOnALargeGeneratedSet() {
        Random r = new Random(12);
        int n = 200_000;
        double[] truth = {-0.5, 1.2, -0.8};
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = 4 * r.nextDouble() - 2;
            double eta = truth[0] + truth[1] * a + truth[2] * b;
            double y = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            rows[i] = new double[] {y, a, b};
        }
        Table data = Table.ofRows(List.of("y", "a", "b"), rows);
        LogisticModel m = new LogisticRegression().fit(data, ModelSpec.linear("y", List.of("a", "b")));
        assertThat(m.converged()).isTrue();
        assertThat(m.iterations()).isBetween(3, 10);
        // the polishing step: R's rule alone left w 2e-11 from the MLE on a set like this; with it, w is
        // the MLE to the last digits (iterating to a criterion of 1e-16 changes nothing beyond 1e-14)
        LogisticModel tight = new LogisticRegression(SolverKind.QR, 1e-16, 50, 0)
                .fit(data, ModelSpec.linear("y", List.of("a", "b")));
        for (int j = 0; j < 3; j++) {
            assertThat(m.estimates()[j]).isCloseTo(tight.estimates()[j], within(1e-14 * Math.abs(tight.estimates()[j])));
        }
        for (int j = 0; j < 3; j++) {
            LogisticModel.Coefficient c = m.coefficients().get(j);
            assertThat(Math.abs(c.estimate() - truth[j])).isLessThan(4 * c.standardError());
            assertThat(c.standardError()).isBetween(0.003, 0.02);
        }
    }

    /** x = 1..10, y = [x > 5]: complete separation; both coefficients diverge (x up, the intercept down). */
    @Test
    void completeSeparationIsDetectedAndNamed() {
        double[][] rows = new double[10][];
        for (int i = 0; i < 10; i++) {
            rows[i] = new double[] {i + 1 > 5 ? 1 : 0, i + 1};
        }
        LogisticModel m = new LogisticRegression().fit(Table.ofRows(List.of("y", "x"), rows), ModelSpec.line("y", "x"));
        assertThat(m.separation().kind()).isEqualTo(LogisticModel.SeparationKind.COMPLETE);
        assertThat(m.separation().diverging()).containsExactly("(Intercept)", "x");
        assertThat(m.coefficients().get(1).estimate()).isNaN();
        assertThat(m.coefficients().get(1).diverges()).isTrue();
        assertThat(m.coefficients().get(1).direction()).isEqualTo(1);
        assertThat(m.coefficients().get(0).direction()).isEqualTo(-1);
        assertThat(m.deviance()).isLessThan(1e-6);
        assertThat(m.warnings().get(0)).startsWith("complete separation").contains("(Intercept), x diverge");
    }

    /**
     * Every y = 1: complete separation in the intercept alone (it grows, the slopes tend to 0). Every weight
     * μ(1 − μ) vanishes, so no standard error is finite: NA, not the huge number of the last iterate. R's
     * rule is met late (R 4.2.2: {@code glm(am ~ wt + hp, family = binomial)} with every am = 1 converges
     * after 24 iterations); ours, from w = 0, meets it at the 25th step, the limit, and counts as converged.
     */
    @Test
    void allOnesSeparateInTheInterceptAndLeaveNoStandardErrors() {
        double[][] rows = new double[32][];
        for (int i = 0; i < 32; i++) {
            rows[i] = new double[] {1, MTCARS[i][1], MTCARS[i][2]};
        }
        LogisticModel m = new LogisticRegression().fit(Table.ofRows(List.of("am", "wt", "hp"), rows),
                ModelSpec.linear("am", List.of("wt", "hp")));
        assertThat(m.converged()).isTrue();
        assertThat(m.separation().kind()).isEqualTo(LogisticModel.SeparationKind.COMPLETE);
        assertThat(m.separation().diverging()).containsExactly("(Intercept)");
        assertThat(m.coefficients().get(0).direction()).isEqualTo(1);
        assertThat(m.coefficients().get(1).standardError()).isNaN();
        assertThat(Math.abs(m.coefficients().get(1).estimate())).isLessThan(1e-6);
        assertThat(m.nullDeviance()).isZero();
        assertThat(m.warnings().get(0)).contains("no standard error is finite");
    }

    /**
     * A dummy z with every z = 1 row at y = 1 and a continuous x that does not separate: quasi-complete
     * separation in z alone. The intercept and x converge to the fit of the z = 0 rows alone (the z = 1
     * rows drop out as wz → ∞), which is checked by fitting those rows separately.
     */
    @Test
    void quasiCompleteSeparationNamesOnlyTheDivergingCoefficient() {
        double[][] rows = {
            {0, 0, 0.5}, {1, 0, 1.5}, {0, 0, 2.0}, {1, 0, 2.5}, {0, 0, 3.0}, {1, 0, 3.5}, {1, 0, 4.0}, {0, 0, 1.0},
            {1, 1, 1.0}, {1, 1, 2.0}, {1, 1, 3.0},
        };
        LogisticModel m = new LogisticRegression().fit(Table.ofRows(List.of("y", "z", "x"), rows),
                ModelSpec.linear("y", List.of("z", "x")));
        assertThat(m.separation().kind()).isEqualTo(LogisticModel.SeparationKind.QUASI_COMPLETE);
        assertThat(m.separation().diverging()).containsExactly("z");
        double[][] zero = java.util.Arrays.copyOf(rows, 8);
        LogisticModel alone = new LogisticRegression().fit(Table.ofRows(List.of("y", "z", "x"), zero),
                ModelSpec.linear("y", List.of("x")));
        assertThat(m.coefficients().get(0).estimate()).isCloseTo(alone.coefficients().get(0).estimate(), within(1e-6));
        assertThat(m.coefficients().get(2).estimate()).isCloseTo(alone.coefficients().get(1).estimate(), within(1e-6));
        assertThat(m.coefficients().get(2).standardError())
                .isCloseTo(alone.coefficients().get(1).standardError(), within(1e-5));
        assertThat(m.deviance()).isCloseTo(alone.deviance(), within(1e-6));
    }

    @Test
    void aResponseOtherThanZeroOrOneIsRefusedWithItsRow() {
        double[][] rows = {{0, 1}, {1, 2}, {2, 3}, {0, 4}};
        assertThatThrownBy(() -> new LogisticRegression().fit(Table.ofRows(List.of("y", "x"), rows),
                ModelSpec.line("y", "x")))
                .isInstanceOf(GramianException.class)
                .hasMessageContaining("row 3").hasMessageContaining("'y'").hasMessageContaining("0 or 1, got 2");
    }

    /**
     * Deterministic: the same bits whether the rows come in one block or in blocks of 7, 1 and 1000 (the
     * deviance is summed in row order by the working source, the QR pass merges fixed chunks in order).
     */
    @Test
    void sameBitsWhateverTheBlocking() {
        Random r = new Random(5);
        int n = 5000;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            rows[i] = new double[] {r.nextDouble() < 1 / (1 + Math.exp(-(0.3 + a))) ? 1 : 0, a};
        }
        List<String> names = List.of("y", "a");
        LogisticModel one = new LogisticRegression().fit(Table.ofRows(names, rows), ModelSpec.line("y", "a"));
        org.gramian.data.RowSource chunked = new org.gramian.data.RowSource() {
            @Override
            public List<String> columns() {
                return names;
            }

            @Override
            public void forEachBlock(boolean extended, java.util.function.Consumer<org.gramian.data.RowBlock> c) {
                int[] sizes = {7, 1, 1000};
                int at = 0;
                for (int k = 0; at < n; k++) {
                    int m = Math.min(sizes[k % 3], n - at);
                    double[] v = new double[m * 2];
                    for (int i = 0; i < m; i++) {
                        v[2 * i] = rows[at + i][0];
                        v[2 * i + 1] = rows[at + i][1];
                    }
                    c.accept(new org.gramian.data.RowBlock(at, m, 2, v));
                    at += m;
                }
            }
        };
        LogisticModel other = new LogisticRegression().fit(chunked, ModelSpec.line("y", "a"));
        assertThat(other.estimates()).isEqualTo(one.estimates());
        assertThat(other.deviance()).isEqualTo(one.deviance());
        assertThat(other.covariance()).isEqualTo(one.covariance());
        assertThat(other.iterations()).isEqualTo(one.iterations());
    }

    /**
     * Prior weights, R's {@code glm(weights =)}. R 4.2.2 with {@code d <- mtcars; d$w <- rep(c(1, 2, 3, 0),
     * length.out = 32)}, {@code f <- glm(am ~ wt + hp, data = d, weights = w, family = binomial,
     * control = glm.control(epsilon = 1e-16, maxit = 100))}: {@code coef(f)}, {@code f$deviance},
     * {@code f$null.deviance}, {@code f$aic}, {@code f$df.residual} (21 = 24 rows of nonzero weight − 3),
     * {@code f$df.null}, and the Fisher-information SEs {@code sqrt(diag(solve(t(X) %*% (X * (d$w*mu*(1-mu))))))}.
     * Independently: whole-number weights are repeated rows (same w, SEs, deviance and AIC; only the
     * degrees of freedom count rows, as R's do).
     */
    @Test
    void priorWeightsAreRsAndRepeatedRows() {
        double[] wt = {1, 2, 3, 0};
        double[][] rows = new double[32][];
        List<double[]> repeated = new java.util.ArrayList<>();
        for (int i = 0; i < 32; i++) {
            rows[i] = new double[] {MTCARS[i][0], MTCARS[i][1], MTCARS[i][2], wt[i % 4]};
            for (int k = 0; k < wt[i % 4]; k++) {
                repeated.add(MTCARS[i]);
            }
        }
        ModelSpec spec = ModelSpec.linear("am", List.of("wt", "hp")).withWeights("w");
        LogisticModel m = new LogisticRegression().fit(Table.ofRows(List.of("am", "wt", "hp", "w"), rows), spec);
        double[] coef = {22.307124997946068845, -9.405028408631050496, 0.040288621314859205};
        double[] se = {7.756214620328512055, 3.108866339023271141, 0.015222568883431155};
        for (int j = 0; j < 3; j++) {
            assertThat(m.estimates()[j]).isCloseTo(coef[j], within(1e-13 * Math.abs(coef[j])));
            assertThat(m.coefficients().get(j).standardError()).isCloseTo(se[j], within(1e-12 * se[j]));
        }
        assertThat(m.deviance()).isCloseTo(12.537566271423984, within(1e-13));
        assertThat(m.nullDeviance()).isCloseTo(66.208409122274560, within(1e-13));
        assertThat(m.aic()).isCloseTo(18.537566271423984, within(1e-13));
        assertThat(m.residualDf()).isEqualTo(21);
        assertThat(m.nullDf()).isEqualTo(23);
        assertThat(m.observations()).isEqualTo(24);

        LogisticModel rep = new LogisticRegression().fit(Table.ofRows(List.of("am", "wt", "hp"),
                repeated.toArray(new double[0][])), ModelSpec.linear("am", List.of("wt", "hp")));
        for (int j = 0; j < 3; j++) {
            assertThat(m.estimates()[j]).isCloseTo(rep.estimates()[j], within(1e-13 * Math.abs(coef[j])));
            assertThat(m.coefficients().get(j).standardError())
                    .isCloseTo(rep.coefficients().get(j).standardError(), within(1e-12 * se[j]));
        }
        assertThat(m.deviance()).isCloseTo(rep.deviance(), within(1e-12));
        assertThat(m.aic()).isCloseTo(rep.aic(), within(1e-12));
        assertThat(rep.residualDf()).isEqualTo(48 - 3);
    }

    /** A weight that is not a whole number: no binomial likelihood, so AIC and log-likelihood are NA, with a warning. */
    @Test
    void fractionalWeightsLeaveAicUndefined() {
        double[][] rows = new double[32][];
        for (int i = 0; i < 32; i++) {
            rows[i] = new double[] {MTCARS[i][0], MTCARS[i][1], MTCARS[i][2], i == 5 ? 0.5 : 1};
        }
        LogisticModel m = new LogisticRegression().fit(Table.ofRows(List.of("am", "wt", "hp", "w"), rows),
                ModelSpec.linear("am", List.of("wt", "hp")).withWeights("w"));
        assertThat(m.aic()).isNaN();
        assertThat(m.logLikelihood()).isNaN();
        assertThat(m.deviance()).isFinite();
        assertThat(m.warnings()).anyMatch(w -> w.contains("not whole numbers"));
    }

    /**
     * Without an intercept the null model is μ = ½ (null deviance 2n ln 2 on n df). R 4.2.2:
     * {@code f <- glm(am ~ 0 + wt + hp, data = mtcars, family = binomial, control = glm.control(epsilon = 1e-16,
     * maxit = 100))}: {@code coef(f)} = -0.816811012014831417, 0.012311545661184097 (with R's default epsilon
     * -0.81681101201468143, 0.01231154566118180: 1.8e-13 short of the MLE); {@code f$deviance} = 37.039726262675970,
     * {@code f$null.deviance} = 44.361419555836498 on {@code f$df.null} = 32, {@code f$aic} = 41.039726262675970.
     */
    @Test
    void withoutInterceptTheNullModelIsAHalf() {
        LogisticModel m = new LogisticRegression().fit(mtcars(),
                new ModelSpec("am", List.of("wt", "hp"), 1, false));
        assertThat(m.estimates()[0]).isCloseTo(-0.816811012014831417, within(1e-15));
        assertThat(m.estimates()[1]).isCloseTo(0.012311545661184097, within(1e-17));
        assertThat(m.deviance()).isCloseTo(37.039726262675970, within(1e-12));
        assertThat(m.nullDeviance()).isCloseTo(64 * Math.log(2), within(1e-13)).isCloseTo(44.361419555836498, within(1e-12));
        assertThat(m.nullDf()).isEqualTo(32);
        assertThat(m.aic()).isCloseTo(41.039726262675970, within(1e-12));
    }
}
