package org.gramian.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HC0–HC3 against a direct dense computation (written out here with plain arrays and Gauss–Jordan,
 * sharing no code with the library): Cov = C·(Σ ωᵢeᵢ²xᵢxᵢᵀ)·C, C = (XᵀX)⁻¹, on heteroskedastic data.
 */
class RobustStandardErrorsTest {

    @ParameterizedTest
    @EnumSource(RobustStandardErrors.Kind.class)
    void matchesTheDenseFormula(RobustStandardErrors.Kind kind) {
        Random r = new Random(21);
        int n = 60;
        double[][] rows = new double[n][3];
        for (int i = 0; i < n; i++) {
            double a = 10 * r.nextDouble();
            double b = r.nextGaussian();
            rows[i] = new double[] {1 + 2 * a - b + (0.2 + a) * r.nextGaussian(), a, b};
        }
        Table t = Table.ofRows(List.of("y", "a", "b"), rows);
        FittedModel m = Gramian.fit(t, ModelSpec.linear("y", List.of("a", "b")));
        FittedModel robust = RobustStandardErrors.apply(m, t, kind);

        int p = 3;
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {1, rows[i][1], rows[i][2]};
        }
        double[][] c = inverse(gram(x));
        double[] w = m.estimates();
        double[][] meat = new double[p][p];
        for (int i = 0; i < n; i++) {
            double e = rows[i][0];
            for (int j = 0; j < p; j++) {
                e -= x[i][j] * w[j];
            }
            double h = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    h += x[i][a] * c[a][b] * x[i][b];
                }
            }
            double omega = switch (kind) {
                case HC0 -> 1;
                case HC1 -> (double) n / (n - p);
                case HC2 -> 1 / (1 - h);
                case HC3 -> 1 / ((1 - h) * (1 - h));
            };
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    meat[a][b] += omega * e * e * x[i][a] * x[i][b];
                }
            }
        }
        double[][] cov = multiply(multiply(c, meat), c);
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(cov[j][j]);
            assertThat(robust.coefficients().get(j).standardError()).as("SE %d", j).isCloseTo(se, within(1e-10 * se));
            assertThat(robust.estimates()[j]).isEqualTo(m.estimates()[j]);
        }
        assertThat(robust.solverNote()).contains(kind.name());
        // heteroskedastic data: the robust SE of a's slope differs from the classical one
        assertThat(Math.abs(robust.coefficients().get(1).standardError() / m.coefficients().get(1).standardError() - 1))
                .isGreaterThan(0.01);
    }

    private static double[][] gram(double[][] x) {
        int p = x[0].length;
        double[][] g = new double[p][p];
        for (double[] row : x) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    g[a][b] += row[a] * row[b];
                }
            }
        }
        return g;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int p = a.length;
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }

    /** Gauss–Jordan with partial pivoting. */
    private static double[][] inverse(double[][] g) {
        int p = g.length;
        double[][] a = new double[p][2 * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(g[i], 0, a[i], 0, p);
            a[i][p + i] = 1;
        }
        for (int col = 0; col < p; col++) {
            int piv = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            double d = a[col][col];
            for (int j = 0; j < 2 * p; j++) {
                a[col][j] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != col) {
                    double f = a[r][col];
                    for (int j = 0; j < 2 * p; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], p, inv[i], 0, p);
        }
        return inv;
    }
}
