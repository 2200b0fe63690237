package org.gramian.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.solve.GcvPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --ridge auto} against brute force: for each λ of a fine grid the ridge problem is refitted
 * from scratch (centre X and y, solve (X_cᵀX_c + λI)b = X_cᵀy_c by Gaussian elimination, form the hat
 * matrix's diagonal hᵢᵢ = 1/n + x_cᵢᵀ(X_cᵀX_c + λI)⁻¹x_cᵢ row by row, RSS from the residuals), and
 * GCV = n·RSS/(n − Σhᵢᵢ)². The closed-form search must land within one step of that grid's minimum
 * and score no worse; the closed-form curve must equal the refits at its own grid points.
 */
class GcvSearchTest {

    /** One brute-force ridge fit: {tr H, RSS, GCV}. */
    static double[] refit(double[][] x, double[] y, double lambda) {
        int n = x.length;
        int q = x[0].length;
        double[] mean = new double[q];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                mean[j] += x[i][j] / n;
            }
            ybar += y[i] / n;
        }
        double[][] xc = new double[n][q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                xc[i][j] = x[i][j] - mean[j];
            }
        }
        double[][] a = new double[q][q];
        double[] rhs = new double[q];
        for (int r = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                for (int i = 0; i < n; i++) {
                    a[r][c] += xc[i][r] * xc[i][c];
                }
            }
            a[r][r] += lambda;
            for (int i = 0; i < n; i++) {
                rhs[r] += xc[i][r] * (y[i] - ybar);
            }
        }
        double[] b = solve(a, rhs);
        double rss = 0;
        double trace = 1;   // the intercept's 1/n on each diagonal entry
        for (int i = 0; i < n; i++) {
            double fit = ybar;
            for (int j = 0; j < q; j++) {
                fit += xc[i][j] * b[j];
            }
            rss += (y[i] - fit) * (y[i] - fit);
            double[] v = solve(a, xc[i]);
            for (int j = 0; j < q; j++) {
                trace += xc[i][j] * v[j];
            }
        }
        return new double[] {trace, rss, n * rss / ((n - trace) * (n - trace))};
    }

    /** Gaussian elimination with partial pivoting (a copy: the inputs are kept). */
    static double[] solve(double[][] a0, double[] b0) {
        int q = b0.length;
        double[][] a = new double[q][];
        double[] b = b0.clone();
        for (int i = 0; i < q; i++) {
            a[i] = a0[i].clone();
        }
        for (int c = 0; c < q; c++) {
            int piv = c;
            for (int r = c + 1; r < q; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            double tb = b[c];
            b[c] = b[piv];
            b[piv] = tb;
            for (int r = c + 1; r < q; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < q; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[q];
        for (int r = q - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < q; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void closedFormSearchMatchesBruteForceRefits(long seed) {
        Random r = new Random(seed);
        int n = 40;
        int q = 6;
        double[][] x = new double[n][q];
        double[] y = new double[n];
        List<String[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("y"));
        for (int j = 0; j < q; j++) {
            names.add("x" + j);
        }
        for (int i = 0; i < n; i++) {
            String[] row = new String[q + 1];
            double common = r.nextGaussian();
            double signal = 0;
            for (int j = 0; j < q; j++) {
                // collinear columns of different scales: shrinkage pays
                double v = (common + 0.5 * r.nextGaussian()) * (j + 1);
                row[j + 1] = String.format(Locale.ROOT, "%.6f", v);
                x[i][j] = Double.parseDouble(row[j + 1]);
                signal += 0.3 * x[i][j] / (j + 1);
            }
            row[0] = String.format(Locale.ROOT, "%.6f", signal + 2 * r.nextGaussian());
            y[i] = Double.parseDouble(row[0]);
            rows.add(row);
        }
        FittedModel m = RidgeRegression.byGcv().fit(Table.ofDecimalRows(names, rows),
                ModelSpec.linear("y", names.subList(1, names.size())));
        GcvCurve curve = m.ridge().curve();
        assertThat(curve.grid()).hasSize(GcvSearch.GRID_POINTS);

        // the closed form equals the refits at its own grid points
        for (int k = 0; k < curve.grid().size(); k += 9) {
            GcvPoint p = curve.grid().get(k);
            double[] bf = refit(x, y, p.lambda());
            assertThat(p.df()).isCloseTo(bf[0], org.assertj.core.api.Assertions.within(1e-10 * bf[0]));
            assertThat(p.rss()).isCloseTo(bf[1], org.assertj.core.api.Assertions.within(1e-10 * bf[1]));
            assertThat(p.gcv()).isCloseTo(bf[2], org.assertj.core.api.Assertions.within(1e-10 * bf[2]));
        }

        // brute force: 4001 refits over λ ∈ [1e-4, 1e4], step ratio 10^(8/4000)
        int points = 4001;
        double step = 8.0 / (points - 1);
        int best = 0;
        double[] score = new double[points];
        for (int k = 0; k < points; k++) {
            score[k] = refit(x, y, Math.pow(10, -4 + k * step))[2];
            if (score[k] < score[best]) {
                best = k;
            }
        }
        assertThat(best).as("the brute-force minimum is inside its grid").isBetween(1, points - 2);
        double bruteLambda = Math.pow(10, -4 + best * step);
        double chosen = m.ridge().lambda();
        assertThat(Math.abs(Math.log10(chosen / bruteLambda))).as("λ %s vs brute force %s", chosen, bruteLambda)
                .isLessThanOrEqualTo(step);
        // and the refined λ scores no worse than the best refit
        assertThat(refit(x, y, chosen)[2]).isLessThanOrEqualTo(score[best] * (1 + 1e-12));
        assertThat(m.ridge().gcv()).isCloseTo(refit(x, y, chosen)[2],
                org.assertj.core.api.Assertions.within(1e-10 * score[best]));
        assertThat(curve.note()).isEmpty();
    }
}
