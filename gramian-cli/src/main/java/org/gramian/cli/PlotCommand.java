package org.gramian.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gramian.design.Design;
import java.util.concurrent.Callable;
import org.gramian.GramianException;
import org.gramian.Gramian;
import org.gramian.cli.lab.Charts;
import org.gramian.cli.render.AtomicFiles;
import org.gramian.model.FittedModel;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gramian plot}: the data and the fitted line or polynomial as a PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws the data as points and the fitted line or polynomial (a smooth curve) to a PNG;",
            "--residuals adds a residuals-vs-fitted panel beside it. Needs exactly one feature."})
public final class PlotCommand implements Callable<Integer> {
    /** Points on which the fitted curve is evaluated. */
    static final int GRID = 400;

    @Mixin
    ModelInput input;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "the PNG file to write")
    Path out;

    @Option(names = "--residuals", description = "add a residuals-vs-fitted panel to the right")
    boolean residuals;

    @Option(names = "--width", defaultValue = "800", paramLabel = "PX",
            description = "width of each panel in pixels (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "600", paramLabel = "PX",
            description = "height in pixels (default: ${DEFAULT-VALUE})")
    int height;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (width < 200 || height < 150 || width > 10_000 || height > 10_000) {
            throw new ParameterException(spec.commandLine(), "--width must lie in 200..10000 and --height in"
                    + " 150..10000 pixels");
        }
        ModelInput.Loaded data = input.load();
        if (data.spec().features().size() != 1) {
            throw new GramianException("plot draws y against one feature, but the model has "
                    + data.spec().features().size() + " features " + data.spec().features()
                    + ": choose one with --features");
        }
        org.gramian.data.Table table = data.table();
        FittedModel model = Gramian.fit(table, data.spec());
        if (!model.spec().levels().isEmpty()) {
            throw new GramianException("plot draws y against one numeric feature; "
                    + data.spec().features().get(0) + " is categorical");
        }
        Design design = model.design();   // formed once for all the predictions below
        double[] coef = model.estimates();
        String xName = data.spec().features().get(0);
        String yName = data.spec().target();
        int m = data.problem().rows();
        double[] y = data.problem().y();
        double[] x = new double[m];
        double[] fitted = new double[m];
        double[] res = new double[m];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        // the raw feature, as read (a formula's terms may all be transforms of it, e.g. log(x))
        double[] raw = table.column(xName);
        for (int i = 0; i < m; i++) {
            x[i] = raw[i];
            fitted[i] = design.predict(coef, x[i]);
            res[i] = y[i] - fitted[i];
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        double[] gx = new double[GRID];
        double[] gy = new double[GRID];
        for (int k = 0; k < GRID; k++) {
            gx[k] = lo == hi ? lo : lo + (hi - lo) * k / (GRID - 1);
            gy[k] = design.predict(coef, gx[k]);
        }
        String curve = data.spec().formula() != null ? "fit of " + data.spec().formula().text()
                : data.spec().degree() > 1 ? "degree-" + data.spec().degree() + " polynomial fit" : "least-squares line";
        String title = String.format(Locale.ROOT, "%s vs %s: %s, R² = %.4f", yName, xName, curve,
                model.statistics().rSquared());
        List<XYChart> charts = new ArrayList<>();
        charts.add(Charts.fit(x, y, gx, gy, width, height, title, xName, yName, curve));
        if (residuals) {
            charts.add(Charts.residuals(fitted, res, width, height, yName));
        }
        BufferedImage image = Charts.sideBySide(charts);
        AtomicFiles.writePng(image, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Wrote %s (%d×%d pixels)%n", out, image.getWidth(), image.getHeight());
        w.flush();
        return 0;
    }
}
