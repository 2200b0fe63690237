package org.gramian.report;

import java.util.List;
import java.util.Locale;
import org.gramian.model.FittedModel;
import org.gramian.model.GcvCurve;
import org.gramian.model.RidgeSummary;
import org.gramian.solve.GcvPoint;

/**
 * The text summary of a ridge fit (what {@code gramian fit --ridge} prints): the penalty and how it
 * was chosen, the coefficients, the ridge statistics (tr H, RSS, σ̂², GCV, R²) and, for
 * {@code --ridge auto}, the GCV curve. No standard errors, t, p, intervals or ANOVA: they are not
 * valid for the biased ridge estimator, and the summary says so instead of printing numbers.
 */
final class RidgeText {
    /** Every this many grid points of the GCV curve are shown in the table (the JSON has all). */
    static final int TABLE_STRIDE = 10;

    private RidgeText() {
    }

    static String of(FittedModel m, String dataName) {
        String nl = System.lineSeparator();
        RidgeSummary r = m.ridge();
        StringBuilder sb = new StringBuilder();
        sb.append("Ridge regression (λ = ").append(Numbers.g15(r.lambda()))
                .append(r.chosenByGcv() ? ", chosen by generalized cross-validation" : "").append("): ")
                .append(TextSummary.formula(m));
        if (dataName != null) {
            sb.append("   (data: ").append(dataName).append(')');
        }
        sb.append(nl);
        sb.append("Penalty: λ·Σ w² over the coefficients of the columns as given (not standardized)")
                .append(m.spec().intercept() ? "; the intercept is not penalized (X and y centred)" : "")
                .append(nl);
        if (m.spec().weights() != null) {
            sb.append("Weights: ").append(m.spec().weights()).append(" (minimizes Σ weight·r² + λ·Σ w²)").append(nl);
        }
        sb.append("Solver: ").append(m.solver().name().toLowerCase(Locale.ROOT)).append(" (").append(m.solverNote())
                .append(')').append(nl).append(nl);

        TextTable coefs = new TextTable("Coefficient", "Estimate");
        m.coefficients().forEach(c -> coefs.row(c.name(), Numbers.g15(c.estimate())));
        sb.append(coefs.render());
        sb.append("Standard errors, t, p and confidence intervals: NA (ridge estimates are biased toward zero, so the"
                + " t theory of least squares does not apply to them)").append(nl).append(nl);

        long n = m.statistics().observations();
        sb.append("Effective degrees of freedom tr H = ").append(m.spec().intercept() ? "1 + " : "")
                .append("Σ d²/(d² + λ): ").append(Numbers.g15(r.effectiveDf())).append(nl);
        sb.append("Residual sum of squares: ").append(Numbers.g15(r.residualSumOfSquares())).append(nl);
        sb.append("Residual variance σ̂² = RSS/(n − tr H): ").append(Numbers.g15(r.residualVariance()))
                .append(" on ").append(Numbers.g15(n - r.effectiveDf())).append(" effective residual degrees of freedom")
                .append(nl);
        if (m.droppedRows() > 0) {
            sb.append(String.format(Locale.ROOT, "  (%d observation%s deleted due to missingness)%n", m.droppedRows(),
                    m.droppedRows() == 1 ? "" : "s"));
        }
        String kind = m.statistics().centred() ? "" : " (uncentred)";
        sb.append("R-squared").append(kind).append(": ").append(Numbers.g15(m.statistics().rSquared())).append(nl);
        sb.append("GCV score n·RSS/(n − tr H)²: ").append(Numbers.g15(r.gcv())).append(nl).append(nl);

        sb.append(String.format(Locale.ROOT, "Observations: %d   Coefficients: %d%n", n,
                m.statistics().parameters()));
        sb.append("Condition number of the penalized system [X").append(m.spec().intercept() ? "_c" : "")
                .append("; √λ·I], √((d²max + λ)/(d²min + λ)): ").append(Numbers.g4(r.penalizedConditionNumber()))
                .append(String.format(Locale.ROOT, "   Expected correct digits: %.1f%n",
                        Math.floor(m.conditioning().expectedDigits() * 10) / 10));
        if (r.chosenByGcv()) {
            sb.append(nl).append(curve(r.curve(), n));
        }
        return sb.toString();
    }

    /** The GCV curve: every {@value #TABLE_STRIDE}th grid point and the chosen λ, marked. */
    static String curve(GcvCurve curve, long n) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        List<GcvPoint> grid = curve.grid();
        if (grid.isEmpty()) {
            return "Generalized cross-validation: " + curve.note() + nl;
        }
        sb.append("Generalized cross-validation, GCV(λ) = n·RSS(λ)/(n − tr H(λ))², in closed form from one SVD")
                .append(nl);
        sb.append(String.format(Locale.ROOT, "(%d values of λ log-spaced from %s to %s, then golden-section search;"
                        + " every %dth shown, --format json has all):%n", grid.size(), Numbers.g4(grid.get(0).lambda()),
                Numbers.g4(grid.get(grid.size() - 1).lambda()), TABLE_STRIDE));
        TextTable t = new TextTable("λ", "tr H", "RSS", "GCV", "");
        GcvPoint chosen = curve.chosen();
        boolean placed = false;
        for (int k = 0; k < grid.size(); k++) {
            GcvPoint p = grid.get(k);
            if (!placed && chosen.lambda() <= p.lambda()) {
                row(t, chosen, "← chosen");
                placed = true;
                if (chosen.lambda() == p.lambda()) {
                    continue;
                }
            }
            if (k % TABLE_STRIDE == 0 || k == grid.size() - 1) {
                row(t, p, "");
            }
        }
        if (!placed) {
            row(t, chosen, "← chosen");
        }
        sb.append(t.render());
        if (!curve.note().isEmpty()) {
            sb.append("Note: ").append(curve.note()).append(nl);
        }
        return sb.toString();
    }

    private static void row(TextTable t, GcvPoint p, String mark) {
        t.row(g6(p.lambda()), g6(p.df()), g6(p.rss()), g6(p.gcv()), mark);
    }

    private static String g6(double v) {
        return Double.isFinite(v) ? Numbers.trimmed(String.format(Locale.ROOT, "%.6g", v)) : Numbers.g4(v);
    }
}
