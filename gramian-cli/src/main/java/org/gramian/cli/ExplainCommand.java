package org.gramian.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gramian.cli.render.ExplainSteps;
import org.gramian.cli.render.JsonRenderer;
import org.gramian.cli.render.MarkdownRenderer;
import org.gramian.cli.render.Step;
import org.gramian.cli.render.TextRenderer;
import org.gramian.explain.NormalEquationSteps;
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
            "Matrices up to 20×8 are shown whole, larger ones as their top-left corner."})
public final class ExplainCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { text, json, markdown }

    @Mixin
    ModelInput input;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or markdown (LaTeX matrices) (default: ${DEFAULT-VALUE})")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelInput.Loaded data = input.load();
        NormalEquationSteps steps = NormalEquationSteps.of(data.problem(), data.spec().target());
        List<Step> list = ExplainSteps.of(steps);
        String title = "The normal equation for " + data.spec().target() + " ~ "
                + String.join(" + ", data.spec().coefficientNames()) + " on " + input.file.getFileName()
                + " (m = " + steps.rows() + " observations, p = " + steps.columns() + " coefficients)";
        String out = switch (format) {
            case text -> TextRenderer.render(title, list);
            case markdown -> MarkdownRenderer.render(title, list);
            case json -> JsonRenderer.render(title, list);
        };
        PrintWriter w = spec.commandLine().getOut();
        w.print(out);
        w.flush();
        return 0;
    }
}
