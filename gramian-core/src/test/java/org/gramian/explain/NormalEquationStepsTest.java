package org.gramian.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gramian.GramianException;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.junit.jupiter.api.Test;

/**
 * The worked example x = [1,2,3], y = [2,4,5] by hand: XᵀX = [[3,6],[6,14]], det = 6,
 * (XᵀX)⁻¹ = (1/6)[[14,−6],[−6,3]], Xᵀy = [11,25], w = [2/3, 3/2], ŷ = [13/6, 11/3, 31/6],
 * e = [−1/6, 1/3, −1/6], J = (1/6)(1/36 + 4/36 + 1/36) = 1/36, R = [[√3, 2√3], [0, √2]].
 */
class NormalEquationStepsTest {
    static final NormalEquationSteps S = NormalEquationSteps.of(
            Table.xy(new double[] {1, 2, 3}, new double[] {2, 4, 5}), ModelSpec.line("y", "x"));

    @Test
    void everyStepOfTheWorkedExampleIsCorrectlyRounded() {
        assertThat(S.names()).containsExactly("(Intercept)", "x");
        assertThat(S.x()).isDeepEqualTo(new double[][] {{1, 1}, {1, 2}, {1, 3}});
        assertThat(S.gram()).isDeepEqualTo(new double[][] {{3, 6}, {6, 14}});
        assertThat(S.xty()).containsExactly(11, 25);
        assertThat(S.gramInverse()).isDeepEqualTo(new double[][] {{14.0 / 6, -1}, {-1, 0.5}});
        assertThat(S.cholesky()).isDeepEqualTo(new double[][] {{Math.sqrt(3), 2 * Math.sqrt(3)}, {0, Math.sqrt(2)}});
        assertThat(S.coefficients()).containsExactly(2.0 / 3, 1.5);
        assertThat(S.predictions()).containsExactly(13.0 / 6, 11.0 / 3, 31.0 / 6);
        assertThat(S.residuals()).containsExactly(-1.0 / 6, 1.0 / 3, -1.0 / 6);
        assertThat(S.cost()).isEqualTo(1.0 / 36);
        // w is 2/3 rounded to double: the gradient is the rounding error times XᵀX/m, ~1e-16
        assertThat(S.gradientNorm()).isGreaterThanOrEqualTo(0).isLessThan(1e-15);
        assertThat(S.rows()).isEqualTo(3);
        assertThat(S.columns()).isEqualTo(2);
    }

    @Test
    void withoutInterceptTheBiasColumnIsAbsent() {
        NormalEquationSteps s = NormalEquationSteps.of(Table.xy(new double[] {1, 2, 3}, new double[] {2, 4, 5}),
                new ModelSpec("y", List.of("x"), 1, false));
        // w = Σxy/Σx² = 25/14
        assertThat(s.gram()).isDeepEqualTo(new double[][] {{14}});
        assertThat(s.coefficients()).containsExactly(25.0 / 14);
    }

    @Test
    void aSingularGramMatrixLeavesTheAliasedColumnOutAsFitDoes() {
        Table t = Table.ofRows(List.of("a", "b", "y"), new double[][] {{1, 2, 1}, {2, 4, 3}, {3, 6, 2}});
        NormalEquationSteps s = NormalEquationSteps.of(t, ModelSpec.linear("y", List.of("a", "b")));
        assertThat(s.aliased()).containsExactly("b");
        assertThat(s.coefficients()[2]).isNaN();
        double[] fit = org.gramian.Gramian.fit(t, ModelSpec.linear("y", List.of("a", "b"))).estimates();
        assertThat(s.coefficients()[0]).isCloseTo(fit[0], org.assertj.core.api.Assertions.within(1e-14));
        assertThat(s.coefficients()[1]).isCloseTo(fit[1], org.assertj.core.api.Assertions.within(1e-14));
        assertThat(s.gradientNorm()).isLessThan(1e-14);
    }
}
