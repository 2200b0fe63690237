package org.gramian.cli.lab;

import java.util.ArrayList;
import java.util.List;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;
import org.gramian.iterative.DenseProblem;
import org.gramian.iterative.GradientDescent;
import org.gramian.iterative.IterativeResult;
import org.gramian.iterative.Lsqr;
import org.gramian.iterative.MiniBatchGradientDescent;
import org.gramian.iterative.Optimality;
import org.gramian.iterative.Spectrum;
import org.gramian.iterative.Standardization;

/**
 * Runs the closed form ({@link Gramian#fit}) and the iterative methods on one problem and measures
 * each against the closed form.
 */
public final class Comparison {
    /** Above this many m·p² the singular values (about 4mp² flops per Jacobi sweep) are not computed. */
    public static final long MAX_SPECTRUM_WORK = 1_000_000_000L;

    /**
     * Settings for the iterative methods.
     *
     * @param tolerance     relative gradient tolerance of (mini-batch) gradient descent; also LSQR's atol = btol;
     *                      and for all of them the bound on ‖Xᵀr‖/(‖X‖_F‖r‖) that decides CONVERGED
     * @param maxIterations iteration limit of GD and LSQR
     * @param step          fixed GD step, or NaN for 1/λmax
     * @param batchSize     SGD batch size
     * @param maxEpochs     SGD epoch limit
     * @param seed          SGD seed
     * @param timeLimitSeconds wall-clock limit of each iterative method ({@link Double#POSITIVE_INFINITY}: none)
     */
    public record Settings(double tolerance, int maxIterations, double step, int batchSize, int maxEpochs,
                           long seed, double timeLimitSeconds) {
    }

    private Comparison() {
    }

    /** The closed form first, then GD, standardized GD, mini-batch SGD, LSQR and standardized LSQR. */
    public static List<MethodRun> run(RowSource inMemory, ModelSpec spec, DenseProblem original, Settings s) {
        List<MethodRun> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        double[] closedOriginal = Gramian.fit(inMemory, spec).estimates();
        double closedSeconds = (System.nanoTime() - t0) * 1e-9;
        // Data beyond 2^±200 are rescaled by powers of two for the iterative methods (see the header
        // line CompareCommand prints); everything below is in the scaled problem's units but the costs.
        DenseProblem.Equilibrated eq = original.equilibrated();
        DenseProblem problem = eq.problem();
        double[] closed = eq.toScaled(closedOriginal);
        double kappa = Double.NaN;
        double kappaStd = Double.NaN;
        if ((long) problem.rows() * problem.columns() * problem.columns() <= MAX_SPECTRUM_WORK) {
            kappa = Spectrum.of(problem).conditionNumber();
            kappaStd = Spectrum.of(Standardization.of(problem).apply(problem)).conditionNumber();
        }
        runs.add(new MethodRun("closed form (Gramian.fit)", -1, closedSeconds, eq.costFromScaled(problem.cost(closed)),
                0.0, "direct",
                Optimality.ratio(problem, closed), kappa, Double.NaN, "normal equation solved directly (auto solver)",
                new double[0]));

        double limit = s.timeLimitSeconds();
        GradientDescent.Options gd = new GradientDescent.Options(false, s.step(), s.tolerance(), s.maxIterations(),
                limit);
        runs.add(measure(eq, closed, kappa, expected(kappa, s.tolerance()), () -> GradientDescent.fit(problem, gd)));
        GradientDescent.Options gds = new GradientDescent.Options(true, s.step(), s.tolerance(), s.maxIterations(),
                limit);
        runs.add(measure(eq, closed, kappaStd, expected(kappaStd, s.tolerance()),
                () -> GradientDescent.fit(problem, gds)));
        MiniBatchGradientDescent.Options sgd = new MiniBatchGradientDescent.Options(true, s.batchSize(), s.step(),
                s.tolerance(), s.maxEpochs(), s.seed(), 0.1, limit);
        runs.add(measure(eq, closed, kappaStd, Double.NaN, () -> MiniBatchGradientDescent.fit(problem, sgd)));
        runs.add(measure(eq, closed, kappa, Double.NaN,
                () -> Lsqr.fit(problem, new Lsqr.Options(false, s.tolerance(), s.maxIterations(), limit))));
        runs.add(measure(eq, closed, kappaStd, Double.NaN,
                () -> Lsqr.fit(problem, new Lsqr.Options(true, s.tolerance(), s.maxIterations(), limit))));
        return runs;
    }

    /** κ·ln(1/ε): iterations gradient descent with α = 1/λmax needs to shrink the error by ε. */
    static double expected(double kappa, double tolerance) {
        return kappa * Math.log(1 / tolerance);
    }

    private static MethodRun measure(DenseProblem.Equilibrated eq, double[] closed, double kappa, double expected,
                                     java.util.function.Supplier<IterativeResult> fit) {
        long t0 = System.nanoTime();
        IterativeResult r = fit.get();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new MethodRun(r.method(), r.iterations(), seconds, eq.costFromScaled(r.finalCost()),
                relativeDifference(r.coefficients(), closed), r.status().name(), r.optimality(), kappa, expected,
                r.message(), r.costHistory());
    }

    /** max|w − ref| / max|ref| (absolute when ref = 0). */
    public static double relativeDifference(double[] w, double[] ref) {
        double diff = 0;
        double scale = 0;
        for (int j = 0; j < w.length; j++) {
            diff = Math.max(diff, Math.abs(w[j] - ref[j]));
            scale = Math.max(scale, Math.abs(ref[j]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}
