package org.gramian.cli.render;

import org.gramian.report.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gramian.explain.NormalEquationSteps;

/** The steps of {@code gramian explain}, in order, each with its one-line heading. */
public final class ExplainSteps {
    private ExplainSteps() {
    }

    public static List<Step> of(NormalEquationSteps s) {
        int m = s.rows();
        int p = s.columns();
        List<String> names = s.names();
        List<String> obs = new ArrayList<>(m);
        for (int i = 1; i <= m; i++) {
            obs.add(Integer.toString(i));
        }
        double[][] xt = new double[p][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < p; j++) {
                xt[j][i] = s.x()[i][j];
            }
        }
        String mp = m + "×" + p;
        String pp = p + "×" + p;
        List<Step> steps = new ArrayList<>();
        boolean bias = s.intercept();
        steps.add(new Step("X", "X", "design", "Design matrix X (" + mp + "): one row per observation, one column per"
                + " coefficient" + (bias ? "; the bias column of ones comes first so that w₀ is the intercept" : ""),
                Block.matrix(s.x(), obs, names)));
        steps.add(new Step("y", "y", "response", "Response y (" + m + "): the observed values of '" + s.target()
                + "' that Xw should approximate", Block.column(s.y(), obs)));
        steps.add(new Step("Xᵀ", "X^\\top", "transpose", "Transpose Xᵀ (" + p + "×" + m + "): the columns of X as rows;"
                + " the normal equation is built from Xᵀ times X and Xᵀ times y", Block.matrix(xt, names, obs)));
        steps.add(new Step("XᵀX", "X^\\top X", "gram", "Gram matrix XᵀX (" + pp + "): dot products of the columns of X;"
                + " setting the gradient of ‖Xw − y‖² to zero gives the normal equation XᵀX w = Xᵀy",
                Block.matrix(s.gram(), names, names)));
        steps.add(new Step("Xᵀy", "X^\\top y", "moments", "Moment vector Xᵀy (" + p + "): dot products of each column"
                + " of X with y, the right-hand side of the normal equation", Block.column(s.xty(), names)));
        String aliasNote = s.aliased().isEmpty() ? ""
                : "; XᵀX is singular: " + String.join(", ", s.aliased()) + (s.aliased().size() == 1 ? " is" : " are")
                        + " a linear combination of the columns before it (aliased), its row of R is zero and it is"
                        + " left out of the solve, as gramian fit does (its coefficient is NA)";
        steps.add(new Step("R", "R", "cholesky", "Cholesky factor R (" + pp + ", upper triangular, XᵀX = RᵀR): what"
                + " actually solves the system, Rᵀz = Xᵀy forward then Rw = z backward, with no inverse" + aliasNote,
                Block.matrix(s.cholesky(), names, names)));
        steps.add(new Step("(XᵀX)⁻¹", "(X^\\top X)^{-1}", "inverse", "Inverse (XᵀX)⁻¹ = R⁻¹R⁻ᵀ (" + pp + "): the"
                + " textbook w = (XᵀX)⁻¹Xᵀy; times s² it is the covariance matrix of w",
                Block.matrix(s.gramInverse(), names, names)));
        steps.add(new Step("w", "w", "coefficients", "Coefficients w = (XᵀX)⁻¹Xᵀy (" + p + "): the least-squares"
                + " solution, bias first", Block.column(s.coefficients(), names)));
        steps.add(new Step("ŷ", "\\hat{y}", "predictions", "Predictions ŷ = Xw (" + m + "): the fitted values",
                Block.column(s.predictions(), obs)));
        steps.add(new Step("e", "e", "residuals", "Residuals e = y − ŷ (" + m + "): what the model misses;"
                + " they are orthogonal to every column of X (Xᵀe = 0)", Block.column(s.residuals(), obs)));
        steps.add(new Step("J(w)", "J(w)", "cost", "Cost J(w) = (1/2m)‖Xw − y‖² with m = " + m + ": half the mean"
                + " squared residual, the quantity that w minimizes", Block.scalar(s.cost())));
        steps.add(new Step("∇J(w)", "\\nabla J(w)", "gradient", String.format(Locale.ROOT, "Gradient ∇J(w) ="
                        + " (1/m)(XᵀXw − Xᵀy) (%d), norm %s ≈ 0: the normal equation is exactly ∇J(w) = 0, so at the"
                        + " solution only rounding is left", p, Numbers.sci(s.gradientNorm())),
                Block.column(s.gradient(), names)));
        return steps;
    }
}
