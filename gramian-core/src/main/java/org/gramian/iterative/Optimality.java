package org.gramian.iterative;

import java.util.Locale;

/**
 * The optimality test that decides {@link IterativeStatus#CONVERGED} for every iterative method,
 * recomputed from the returned coefficients, independently of the method's own stopping rule.
 *
 * <p>w minimizes ‖Xw − y‖ exactly when the residual r = y − Xw is orthogonal to the columns of X,
 * Xᵀr = 0 (the normal equation). Scale-free, that is the ratio
 * <pre>
 *     ‖Xᵀr‖₂ / (‖X‖_F · ‖r‖₂)  ≤  tolerance
 * </pre>
 * which LSQR's test S2 estimates (Paige &amp; Saunders 1982, with atol): it is 0 at the solution, at
 * most 1 for any w, and does not change when X or y is scaled. ‖X‖ is the <b>Frobenius</b> norm,
 * computed exactly in one pass (LSQR's ‖X‖ is a running estimate of it); since
 * ‖X‖₂ ≤ ‖X‖_F ≤ √p·‖X‖₂, the ratio is up to √p smaller than with the 2-norm.
 *
 * <p>An exact fit passes too: r = 0, or, in floating point, ‖r‖ ≤ tolerance·‖y‖ (the data are fitted
 * to the tolerance, so J(w) ≤ tolerance²·J(0)). The ratio alone cannot see it: on a consistent
 * system (y = Xw* exactly) r = X(w* − w) lies in the range of X, and the ratio of an approximate w
 * stays of the order of σmin/‖X‖_F however small r gets. With X = 0 every w is a minimizer and the
 * ratio is 0.
 *
 * <p>What it does not promise: the ratio is a backward error, so a w that passes can still be far
 * from the solution when X is ill-conditioned. An error e along the weakest singular direction
 * gives a ratio of at most about σmin/‖X‖_F ≈ 1/κ(X), so a tolerance above 1/κ(X) cannot tell such a
 * w from the solution (Longley: κ(X) ≈ 5·10⁹). And everything is computed in double precision from
 * the w given: the rounding of w and of r = y − Xw leave a floor of the order of
 * ε·Σ|xᵢⱼwⱼ|/‖r‖ (about 1e-16 to 1e-12), below which no tolerance can be met.
 */
public final class Optimality {
    private Optimality() {
    }

    /**
     * The test's parts at one w.
     *
     * @param xtrNorm      ‖Xᵀr‖₂, r = y − Xw
     * @param xNorm        ‖X‖_F
     * @param residualNorm ‖r‖₂
     * @param yNorm        ‖y‖₂
     */
    public record Check(double xtrNorm, double xNorm, double residualNorm, double yNorm) {
        /** ‖Xᵀr‖ / (‖X‖_F‖r‖); 0 when r = 0 or X = 0; NaN when w or the data are not finite. */
        public double ratio() {
            if (Double.isNaN(xtrNorm) || Double.isNaN(xNorm) || Double.isNaN(residualNorm)) {
                return Double.NaN;
            }
            if (residualNorm == 0 || xNorm == 0) {
                return 0.0;
            }
            double q = xtrNorm / xNorm / residualNorm;
            return Double.isFinite(q) ? q : Double.NaN;
        }

        /** ‖r‖ ≤ tolerance·‖y‖: an exact fit to the tolerance (r = 0 included). */
        public boolean exactFit(double tolerance) {
            return residualNorm <= tolerance * yNorm;
        }

        /** Optimal to the tolerance: ratio ≤ tolerance, or an exact fit. False when anything is NaN. */
        public boolean holds(double tolerance) {
            return ratio() <= tolerance || exactFit(tolerance);
        }

