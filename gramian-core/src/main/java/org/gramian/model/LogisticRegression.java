package org.gramian.model;

import java.util.ArrayList;
import java.util.List;
import org.gramian.data.RowSource;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.numeric.DD;
import org.gramian.solve.LeastSquaresSolution;
import org.gramian.solve.LeastSquaresSolver;
import org.gramian.solve.SolverKind;
import org.gramian.stats.Distributions;

/**
 * Logistic regression by Newton's method as iteratively reweighted least squares (IRLS), as R's
 * {@code glm(family = binomial)} fits it. The log-likelihood ℓ(w) = Σ yᵢηᵢ − log(1 + e^{ηᵢ}),
 * ηᵢ = xᵢᵀw, has gradient Xᵀ(y − μ) and Hessian −XᵀWX, W = diag μᵢ(1 − μᵢ); the Newton step δ
 * solves XᵀWX δ = Xᵀ(y − μ) = XᵀW r with rᵢ = (yᵢ − μᵢ)/(μᵢ(1 − μᵢ)) — a weighted normal equation,
 * solved by the core's streaming weighted least squares ({@link IrlsWorkingSource} adds r and W to
 * each row). w + δ is the weighted least-squares fit of the working response z = η + r.
 *
 * <p>Each iteration is <b>one streaming pass</b> over the data (O(p²) memory: the data are never
 * held) that also measures the deviance at the current w. Start: w = 0 (μ = ½). Convergence is R's
 * rule, |D − D_old|/(|D| + 0.1) &lt; ε (default 1e-8), followed by <b>one more Newton step</b>: the
 * rule bounds the change of the deviance, not the error of w (on 10⁶ rows R's rule stopped with w
 * 2e-11 from the MLE), and a Newton step squares that error, so the reported w is the MLE to the
 * last digits. At most {@code maxIterations} (default 25) steps. The reported w is the last iterate
 * whose deviance was measured, and its covariance (XᵀWX)⁻¹ comes from the same pass, so w, D and
 * the standard errors all belong to one point. (R's covariance is that of the weights one step
 * earlier; the difference is of the order of the last step.) The iteration count is therefore
 * usually R's plus one (R starts from μ = (y + ½)/2 instead of w = 0, so it can differ either way).
 *
 * <p><b>Prior weights</b> ({@code spec.weights()}, R's {@code glm(weights =)}): row i's log-likelihood
 * counts wᵢ times, so whole-number weights are repeated rows; a zero weight drops the row (not
 * counted in n or the degrees of freedom). With a weight that is not a whole number the binomial
 * likelihood is not defined: AIC and the log-likelihood are then NaN (R rounds and warns).
 *
 * <p><b>Separation.</b> When a direction d puts every row with y = 1 at xᵢᵀd ≥ 0 and every row with
 * y = 0 at xᵢᵀd ≤ 0 (some strictly), the likelihood increases without bound along d: no MLE. IRLS
 * then keeps stepping along d (each step moves the separated ηᵢ by about one unit) while the
 * deviance settles. The last pass checks the previous step d against every row: if it still moves
 * some ηᵢ by more than {@value #SEPARATION_STEP} and every row has the sign its y asks for (within
 * 1e-6 of the largest |xᵢᵀd|), the data are separated — completely when every row is strictly on its side — and
 * the coefficients with a non-negligible share of d (|dⱼ|·max|xⱼ| ≥ 1e-4 of the largest) diverge.
 * This is a certificate, not a heuristic: it is checked on the data.
 */
public final class LogisticRegression {
    /** R's glm.control(epsilon). */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** R's glm.control(maxit). */
    public static final int DEFAULT_MAX_ITERATIONS = 25;
    /** A last step that still moves some linear predictor by more than this did not settle. */
    static final double SEPARATION_STEP = 0.1;
    /** Share of the separating direction below which a coefficient counts as settled. */
    static final double DIVERGING_SHARE = 1e-4;

    private final SolverKind solver;
    private final double epsilon;
    private final int maxIterations;
    private final int traceRows;

    /** Householder QR in double-double for each step, R's tolerance and iteration limit. */
    public LogisticRegression() {
        this(SolverKind.QR, DEFAULT_EPSILON, DEFAULT_MAX_ITERATIONS, 0);
    }

