package org.gramian.iterative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.gramian.data.NistDataset;
import org.junit.jupiter.api.Test;

/** The statuses: CONVERGED only when the optimality test holds at the answer, otherwise the stop that was hit. */
class ConvergenceLabelsTest {
    static DenseProblem longley() {
        NistDataset ds = NistDataset.read(Path.of(System.getProperty("gramian.nist.dir")).resolve("Longley.dat"));
        return DenseProblem.of(ds.data(), ds.spec());
    }

    /** ‖Xᵀr‖₂/(‖X‖_F‖r‖₂), r = y − Xw, written out here independently of {@link Optimality}. */
    static double independentRatio(DenseProblem p, double[] w) {
        double[][] x = p.x();
        double[] r = new double[p.rows()];
        double rr = 0;
        double xx = 0;
        for (int i = 0; i < r.length; i++) {
            double fit = 0;
            for (int j = 0; j < w.length; j++) {
                fit += x[i][j] * w[j];
                xx += x[i][j] * x[i][j];
            }
            r[i] = p.y()[i] - fit;
            rr += r[i] * r[i];
        }
        double gg = 0;
        for (int j = 0; j < w.length; j++) {
            double g = 0;
            for (int i = 0; i < r.length; i++) {
                g += x[i][j] * r[i];
            }
            gg += g * g;
        }
        return Math.sqrt(gg) / (Math.sqrt(xx) * Math.sqrt(rr));
    }

    @Test
    void lsqrOnUnstandardizedLongleyIsNotCalledConverged() {
        DenseProblem p = longley();
        IterativeResult r = Lsqr.fit(p, new Lsqr.Options(false, 1e-10, 100_000));
        // LSQR's S2 test fires on its running estimates, at a cost 2.7 times the optimum's
        assertThat(r.status()).isEqualTo(IterativeStatus.STOPPED_BACKWARD_ERROR);
        assertThat(r.converged()).isFalse();
        assertThat(r.finalCost()).isGreaterThan(2 * 26138.25);
        assertThat(r.message()).contains("backward-error test (S2").contains("not converged")
                .contains("> tolerance 1.00e-10");
        double independent = independentRatio(p, r.coefficients());
        // equal up to the rounding of r = y − Xw summed in another order
        assertThat(r.optimality()).isCloseTo(independent, within(1e-6 * independent));
        assertThat(r.optimality()).isGreaterThan(1e-10);
        // standardized, LSQR does reach the optimum, and says so
        IterativeResult std = Lsqr.fit(p, new Lsqr.Options(true, 1e-10, 100_000));
        assertThat(std.status()).isEqualTo(IterativeStatus.CONVERGED);
        assertThat(std.optimality()).isLessThanOrEqualTo(1e-10);
        // near its rounding floor (~1e-12 on Longley) the ratio is only good to a few digits: another
        // summation order gives 1.39e-12 for Optimality's 1.63e-12
        assertThat(independentRatio(p, std.coefficients())).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void gradientDescentOnAWellConditionedProblemIsConverged() {
        DenseProblem p = Problems.wellConditioned(400, 5, 11);
        for (boolean standardize : new boolean[] {false, true}) {
            IterativeResult r = GradientDescent.fit(p, GradientDescent.Options.defaults(standardize));
            assertThat(r.status()).as(r.message()).isEqualTo(IterativeStatus.CONVERGED);
            assertThat(r.optimality()).isLessThanOrEqualTo(1e-10).isPositive();
            assertThat(independentRatio(p, r.coefficients())).isLessThanOrEqualTo(1e-10);
            assertThat(r.message()).startsWith("converged, ‖Xᵀr‖/(‖X‖_F‖r‖) = ");
        }
    }

    /** Columns around 5000 and on a scale of 1000: κ(XᵀX) > 1e9, so plain gradient descent needs billions of iterations. */
    static DenseProblem badlyScaled() {
        DenseProblem p = Problems.wellConditioned(200, 2, 3);
        double[][] x = new double[p.rows()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {1, 5000 + p.x()[i][1], 1000 * p.x()[i][2]};
        }
        return new DenseProblem(x, p.y(), p.names(), true);
    }

    @Test
    void theTimeLimitStopsGradientDescent() {
        int max = 100_000_000;
        IterativeResult r = GradientDescent.fit(badlyScaled(), new GradientDescent.Options(false, Double.NaN, 1e-10,
                max, 0.05));
        assertThat(r.status()).as(r.message()).isEqualTo(IterativeStatus.TIME_LIMIT);
        assertThat(r.iterations()).isPositive().isLessThan(max);
        assertThat(r.costHistory()).hasSize(r.iterations() + 1);
        assertThat(r.message()).startsWith("stopped by the time limit of 0.05 s after ");
        // without a limit the same options would run on: the limit is what stopped it
        IterativeResult capped = GradientDescent.fit(badlyScaled(), GradientDescent.Options.defaults(false)
                .withMaxIterations(r.iterations() + 5000));
        assertThat(capped.status()).isEqualTo(IterativeStatus.MAX_ITERATIONS);
    }

    @Test
    void theTimeLimitStopsSgdAndLsqr() {
        IterativeResult sgd = MiniBatchGradientDescent.fit(badlyScaled(),
                new MiniBatchGradientDescent.Options(false, 1, Double.NaN, 1e-10, 10_000_000, 1, 0.0, 0.05));
        assertThat(sgd.status()).as(sgd.message()).isEqualTo(IterativeStatus.TIME_LIMIT);
        assertThat(sgd.iterations()).isLessThan(10_000_000);
        // a limit shorter than the setup: LSQR stops before its first iteration
        IterativeResult lsqr = Lsqr.fit(longley(), new Lsqr.Options(false, 1e-10, 100_000, 1e-9));
        assertThat(lsqr.status()).isEqualTo(IterativeStatus.TIME_LIMIT);
        assertThat(lsqr.iterations()).isZero();
    }

    @Test
    void gradientDescentWithNoReachableToleranceStalls() {
        // tolerance 0 is never met; once cost and gradient sit at their rounding floor it stops
        int max = 1_000_000;
        IterativeResult r = GradientDescent.fit(Problems.wellConditioned(400, 5, 11),
                GradientDescent.Options.defaults(false).withTolerance(0).withMaxIterations(max));
        assertThat(r.status()).as(r.message()).isEqualTo(IterativeStatus.STALLED);
        assertThat(r.iterations()).isGreaterThan(GradientDescent.STALL_WINDOW).isLessThan(20_000);
        assertThat(r.optimality()).isLessThan(1e-13);
        assertThat(r.message()).contains("stalled at iteration").contains("not converged");
    }

    @Test
    void slowButSteadyProgressIsNotAStall() {
        // κ > 1e9: the cost falls a little every iteration, so 20 000 iterations end at the limit
        IterativeResult r = GradientDescent.fit(badlyScaled(), GradientDescent.Options.defaults(false)
                .withMaxIterations(20_000));
        assertThat(r.status()).isEqualTo(IterativeStatus.MAX_ITERATIONS);
        assertThat(r.iterations()).isEqualTo(20_000);
    }
}
