package org.gramian.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gramian.design.ModelSpec;
import org.gramian.accumulate.Equilibration;
import org.gramian.numeric.DD;
import org.gramian.solve.LeastSquaresSolution;

/**
 * The statistics of a solved least-squares problem: each coefficient's standard error, t and
 * p-value, goodness of fit, the ANOVA table, the numerical diagnostics, and the covariance of the
 * coefficients. Every second-order quantity is formed in the units of the equilibrated data and
 * brought back by an exact power of two at the end (see {@link LeastSquaresSolution}); a value
 * that is not representable there is NaN, not a wrong number.
 *
 * @param coefficients      one per design column, in order
 * @param statistics        n, residual SD, R², adjusted R²
 * @param anova             the analysis of variance
 * @param conditioning      condition numbers, expected digits, aliased columns, warning
 * @param residualVariance  s² = RSS/(n − rank) (NaN when n = rank or out of range)
 * @param residualDf        n − rank
 * @param covariance        Cov(w) = s²(XᵀX)⁻¹, p×p (NaN rows and columns for aliased coefficients,
 *                          NaN entries out of the double range)
 */
public record Inference(List<Coefficient> coefficients, FitStatistics statistics, Anova anova,
                        Conditioning conditioning, double residualVariance, long residualDf,
                        double[][] covariance) {

    public Inference {
        coefficients = List.copyOf(coefficients);
    }

    /** Expected digits below which the data themselves determine the coefficients poorly. */
    public static final double MULTICOLLINEARITY_DIGITS = 8.0;

    /**
     * Builds the statistics of a solved problem. Every second-order quantity is formed in the
     * units of the equilibrated data and brought back by an exact power of two at the end (see
     * {@link LeastSquaresSolution}); a value that is not representable there is NaN, not a wrong
     * number.
     */
    public static Inference of(ModelSpec spec, LeastSquaresSolution sol) {
        long n = sol.observations();
        int p = sol.width();
        int rank = sol.rank();
        long dfRes = n - rank;
        DD rssS = sol.scaledRss();
        DD tssS = sol.scaledTss();
        int ce = Math.getExponent(sol.responseScale());
        double s2Scaled = dfRes > 0 ? rssS.divide(dfRes).doubleValue() : Double.NaN;
        double s = Equilibration.unscale(Math.sqrt(s2Scaled), -ce);

        List<String> names = spec.coefficientNames();
        List<Coefficient> coefs = new ArrayList<>(p);
        List<String> aliased = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double est = sol.coefficients()[j].doubleValue();
            if (sol.aliased()[j]) {
                aliased.add(names.get(j));
                coefs.add(new Coefficient(names.get(j), est, Double.NaN, Double.NaN, Double.NaN, true));
                continue;
            }
            double se = dfRes > 0
                    ? Equilibration.unscale(sol.inverse(j, j).multiply(rssS).divide(dfRes).sqrt().doubleValue(),
                            Math.getExponent(sol.columnScale()[j]) - ce)
                    : Double.NaN;
            double t = se == 0 ? (est == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, est)) : est / se;
            double pv = Distributions.studentTwoSided(t, dfRes);
            coefs.add(new Coefficient(names.get(j), est, se, t, pv, false));
        }

        int interceptDf = spec.intercept() ? 1 : 0;
        boolean tssPositive = tssS.signum() > 0;
        double r2 = tssPositive ? 1.0 - rssS.divide(tssS).doubleValue() : Double.NaN;
        double adj = dfRes > 0 && tssPositive
                ? 1.0 - rssS.multiply((double) (n - interceptDf)).divide(tssS.multiply((double) dfRes)).doubleValue()
                : Double.NaN;
        FitStatistics stats = new FitStatistics(n, p, rank, s, r2, adj, spec.intercept());

        long dfReg = rank - interceptDf;
        DD ssrS = tssS.subtract(rssS);
        double ssr = Equilibration.unscale(ssrS.doubleValue(), -2 * ce);
        double rss = Equilibration.unscale(rssS.doubleValue(), -2 * ce);
        double msrScaled = dfReg > 0 ? ssrS.doubleValue() / dfReg : Double.NaN;
        double msr = Equilibration.unscale(msrScaled, -2 * ce);
        double mse = Equilibration.unscale(s2Scaled, -2 * ce);
        DD printedRss = sol.scaledPrintedRss();
        boolean reproduces = !(printedRss.subtract(rssS).doubleValue() > 1e-6 * Math.max(rssS.doubleValue(),
                Double.MIN_NORMAL));
        double f;
        if (dfReg <= 0 || dfRes <= 0) {
            f = Double.NaN;
        } else if (s2Scaled == 0) {
            // An exact fit: F is infinite when the regression explains something, undefined (0/0)
            // when there is nothing to explain (a constant response).
            f = msrScaled > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            f = msrScaled / s2Scaled;
        }
        double fp = Distributions.fisherUpper(f, dfReg, dfRes);
        Anova anova = new Anova(ssr, dfReg, rss, dfRes, msr, mse, f, fp,
                spec.formula() == null ? List.of() : termRows(spec, sol, s2Scaled, dfRes, ce));

        String warning;
        double digits = sol.expectedDigits();
        double kappa = sol.conditionNumber();
        double dataDigits = Double.isFinite(kappa) ? -Math.log10(0x1p-53 * kappa) : 0;
        if (!aliased.isEmpty()) {
            warning = "X is rank-deficient: " + String.join(", ", aliased)
                    + (aliased.size() == 1 ? " is" : " are")
                    + " a linear combination of earlier columns (aliased)"
                    + (sol.usedSvd()
                            ? ". The coefficients are the minimum-norm solution; individual values of the aliased"
                                    + " columns and of the columns they combine are not identifiable."
                            : " and left out of the fit, as R's lm does: the other coefficients and every"
                                    + " statistic are those of the fit without "
                                    + (aliased.size() == 1 ? "it." : "them."));
        } else if (digits < 1) {
            warning = String.format(Locale.ROOT,
                    "X is numerically singular (condition number %.1e): no digit of the coefficients"
                            + " can be trusted.", kappa);
        } else if (digits < 6) {
            warning = String.format(Locale.ROOT,
                    "X is ill-conditioned (condition number %.1e): only about %d significant digits of the"
                            + " coefficients can be trusted.", kappa, (int) Math.floor(digits));
        } else if (dataDigits < MULTICOLLINEARITY_DIGITS) {
            warning = String.format(Locale.ROOT,
                    "strong multicollinearity: the columns of X are nearly linearly dependent (condition"
                            + " number %.1e with columns scaled to unit length). The coefficients are computed"
                            + " to %.0f digits, but a change in the last digit of data given as doubles can move"
                            + " them in the %s significant digit; their standard errors are large and they"
                            + " change a lot if a column or row is added or removed.",
                    kappa, Math.floor(digits), ordinal(Math.max(1, (int) Math.floor(dataDigits) + 1)));
        } else {
            warning = "";
        }
        if (!reproduces) {
            double ratio = printedRss.divide(rssS).doubleValue();
            warning = (warning.isEmpty() ? "" : warning + " ") + String.format(Locale.ROOT,
                    "The coefficients, rounded to double precision, do not reproduce the least-squares fit: their"
                            + " residual sum of squares is %s times the least-squares minimum %s, which the"
                            + " statistics shown are computed from. The model is too ill-conditioned to be written"
                            + " down in doubles (use fewer terms, centre and scale x, or orthogonal polynomials).",
                    Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.7g", ratio) : "many",
                    String.format(Locale.ROOT, "%.6g", Equilibration.unscale(rssS.doubleValue(), -2 * ce)));
        }
        Conditioning cond = new Conditioning(kappa, sol.unscaledConditionNumber(), digits, aliased, warning);
        // Cov(w) = s²(XᵀX)⁻¹ in original units: s²·dᵢdⱼ·(X̃ᵀX̃)⁻¹ᵢⱼ/… formed from the scaled parts.
        double[][] cov = sol.doubleInverse() != null ? wideCovariance(sol, rssS, dfRes, ce) : new double[p][p];
        for (int i = 0; i < p && sol.doubleInverse() == null; i++) {
            for (int j = 0; j < p; j++) {
                cov[i][j] = dfRes > 0
                        ? Equilibration.unscale(sol.scaledInverse()[i][j].multiply(rssS).divide(dfRes).doubleValue(),
                                Math.getExponent(sol.columnScale()[i]) + Math.getExponent(sol.columnScale()[j])
                                        - 2 * ce)
                        : Double.NaN;
            }
        }
        return new Inference(coefs, stats, anova, cond, mse, dfRes, cov);
    }

    /**
     * Cov(w) from an inverse kept as doubles (the wide path): s̃² = scaledRss/(n − r) once in
     * double-double, then each entry Cᵢⱼ·s̃² with one fused multiply-add (Cᵢⱼ·hi + Cᵢⱼ·lo: the product
     * with the double-double s̃², rounded once, so within an ulp of the entry-by-entry double-double
     * product) and the exact powers of two. Without p² objects: at p = 5000 these are 25 million
     * entries.
     */
    private static double[][] wideCovariance(LeastSquaresSolution sol, DD rssS, long dfRes, int ce) {
        double[][] c = sol.doubleInverse();
        int p = c.length;
        double[][] cov = new double[p][p];
        if (dfRes <= 0) {
            for (double[] row : cov) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return cov;
        }
        DD s2 = rssS.divide(dfRes);
        double h = s2.hi;
        double l = s2.lo;
        int[] e = new int[p];
        for (int j = 0; j < p; j++) {
            e[j] = Math.getExponent(sol.columnScale()[j]);
        }
        for (int i = 0; i < p; i++) {
            double[] ci = c[i];
            double[] out = cov[i];
            int ei = e[i] - 2 * ce;
            for (int j = 0; j < p; j++) {
                out[j] = Equilibration.unscale(Math.fma(ci[j], h, ci[j] * l), ei + e[j]);
            }
        }
        return cov;
    }

    /** Sequential sums of squares per term (R's anova(lm)): Σ (Qᵀy)ⱼ² over the term's estimable columns. */
    private static List<Anova.TermRow> termRows(ModelSpec spec, LeastSquaresSolution sol, double s2Scaled, long dfRes,
                                                int ce) {
        List<Anova.TermRow> rows = new ArrayList<>();
        int j = 0;
        for (org.gramian.design.TermGroup g : spec.termGroups()) {
            boolean intercept = g.columns().size() == 1 && g.columns().get(0) instanceof org.gramian.design.Term.Intercept;
            DD ss = DD.ZERO;
            long df = 0;
            for (int k = 0; k < g.columns().size(); k++, j++) {
                if (!sol.aliased()[j]) {
                    ss = ss.add(sol.scaledEffects()[j]);
                    df++;
                }
            }
            if (intercept || df == 0) {
                continue;
            }
            double msScaled = ss.doubleValue() / df;
            double f;
            if (dfRes <= 0) {
                f = Double.NaN;
            } else if (s2Scaled == 0) {
                f = msScaled > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
            } else {
                f = msScaled / s2Scaled;
            }
            rows.add(new Anova.TermRow(g.label(), df, Equilibration.unscale(ss.doubleValue(), -2 * ce),
                    Equilibration.unscale(msScaled, -2 * ce), f, Distributions.fisherUpper(f, df, dfRes)));
        }
        return rows;
    }

    private static String ordinal(int k) {
        return switch (k) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> k + "th";
        };
    }


}
