package org.gramian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.solve.SolverKind;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;

/** {@code auto} keeps the one-pass normal equation only when it promises 13.5+ digits. */
class AutoSelectionTest {

    @Test
    void largeWellConditionedDataStaysOnCholesky() {
        Random rnd = new Random(42);
        int n = 100_000;
        Map<String, double[]> cols = new LinkedHashMap<>();
        double[] y = new double[n];
        for (int j = 1; j <= 5; j++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextGaussian();
                y[i] += j * x[i];
            }
            cols.put("x" + j, x);
        }
        for (int i = 0; i < n; i++) {
            y[i] += 10 + 0.1 * rnd.nextGaussian();
        }
        cols.put("y", y);
        ModelSpec spec = ModelSpec.linear("y", List.of("x1", "x2", "x3", "x4", "x5"));
        FittedModel auto = Gramian.fit(Table.of(cols), spec);
        FittedModel qr = Gramian.fit(Table.of(cols), spec, SolverKind.QR);
        assertThat(auto.solver()).isEqualTo(SolverKind.CHOLESKY);
        assertThat(auto.solverNote()).contains("Cholesky");
        for (int j = 0; j < 6; j++) {
            double rel = Math.abs(auto.estimates()[j] - qr.estimates()[j]) / Math.abs(qr.estimates()[j]);
            assertThat(rel).as("coefficient %d", j).isLessThan(1e-13);
        }
    }

    @Test
    void largeIllConditionedDataTakesTheSecondPass() {
        Random rnd = new Random(7);
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1000 + rnd.nextDouble();                  // far from 0: powers nearly collinear
            double t = x[i] - 1000;
            y[i] = 1 + t + t * t * t + 1e-3 * rnd.nextGaussian();
        }
        Table data = Table.xy(x, y);
        ModelSpec spec = ModelSpec.polynomial("y", "x", 3);
        FittedModel auto = Gramian.fit(data, spec);
        FittedModel qr = Gramian.fit(data, spec, SolverKind.QR);
        assertThat(auto.solver()).isEqualTo(SolverKind.QR);
        assertThat(auto.solverNote()).contains("second pass");
        assertThat(auto.estimates()).containsExactly(qr.estimates());
        FittedModel chol = Gramian.fit(data, spec, SolverKind.CHOLESKY);
        assertThat(chol.conditioning().expectedDigits()).isLessThan(auto.conditioning().expectedDigits());
    }
}
