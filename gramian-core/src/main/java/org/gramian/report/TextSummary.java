package org.gramian.report;

import java.util.Locale;
import org.gramian.stats.Anova;
import org.gramian.stats.Coefficient;
import org.gramian.stats.Conditioning;
import org.gramian.stats.FitStatistics;
import org.gramian.stats.Likelihood;
import org.gramian.model.FittedModel;

/**
 * The one text summary of a fitted model (what {@code gramian fit} prints): the coefficient table (estimate, standard error, t, p),
 * residual standard deviation, R², F, the ANOVA table and the numerical diagnostics, laid out as in
 * R's {@code summary.lm}. Estimates and statistics are shown to 15 significant digits (what a
 * double carries reliably); the JSON output has every digit.
 */
public final class TextSummary {
    private TextSummary() {
    }

    /** The default confidence level of the coefficient intervals. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** {@link #of(FittedModel, String, double)} with 95% intervals. */
    public static String of(FittedModel m, String dataName) {
        return of(m, dataName, DEFAULT_LEVEL);
    }

    /**
     * The summary of {@code m}; {@code dataName} (may be null) names the data in the first line;
     * {@code level} is the confidence level of the t-based coefficient intervals.
     */
    public static String of(FittedModel m, String dataName, double level) {
        if (m.isRidge()) {
            return RidgeText.of(m, dataName);
        }
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        FitStatistics s = m.statistics();
        Anova a = m.anova();
        Conditioning c = m.conditioning();

        sb.append(m.spec().weights() == null ? "Least-squares fit: "
                : "Weighted least-squares fit (weights: " + m.spec().weights() + "): ").append(formula(m));
        if (dataName != null) {
            sb.append("   (data: ").append(dataName).append(')');
        }
        sb.append(nl);
        sb.append("Solver: ").append(m.solver().name().toLowerCase(Locale.ROOT)).append(" (")
                .append(m.solverNote()).append(')').append(nl).append(nl);

        java.util.List<FittedModel.Interval> ci = m.confidenceIntervals(level);
        TextTable coefs = new TextTable("Coefficient", "Estimate", "Std. Error", "t value", "Pr(>|t|)",
                percent((1 - level) / 2), percent((1 + level) / 2));
        for (int j = 0; j < m.coefficients().size(); j++) {
            Coefficient k = m.coefficients().get(j);
            if (k.aliased()) {
                coefs.row(k.name(), Numbers.g15(k.estimate()), "aliased", "", "", "", "");
            } else {
                coefs.row(k.name(), Numbers.g15(k.estimate()), Numbers.g15(k.standardError()), Numbers.g4(k.tValue()),
                        Numbers.p(k.pValue()), Numbers.g15(ci.get(j).lower()), Numbers.g15(ci.get(j).upper()));
            }
        }
        sb.append(coefs.render()).append(nl);

        sb.append(String.format(Locale.ROOT, "Residual standard deviation: %s on %d degrees of freedom%n",
                Numbers.g15(s.residualStandardDeviation()), a.residualDf()));
        if (m.droppedRows() > 0) {
            // R's summary.lm line, under the residual standard error as there
            sb.append(String.format(Locale.ROOT, "  (%d observation%s deleted due to missingness)%n", m.droppedRows(),
                    m.droppedRows() == 1 ? "" : "s"));
        }
        String kind = s.centred() ? "" : " (uncentred)";
        sb.append(String.format(Locale.ROOT, "R-squared%s: %s   Adjusted R-squared%s: %s%n", kind,
                Numbers.g15(s.rSquared()), kind, Numbers.g15(s.adjustedRSquared())));
        sb.append(String.format(Locale.ROOT, "F-statistic: %s on %d and %d DF, p-value: %s%n",
                Numbers.g15(a.fStatistic()), a.regressionDf(), a.residualDf(), Numbers.p(a.fPValue())));
        sb.append(likelihood(m.likelihood())).append(nl).append(nl);

        sb.append("Analysis of variance").append(s.centred() ? "" : " (uncentred: about zero, not the mean)")
                .append(nl);
        TextTable anova = new TextTable("Source", "DF", "Sum of Squares", "Mean Square", "F value", "Pr(>F)");
        anova.row("Regression", Long.toString(a.regressionDf()), Numbers.g15(a.regressionSumOfSquares()),
                Numbers.g15(a.regressionMeanSquare()), Numbers.g15(a.fStatistic()), Numbers.p(a.fPValue()));
        anova.row("Residual", Long.toString(a.residualDf()), Numbers.g15(a.residualSumOfSquares()),
                Numbers.g15(a.residualMeanSquare()), "", "");
        anova.row("Total", Long.toString(a.regressionDf() + a.residualDf()),
                Numbers.g15(a.regressionSumOfSquares() + a.residualSumOfSquares()), "", "", "");
        sb.append(anova.render()).append(nl);

        sb.append(String.format(Locale.ROOT, "Observations: %d   Coefficients: %d   Rank: %d%n",
                s.observations(), s.parameters(), s.rank()));
        sb.append(String.format(Locale.ROOT, "Condition number κ₂(X), columns scaled to unit length: %s   "
                        + "Expected correct digits: %.1f%n",
                Numbers.g4(c.conditionNumber()), Math.floor(c.expectedDigits() * 10) / 10)); // 15.95 shows as 15.9, not 16.0
        if (!c.warning().isEmpty()) {
            sb.append("WARNING: ").append(c.warning()).append(nl);
        }
        return sb.toString();
    }

    /** The log-likelihood line: ℓ with its df, AIC and BIC, as R's logLik, AIC and BIC. */
    static String likelihood(Likelihood l) {
        if (l == null) {
            return "Log-likelihood: NA (Σ log w of the weights was not computed for this model)";
        }
        return String.format(Locale.ROOT, "Log-likelihood: %s (df = %d)   AIC: %s   BIC: %s",
                Numbers.g15(l.logLikelihood()), l.df(), Numbers.g15(l.aic()), Numbers.g15(l.bic()));
    }

    /** {@code y ~ 1 + x + x^2}, or {@code y ~ 0 + x} without intercept (R's notation). */
    public static String formula(FittedModel m) {
        StringBuilder f = new StringBuilder(m.spec().target()).append(" ~ ");
        f.append(m.spec().intercept() ? "1" : "0");
        for (org.gramian.design.Term t : m.spec().terms()) {
            if (!(t instanceof org.gramian.design.Term.Intercept)) {
                f.append(" + ").append(t.name());
            }
        }
        return f.toString();
    }


    /** A quantile as R's confint labels it: 0.025 → "2.5 %". */
    static String percent(double q) {
        return Numbers.g4(100 * q) + " %";
    }
}
