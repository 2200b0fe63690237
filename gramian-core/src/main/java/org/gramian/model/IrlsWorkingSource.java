package org.gramian.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.design.Design;
import org.gramian.design.InvalidValueException;
import org.gramian.design.ModelSpec;
import org.gramian.numeric.DD;

/**
 * The seam between logistic regression and the least-squares machinery: the data as seen by one
 * IRLS step. Each row is passed through with two more columns computed from the current
 * coefficients w: the working residual rᵢ = (yᵢ − μᵢ)/(μᵢ(1 − μᵢ)) and the working weight
 * μᵢ(1 − μᵢ), with μᵢ = 1/(1 + e^{−ηᵢ}), ηᵢ = xᵢᵀw. Weighted least squares of r on X with those
 * weights (times the prior weight of the row, with {@code --weights}; the existing weighted
 * pipeline, {@link #workingSpec}) is the Newton step δ, and
 * w + δ is the weighted least-squares fit of the working response z = η + r: the IRLS update.
 * Solving for δ rather than for z keeps the digits of w that z, rounded, would lose.
 *
 * <p>While it streams, the pass also measures what the iteration needs at w, in row order (so
 * the same on any thread count): the deviance, n, the (weighted) number of ones, how many fitted
 * probabilities are numerically 0 or 1, and, for the previous step d, the certificate of
 * separation: whether every row has sign(xᵢᵀd) agreeing with its y. y must be 0 or 1.
 */
final class IrlsWorkingSource implements RowSource {
    /** Names of the two added columns; no CSV header can hold a NUL character. */
    static final String RESPONSE = "\u0000irls.response";
    static final String WEIGHT = "\u0000irls.weight";
    /** R's glm.fit: a fitted probability within 10·ε of 0 or 1 is "numerically 0 or 1". */
    static final double FITTED_EPS = 10 * Math.ulp(1.0);
    /** Tolerance on ±xᵢᵀd ≥ 0, relative to max|xᵢᵀd| (d's settled components are known to about 1e-8). */
    static final double SIGN_TOL = 1e-6;

    private final RowSource data;
    private final Design design;
    private final int p;
    private final List<String> columns;
    private double[] w;
    private double[] step;
    private final int traceRows;

    // measured by the last pass
    private DD deviance = DD.ZERO;
    private long n;
    private DD weightTotal = DD.ZERO;
    private DD weightOnes = DD.ZERO;
    private boolean integerWeights = true;
    private long fitted01;
    private double maxStep;
    private double minSigned;
    private final double[] columnMax;
    private DD[][] xtwx;
    private final List<LogisticModel.IrlsRow> rows = new ArrayList<>();

    /**
     * @param traceRows how many first rows to record, with XᵀWX, for explain (0: none, and no XᵀWX)
     */
    IrlsWorkingSource(RowSource data, ModelSpec spec, int traceRows) {
        this.data = data;
        this.design = Design.bind(spec, data.columns());
        this.p = design.width();
        List<String> c = new ArrayList<>(data.columns());
        c.add(RESPONSE);
        c.add(WEIGHT);
        this.columns = List.copyOf(c);
        this.columnMax = new double[p];
        this.traceRows = traceRows;
        this.w = new double[p];
    }

    /** The weighted least-squares problem of one step: r on the same terms, weighted by μ(1 − μ). */
    static ModelSpec workingSpec(ModelSpec spec) {
        return new ModelSpec(RESPONSE, spec.features(), spec.degree(), spec.intercept(), WEIGHT);
    }

    /** The coefficients of the next pass (NaN: aliased, left out) and the step that led to them, or null. */
    void at(double[] coefficients, double[] previousStep) {
        this.w = coefficients.clone();
        this.step = previousStep == null ? null : previousStep.clone();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
        deviance = DD.ZERO;
        n = 0;
        weightTotal = DD.ZERO;
        weightOnes = DD.ZERO;
        integerWeights = true;
        fitted01 = 0;
        maxStep = 0;
        minSigned = Double.POSITIVE_INFINITY;
        Arrays.fill(columnMax, 0.0);
        xtwx = null;
        if (traceRows > 0) {
            xtwx = new DD[p][p];
            for (DD[] r : xtwx) {
                Arrays.fill(r, DD.ZERO);
            }
        }
        rows.clear();
        int width = data.columns().size();
        int outWidth = width + 2;
        DD[] x = new DD[p + 1];
        double[] xd = new double[p];
        double[] rw = new double[2];
        data.forEachBlock(extended, block -> {
            int m = block.rows();
            double[] values = new double[m * outWidth];
            double[] tails = block.tails() == null ? null : new double[m * outWidth];
            for (int i = 0; i < m; i++) {
                System.arraycopy(block.values(), i * width, values, i * outWidth, width);
                if (tails != null) {
                    System.arraycopy(block.tails(), i * width, tails, i * outWidth, width);
                }
                row(rw, block, i, x, xd);
                values[i * outWidth + width] = rw[0];
                values[i * outWidth + width + 1] = rw[1];
            }
            consumer.accept(new RowBlock(block.firstRow(), m, outWidth, values, tails));
        });
    }

