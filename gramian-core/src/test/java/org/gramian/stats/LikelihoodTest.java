package org.gramian.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Log-likelihood, AIC and BIC of linear models against R 4.2.2 ({@code logLik.lm}, {@code AIC},
 * {@code BIC}) on data sets that ship with R. The CSV files in {@code r-datasets/} were written by
 * {@code write.csv(cars, "cars.csv", row.names=FALSE, quote=FALSE)} (likewise {@code trees}) and, for
 * mtcars, by
 * <pre>
 *   d &lt;- mtcars[,c("mpg","wt","hp","qsec")]; d$w0 &lt;- d$qsec; d$w0[c(1,5)] &lt;- 0
 *   write.csv(d, "mtcars.csv", row.names=FALSE, quote=FALSE)
 * </pre>
 * The expected values were printed by
 * {@code l <- logLik(m); sprintf("%.17g %d %.17g %.17g", as.numeric(l), attr(l,"df"), AIC(m), BIC(m))}
 * for each model {@code m} named in the test.
 */
class LikelihoodTest {

    static Table csv(String name) {
        try (InputStream in = LikelihoodTest.class.getResourceAsStream("/r-datasets/" + name)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> header = Arrays.asList(lines.get(0).split(","));
            List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
            return Table.ofDecimalRows(header, rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertR(FittedModel m, double logLik, int df, double aic, double bic) {
        Likelihood l = m.likelihood();
        assertThat(l).isNotNull();
        assertThat(l.logLikelihood()).isCloseTo(logLik, within(1e-12 * Math.abs(logLik)));
        assertThat(l.df()).isEqualTo(df);
        assertThat(l.aic()).isCloseTo(aic, within(1e-12 * Math.abs(aic)));
        assertThat(l.bic()).isCloseTo(bic, within(1e-12 * Math.abs(bic)));
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void carsLikeR(SolverKind solver) {
        // lm(dist ~ speed, data=cars)
        assertR(Gramian.fit(csv("cars.csv"), ModelSpec.line("dist", "speed"), solver),
                -206.57843151367663, 3, 419.15686302735327, 424.8929320436377);
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void treesLikeR(SolverKind solver) {
        // lm(Volume ~ Girth + Height, data=trees)
        assertR(Gramian.fit(csv("trees.csv"), ModelSpec.linear("Volume", List.of("Girth", "Height")), solver),
                -84.454986493635118, 4, 176.90997298727024, 182.64592180521083);
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void mtcarsLikeR(SolverKind solver) {
        Table d = csv("mtcars.csv");
        ModelSpec spec = ModelSpec.linear("mpg", List.of("wt", "hp"));
        // lm(mpg ~ wt + hp, data=mtcars)
        assertR(Gramian.fit(d, spec, solver), -74.326169412820661, 4, 156.65233882564132, 162.51528243684024);
        // lm(mpg ~ 0 + wt, data=mtcars): no intercept, df = 2
        assertR(Gramian.fit(d, new ModelSpec("mpg", List.of("wt"), 1, false), solver),
                -122.40348684944286, 2, 248.80697369888571, 251.73844550448516);
        // lm(mpg ~ wt + hp, data=mtcars, weights=qsec): R adds Σ log w / 2
        assertR(Gramian.fit(d, spec.withWeights("qsec"), solver),
                -74.825368897210339, 4, 157.65073779442068, 163.51368140561959);
        // weights w0 = qsec with rows 1 and 5 set to 0: R leaves zero weights out (N = 30)
        FittedModel zero = Gramian.fit(d, spec.withWeights("w0"), solver);
        assertThat(zero.statistics().observations()).isEqualTo(30);
        assertR(zero, -70.54180694621337, 4, 149.08361389242674, 154.68840341907537);
    }
}
