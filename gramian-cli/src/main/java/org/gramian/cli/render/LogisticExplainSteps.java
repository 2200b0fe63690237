package org.gramian.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gramian.model.LogisticModel;
import org.gramian.report.Numbers;

/**
 * The steps of {@code gramian explain --logistic}: IRLS as it ran. Per iteration: the coefficients w
 * and their deviance, the first rows with η = xᵀw, μ = 1/(1 + e^{−η}), the weight μ(1 − μ) and the
 * working response z = η + (y − μ)/(μ(1 − μ)), the weighted Gram matrix XᵀWX, and the Newton step δ
 * (the weighted least-squares fit of z is w + δ); then the deviance falling, iteration by iteration.
 */
public final class LogisticExplainSteps {
    private LogisticExplainSteps() {
    }

    /** The steps of a model fitted with rows traced ({@code LogisticRegression}'s traceRows &gt; 0). */
    public static List<Step> of(LogisticModel m) {
        List<String> names = m.spec().coefficientNames();
        int p = names.size();
        String pp = p + "×" + p;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("IRLS", "\\text{IRLS}", "method", "Logistic regression maximizes the log-likelihood"
                + " Σ yᵢηᵢ − log(1 + e^ηᵢ), ηᵢ = xᵢᵀw. Newton's method does it by a weighted least-squares problem per"
                + " iteration: weights μ(1 − μ), working response z = η + (y − μ)/(μ(1 − μ)). It starts at w = 0"
                + " (μ = ½ for every row) and stops when the deviance D = −2 log L changes by less than "
                + "1e-8 relative (R's glm rule)", Block.scalar(m.iterations())));
        for (LogisticModel.Iteration it : m.history()) {
            int k = it.iteration();
            String at = "iteration " + k + ": ";
            steps.add(new Step("w", "w^{(" + k + ")}", "w" + k, at + "coefficients w (" + p + "); their deviance"
                    + " D = −2 log L = " + Numbers.g15(it.deviance())
                    + (k == 0 ? "" : ", relative change " + Numbers.g4(it.criterion())), Block.column(it.coefficients(),
                    names)));
            List<String> cols = new ArrayList<>(names);
            cols.addAll(List.of("y", "η = xᵀw", "μ", "weight μ(1−μ)", "z"));
            int shown = it.rows().size();
            double[][] rows = new double[shown][];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < shown; i++) {
                LogisticModel.IrlsRow r = it.rows().get(i);
                double[] v = java.util.Arrays.copyOf(r.x(), p + 5);
                v[p] = r.y();
                v[p + 1] = r.eta();
                v[p + 2] = r.mu();
                v[p + 3] = r.weight();
                v[p + 4] = r.workingResponse();
                rows[i] = v;
                labels.add(Integer.toString(i + 1));
            }
            steps.add(new Step("W, z", "W, z", "rows" + k, at + "the first " + shown + " of " + m.observations()
                    + " rows: x, y, the linear predictor η, the probability μ, the weight μ(1 − μ) (largest at μ = ½,"
                    + " small where the model is already sure) and the working response z",
                    Block.matrix(rows, labels, cols)));
            if (it.xtwx() != null) {
                steps.add(new Step("XᵀWX", "X^\\top W X", "xtwx" + k, at + "the weighted Gram matrix XᵀWX (" + pp
                        + "), W = diag μ(1 − μ): the Fisher information at w, minus the Hessian of the log-likelihood",
                        Block.matrix(it.xtwx(), names, names)));
            }
            boolean last = k == m.history().size() - 1;
            steps.add(new Step("δ", "\\delta^{(" + k + ")}", "step" + k, at + "the Newton step δ solving XᵀWX δ ="
                    + " Xᵀ(y − μ) (" + p + "), by the weighted least squares of (y − μ)/(μ(1 − μ)) on X"
                    + (last ? "; the deviance has settled, so w above is the answer and δ is left unused"
                            : "; w + δ is the weighted least-squares fit of z"), Block.column(it.step(), names)));
        }
        int n = m.history().size();
        double[][] dev = new double[n][2];
        List<String> its = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            dev[k][0] = m.history().get(k).deviance();
            dev[k][1] = m.history().get(k).criterion();
            its.add(Integer.toString(k));
        }
        steps.add(new Step("D", "D", "deviance", String.format(Locale.ROOT, "The deviance falling, iteration by"
                        + " iteration, and the relative change |ΔD|/(|D| + 0.1): %s after %d iterations%s",
                        m.converged() ? "converged" : "NOT converged", m.iterations(),
                        m.warnings().isEmpty() ? "" : "; " + String.join("; ", m.warnings())),
                Block.matrix(dev, its, List.of("deviance", "change"))));
        steps.add(new Step("ŵ", "\\hat w", "coefficients", "The maximum-likelihood coefficients (" + p + "), NA where"
                + " aliased or diverging; standard errors are √diag (XᵀWX)⁻¹ at ŵ", Block.column(m.estimates(), names)));
        return steps;
    }
}