        /**
         * "‖Xᵀr‖/(‖X‖_F‖r‖) = 3.1e-16 ≤ tolerance 1e-10", "… = 0.0042 &gt; tolerance 1e-10", or for an
         * exact fit "‖r‖/‖y‖ = 2e-15 ≤ tolerance 1e-10 (an exact fit; ‖Xᵀr‖/(‖X‖_F‖r‖) = 0.52)".
         */
        public String describe(double tolerance) {
            double q = ratio();
            if (!(q <= tolerance) && exactFit(tolerance)) {
                return String.format(Locale.ROOT, "‖r‖/‖y‖ = %.3g ≤ tolerance %.3g (an exact fit;"
                        + " ‖Xᵀr‖/(‖X‖_F‖r‖) = %.3g)", residualNorm / yNorm, tolerance, q);
            }
            return String.format(Locale.ROOT, "‖Xᵀr‖/(‖X‖_F‖r‖) = %.3g %s tolerance %.3g", q,
                    q <= tolerance ? "≤" : Double.isNaN(q) ? "vs" : ">", tolerance);
        }
    }

    /** ‖Xᵀr‖, ‖X‖_F, ‖r‖ and ‖y‖ at w, in the problem's own coordinates. */
    public static Check at(DenseProblem problem, double[] w) {
        double[] r = new double[problem.rows()];
        double[][] x = problem.x();
        double[] y = problem.y();
        for (int i = 0; i < r.length; i++) {
            r[i] = y[i] - Vectors.dot(x[i], w);
        }
        return new Check(Vectors.norm(problem.transposeTimes(r)), frobeniusNorm(problem), Vectors.norm(r),
                Vectors.norm(y));
    }

    /** ‖Xᵀr‖ / (‖X‖_F‖r‖) at w, r = y − Xw (see the class comment). */
    public static double ratio(DenseProblem problem, double[] w) {
        return at(problem, w).ratio();
    }

    /** ‖X‖_F = √(Σ xᵢⱼ²), scaled so that it neither overflows nor underflows for finite X. */
    public static double frobeniusNorm(DenseProblem problem) {
        double scale = 0;
        for (double[] row : problem.x()) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double[] row : problem.x()) {
            for (double v : row) {
                double u = v / scale;
                s += u * u;
            }
        }
        return scale * Math.sqrt(s);
    }

    /**
     * The final status: {@link IterativeStatus#CONVERGED} when the check holds at the tolerance,
     * otherwise {@code stop}, the stop the method hit.
     */
    static IterativeStatus classify(Check check, double tolerance, IterativeStatus stop) {
        return check.holds(tolerance) ? IterativeStatus.CONVERGED : stop;
    }

    /**
     * The same test inside the loop of a method that iterates on standardized columns Z
     * ({@link Standardization}; the identity for unstandardized runs), in O(p): r is the same in both
     * coordinates, and with xⱼ = σⱼzⱼ + μⱼ·1 (z₀ = 1 the bias column) Xᵀr follows from Zᵀr as
     * (Xᵀr)ⱼ = σⱼ(Zᵀr)ⱼ + μⱼ(Zᵀr)₀. ‖X‖_F and ‖y‖ are computed once.
     */
    static final class InLoop {
        private final double[] mean;
        private final double[] scale;
        private final boolean intercept;
        private final double xNorm;
        private final double yNorm;
        private final double tolerance;

        InLoop(DenseProblem original, Standardization std, double tolerance) {
            this.mean = std.mean();
            this.scale = std.scale();
            this.intercept = std.intercept();
            this.xNorm = frobeniusNorm(original);
            this.yNorm = Vectors.norm(original.y());
            this.tolerance = tolerance;
        }

        /**
         * The check for the iterate with Zᵀr = factor·{@code ztr} (either sign of r) and
         * ‖r‖ = {@code residualNorm}; a gradient (1/m)Zᵀ(Zv − y) with factor m, say.
         */
        Check check(double[] ztr, double factor, double residualNorm) {
            double[] xtr = new double[ztr.length];
            double bias = intercept ? ztr[0] : 0.0;
            for (int j = 0; j < ztr.length; j++) {
                xtr[j] = factor * (scale[j] * ztr[j] + mean[j] * bias);
            }
            return new Check(Vectors.norm(xtr), xNorm, residualNorm, yNorm);
        }

        /** Whether {@link #check} holds at the tolerance. */
        boolean holds(double[] ztr, double factor, double residualNorm) {
            return check(ztr, factor, residualNorm).holds(tolerance);
        }
    }
}
