package org.gramian.iterative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimalityTest {
    /**
     * X = [[1, 0], [0, 2], [0, 0]], y = [1, 2, 2]: ‖X‖_F = √5, and the least-squares w = [1, 1]
     * leaves r = [0, 0, 2] with Xᵀr = 0 (the third row cannot be fitted).
     */
    static final DenseProblem HAND = new DenseProblem(new double[][] {{1, 0}, {0, 2}, {0, 0}},
            new double[] {1, 2, 2}, List.of("a", "b"), false);

    @Test
    void ratioOnAHandWorkedCase() {
        assertThat(Optimality.frobeniusNorm(HAND)).isCloseTo(Math.sqrt(5), within(1e-15));
        // w = [1, 1/2]: r = [0, 1, 2], Xᵀr = [0, 2], ‖r‖ = √5: ratio = 2/(√5·√5) = 0.4
        Optimality.Check half = Optimality.at(HAND, new double[] {1, 0.5});
        assertThat(half.xtrNorm()).isCloseTo(2.0, within(1e-15));
        assertThat(half.residualNorm()).isCloseTo(Math.sqrt(5), within(1e-15));
        assertThat(half.yNorm()).isCloseTo(3.0, within(1e-15));
        assertThat(half.ratio()).isCloseTo(0.4, within(1e-15));
        assertThat(half.holds(0.39)).isFalse();
        assertThat(half.holds(0.41)).isTrue();
        // w = 0: r = y, Xᵀr = [1, 4]: ratio = √17/(√5·3) = √(17/45)
        assertThat(Optimality.ratio(HAND, new double[] {0, 0})).isCloseTo(Math.sqrt(17.0 / 45), within(1e-15));
        // the solution: Xᵀr = 0 exactly
        Optimality.Check solution = Optimality.at(HAND, new double[] {1, 1});
        assertThat(solution.ratio()).isZero();
        assertThat(solution.holds(0)).isTrue();
        assertThat(solution.residualNorm()).isEqualTo(2.0);
        assertThat(solution.describe(1e-10)).isEqualTo("‖Xᵀr‖/(‖X‖_F‖r‖) = 0.00 ≤ tolerance 1.00e-10");
        assertThat(half.describe(1e-10)).isEqualTo("‖Xᵀr‖/(‖X‖_F‖r‖) = 0.400 > tolerance 1.00e-10");
    }

    @Test
    void anExactFitIsOptimalThoughTheRatioCannotShowIt() {
        // consistent: y = X·[1, 1]
        DenseProblem exact = new DenseProblem(HAND.x(), new double[] {1, 2, 0}, HAND.names(), false);
        Optimality.Check zero = Optimality.at(exact, new double[] {1, 1});
        assertThat(zero.residualNorm()).isZero();
        assertThat(zero.ratio()).isZero(); // r = 0 is defined as optimal, not 0/0
        assertThat(zero.holds(0)).isTrue();
        // w = [1, 1 + 1e-9]: r = [0, −2e-9, 0], Xᵀr = [0, −4e-9]: the ratio is 2/√5 however small r is
        Optimality.Check near = Optimality.at(exact, new double[] {1, 1 + 1e-9});
        assertThat(near.ratio()).isCloseTo(2 / Math.sqrt(5), within(1e-6));
        // ‖r‖/‖y‖ = 2e-9/√5 ≈ 8.9e-10: an exact fit to 1e-9, not to 1e-10
        assertThat(near.holds(1e-9)).isTrue();
        assertThat(near.holds(1e-10)).isFalse();
        assertThat(near.describe(1e-9)).startsWith("‖r‖/‖y‖ = 8.94e-10 ≤ tolerance 1.00e-09 (an exact fit;");
    }

    @Test
    void degenerateCases() {
        DenseProblem zeroX = new DenseProblem(new double[][] {{0}, {0}}, new double[] {1, 2}, List.of("a"), false);
        assertThat(Optimality.ratio(zeroX, new double[] {5})).isZero(); // every w minimizes
        Optimality.Check nan = Optimality.at(HAND, new double[] {Double.NaN, 1});
        assertThat(nan.ratio()).isNaN();
        assertThat(nan.holds(1)).isFalse();
        assertThat(Optimality.classify(nan, 1, IterativeStatus.MAX_ITERATIONS)).isEqualTo(IterativeStatus.MAX_ITERATIONS);
        assertThat(Optimality.classify(Optimality.at(HAND, new double[] {1, 1}), 1e-10,
                IterativeStatus.STOPPED_BACKWARD_ERROR)).isEqualTo(IterativeStatus.CONVERGED);
        // the ratio does not change when X and y are scaled
        DenseProblem scaled = new DenseProblem(new double[][] {{1e6, 0}, {0, 2e6}, {0, 0}},
                new double[] {3e-4, 6e-4, 6e-4}, HAND.names(), false);
        assertThat(Optimality.ratio(scaled, new double[] {3e-10, 1.5e-10})).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void theInLoopCheckOnStandardizedColumnsMatchesTheOneInOriginalColumns() {
        DenseProblem p = Problems.wellConditioned(50, 3, 2);
        double[][] x = new double[p.rows()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {1, 300 + 20 * p.x()[i][1], 1e-3 * p.x()[i][2], p.x()[i][3]};
        }
        DenseProblem bad = new DenseProblem(x, p.y(), p.names(), true);
        Standardization std = Standardization.of(bad);
        DenseProblem z = std.apply(bad);
        double[] v = {0.5, -1, 2, 0.25};
        double[] r = new double[z.rows()];
        double cost = GradientDescent.residualAndCost(z, v, r);
        double[] grad = GradientDescent.gradient(z, r);
        Optimality.Check inLoop = new Optimality.InLoop(bad, std, 1e-10).check(grad, z.rows(),
                Math.sqrt(2.0 * z.rows() * cost));
        Optimality.Check direct = Optimality.at(bad, std.toOriginal(v));
        assertThat(inLoop.ratio()).isCloseTo(direct.ratio(), within(1e-9 * direct.ratio()));
        assertThat(inLoop.residualNorm()).isCloseTo(direct.residualNorm(), within(1e-9 * direct.residualNorm()));
    }

    @Test
    void theDeadlineReadsTheClockEveryFewIterationsOnSmallProblems() {
        assertThat(Deadline.after(1, 2L * 16 * 7).stride()).isEqualTo(256); // Longley: 2¹⁶/224 = 292 → 256
        assertThat(Deadline.after(1, 1).stride()).isEqualTo(1024);
        assertThat(Deadline.after(1, 2L * 20_000 * 10).stride()).isEqualTo(1);
        Deadline none = Deadline.after(Double.POSITIVE_INFINITY, 1);
        assertThat(none.passed(0)).isFalse();
        assertThat(none.passedNow()).isFalse();
        Deadline tiny = Deadline.after(1e-9, 1);
        assertThat(tiny.passed(1)).isFalse(); // not a multiple of the stride: the clock is not read
    }
}
