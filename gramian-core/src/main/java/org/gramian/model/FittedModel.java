package org.gramian.model;

import java.util.List;
import org.gramian.data.RowSource;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.numeric.DD;
import org.gramian.solve.LeastSquaresSolution;
import org.gramian.solve.SolverKind;
import org.gramian.solve.SolverResult;
import org.gramian.stats.Anova;
import org.gramian.stats.Coefficient;
import org.gramian.stats.Conditioning;
import org.gramian.stats.FitStatistics;
import org.gramian.stats.Inference;
import org.gramian.stats.Likelihood;

/**
 * A fitted least-squares model ŷ = Xw: the coefficients with their standard errors, t and
 * p-values, goodness of fit, ANOVA, an account of its numerical trustworthiness, and what
 * intervals and saved models need without a refit: the covariance of the coefficients, the
 * residual variance and its degrees of freedom. Immutable. Print it with
 * {@code org.gramian.report.TextSummary}; save it with {@code gramian-io}'s model JSON.
 *
 * @param spec             what was fitted
 * @param coefficients     one per design column, in order
 * @param statistics       n, residual SD, R², adjusted R²
 * @param anova            the analysis of variance
 * @param conditioning     condition numbers, expected correct digits, aliased columns, warning
 * @param solver           the method whose answer this is
 * @param solverNote       why that method was used (for {@code auto}) or what happened
 * @param covariance       Cov(w) = s²(XᵀX)⁻¹ (NaN for aliased coefficients)
 * @param residualVariance s²
 * @param residualDf       n − rank
 * @param droppedRows      observations of the data left out because a column the model uses held a
 *                         missing value (R's {@code na.omit}; {@link RowSource#droppedRows()}), not
 *                         counted in n
 * @param likelihood       the Gaussian log-likelihood, AIC and BIC (R's {@code logLik.lm}), or null where
 *                         not defined (ridge) or not known (a weighted fit built without Σ log w)
 * @param ridge            the penalty and the ridge statistics for a ridge fit, null otherwise; a ridge
 *                         model has no standard errors, t, p, intervals, ANOVA or covariance (NaN): the
 *                         estimates are biased, so the least-squares theory behind them does not apply
 */
public record FittedModel(ModelSpec spec, List<Coefficient> coefficients, FitStatistics statistics, Anova anova,
                          Conditioning conditioning, SolverKind solver, String solverNote, double[][] covariance,
                          double residualVariance, long residualDf, long droppedRows, Likelihood likelihood,
                          RidgeSummary ridge) {

    public FittedModel {
        coefficients = List.copyOf(coefficients);
        if (droppedRows < 0) {
            throw new IllegalArgumentException("droppedRows must be at least 0, got " + droppedRows);
        }
    }

    /** A least-squares model fitted to data without missing values (none dropped), without likelihood. */
    public FittedModel(ModelSpec spec, List<Coefficient> coefficients, FitStatistics statistics, Anova anova,
                       Conditioning conditioning, SolverKind solver, String solverNote, double[][] covariance,
                       double residualVariance, long residualDf) {
        this(spec, coefficients, statistics, anova, conditioning, solver, solverNote, covariance, residualVariance,
                residualDf, 0);
    }

    /** A least-squares model without likelihood or ridge parts. */
    public FittedModel(ModelSpec spec, List<Coefficient> coefficients, FitStatistics statistics, Anova anova,
                       Conditioning conditioning, SolverKind solver, String solverNote, double[][] covariance,
                       double residualVariance, long residualDf, long droppedRows) {
        this(spec, coefficients, statistics, anova, conditioning, solver, solverNote, covariance, residualVariance,
                residualDf, droppedRows, null, null);
    }

    /** This model, recording that {@code n} observations were left out for missing values. */
    public FittedModel withDroppedRows(long n) {
        return new FittedModel(spec, coefficients, statistics, anova, conditioning, solver, solverNote, covariance,
                residualVariance, residualDf, n, likelihood, ridge);
    }

    /**
     * The model of a solved problem: its inference ({@link Inference}) and the solver's record. For an
     * unweighted model the log-likelihood is included; a weighted one needs Σ log w
     * ({@link #of(ModelSpec, SolverResult, double)}).
     */
    public static FittedModel of(ModelSpec spec, SolverResult result) {
        return of(spec, result, spec.weights() == null ? DD.ZERO : null);
    }

    /**
     * As {@link #of(ModelSpec, SolverResult)}, with Σ log wᵢ over the rows of positive weight
     * ({@link DD#ZERO} without weights; null: unknown, no likelihood) for the log-likelihood.
     */
    public static FittedModel of(ModelSpec spec, SolverResult result, DD sumLogWeights) {
        Inference inf = Inference.of(spec, result.solution());
        Likelihood ll = null;
        LeastSquaresSolution sol = result.solution();
        if (sumLogWeights != null && sol.observations() > 0) {
            // RSS = scaledRss/c²: its log exists even where RSS itself leaves the double range
            ll = Likelihood.gaussian(sol.observations(), sol.rank(), sol.scaledRss(),
                    -2 * Math.getExponent(sol.responseScale()), sumLogWeights);
        }
        return new FittedModel(spec, inf.coefficients(), inf.statistics(), inf.anova(), inf.conditioning(),
                result.method(), result.reason(), inf.covariance(), inf.residualVariance(), inf.residualDf(), 0, ll,
                null);
    }

    /** Whether this is a ridge fit ({@link #ridge()} not null). */
    public boolean isRidge() {
        return ridge != null;
    }

    /** "ols", "wls" or "ridge": the kind of model, as the model file records it. */
    public String kind() {
        return ridge != null ? "ridge" : spec.weights() != null ? "wls" : "ols";
    }

    /**
     * A confidence interval for one coefficient: wⱼ ± q·SE(wⱼ) with q the two-sided critical value of
     * Student's t on the residual degrees of freedom ({@link org.gramian.stats.Distributions#studentCritical}).
     *
     * @param lower the lower bound (NaN for an aliased coefficient or without residual df)
     * @param upper the upper bound
     */
    public record Interval(double lower, double upper) {
    }

    /** The (level·100)% t-based confidence interval of every coefficient, in order (e.g. level 0.95). */
    public List<Interval> confidenceIntervals(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double q = org.gramian.stats.Distributions.studentCritical(1 - level, residualDf);
        return coefficients.stream()
                .map(c -> new Interval(c.estimate() - q * c.standardError(), c.estimate() + q * c.standardError()))
                .toList();
    }

    /** The design whose coefficients these are. */
    public Design design() {
        return Design.of(spec);
    }

    /** The coefficient estimates w, in design-column order (NaN for aliased columns left out). */
    public double[] estimates() {
        return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
    }

    /**
     * Prediction ŷ = xᵀw for one observation, given the values of {@code spec().features()} in
     * that order (the design row, powers and intercept, is formed by {@link Design}, in
     * double-double; an aliased coefficient, left out of the fit, counts as 0 as in R's
     * {@code predict.lm}).
     */
    public double predict(double... featureValues) {
        return design().predict(estimates(), featureValues);
    }
}
