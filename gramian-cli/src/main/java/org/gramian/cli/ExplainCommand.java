package org.gramian.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gramian.cli.render.ExplainSteps;
import org.gramian.cli.render.JsonRenderer;
import org.gramian.cli.render.MarkdownRenderer;
import org.gramian.cli.render.Step;
import org.gramian.cli.render.TextRenderer;
import org.gramian.cli.render.LogisticExplainSteps;
import org.gramian.cli.render.Window;
import org.gramian.explain.NormalEquationSteps;
import org.gramian.model.LogisticModel;
import org.gramian.model.LogisticRegression;
import org.gramian.report.LogisticSummary;
import org.gramian.solve.SolverKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gramian explain}: the normal equation worked step by step on the user's data. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows, step by step, how the normal equation XᵀX w = Xᵀy solves least squares:",
            "X, Xᵀ, XᵀX, its Cholesky factor and inverse, Xᵀy, w, predictions, residuals, the cost",
            "J(w) = (1/2m)‖Xw − y‖² and its gradient, which is zero at w.",
            "Matrices up to 20×8 are shown whole, larger ones as their top-left corner.",
            "With --logistic: the IRLS iterations of logistic regression on a 0/1 target."})
public final class ExplainCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { text, json, markdown }

    @Mixin
    ModelInput input;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or markdown (LaTeX matrices) (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the explanation to FILE (atomically: a temporary file, then renamed) instead of "
                    + "standard output.")
    java.nio.file.Path out;

    @Option(names = "--logistic", description = "explain logistic regression instead: the IRLS iterations"
            + " (weights, working response, XᵀWX, the step, the deviance falling) for a 0/1 target")
    boolean logistic;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (logistic) {
            return logistic();
        }
        ModelInput.Loaded data = input.load();
        NormalEquationSteps steps = NormalEquationSteps.of(data.problem(), data.spec().target());
        List<Step> list = ExplainSteps.of(steps);
        String title = "The normal equation for " + data.spec().target() + " ~ "
                + String.join(" + ", data.spec().coefficientNames()) + " on " + input.file.getFileName()
                + " (m = " + steps.rows() + " observations, p = " + steps.columns() + " coefficients)";
        return print(title, list);
    }

    private int print(String title, List<Step> list) {
        String text = switch (format) {
            case text -> TextRenderer.render(title, list);
            case markdown -> MarkdownRenderer.render(title, list);
            case json -> JsonRenderer.render(title, list);
        };
        Output.write(out, spec.commandLine().getOut(), w -> w.write(text));
        return 0;
    }

    /** IRLS, streamed as {@code gramian logistic} fits it, with the first rows of each pass recorded. */
    private int logistic() {
        LogisticModel m;
        try {
            ModelInput.Selected data = input.select(null, false);
            m = new LogisticRegression(SolverKind.QR, LogisticRegression.DEFAULT_EPSILON,
                    LogisticRegression.DEFAULT_MAX_ITERATIONS, Window.MAX_ROWS).fit(data.source(), data.spec());
        } catch (org.gramian.GramianException e) {
            throw e.inFile(input.file.toString());
        }
        String title = "Logistic regression by IRLS for " + LogisticSummary.formula(m) + " on "
                + input.file.getFileName() + " (m = " + m.observations() + " observations, p = "
                + m.coefficients().size() + " coefficients)";
        return print(title, LogisticExplainSteps.of(m));
    }
}
