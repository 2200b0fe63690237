package org.gramian.report;

import java.util.List;
import java.util.Locale;
import org.gramian.model.FittedModel;
import org.gramian.model.LogisticModel;

/**
 * The text summary of a logistic regression (what {@code gramian logistic} prints), laid out as R's
 * {@code summary.glm}: the coefficient table with Wald z, two-sided normal p-values and Wald
 * intervals (R's {@code confint.default}), the null and residual deviance with their degrees of
 * freedom, AIC, the log-likelihood and the IRLS iterations with the last convergence criterion.
 * A diverging coefficient (separation) shows as {@code NA} with the direction it grows in.
 */
public final class LogisticSummary {
    private LogisticSummary() {
    }

    /** The summary; {@code dataName} (may be null) names the data; {@code level} is the interval level. */
    public static String of(LogisticModel m, String dataName, double level) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append("Logistic regression (binomial family, logit link").append(m.spec().weights() == null ? ""
                : ", prior weights: " + m.spec().weights()).append("): ").append(formula(m));
        if (dataName != null) {
            sb.append("   (data: ").append(dataName).append(')');
        }
        sb.append(nl);
        sb.append(String.format(Locale.ROOT, "IRLS: %d iterations, %s (criterion |ΔD|/(|D| + 0.1) = %s); each step %s%n%n",
                m.iterations(), m.converged() ? "converged" : "NOT converged", Numbers.g4(m.criterion()),
                stepSolver(m)));

        List<FittedModel.Interval> ci = m.confidenceIntervals(level);
        TextTable coefs = new TextTable("Coefficient", "Estimate", "Std. Error", "z value", "Pr(>|z|)",
                TextSummary.percent((1 - level) / 2), TextSummary.percent((1 + level) / 2));
        for (int j = 0; j < m.coefficients().size(); j++) {
            LogisticModel.Coefficient k = m.coefficients().get(j);
            if (k.aliased()) {
                coefs.row(k.name(), "NA", "aliased", "", "", "", "");
            } else if (k.diverges()) {
                coefs.row(k.name(), "NA", "diverges to " + (k.direction() < 0 ? "-Inf" : "+Inf"), "", "", "", "");
            } else {
                coefs.row(k.name(), Numbers.g15(k.estimate()), Numbers.g15(k.standardError()), Numbers.g4(k.zValue()),
                        Numbers.p(k.pValue()), Numbers.g15(ci.get(j).lower()), Numbers.g15(ci.get(j).upper()));
            }
        }
        sb.append(coefs.render()).append(nl);
        sb.append(String.format(Locale.ROOT, "    Null deviance: %s on %d degrees of freedom%n",
                Numbers.g15(m.nullDeviance()), m.nullDf()));
        sb.append(String.format(Locale.ROOT, "Residual deviance: %s on %d degrees of freedom%n",
                Numbers.g15(m.deviance()), m.residualDf()));
        if (m.droppedRows() > 0) {
            // R's summary.glm line, under the deviances as there
            sb.append(String.format(Locale.ROOT, "  (%d observation%s deleted due to missingness)%n", m.droppedRows(),
                    m.droppedRows() == 1 ? "" : "s"));
        }
        sb.append(String.format(Locale.ROOT, "AIC: %s   Log-likelihood: %s (df = %d)%n%n", Numbers.g15(m.aic()),
                Numbers.g15(m.logLikelihood()), m.rank()));
        sb.append(String.format(Locale.ROOT, "Observations: %d   Coefficients: %d   Rank: %d%n", m.observations(),
                m.coefficients().size(), m.rank()));
        for (String w : m.warnings()) {
            sb.append("WARNING: ").append(w).append(nl);
        }
        return sb.toString();
    }

    /** How each step's weighted least-squares problem was solved. */
    public static String stepSolver(LogisticModel m) {
        return switch (m.solver()) {
            case CHOLESKY -> "a weighted normal equation XᵀWX δ = XᵀW r by Cholesky in double precision";
            default -> "a weighted least-squares problem by Householder QR in double-double";
        };
    }

    /** {@code y ~ 1 + x + x^2} (R's notation). */
    public static String formula(LogisticModel m) {
        StringBuilder f = new StringBuilder(m.spec().target()).append(" ~ ");
        f.append(m.spec().intercept() ? "1" : "0");
        for (org.gramian.design.Term t : m.spec().terms()) {
            if (!(t instanceof org.gramian.design.Term.Intercept)) {
                f.append(" + ").append(t.name());
            }
        }
        return f.toString();
    }
}
