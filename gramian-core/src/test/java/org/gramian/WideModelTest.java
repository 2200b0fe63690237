package org.gramian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.solve.SolverKind;
import org.gramian.model.FittedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every width on every solver, against a hand-constructed exact answer. Rows come in pairs with the
 * same small-integer design row x and responses xβ ± δ (β and δ small integers): the residuals
 * ±δ are orthogonal to every column, so the least-squares solution is β exactly and the residual
 * sum of squares is 2Σδ² exactly. Widths 324 and 325 straddle the old failure (every estimate NA
 * from 325 coefficients on, when the double-double Householder pass drove rounding residues into
 * underflow); 1000 is well past it.
 */
class WideModelTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int p : new int[] {324, 325}) {
            for (SolverKind s : SolverKind.values()) {
                out.add(Arguments.of(p, s));
            }
        }
        // p = 1000 costs about 10–30 s per solver here
        for (SolverKind s : SolverKind.values()) {
            out.add(Arguments.of(1000, s));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "p = {0}, {1}")
    @MethodSource("cases")
    void wideFitIsExact(int p, SolverKind solver) {
        Random r = new Random(p);
        List<String> names = new ArrayList<>();
        names.add("y");
        for (int j = 1; j < p; j++) {
            names.add("x" + j);
        }
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = r.nextInt(11) - 5;
        }
        int pairs = p + 20;
        double[][] rows = new double[2 * pairs][p];
        double rss = 0;
        for (int i = 0; i < pairs; i++) {
            double[] x = new double[p];
            double f = beta[0];
            for (int j = 1; j < p; j++) {
                x[j] = r.nextInt(7) - 3;
                f += beta[j] * x[j];
            }
            double d = r.nextInt(5) - 2;
            rss += 2 * d * d;
            for (int t = 0; t < 2; t++) {
                double[] row = rows[2 * i + t];
                System.arraycopy(x, 1, row, 1, p - 1);
                row[0] = f + (t == 0 ? d : -d);
            }
        }
        FittedModel m = Gramian.fit(Table.ofRows(names, rows), ModelSpec.linear("y", names.subList(1, p)),
                solver);
        // Cholesky forms XᵀX in double: κ² ≈ 10³ here, so about 1e-12.
        double tol = solver == SolverKind.CHOLESKY ? 1e-10 : 1e-14;
        double[] w = m.estimates();
        for (int j = 0; j < p; j++) {
            assertThat(w[j]).as("w[%d]", j).isCloseTo(beta[j], within(tol * 10));
        }
        assertThat(m.statistics().rank()).isEqualTo(p);
        assertThat(m.anova().residualSumOfSquares()).isCloseTo(rss, within(tol * rss));
        assertThat(m.anova().residualDf()).isEqualTo(2L * pairs - p);
        assertThat(m.conditioning().conditionNumber()).isFinite().isGreaterThan(1.0);
        assertThat(m.conditioning().warning()).isEmpty();
    }
}
