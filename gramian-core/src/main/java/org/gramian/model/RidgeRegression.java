package org.gramian.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gramian.GramianException;
import org.gramian.accumulate.Accumulation;
import org.gramian.accumulate.Equilibration;
import org.gramian.accumulate.HouseholderAccumulator;
import org.gramian.data.RowSource;
import org.gramian.design.Design;
import org.gramian.design.InsufficientDataException;
import org.gramian.design.ModelSpec;
import org.gramian.numeric.DD;
import org.gramian.solve.GcvPoint;
import org.gramian.solve.RidgeProblem;
import org.gramian.solve.RidgeSolution;
import org.gramian.solve.RidgeSpectrum;
import org.gramian.solve.SolverKind;
import org.gramian.solve.TriangularFactor;
import org.gramian.stats.Anova;
import org.gramian.stats.Coefficient;
import org.gramian.stats.Conditioning;
import org.gramian.stats.FitStatistics;

/**
 * Ridge regression: w minimizes ‖y − Xw‖² + λ·Σⱼ wⱼ² over the coefficients of the columns <em>as
 * given</em> (no standardization: λ acts on the units of each column, so rescale columns yourself
 * when their units differ), with the intercept, when there is one, not penalized. That is, X and y
 * are centred first and w₀ = ȳ − x̄ᵀw, exactly as glmnet with {@code standardize = FALSE} and
 * scikit-learn's {@code Ridge(fit_intercept=True)} define it; (XᵀX + λI)w = Xᵀy without an
 * intercept. With weights, Σ vᵢ(yᵢ − xᵢᵀw)² + λ‖w‖² with weighted centring.
 *
 * <p>One streaming pass: the double-double Householder QR of [X y] ({@link Accumulation}); the
 * centred factor is then stacked on √λ·I and triangularized again in double-double
 * ({@link RidgeProblem}), so the coefficients carry the digits of the OLS path. λ is either given or
 * chosen by generalized cross-validation ({@link GcvSearch}) in closed form from the SVD of the
 * factor ({@link RidgeSpectrum}).
 *
 * <p>Statistics: the estimates; tr H(λ) = 1 + Σ d²/(d² + λ) (d the singular values of the centred
 * X; the unpenalized intercept counts 1); RSS; σ̂² = RSS/(n − tr H), the residual variance on the
 * effective residual degrees of freedom n − tr H (Hastie, Tibshirani and Friedman, ESL §7.6; other
 * texts use n − tr(2H − HHᵀ)); GCV = n·RSS/(n − tr H)²; R² = 1 − RSS/TSS. Standard errors, t, p,
 * confidence intervals, ANOVA, F and the log-likelihood are NaN: the ridge estimator is biased, so
 * the t and F theory of least squares does not hold for it.
 */
public final class RidgeRegression implements Estimator {
    private final double lambda;   // NaN: choose by GCV

    private RidgeRegression(double lambda) {
        this.lambda = lambda;
    }

    /** Ridge with a given penalty λ ≥ 0 (λ = 0 is least squares, for a full-rank X). */
    public static RidgeRegression withPenalty(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("the ridge penalty λ must be a finite number ≥ 0, got " + lambda);
        }
        return new RidgeRegression(lambda);
    }

    /** Ridge with λ chosen by generalized cross-validation. */
    public static RidgeRegression byGcv() {
        return new RidgeRegression(Double.NaN);
    }

    @Override
    public FittedModel fit(RowSource data, ModelSpec spec) {
        Design design = Design.bind(spec, data.columns());
        HouseholderAccumulator qr = Accumulation.equilibratedHouseholder(data, design);
        FittedModel m = fit(spec, new TriangularFactor(qr.factor(), qr.count(), null, TriangularFactor.DD_ROUNDOFF,
                false, qr.scale()));
        return data.droppedRows() == 0 ? m : m.withDroppedRows(data.droppedRows());
    }

    /** The ridge fit from the factor of [X y] of {@code spec}'s design (for callers that already have it). */
    public FittedModel fit(ModelSpec spec, TriangularFactor factor) {
        int p = spec.width();
        long n = factor.observations();
        int offset = spec.intercept() ? 1 : 0;
        if (p - offset == 0) {
            throw new GramianException("ridge regression needs at least one feature column to penalize");
        }
        if (n <= offset) {
            throw new InsufficientDataException(n, offset + 1);
        }
        RidgeProblem problem = RidgeProblem.of(factor, spec.intercept());
        RidgeSpectrum spectrum = problem.spectrum();
        GcvCurve curve = null;
        double lam = lambda;
        if (Double.isNaN(lam)) {
            curve = GcvSearch.search(spectrum);
            lam = curve.chosen().lambda();
            if (Double.isNaN(lam)) {
                // the singular values of data of magnitude 1e±200 square to 1e±400
                throw new GramianException("ridge: the GCV-optimal λ is outside the range of double precision"
                        + " (λ is on the scale of the sums of squares of the columns, about 1e±400 for data of"
                        + " magnitude 1e±200); rescale the columns and fit again");
            }
        }
        double mu = spectrum.mu(lam);
        RidgeSolution sol = problem.solve(lam);

        double df = spectrum.df(mu);
        double rss = Equilibration.unscale(sol.scaledRss().doubleValue(), sol.rssExponent());
        double resid = n - df;
        double sigma2 = resid > 0
                ? Equilibration.unscale(sol.scaledRss().divide(resid).doubleValue(), sol.rssExponent()) : Double.NaN;
        double gcv = resid > 0 ? Equilibration.unscale(sol.scaledRss().multiply((double) n)
                .divide(DD.of(resid).square()).doubleValue(), sol.rssExponent()) : Double.NaN;
        double r2 = sol.scaledTss().signum() > 0
                ? 1.0 - sol.scaledRss().divide(sol.scaledTss()).doubleValue() : Double.NaN;
        double kappa = spectrum.penalizedConditionNumber(mu);
        if (curve != null) {
            // the chosen point as refitted (RSS of the stacked solve, which the closed form agrees with)
            curve = new GcvCurve(curve.grid(), new GcvPoint(lam, df, rss, gcv), curve.note());
        }
        RidgeSummary ridge = new RidgeSummary(lam, curve, df, rss, sigma2, gcv, kappa);

        List<String> names = spec.coefficientNames();
        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefs.add(new Coefficient(names.get(j), sol.coefficients()[j].doubleValue(), Double.NaN, Double.NaN,
                    Double.NaN, false));
        }
        FitStatistics stats = new FitStatistics(n, p, p, Math.sqrt(sigma2), r2, Double.NaN, spec.intercept());
        Anova anova = new Anova(Double.NaN, 0, rss, 0, Double.NaN, sigma2, Double.NaN, Double.NaN);
        // error bound of the stacked QR in double-double, first order, as for the OLS path
        double digits = Double.isFinite(kappa)
                ? Math.max(0.0, Math.min(15.95, -Math.log10(TriangularFactor.DD_ROUNDOFF * kappa + 0x1p-53))) : 0.0;
        Conditioning cond = new Conditioning(kappa, kappa, digits, List.of(), "");
        double[][] cov = new double[p][p];
        for (double[] row : cov) {
            Arrays.fill(row, Double.NaN);
        }
        String note = "ridge: Householder QR of [X y] in double-double; the "
                + (spec.intercept() ? "centred " : "") + "factor stacked on √λ·I and triangularized again";
        return new FittedModel(spec, coefs, stats, anova, cond, SolverKind.QR, note, cov, sigma2, 0, 0, null, ridge);
    }
}
