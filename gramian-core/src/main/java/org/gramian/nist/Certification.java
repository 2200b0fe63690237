package org.gramian.nist;

import org.gramian.Gramian;
import org.gramian.solve.SolverKind;
import org.gramian.stats.Coefficient;
import org.gramian.model.FittedModel;
import org.gramian.data.NistDataset;

/**
 * The result of fitting a {@link NistDataset} and comparing with its certified values: the worst
 * LRE over the estimates, over their standard errors, and the LREs of the residual SD and R².
 *
 * @param dataset        the dataset name
 * @param solver         the solver requested
 * @param estimates      min LRE of the coefficient estimates
 * @param standardErrors min LRE of the standard errors
 * @param residualSd     LRE of the residual standard deviation
 * @param rSquared       LRE of R²
 * @param model          the fitted model
 */
public record Certification(String dataset, SolverKind solver, double estimates, double standardErrors,
                            double residualSd, double rSquared, FittedModel model) {

    /** Default threshold for estimates (issue: LRE ≥ 13). */
    public static final double ESTIMATE_THRESHOLD = 13.0;
    /** Default threshold for standard errors, residual SD and R² (LRE ≥ 12). */
    public static final double STATISTIC_THRESHOLD = 12.0;

    public static Certification check(NistDataset ds, SolverKind solver) {
        FittedModel m = Gramian.fit(ds.data(), ds.spec(), solver);
        double[] est = m.estimates();
        double[] se = m.coefficients().stream().mapToDouble(Coefficient::standardError).toArray();
        return new Certification(ds.name(), solver, Lre.min(est, ds.estimates()), Lre.min(se, ds.standardErrors()),
                Lre.of(m.statistics().residualStandardDeviation(), ds.residualSd()),
                Lre.of(m.statistics().rSquared(), ds.rSquared()), m);
    }

    /** Whether every LRE meets the given thresholds. */
    public boolean passes(double estimateThreshold, double statisticThreshold) {
        return estimates >= estimateThreshold && standardErrors >= statisticThreshold
                && residualSd >= statisticThreshold && rSquared >= statisticThreshold;
    }

    public boolean passes() {
        return passes(ESTIMATE_THRESHOLD, STATISTIC_THRESHOLD);
    }
}