    /**
     * @param solver        the least-squares method of each step: {@link SolverKind#QR} (double-double
     *                      Householder; {@code AUTO} means this) or {@link SolverKind#CHOLESKY}
     * @param epsilon       the convergence tolerance on the relative change of the deviance
     * @param maxIterations the most IRLS steps
     * @param traceRows     for explain: record this many first rows and XᵀWX at each iteration (0: none)
     */
    public LogisticRegression(SolverKind solver, double epsilon, int maxIterations, int traceRows) {
        if (solver == SolverKind.AUTO) {
            solver = SolverKind.QR;
        }
        if (solver != SolverKind.QR && solver != SolverKind.CHOLESKY) {
            throw new IllegalArgumentException("logistic regression steps use qr or cholesky, not " + solver);
        }
        if (!(epsilon > 0) || maxIterations < 1 || traceRows < 0) {
            throw new IllegalArgumentException("need epsilon > 0, maxIterations ≥ 1, traceRows ≥ 0");
        }
        this.solver = solver;
        this.epsilon = epsilon;
        this.maxIterations = maxIterations;
        this.traceRows = traceRows;
    }

    /**
     * Fits P(y = 1) = 1/(1 + e^{−xᵀw}) to {@code data}; {@code spec.target()} must hold 0 or 1.
     *
     * @throws org.gramian.GramianException for bad data (a y other than 0 or 1 names its row and column)
     */
    public LogisticModel fit(RowSource data, ModelSpec spec) {
        Design.requireNumbers(spec, data, true);   // a text y read as level indices 0/1 would fit silently
        Design design = Design.bind(spec, data.columns());
        int p = design.width();
        IrlsWorkingSource work = new IrlsWorkingSource(data, spec, traceRows);
        Design workDesign = Design.bind(IrlsWorkingSource.workingSpec(spec), work.columns());
        LeastSquaresSolver ls = LeastSquaresSolver.of(solver);

        double[] w = new double[p];
        double[] lastStep = null;
        boolean[] aliased = null;
        List<LogisticModel.Iteration> history = new ArrayList<>();
        double previous = Double.NaN;
        double criterion = Double.NaN;
        boolean converged = false;
        boolean settled = false;
        int iterations = 0;
        double nullDeviance = Double.NaN;
        LeastSquaresSolution solution;
        double[] step;
        while (true) {
            work.at(w, lastStep);
            solution = ls.solve(work, workDesign).solution();   // one pass: measures at w, solves the step
            double dev = work.deviance().doubleValue();
            if (iterations == 0) {
                nullDeviance = nullDeviance(work.weightTotal(), work.weightOnes(), spec.intercept(), dev);
                aliased = solution.aliased().clone();
            } else {
                criterion = Math.abs(dev - previous) / (Math.abs(dev) + 0.1);
            }
            step = new double[p];
            for (int j = 0; j < p; j++) {
                // a column aliased at the first step stays out; one that loses its support later
                // (weights underflowing under separation) takes no step
                step[j] = aliased[j] ? Double.NaN
                        : solution.aliased()[j] ? 0.0 : solution.coefficients()[j].doubleValue();
            }
            history.add(new LogisticModel.Iteration(iterations, w.clone(), dev, criterion, step.clone(),
                    work.tracedRows(), work.xtwx()));
            if (iterations > 0 && criterion < epsilon) {
                if (settled || iterations == maxIterations) {
                    converged = true;
                    break;
                }
                // R would stop here; one more Newton step (quadratic: it squares the error) makes w
                // the MLE to the last digits, and this pass's deviance and (XᵀWX)⁻¹ those of that w
                // (within the iteration limit: met at the last allowed step, R's rule alone decides)
                settled = true;
            }
            if (iterations == maxIterations) {
                break;
            }
            for (int j = 0; j < p; j++) {
                w[j] = aliased[j] ? Double.NaN : w[j] + step[j];
            }
            lastStep = step;
            previous = dev;
            iterations++;
        }
        LogisticModel.Separation separation = separation(work, lastStep, spec.coefficientNames());
        return model(spec, w, aliased, solution, work, separation, nullDeviance, criterion, converged, iterations,
                history);
    }

