package org.gramian.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gramian.cli.lab.Charts;
import org.gramian.cli.lab.Comparison;
import org.gramian.cli.lab.MethodRun;
import org.gramian.cli.lab.Sweep;
import org.gramian.cli.render.AtomicFiles;
import org.gramian.report.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gramian compare}: the closed form against gradient descent, mini-batch SGD and LSQR. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Fits by the closed form and by iterative methods (gradient descent with and without",
            "standardization, mini-batch SGD, LSQR) and tabulates iterations, time, final cost, distance",
            "to the closed form and the condition number κ of XᵀX that explains the iteration count",
            "(gradient descent needs about κ·ln(1/ε) iterations). A method is CONVERGED only when",
            "‖Xᵀr‖/(‖X‖_F‖r‖) ≤ tolerance at its answer (r = y − Xw); otherwise its status names the stop",
            "it hit (STOPPED_BACKWARD_ERROR, STOPPED_RELATIVE_GRADIENT, STALLED, MAX_ITERATIONS,",
            "TIME_LIMIT, DIVERGED).",
            "--sweep instead times closed form vs gradient descent vs LSQR as the number of",
            "coefficients d grows, on generated data, to see where iteration starts to pay."})
public final class CompareCommand implements Callable<Integer> {
    @Mixin
    ModelInput input;

    @Option(names = "--tolerance", defaultValue = "1e-10", paramLabel = "EPS",
            description = "stop when ‖∇J(w)‖ ≤ EPS·‖∇J(w₀)‖ (LSQR: its atol = btol); CONVERGED needs"
                + " ‖Xᵀr‖/(‖X‖_F‖r‖) ≤ EPS at the answer (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--max-iterations", defaultValue = "100000", paramLabel = "N",
            description = "iteration limit of gradient descent and LSQR (default: ${DEFAULT-VALUE})")
    int maxIterations;

    @Option(names = "--time-limit", defaultValue = "10", paramLabel = "SECONDS",
            description = "wall-clock limit of each iterative method, also in --sweep; a method that hits it"
                + " stops with status TIME_LIMIT (Infinity: none) (default: ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--step", paramLabel = "ALPHA",
            description = "fixed step size for gradient descent and SGD (default: 1/λmax of XᵀX/m)")
    Double step;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "B",
            description = "mini-batch size of SGD (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--epochs", defaultValue = "200", paramLabel = "N",
            description = "epoch limit of SGD (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "seed of SGD's shuffling and of --sweep's data (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--plot", paramLabel = "PNG", description = "draw the cost per iteration (log scale) to this PNG")
    Path plot;

    @Option(names = "--sweep", description = "time the methods on generated data of growing d (no FILE needed)")
    boolean sweep;

    @Option(names = "--sweep-max-d", defaultValue = "2000", paramLabel = "D",
            description = "largest d of the sweep; n = 2d rows (default: ${DEFAULT-VALUE})")
    int sweepMaxD;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        if (sweep) {
            sweep(out);
        } else {
            compare(out);
        }
        out.flush();
        return 0;
    }

