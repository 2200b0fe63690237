package org.gramian.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gramian.design.ModelSpec;
import org.gramian.solve.LeastSquaresSolution;
import org.gramian.solve.SolverKind;

/**
 * A fitted least-squares model ŷ = Xw: the coefficients with their standard errors, t and
 * p-values, goodness of fit, ANOVA and an account of its numerical trustworthiness. Immutable.
 *
 * @param spec         what was fitted
 * @param coefficients one per design column, in order
 * @param statistics   n, residual SD, R², adjusted R²
 * @param anova        the analysis of variance
 * @param conditioning condition number, expected correct digits, aliased columns, warning
 * @param solver       the method whose answer this is
 * @param solverNote   why that method was used (for {@code auto}) or what happened
 */
public record RegressionModel(ModelSpec spec, List<Coefficient> coefficients, FitStatistics statistics,
                              Anova anova, Conditioning conditioning, SolverKind solver, String solverNote) {

    public RegressionModel {
        coefficients = List.copyOf(coefficients);
    }

    /** Builds the statistics of a solved problem. */
    public static RegressionModel of(ModelSpec spec, LeastSquaresSolution sol, SolverKind solver, String note) {
        long n = sol.observations();
        int p = sol.width();
        int rank = sol.rank();
        long dfRes = n - rank;
        double rss = sol.residualSumOfSquares().doubleValue();
        double tss = sol.totalSumOfSquares().doubleValue();
        double s2 = dfRes > 0 ? sol.residualSumOfSquares().divide(dfRes).doubleValue() : Double.NaN;
        double s = Math.sqrt(s2);

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
                    ? sol.unscaledCovariance()[j][j].multiply(sol.residualSumOfSquares()).divide(dfRes).sqrt()
                            .doubleValue()
                    : Double.NaN;
            double t = se == 0 ? (est == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, est)) : est / se;
            double pv = Distributions.studentTwoSided(t, dfRes);
            coefs.add(new Coefficient(names.get(j), est, se, t, pv, false));
        }

        int interceptDf = spec.intercept() ? 1 : 0;
        double r2 = tss > 0 ? 1.0 - sol.residualSumOfSquares().divide(sol.totalSumOfSquares()).doubleValue()
                : Double.NaN;
        double adj = dfRes > 0 && tss > 0
                ? 1.0 - sol.residualSumOfSquares().multiply((double) (n - interceptDf))
                        .divide(sol.totalSumOfSquares().multiply((double) dfRes)).doubleValue()
                : Double.NaN;
        FitStatistics stats = new FitStatistics(n, p, rank, s, r2, adj, spec.intercept());

        long dfReg = rank - interceptDf;
        double ssr = sol.totalSumOfSquares().subtract(sol.residualSumOfSquares()).doubleValue();
        double msr = dfReg > 0 ? ssr / dfReg : Double.NaN;
        double mse = s2;
        double f = dfReg > 0 && dfRes > 0 ? (mse == 0 ? Double.POSITIVE_INFINITY : msr / mse) : Double.NaN;
        double fp = Distributions.fisherUpper(f, dfReg, dfRes);
        Anova anova = new Anova(ssr, dfReg, rss, dfRes, msr, mse, f, fp);

        String warning;
        double digits = sol.expectedDigits();
        if (!aliased.isEmpty()) {
            warning = "X is rank-deficient: " + String.join(", ", aliased)
                    + (aliased.size() == 1 ? " is" : " are")
                    + " a linear combination of earlier columns (aliased). The coefficients are the"
                    + " minimum-norm solution; individual values are not identifiable.";
        } else if (digits < 1) {
            warning = String.format(Locale.ROOT,
                    "X is numerically singular (condition number %.1e): no digit of the coefficients"
                            + " can be trusted.", sol.conditionNumber());
        } else if (digits < 6) {
            warning = String.format(Locale.ROOT,
                    "X is ill-conditioned (condition number %.1e): only about %d significant digits of the"
                            + " coefficients can be trusted.", sol.conditionNumber(), (int) Math.floor(digits));
        } else {
            warning = "";
        }
        Conditioning cond = new Conditioning(sol.conditionNumber(), digits, aliased, warning);
        return new RegressionModel(spec, coefs, stats, anova, cond, solver, note);
    }

    /** The coefficient estimates w, in design-column order. */
    public double[] estimates() {
        return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
    }

    /**
     * Prediction ŷ = xᵀw for one observation, given the values of {@code spec().features()} in
     * that order (the design row, powers and intercept, is formed here).
     */
    public double predict(double... featureValues) {
        if (featureValues.length != spec.features().size()) {
            throw new IllegalArgumentException("expected " + spec.features().size() + " feature values "
                    + spec.features() + ", got " + featureValues.length);
        }
        double[] w = estimates();
        int k = 0;
        double y = 0;
        if (spec.intercept()) {
            y += w[k++];
        }
        if (spec.degree() > 1) {
            // Horner's rule for b1·x + … + bk·xᵏ
            double x = featureValues[0];
            double acc = 0;
            for (int d = spec.degree(); d >= 1; d--) {
                acc = acc * x + w[k + d - 1];
            }
            y += acc * x;
        } else {
            for (double v : featureValues) {
                y += w[k++] * v;
            }
        }
        return y;
    }

    /** An R-style text summary: coefficient table, then the fit statistics. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Least-squares fit of %s on %s (%s)%n", spec.target(),
                String.join(", ", spec.coefficientNames()), solverNote));
        sb.append(String.format(Locale.ROOT, "%-14s %24s %24s %12s %12s%n", "Coefficient", "Estimate",
                "Std. Error", "t value", "Pr(>|t|)"));
        for (Coefficient c : coefficients) {
            if (c.aliased()) {
                sb.append(String.format(Locale.ROOT, "%-14s %24s %24s %12s %12s%n", c.name(), fmt(c.estimate()),
                        "aliased", "", ""));
            } else {
                sb.append(String.format(Locale.ROOT, "%-14s %24s %24s %12s %12s%n", c.name(), fmt(c.estimate()),
                        fmt(c.standardError()), fmt4(c.tValue()), fmtP(c.pValue())));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nResidual standard deviation: %s on %d degrees of freedom%n",
                fmt(statistics.residualStandardDeviation()), anova.residualDf()));
        sb.append(String.format(Locale.ROOT, "R-squared%s: %s   Adjusted R-squared: %s%n",
                statistics.centred() ? "" : " (uncentred)", fmt(statistics.rSquared()),
                fmt(statistics.adjustedRSquared())));
        sb.append(String.format(Locale.ROOT, "F-statistic: %s on %d and %d DF, p-value: %s%n",
                fmt(anova.fStatistic()), anova.regressionDf(), anova.residualDf(), fmtP(anova.fPValue())));
        sb.append(String.format(Locale.ROOT, "%nAnalysis of variance%n%-12s %6s %24s %24s%n", "Source", "DF",
                "Sum of Squares", "Mean Square"));
        sb.append(String.format(Locale.ROOT, "%-12s %6d %24s %24s%n", "Regression", anova.regressionDf(),
                fmt(anova.regressionSumOfSquares()), fmt(anova.regressionMeanSquare())));
        sb.append(String.format(Locale.ROOT, "%-12s %6d %24s %24s%n", "Residual", anova.residualDf(),
                fmt(anova.residualSumOfSquares()), fmt(anova.residualMeanSquare())));
        sb.append(String.format(Locale.ROOT, "%nObservations: %d   Condition number (scaled): %s   "
                        + "Expected correct digits: %.1f%n", statistics.observations(),
                fmt4(conditioning.conditionNumber()), conditioning.expectedDigits()));
        if (!conditioning.warning().isEmpty()) {
            sb.append("WARNING: ").append(conditioning.warning()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%.15g", v);
    }

    private static String fmt4(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String fmtP(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        return p < 2.2e-16 ? "<2.2e-16" : String.format(Locale.ROOT, "%.4g", p);
    }

    @Override
    public String toString() {
        return summary();
    }
}
