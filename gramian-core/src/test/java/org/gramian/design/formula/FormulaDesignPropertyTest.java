package org.gramian.design.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;

/**
 * A formula fit equals the fit of the design expanded by hand: the same data with the columns
 * {@code y ~ g * x1 + log(x2) + I(x1^2) + C(h, ref = 'r')} makes (treatment dummies, reference
 * first level, the interaction products, the transforms) computed here in plain Java and fitted as
 * numeric features.
 */
class FormulaDesignPropertyTest {

    @Property(tries = 40)
    void formulaFitEqualsHandExpandedFit(@ForAll @IntRange(min = 14, max = 200) int n, @ForAll long seed) {
        Random rnd = new Random(seed);
        String[] gLevels = {"a", "b", "c"};
        String[] hLevels = {"p", "q", "r"};
        String[] g = new String[n];
        String[] h = new String[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = gLevels[i % 3];               // every level present
            h[i] = hLevels[(i / 3 + rnd.nextInt(2)) % 3];
            x1[i] = rnd.nextGaussian() * 3;
            x2[i] = 0.1 + rnd.nextDouble() * 10;
            y[i] = 2 + x1[i] - 0.5 * Math.log(x2[i]) + (g[i].equals("b") ? 1.5 * x1[i] : 0) + rnd.nextGaussian();
        }
        h[0] = "p";
        h[1] = "q";
        h[2] = "r";
        Table data = Table.builder().text("g", g).numeric("x1", x1).numeric("x2", x2).text("h", h).numeric("y", y)
                .build();
        FittedModel byFormula = Gramian.fit(data, ModelSpec.of(
                Formula.parse("y ~ g * x1 + log(x2) + I(x1^2) + C(h, ref = 'r')")));

        // by hand, in R's column order: g, x1, log(x2), I(x1^2), C(h), g:x1
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("gb", ind(g, "b"));
        cols.put("gc", ind(g, "c"));
        cols.put("x1", x1);
        double[] lx2 = new double[n];
        double[] sq = new double[n];
        double[] gbx = new double[n];
        double[] gcx = new double[n];
        for (int i = 0; i < n; i++) {
            lx2[i] = Math.log(x2[i]);
            sq[i] = x1[i] * x1[i];
            gbx[i] = g[i].equals("b") ? x1[i] : 0;
            gcx[i] = g[i].equals("c") ? x1[i] : 0;
        }
        cols.put("lx2", lx2);
        cols.put("sq", sq);
        cols.put("hp", ind(h, "p"));
        cols.put("hq", ind(h, "q"));
        cols.put("gbx", gbx);
        cols.put("gcx", gcx);
        cols.put("y", y);
        FittedModel byHand = Gramian.fit(Table.of(cols), ModelSpec.linear("y",
                List.of("gb", "gc", "x1", "lx2", "sq", "hp", "hq", "gbx", "gcx")));

        assertThat(byFormula.spec().coefficientNames()).containsExactly("(Intercept)", "gb", "gc", "x1", "log(x2)",
                "I(x1^2)", "C(h, ref = \"r\")p", "C(h, ref = \"r\")q", "gb:x1", "gc:x1");
        for (int j = 0; j < 10; j++) {
            assertThat(byFormula.coefficients().get(j).aliased()).isEqualTo(byHand.coefficients().get(j).aliased());
            if (byHand.coefficients().get(j).aliased()) {
                continue;
            }
            double a = byFormula.estimates()[j];
            double b = byHand.estimates()[j];
            // log(x2) is formed in double-double by the formula, in double by hand: 1e-16 relative per value
            assertThat(Math.abs(a - b)).as("coefficient " + j).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(b)));
            double sa = byFormula.coefficients().get(j).standardError();
            double sb = byHand.coefficients().get(j).standardError();
            assertThat(Math.abs(sa - sb)).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(sb)));
        }
        assertThat(byFormula.anova().residualSumOfSquares())
                .isCloseTo(byHand.anova().residualSumOfSquares(), org.assertj.core.data.Percentage.withPercentage(1e-7));
        // the ANOVA by term adds up to the regression sum of squares
        double ss = byFormula.anova().terms().stream().mapToDouble(r -> r.sumOfSquares()).sum();
        assertThat(ss).isCloseTo(byFormula.anova().regressionSumOfSquares(),
                org.assertj.core.data.Percentage.withPercentage(1e-7));
    }

    private static double[] ind(String[] v, String level) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].equals(level) ? 1 : 0;
        }
        return out;
    }
}
