package org.gramian.cli.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gramian.iterative.DenseNormalEquation;
import org.gramian.iterative.DenseProblem;
import org.gramian.iterative.GradientDescent;
import org.gramian.iterative.IterativeResult;
import org.gramian.iterative.IterativeStatus;
import org.gramian.iterative.Lsqr;

/**
 * Times the closed form against gradient descent and LSQR as the number of coefficients d grows,
 * on generated well-conditioned data: n = 2d rows, a bias column and d − 1 independent standard
 * normal features, y = Xw* + 0.1·noise, fixed seed. With n = 2d the condition number of XᵀX stays
 * near ((1 + √½)/(1 − √½))² ≈ 34 whatever d (Marchenko–Pastur), so the iteration counts stay
 * flat while the closed form's n·d² + d³/3 grows: this is the most favourable case for the
 * iterative methods, and it tests where they start to win on this machine.
 *
 * <p>All methods are single-threaded double-precision Java on the same in-memory X: the closed
 * form is {@link DenseNormalEquation} (XᵀX by blocked rank-1 updates, Cholesky).
 */
public final class Sweep {
    /** The sizes tried, up to the limit asked for. */
    public static final int[] SIZES = {10, 30, 100, 300, 1000, 2000, 4000, 8000};
    /** Sizes up to this are timed several times. */
    public static final int REPEAT_UP_TO = 300;
    /** How many times. */
    public static final int REPEATS = 5;

    /**
     * One size.
     *
     * @param d              coefficients
     * @param n              rows
     * @param closedSeconds  closed form time
     * @param gdSeconds      gradient descent time (step 1/λmax by power iteration included)
     * @param gdIterations   its iterations
     * @param gdDiff         its max relative difference to the closed form
     * @param gdStatus       its status (CONVERGED only when ‖Xᵀr‖/(‖X‖_F‖r‖) ≤ tolerance)
     * @param gdOptimality   its ‖Xᵀr‖/(‖X‖_F‖r‖)
     * @param lsqrSeconds    LSQR time
     * @param lsqrIterations its iterations
     * @param lsqrDiff       its max relative difference to the closed form
     * @param lsqrStatus     its status
     * @param lsqrOptimality its ‖Xᵀr‖/(‖X‖_F‖r‖)
     */
    public record Row(int d, int n, double closedSeconds, double gdSeconds, int gdIterations, double gdDiff,
                      IterativeStatus gdStatus, double gdOptimality, double lsqrSeconds, int lsqrIterations,
                      double lsqrDiff, IterativeStatus lsqrStatus, double lsqrOptimality) {
        /** Gradient descent reached the optimality tolerance. */
        public boolean gdConverged() {
            return gdStatus == IterativeStatus.CONVERGED;
        }

        /** LSQR reached the optimality tolerance. */
        public boolean lsqrConverged() {
            return lsqrStatus == IterativeStatus.CONVERGED;
        }
    }

    private Sweep() {
    }

    /** The sizes of {@link #SIZES} up to {@code maxD}, plus maxD itself if it lies between them. */
    public static List<Integer> sizes(int maxD) {
        List<Integer> out = new ArrayList<>();
        for (int d : SIZES) {
            if (d <= maxD) {
                out.add(d);
            }
        }
        if (out.isEmpty() || out.get(out.size() - 1) < maxD) {
            out.add(maxD);
        }
        return out;
    }

    /**
     * Runs one size; {@code tolerance} for both GD (relative gradient) and LSQR, and for the
     * optimality ratio of both; {@code timeLimitSeconds} caps each GD and each LSQR run. Sizes up to
     * {@value #REPEAT_UP_TO} are timed {@value #REPEATS} times and the fastest run kept: single
     * sub-millisecond timings are mostly JIT and cache noise.
     */
    public static Row run(int d, double tolerance, long seed, double timeLimitSeconds) {
        DenseProblem p = generate(2 * d, d, seed);
        int repeats = d <= REPEAT_UP_TO ? REPEATS : 1;
        double closedTime = Double.POSITIVE_INFINITY;
        double gdTime = Double.POSITIVE_INFINITY;
        double lsqrTime = Double.POSITIVE_INFINITY;
        double[] closed = null;
        IterativeResult gd = null;
        IterativeResult lsqr = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            closed = DenseNormalEquation.solve(p);
            long t1 = System.nanoTime();
            gd = GradientDescent.fit(p, new GradientDescent.Options(false, Double.NaN, tolerance, 100_000,
                    timeLimitSeconds));
            long t2 = System.nanoTime();
            lsqr = Lsqr.fit(p, new Lsqr.Options(false, tolerance, 100_000, timeLimitSeconds));
            long t3 = System.nanoTime();
            closedTime = Math.min(closedTime, (t1 - t0) * 1e-9);
            gdTime = Math.min(gdTime, (t2 - t1) * 1e-9);
            lsqrTime = Math.min(lsqrTime, (t3 - t2) * 1e-9);
        }
        return new Row(d, p.rows(), closedTime, gdTime, gd.iterations(),
                Comparison.relativeDifference(gd.coefficients(), closed), gd.status(), gd.optimality(), lsqrTime,
                lsqr.iterations(), Comparison.relativeDifference(lsqr.coefficients(), closed), lsqr.status(),
                lsqr.optimality());
    }

    /** n rows: a bias column and d − 1 standard normal features; y = Xw* + 0.1·noise, w* uniform in [−1, 1]. */
    public static DenseProblem generate(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] wStar = new double[d];
        for (int j = 0; j < d; j++) {
            wStar[j] = rnd.nextDouble(-1, 1);
        }
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            double s = wStar[0];
            for (int j = 1; j < d; j++) {
                x[i][j] = gaussian(rnd);
                s += wStar[j] * x[i][j];
            }
            y[i] = s + 0.1 * gaussian(rnd);
        }
        List<String> names = new ArrayList<>(d);
        names.add(new org.gramian.design.Term.Intercept().name());
        for (int j = 1; j < d; j++) {
            names.add("x" + j);
        }
        return new DenseProblem(x, y, names, true);
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller (SplittableRandom has no nextGaussian before Java 17's RandomGenerator defaults)
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
