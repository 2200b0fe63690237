package org.gramian.model;

import java.util.List;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.solve.SolverKind;
import org.gramian.stats.Distributions;

/**
 * A fitted logistic regression, P(y = 1 | x) = μ = 1/(1 + e^{−xᵀw}), with the statistics of R's
 * {@code glm(family = binomial)}: coefficients with standard errors from the Fisher information,
 * Cov(w) = (XᵀWX)⁻¹ at the reported w (W = diag μᵢ(1 − μᵢ)), Wald z = w/SE and two-sided normal
 * p-values, the deviance D = −2 log L and the null deviance (the intercept-only model, or μ = ½
 * without an intercept), AIC = D + 2·rank, the IRLS iterations and the last convergence criterion.
 * Immutable.
 *
 * <p>When the data are separated (the MLE does not exist: some coefficients grow without bound)
 * {@link #separation()} says so and names them; their estimate, SE, z, p and interval are NaN (shown
 * as NA) instead of the huge number the last iteration happened to reach.
 *
 * @param spec            what was fitted (the target holds 0/1)
 * @param coefficients    one per design column, in order
 * @param covariance      (XᵀWX)⁻¹ at w (NaN rows and columns for aliased or diverging coefficients)
 * @param deviance        D = −2 log L(w)
 * @param nullDeviance    the deviance of the intercept-only model (μ = ȳ), or of μ = ½ without an intercept
 * @param nullDf          n − 1 with an intercept, n without
 * @param residualDf      n − rank
 * @param observations    n
 * @param rank            the number of estimable coefficients
 * @param iterations      IRLS steps taken (updates of w; the first from w = 0)
 * @param criterion       |D − D_old|/(|D| + 0.1) at the last iteration (R's glm.control)
 * @param converged       whether the criterion fell below the tolerance within the iteration limit
 * @param fittedZeroOrOne rows whose fitted probability is within 10ε of 0 or 1 (R's warning)
 * @param separation      the separation found, if any
 * @param solver          the least-squares method of each step
 * @param history         each iteration's w, deviance and criterion (and, for explain, more)
 * @param droppedRows     observations left out because a column the model uses held a missing value
 *                        (R's {@code na.omit}; {@link org.gramian.data.RowSource#droppedRows()}), not in n
 * @param integerWeights  whether every prior weight is a whole number (always without weights): else the
 *                        binomial likelihood, so AIC and the log-likelihood, are not defined
 */
public record LogisticModel(ModelSpec spec, List<Coefficient> coefficients, double[][] covariance, double deviance,
                            double nullDeviance, long nullDf, long residualDf, long observations, int rank,
                            int iterations, double criterion, boolean converged, long fittedZeroOrOne,
                            Separation separation, SolverKind solver, List<Iteration> history, long droppedRows,
                            boolean integerWeights) {

    public LogisticModel {
        coefficients = List.copyOf(coefficients);
        history = List.copyOf(history);
    }

    /**
     * One coefficient.
     *
     * @param estimate  wⱼ (NaN when aliased or diverging)
     * @param direction for a diverging coefficient, the sign of its growth (+1 or −1); else 0
     */
    public record Coefficient(String name, double estimate, double standardError, double zValue, double pValue,
                              boolean aliased, boolean diverges, int direction) {
    }

    /** Complete separation: a direction puts every row strictly on its side; quasi-complete: some on the boundary. */
    public enum SeparationKind { NONE, QUASI_COMPLETE, COMPLETE }

    /**
     * The separation found, if any.
     *
     * @param kind      none, quasi-complete or complete
     * @param diverging the names of the coefficients that grow without bound
     */
    public record Separation(SeparationKind kind, List<String> diverging) {
        public Separation {
            diverging = List.copyOf(diverging);
        }

        public static final Separation NONE = new Separation(SeparationKind.NONE, List.of());

        public boolean found() {
            return kind != SeparationKind.NONE;
        }
    }

    /** One observation within an IRLS step, as explain shows it: x, y, η, μ, weight μ(1−μ) and z = η + (y−μ)/weight. */
    public record IrlsRow(double[] x, int y, double eta, double mu, double weight, double workingResponse) {
    }

    /**
     * One IRLS iteration: the coefficients it started from, their deviance and the criterion, the step
     * δ it computed (w_next = w + δ), and for explain the first rows and XᵀWX at w (else empty and null).
     */
    public record Iteration(int iteration, double[] coefficients, double deviance, double criterion, double[] step,
                            List<IrlsRow> rows, double[][] xtwx) {
        public Iteration {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The log-likelihood, −D/2 (0/1 responses: the saturated model has likelihood 1); NaN with prior
     * weights that are not whole numbers (no binomial likelihood).
     */
    public double logLikelihood() {
        return integerWeights ? -deviance / 2 : Double.NaN;
    }

    /**
     * Akaike's information criterion, D + 2·rank (R's AIC for a binomial glm with 0/1 responses and
     * whole-number weights); NaN with prior weights that are not whole numbers.
     */
    public double aic() {
        return integerWeights ? deviance + 2.0 * rank : Double.NaN;
    }

    /** The coefficient estimates in design-column order (NaN when aliased or diverging). */
    public double[] estimates() {
        return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
    }

    /** The design whose coefficients these are. */
    public Design design() {
        return Design.of(spec);
    }

    /**
     * The (level·100)% Wald interval of every coefficient, w ± q·SE with q the two-sided normal
     * critical value (R's {@code confint.default}); NaN for aliased or diverging coefficients.
     */
    public List<FittedModel.Interval> confidenceIntervals(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double q = Distributions.normalCritical(1 - level);
        return coefficients.stream()
                .map(c -> new FittedModel.Interval(c.estimate() - q * c.standardError(),
                        c.estimate() + q * c.standardError()))
                .toList();
    }

    /** The warnings a user must see, in words (empty when none). */
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>();
        if (separation.found()) {
            out.add((separation.kind() == SeparationKind.COMPLETE ? "complete" : "quasi-complete")
                    + " separation: the maximum-likelihood estimate does not exist; "
                    + String.join(", ", separation.diverging())
                    + (separation.diverging().size() == 1 ? " diverges" : " diverge")
                    + " (shown as NA); "
                    + (separation.kind() == SeparationKind.COMPLETE
                            ? "every fitted probability tends to 0 or 1, so no standard error is finite (NA)"
                            : "the other coefficients, their standard errors and the deviance are the limits as those"
                                    + " grow"));
        }
        if (!converged) {
            out.add("IRLS did not converge in " + iterations + " iterations (criterion "
                    + org.gramian.report.Numbers.g4(criterion) + ")");
        }
        if (!integerWeights) {
            out.add("prior weights that are not whole numbers: the binomial likelihood is not defined, so AIC and"
                    + " the log-likelihood are NA");
        }
        if (fittedZeroOrOne > 0) {
            out.add("fitted probabilities numerically 0 or 1 occurred (" + fittedZeroOrOne
                    + (fittedZeroOrOne == 1 ? " row)" : " rows)"));
        }
        return out;
    }
}