    /** One row: checks y, measures, and leaves the working residual and weight in {@code out}. */
    private void row(double[] out, RowBlock block, int i, DD[] x, double[] xd) {
        design.expandExact(block, i, x, data);
        DD yd = x[p];
        if (!(yd.lo == 0 && (yd.hi == 0 || yd.hi == 1))) {
            throw new InvalidValueException(data, block.firstRow() + i, design.spec().target(),
                    "logistic regression needs 0 or 1, got " + org.gramian.report.Numbers.exact(yd.hi));
        }
        boolean y = yd.hi == 1;
        // a prior weight (1 without --weights) multiplies the row's log-likelihood; zero drops the row
        double prior = design.weight(block, i, data);
        if (prior == 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        n++;
        weightTotal = weightTotal.add(prior);
        if (y) {
            weightOnes = weightOnes.add(prior);
        }
        if (prior != Math.rint(prior)) {
            integerWeights = false;
        }
        for (int j = 0; j < p; j++) {
            xd[j] = x[j].doubleValue();
            columnMax[j] = Math.max(columnMax[j], Math.abs(xd[j]));
        }
        DD etaExact = DD.ZERO;
        for (int j = 0; j < p; j++) {
            if (!Double.isNaN(w[j])) {   // an aliased coefficient is left out (counts as 0)
                etaExact = etaExact.add(x[j].multiply(w[j]));
            }
        }
        double eta = etaExact.doubleValue();
        // μ and 1 − μ each from the exponential of −|η|, so neither is formed as 1 minus the other
        double e = Math.exp(-Math.abs(eta));
        double big = 1 / (1 + e);
        double small = e / (1 + e);
        double mu = eta >= 0 ? big : small;
        double oneMinusMu = eta >= 0 ? small : big;
        double var = big * small;
        double working = prior * var;
        // −2 log-likelihood of the row: 2·log(1 + e^{∓η}) (softplus), without overflow
        double t = y ? -eta : eta;
        double dev = 2 * (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));
        deviance = deviance.add(DD.product(prior, dev));
        if (mu < FITTED_EPS || oneMinusMu < FITTED_EPS) {
            fitted01++;
        }
        double r = y ? 1 / mu : -1 / oneMinusMu;
        if (working == 0 || !Double.isFinite(r)) {
            // the row's weight underflowed: it no longer takes part in the step
            r = 0;
            working = 0;
        }
        if (step != null) {
            DD g = DD.ZERO;
            for (int j = 0; j < p; j++) {
                if (!Double.isNaN(step[j])) {
                    g = g.add(x[j].multiply(step[j]));
                }
            }
            double s = y ? g.doubleValue() : -g.doubleValue();
            maxStep = Math.max(maxStep, Math.abs(s));
            minSigned = Math.min(minSigned, s);
        }
        if (xtwx != null) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xtwx[a][b] = xtwx[a][b].add(x[a].multiply(x[b]).multiply(working));   // shown: summed to 106 bits
                }
            }
            if (rows.size() < traceRows) {
                rows.add(new LogisticModel.IrlsRow(xd.clone(), y ? 1 : 0, eta, mu, working, eta + r));
            }
        }
        out[0] = r;
        out[1] = working;
    }

    DD deviance() {
        return deviance;
    }

    long observations() {
        return n;
    }

    /** Σ prior weights (n without --weights). */
    DD weightTotal() {
        return weightTotal;
    }

    /** Σ prior weights of the rows with y = 1. */
    DD weightOnes() {
        return weightOnes;
    }

    /** Whether every prior weight is a whole number (frequency weights: the binomial likelihood is defined). */
    boolean integerWeights() {
        return integerWeights;
    }

    long fittedZeroOrOne() {
        return fitted01;
    }

    /** max |xᵢᵀd| over the rows, d the previous step. */
    double maxStep() {
        return maxStep;
    }

    /** min over the rows of ±xᵢᵀd, + for y = 1 and − for y = 0 (all ≥ 0: d separates). */
    double minSigned() {
        return minSigned;
    }

    double[] columnMax() {
        return columnMax.clone();
    }

    /** XᵀWX at w, summed in double-double (traced passes only; else null). */
    double[][] xtwx() {
        if (xtwx == null) {
            return null;
        }
        double[][] out = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                out[a][b] = xtwx[a][b].doubleValue();
            }
        }
        return out;
    }

    List<LogisticModel.IrlsRow> tracedRows() {
        return List.copyOf(rows);
    }

    @Override
    public long countRowsUpTo(long limit) {
        return data.countRowsUpTo(limit);
    }

    @Override
    public String describeRow(long row) {
        return data.describeRow(row);
    }

    @Override
    public String fileName() {
        return data.fileName();
    }

    @Override
    public long lineOf(long row) {
        return data.lineOf(row);
    }

    @Override
    public long droppedRows() {
        return data.droppedRows();
    }
}