    private LogisticModel model(ModelSpec spec, double[] w, boolean[] aliased, LeastSquaresSolution sol,
                                IrlsWorkingSource work, LogisticModel.Separation separation, double nullDeviance,
                                double criterion, boolean converged, int iterations,
                                List<LogisticModel.Iteration> history) {
        int p = w.length;
        List<String> names = spec.coefficientNames();
        long n = work.observations();
        int rank = 0;
        boolean[] out = new boolean[p];
        // complete separation: every weight μ(1 − μ) tends to 0, so (XᵀWX)⁻¹ grows without bound in
        // every direction and no standard error is finite
        boolean noSe = separation.kind() == LogisticModel.SeparationKind.COMPLETE;
        for (int j = 0; j < p; j++) {
            out[j] = aliased[j] || sol.aliased()[j] || separation.diverging().contains(names.get(j));
            if (!aliased[j]) {
                rank++;
            }
        }
        double[][] cov = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                // (XᵀWX)⁻¹ᵢⱼ = dᵢ·dⱼ·(scaled inverse)ᵢⱼ, dⱼ the exact power-of-two column scales
                cov[a][b] = out[a] || out[b] || noSe ? Double.NaN
                        : org.gramian.accumulate.Equilibration.unscale(sol.inverse(a, b).doubleValue(),
                                Math.getExponent(sol.columnScale()[a]) + Math.getExponent(sol.columnScale()[b]));
            }
        }
        List<LogisticModel.Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            String name = names.get(j);
            if (aliased[j]) {
                coefs.add(new LogisticModel.Coefficient(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        true, false, 0));
            } else if (out[j]) {
                coefs.add(new LogisticModel.Coefficient(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        false, true, (int) Math.signum(w[j])));
            } else if (noSe) {
                coefs.add(new LogisticModel.Coefficient(name, w[j], Double.NaN, Double.NaN, Double.NaN, false, false,
                        0));
            } else {
                double se = Math.sqrt(cov[j][j]);
                double z = w[j] / se;
                coefs.add(new LogisticModel.Coefficient(name, w[j], se, z, Distributions.normalTwoSided(z),
                        false, false, 0));
            }
        }
        long nullDf = spec.intercept() ? n - 1 : n;
        double dev = history.get(history.size() - 1).deviance();
        return new LogisticModel(spec, coefs, cov, dev, nullDeviance, nullDf, n - rank, n, rank, iterations,
                criterion, converged, work.fittedZeroOrOne(), separation, solver, history, work.droppedRows(),
                work.integerWeights());
    }

    /**
     * The certificate of separation on the last pass: the previous step d still moved some ηᵢ by more
     * than {@value #SEPARATION_STEP} and no row has xᵢᵀd of the wrong sign for its y.
     */
    private static LogisticModel.Separation separation(IrlsWorkingSource work, double[] d, List<String> names) {
        double tol = IrlsWorkingSource.SIGN_TOL * work.maxStep();
        if (d == null || work.maxStep() <= SEPARATION_STEP || work.minSigned() < -tol) {
            return LogisticModel.Separation.NONE;
        }
        double[] m = work.columnMax();
        double largest = 0;
        for (int j = 0; j < d.length; j++) {
            if (!Double.isNaN(d[j])) {
                largest = Math.max(largest, Math.abs(d[j]) * m[j]);
            }
        }
        List<String> diverging = new ArrayList<>();
        for (int j = 0; j < d.length; j++) {
            if (!Double.isNaN(d[j]) && Math.abs(d[j]) * m[j] >= DIVERGING_SHARE * largest) {
                diverging.add(names.get(j));
            }
        }
        LogisticModel.SeparationKind kind = work.minSigned() > tol
                ? LogisticModel.SeparationKind.COMPLETE : LogisticModel.SeparationKind.QUASI_COMPLETE;
        return new LogisticModel.Separation(kind, diverging);
    }

    /**
     * The deviance of the null model: with an intercept μ = ȳ = k/n for all rows (n = Σ prior weights,
     * k = those of the rows with y = 1), −2[k ln ȳ + (n − k) ln(1 − ȳ)] (0·ln 0 = 0); without, μ = ½,
     * the deviance at w = 0.
     */
    static double nullDeviance(DD n, DD k, boolean intercept, double devianceAtZero) {
        if (!intercept) {
            return devianceAtZero;
        }
        DD rest = n.subtract(k);
        double ybar = k.divide(n).doubleValue();
        DD s = DD.ZERO;
        if (k.signum() > 0) {
            s = s.add(k.multiply(Math.log(ybar)));
        }
        if (rest.signum() > 0) {
            s = s.add(rest.multiply(Math.log(rest.divide(n).doubleValue())));
        }
        return s.multiply(-2.0).doubleValue();
    }
}
