package org.gramian.model;

import java.util.ArrayList;
import java.util.List;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.design.Design;
import org.gramian.numeric.DD;
import org.gramian.stats.Coefficient;
import org.gramian.stats.Distributions;

/**
 * Heteroskedasticity-robust ("sandwich") standard errors, White (HC0) and MacKinnon–White (HC1–HC3):
 * Cov(w) = (XᵀX)⁻¹ (Σᵢ ωᵢ eᵢ² xᵢxᵢᵀ) (XᵀX)⁻¹ with ωᵢ = 1 (HC0), n/(n − r) (HC1), 1/(1 − hᵢ) (HC2) or
 * 1/(1 − hᵢ)² (HC3), hᵢ = xᵢᵀ(XᵀX)⁻¹xᵢ the leverage. One more streaming pass over the data
 * (residuals from the data read to 106 bits, leverages, the middle sum and the product in
 * double-double, as (XᵀX)⁻¹'s entries cancel on ill-conditioned data), O(p²) memory: it works
 * on data larger than memory. (XᵀX)⁻¹ is the fit's Cov(w)/s². Aliased coefficients stay out.
 */
public final class RobustStandardErrors {
    /** The estimator of the middle matrix. */
    public enum Kind { HC0, HC1, HC2, HC3 }

    private RobustStandardErrors() {
    }

    /**
     * The model with robust standard errors, t, p (and so intervals) and covariance; the estimates
     * and every other statistic unchanged.
     *
     * @param data   the data the model was fitted to (read once more)
     */
    public static FittedModel apply(FittedModel m, RowSource data, Kind kind) {
        if (m.isRidge()) {
            throw new IllegalArgumentException("robust standard errors are not defined for a ridge fit");
        }
        Design design = Design.bind(m.spec(), data.columns());
        int p = design.width();
        double s2 = m.residualVariance();
        double[] w = m.estimates();
        boolean[] in = new boolean[p];
        double[][] c = new double[p][p];   // (XᵀX)⁻¹
        for (int i = 0; i < p; i++) {
            in[i] = !m.coefficients().get(i).aliased();
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c[i][j] = in[i] && in[j] ? m.covariance()[i][j] / s2 : 0.0;
            }
        }
        DD[][] meat = new DD[p][p];
        for (DD[] row : meat) {
            java.util.Arrays.fill(row, DD.ZERO);
        }
        DD[] x = new DD[p + 1];
        double[] xd = new double[p];
        data.forEachBlock(true, (RowBlock block) -> {
            for (int i = 0; i < block.rows(); i++) {
                design.expandExact(block, i, x, data);
                double wt = design.weight(block, i, data);
                if (wt == 0) {
                    continue;
                }
                DD sw = design.sqrtWeightExact(block, i);
                DD e = x[p];
                for (int j = 0; j < p; j++) {
                    if (in[j]) {
                        e = e.subtract(x[j].multiply(w[j]));
                    }
                }
                e = e.multiply(sw);
                for (int j = 0; j < p; j++) {
                    xd[j] = in[j] ? x[j].multiply(sw).doubleValue() : 0.0;
                }
                // hᵢ = xᵢᵀCxᵢ in double-double: C's entries can be large and cancel (ill-conditioned X)
                DD hd = DD.ZERO;
                for (int a = 0; a < p; a++) {
                    if (xd[a] == 0) {
                        continue;
                    }
                    DD t = DD.ZERO;
                    for (int b = 0; b < p; b++) {
                        t = t.add(DD.product(c[a][b], xd[b]));
                    }
                    hd = hd.add(t.multiply(xd[a]));
                }
                double h = hd.doubleValue();
                double omega = switch (kind) {
                    case HC0, HC1 -> 1.0;
                    case HC2 -> 1 / (1 - h);
                    case HC3 -> 1 / ((1 - h) * (1 - h));
                };
                DD e2 = e.square().multiply(omega);
                for (int a = 0; a < p; a++) {
                    if (xd[a] == 0) {
                        continue;
                    }
                    DD ea = e2.multiply(xd[a]);
                    for (int b = a; b < p; b++) {
                        meat[a][b] = meat[a][b].add(ea.multiply(xd[b]));
                    }
                }
            }
        });
        long n = m.statistics().observations();
        double scale = kind == Kind.HC1 ? (double) n / m.residualDf() : 1.0;
        DD[][] mid = new DD[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                mid[a][b] = meat[a][b].multiply(scale);
                mid[b][a] = mid[a][b];
            }
        }
        // C·M·C in double-double (the same cancellation as hᵢ)
        DD[][] mc = new DD[p][p];
        for (int k = 0; k < p; k++) {
            for (int b = 0; b < p; b++) {
                DD t = DD.ZERO;
                for (int l = 0; l < p; l++) {
                    t = t.add(mid[k][l].multiply(c[l][b]));
                }
                mc[k][b] = t;
            }
        }
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                if (!in[a] || !in[b]) {
                    cov[a][b] = Double.NaN;
                    continue;
                }
                DD sum = DD.ZERO;
                for (int k = 0; k < p; k++) {
                    sum = sum.add(mc[k][b].multiply(c[a][k]));
                }
                cov[a][b] = sum.doubleValue();
            }
        }
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            Coefficient k = m.coefficients().get(j);
            if (k.aliased()) {
                coefs.add(k);
                continue;
            }
            double se = Math.sqrt(cov[j][j]);
            double t = k.estimate() / se;
            coefs.add(new Coefficient(k.name(), k.estimate(), se, t, Distributions.studentTwoSided(t, m.residualDf()),
                    false));
        }
        return new FittedModel(m.spec(), coefs, m.statistics(), m.anova(), m.conditioning(), m.solver(),
                m.solverNote() + "; standard errors " + kind + " (heteroskedasticity-robust)", cov,
                m.residualVariance(), m.residualDf(), m.droppedRows(), m.likelihood(), null);
    }
}