    private void validate() {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new ParameterException(spec.commandLine(), "--tolerance must lie between 0 and 1, got " + tolerance);
        }
        if (maxIterations < 1 || epochs < 1 || batchSize < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--max-iterations, --epochs and --batch-size must be at least 1");
        }
        if (!(timeLimit > 0)) {
            throw new ParameterException(spec.commandLine(), "--time-limit must be a positive number of seconds, got "
                    + timeLimit);
        }
        if (step != null && !(step > 0 && Double.isFinite(step))) {
            throw new ParameterException(spec.commandLine(), "--step must be a positive number, got " + step);
        }
        if (sweepMaxD < 2) {
            throw new ParameterException(spec.commandLine(), "--sweep-max-d must be at least 2, got " + sweepMaxD);
        }
    }

    private void compare(PrintWriter out) {
        ModelInput.Loaded data = input.load();
        Comparison.Settings settings = new Comparison.Settings(tolerance, maxIterations,
                step == null ? Double.NaN : step, batchSize, epochs, seed, timeLimit);
        List<MethodRun> runs = Comparison.run(data.table(), data.spec(), data.problem(), settings);
        out.printf(Locale.ROOT, "Closed form vs iterative least squares on %s: %s ~ %s, m = %d, p = %d, tolerance %s%n%n",
                input.file.getFileName(), data.spec().target(), String.join(" + ", data.spec().coefficientNames()),
                data.problem().rows(), data.problem().columns(), Numbers.short4(tolerance));
        if (data.problem().equilibrated().applied()) {
            out.println("The data reach magnitudes beyond 2^±200, where XᵀX over- or underflows: the iterative"
                    + " methods ran on the columns and y rescaled by powers of two (exact). Costs are in the"
                    + " original units (NA where they do not fit in a double); κ, the cost curves and"
                    + " ‖Xᵀr‖/(‖X‖‖r‖) refer to the rescaled problem.");
            out.println();
        }
        out.print(table(runs));
        out.println();
        MethodRun closed = runs.get(0);
        out.printf(Locale.ROOT, "%s: %s; ‖Xᵀr‖/(‖X‖_F‖r‖) = %.3g%n", closed.method(), closed.message(),
                closed.optimality());
        for (MethodRun r : runs.subList(1, runs.size())) {
            out.printf(Locale.ROOT, "%s [%s]: %s%n", r.method(), r.status(), r.message());
        }
        out.println();
        out.println("κ(XᵀX) is the condition number of the XᵀX each method iterates with (standardized or not);"
                + " gradient descent with step 1/λmax needs about κ·ln(1/ε) iterations (column 'κ·ln(1/ε)'),"
                + " LSQR about √κ·ln(1/ε).");
        out.println(statusLegend(timeLimit));
        if (plot != null) {
            String title = "Cost per iteration, " + input.file.getFileName();
            AtomicFiles.writePng(Charts.loss(runs.subList(1, runs.size()), runs.get(0).cost(), 900, 600, title), plot);
            out.println("Wrote " + plot);
        }
    }

    /** What the status column and the optimality column mean. */
    static String statusLegend(double timeLimit) {
        return "Column '‖Xᵀr‖/(‖X‖‖r‖)' is ‖Xᵀr‖₂/(‖X‖_F·‖r‖₂) at each answer, r = y − Xw, recomputed"
                + " independently of each method's own stopping rule: 0 at the least-squares solution, up to"
                + " rounding (the closed form's value shows that floor). Status CONVERGED means it is at most"
                + " the tolerance (or ‖r‖ ≤ tolerance·‖y‖, an exact fit); otherwise the status is the stop that was"
                + " hit: STOPPED_BACKWARD_ERROR (LSQR's atol/btol tests met on its running estimates),"
                + " STOPPED_RELATIVE_GRADIENT (gradient descent's own tests met on its running residual, not on"
                + " the recomputed one), STALLED (no new low of cost or ‖∇J‖ in "
                + org.gramian.iterative.GradientDescent.STALL_WINDOW + " iterations), MAX_ITERATIONS, TIME_LIMIT"
                + " (" + (Double.isInfinite(timeLimit) ? "no time limit was set"
                        : "after " + seconds(timeLimit) + " per method") + "; 'iterations' counts those done)"
                + " or DIVERGED.";
    }

    /** "10 s", "0.05 s" (finite s). */
    static String seconds(double s) {
        return Numbers.short4(s).replaceAll("\\.?0+(e|$)", "$1") + " s";
    }

    static String table(List<MethodRun> runs) {
        String[] head = {"method", "iterations", "time", "final cost", "max|Δw|/max|w|", "status", "κ(XᵀX)",
            "κ·ln(1/ε)", "‖Xᵀr‖/(‖X‖‖r‖)"};
        String[][] rows = new String[runs.size()][];
        for (int i = 0; i < runs.size(); i++) {
            MethodRun r = runs.get(i);
            rows[i] = new String[] {r.method(), r.iterations() < 0 ? "—" : Integer.toString(r.iterations()),
                time(r.seconds()), Numbers.exact(r.cost()), Numbers.sci(r.relativeDiff()), r.status(),
                Numbers.sci(r.kappa()), expectedIterations(r.expectedIterations()), Numbers.sci(r.optimality())};
        }
        int[] w = new int[head.length];
        for (int j = 0; j < head.length; j++) {
            w[j] = head[j].length();
            for (String[] r : rows) {
                w[j] = Math.max(w[j], r[j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        StringBuilder rule = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            rule.append(j == 0 ? "" : "  ").append("-".repeat(w[j]));
        }
        sb.append(rule).append('\n');
        for (String[] r : rows) {
            line(sb, r, w);
        }
        return sb.toString();
    }

    private static String expectedIterations(double n) {
        if (Double.isNaN(n)) {
            return "";
        }
        return n < 1e7 ? String.format(Locale.ROOT, "%.0f", n) : Numbers.sci(n);
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int j = 0; j < cells.length; j++) {
            String c = cells[j];
            String pad = " ".repeat(w[j] - c.length());
            l.append(j == 0 ? "" : "  ").append(j == 0 || j == 5 ? c + pad : pad + c);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /**
     * "X beat the closed form at every d from D on", or that it never did so up to the largest d. A
     * run that did not converge (see {@link Sweep.Row#gdStatus}) never counts as beating it.
     */
    static String verdict(String method, List<Sweep.Row> rows, java.util.function.ToDoubleFunction<Sweep.Row> time,
                          java.util.function.Predicate<Sweep.Row> converged) {
        Integer from = null;
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (converged.test(rows.get(i)) && time.applyAsDouble(rows.get(i)) < rows.get(i).closedSeconds()) {
                from = rows.get(i).d();
            } else {
                break;
            }
        }
        int last = rows.get(rows.size() - 1).d();
        if (from == null && !converged.test(rows.get(rows.size() - 1))) {
            return method + " did not converge at d = " + last + " (the largest size tried), so it did not beat"
                    + " the closed form there.";
        }
        if (from == null) {
            return method + " was slower than the closed form at d = " + last + " (the largest size tried).";
        }
        return method + " beat the closed form at every d from " + from + " to " + last + ".";
    }

    /** The fastest of the methods that converged (the closed form always counts). */
    static String fastest(Sweep.Row r) {
        double gd = r.gdConverged() ? r.gdSeconds() : Double.POSITIVE_INFINITY;
        double lsqr = r.lsqrConverged() ? r.lsqrSeconds() : Double.POSITIVE_INFINITY;
        return r.closedSeconds() <= Math.min(gd, lsqr) ? "closed form" : lsqr <= gd ? "LSQR" : "gradient descent";
    }

    /** The iteration count, marked "*" when the run did not converge (explained in a note under the table). */
    static String iterations(int n, boolean converged) {
        return converged ? Integer.toString(n) : n + "*";
    }

    private static String note(int d, String method, String status, int iterations, double optimality) {
        return String.format(Locale.ROOT, "* d = %d: %s %s after %d iterations, ‖Xᵀr‖/(‖X‖_F‖r‖) = %s:"
                + " not converged, so its time is not a solve time and it is not counted as fastest.", d, method,
                status, iterations, Numbers.sci(optimality));
    }

    static String time(double seconds) {
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private void sweep(PrintWriter out) {
        out.printf(Locale.ROOT, "Sweep: closed form (XᵀX by blocked rank-1 updates + Cholesky) vs gradient descent (step 1/λmax)"
                + " vs LSQR,%ngenerated data: n = 2d rows, bias + d−1 standard normal features (κ(XᵀX) ≈ 34),"
                + " tolerance %s, seed %d, one thread each, %s.%n%n", Numbers.short4(tolerance), seed,
                Double.isInfinite(timeLimit) ? "no time limit" : "time limit " + seconds(timeLimit) + " per method");
        String fmt = "%6s %6s  %10s  %10s %6s %10s  %10s %6s %10s  %s%n";
        out.printf(Locale.ROOT, fmt, "d", "n", "closed", "GD", "iter", "GD Δw", "LSQR", "iter", "LSQR Δw", "fastest");
        out.flush();
        for (int d : new int[] {10, 100, 300}) {
            Sweep.run(Math.min(d, sweepMaxD), tolerance, seed, timeLimit); // warm-up for the JIT, not reported
        }
        List<Sweep.Row> rows = new java.util.ArrayList<>();
        List<String> notes = new java.util.ArrayList<>();
        for (int d : Sweep.sizes(sweepMaxD)) {
            Sweep.Row r = Sweep.run(d, tolerance, seed, timeLimit);
            rows.add(r);
            out.printf(Locale.ROOT, fmt, d, r.n(), time(r.closedSeconds()), time(r.gdSeconds()),
                    iterations(r.gdIterations(), r.gdConverged()), Numbers.sci(r.gdDiff()), time(r.lsqrSeconds()),
                    iterations(r.lsqrIterations(), r.lsqrConverged()), Numbers.sci(r.lsqrDiff()), fastest(r));
            out.flush();
            if (!r.gdConverged()) {
                notes.add(note(d, "gradient descent", r.gdStatus().name(), r.gdIterations(), r.gdOptimality()));
            }
            if (!r.lsqrConverged()) {
                notes.add(note(d, "LSQR", r.lsqrStatus().name(), r.lsqrIterations(), r.lsqrOptimality()));
            }
        }
        out.println();
        for (String n : notes) {
            out.println(n);
        }
        if (!notes.isEmpty()) {
            out.println();
        }
        out.println(verdict("Gradient descent", rows, Sweep.Row::gdSeconds, Sweep.Row::gdConverged));
        out.println(verdict("LSQR", rows, Sweep.Row::lsqrSeconds, Sweep.Row::lsqrConverged));
        out.println("The closed form costs n·d² + d³/3 flops; an iterative method 2·n·d per iteration, so it wins once"
                + " its iteration count falls below about d/2: a matter of κ, not of a fixed number of features.");
    }
}
