package org.gramian.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;
import org.gramian.data.Table;
import org.gramian.model.FittedModel;
import org.gramian.nist.Lre;
import org.gramian.data.NistDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic check every {@link LeastSquaresSolver} must pass (in the style of EJML's generic
 * solver tests): the hand-worked example, the NIST StRD files (certified digits for the certified
 * solvers; for all, at least the digits the solver itself promises), a collinear design reported
 * as R's {@code lm} does, and an honest rank report. A new solver gets these by subclassing.
 */
abstract class LeastSquaresSolverContract {

    /** The solver under test. */
    abstract LeastSquaresSolver solver();

    /** The kind its results must report. */
    abstract SolverKind reportedKind();

    /** Whether it must meet the NIST certification thresholds (13 digits, 12 for statistics). */
    abstract boolean certified();

    /** Relative tolerance on the hand-worked example. */
    double workedTolerance() {
        return 1e-15;
    }

    private FittedModel fit(RowSource data, ModelSpec spec) {
        return FittedModel.of(spec, solver().solve(data, Design.bind(spec, data.columns())));
    }

    /** x = [1,2,3], y = [2,4,5]: w = [2/3, 3/2], RSS = 1/6, SE = [√(14/36), √(1/12)], R² = 27/28. */
    @Test
    void handWorkedExample() {
        FittedModel m = fit(Table.xy(new double[] {1, 2, 3}, new double[] {2, 4, 5}), ModelSpec.line("y", "x"));
        double tol = workedTolerance();
        assertThat(m.estimates()[0]).isCloseTo(2.0 / 3, within(tol));
        assertThat(m.estimates()[1]).isCloseTo(1.5, within(tol));
        assertThat(m.coefficients().get(0).standardError()).isCloseTo(Math.sqrt(14.0 / 36), within(tol));
        assertThat(m.coefficients().get(1).standardError()).isCloseTo(Math.sqrt(1.0 / 12), within(tol));
        assertThat(m.anova().residualSumOfSquares()).isCloseTo(1.0 / 6, within(tol));
        assertThat(m.statistics().rSquared()).isCloseTo(27.0 / 28, within(tol));
        assertThat(m.solver()).isEqualTo(reportedKind());
        // Cov(w) = s²(XᵀX)⁻¹ = (1/6)·(1/6)[[14, −6], [−6, 3]]
        assertThat(m.covariance()[0][1]).isCloseTo(-6.0 / 36, within(tol));
        assertThat(m.residualVariance()).isCloseTo(1.0 / 6, within(tol));
        assertThat(m.residualDf()).isEqualTo(1);
    }

    static Stream<String> nist() {
        return Stream.of("Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3");
    }

    @ParameterizedTest
    @MethodSource("nist")
    void nistDigits(String name) {
        Path f = Path.of(System.getProperty("gramian.nist.dir", "../../shared/data/nist-strd")).resolve(name + ".dat");
        assertThat(Files.exists(f)).as(f.toString()).isTrue();
        NistDataset ds = NistDataset.read(f);
        FittedModel m = fit(ds.data(), ds.spec());
        double est = Lre.CAP;
        for (int j = 0; j < ds.estimates().length; j++) {
            est = Math.min(est, Lre.of(m.estimates()[j], ds.estimates()[j]));
        }
        if (certified()) {
            assertThat(est).as("estimates LRE").isGreaterThanOrEqualTo(13.0);
            assertThat(Lre.of(m.statistics().residualStandardDeviation(), ds.residualSd())).isGreaterThanOrEqualTo(12.0);
            assertThat(Lre.of(m.statistics().rSquared(), ds.rSquared())).isGreaterThanOrEqualTo(12.0);
        }
        // every solver delivers the digits it promises, normwise (the error bound behind "expected
        // digits" is ‖Δw‖/‖w‖; a small coefficient can lose more in its own relative terms)
        double diff = 0;
        double size = 0;
        for (int j = 0; j < ds.estimates().length; j++) {
            diff = Math.max(diff, Math.abs(m.estimates()[j] - ds.estimates()[j]));
            size = Math.max(size, Math.abs(ds.estimates()[j]));
        }
        double normwise = diff == 0 ? Lre.CAP : Math.min(Lre.CAP, -Math.log10(diff / size));
        assertThat(normwise).as("normwise digits vs expected digits %.1f", m.conditioning().expectedDigits())
                .isGreaterThanOrEqualTo(Math.min(m.conditioning().expectedDigits(), Lre.CAP) - 1.5);
    }

    /** b = 2a exactly: b aliased, rank 2, statistics those of y ~ a. */
    @Test
    void collinearDesignIsReportedNotThrown() {
        Table t = Table.ofRows(List.of("a", "b", "y"), new double[][] {
            {1, 2, 3.1}, {2, 4, 4.9}, {3, 6, 7.2}, {4, 8, 8.8}, {5, 10, 11.1}, {6, 12, 13.0}});
        FittedModel full = fit(t, ModelSpec.linear("y", List.of("a", "b")));
        FittedModel reduced = fit(t, ModelSpec.linear("y", List.of("a")));
        assertThat(full.conditioning().aliased()).containsExactly("b");
        assertThat(full.statistics().rank()).isEqualTo(2);
        assertThat(full.anova().residualDf()).isEqualTo(4);
        assertThat(full.conditioning().conditionNumber()).isInfinite();
        assertThat(full.statistics().residualStandardDeviation())
                .isCloseTo(reduced.statistics().residualStandardDeviation(), within(1e-10));
        assertThat(full.conditioning().warning()).contains("rank-deficient", "b");
    }

    @Test
    void fullRankIsReportedAsSuch() {
        FittedModel m = fit(Table.xy(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 5}), ModelSpec.line("y", "x"));
        assertThat(m.statistics().rank()).isEqualTo(2);
        assertThat(m.conditioning().aliased()).isEmpty();
        assertThat(m.conditioning().conditionNumber()).isFinite().isGreaterThanOrEqualTo(1.0);
        assertThat(m.conditioning().expectedDigits()).isGreaterThan(10);
    }
}
