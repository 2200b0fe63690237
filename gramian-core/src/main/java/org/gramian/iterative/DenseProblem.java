package org.gramian.iterative;

import java.util.ArrayList;
import java.util.List;
import org.gramian.design.Design;
import org.gramian.design.InsufficientDataException;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowSource;

/**
 * A least-squares problem held in memory as a dense design matrix: minimize ‖Xw − y‖² over w,
 * with X the m×p design matrix (row i = design row of observation i, bias column first when the
 * model has an intercept) and y the m responses.
 *
 * <p>The iterative solvers and the step-by-step explanation work on this form; the streaming
 * solvers of {@code org.gramian.Gramian} never need it.
 *
 * @param x         the design matrix, row-major, m rows of p values (not copied: treat as read-only)
 * @param y         the responses, length m
 * @param names     the p coefficient names, in column order
 * @param intercept whether column 0 is the bias column of ones
 */
public record DenseProblem(double[][] x, double[] y, List<String> names, boolean intercept) {

    public DenseProblem {
        names = List.copyOf(names);
        if (x.length != y.length) {
            throw new IllegalArgumentException("X has " + x.length + " rows but y has " + y.length);
        }
        for (double[] row : x) {
            if (row.length != names.size()) {
                throw new IllegalArgumentException("a row of X has " + row.length + " values, expected "
                        + names.size());
            }
        }
    }

    /**
     * Expands {@code source} by {@code spec} into memory, one pass.
     *
     * @throws org.gramian.GramianException for unknown columns, non-finite values, or fewer rows
     *                                      than coefficients
     */
    public static DenseProblem of(RowSource source, ModelSpec spec) {
        if (spec.weights() != null) {
            throw new org.gramian.GramianException("weights are supported by fit only, not by explain, compare"
                    + " or plot (yet)");
        }
        RowSource data = Design.prepare(spec, source);
        Design design = Design.bind(spec, data);
        int p = design.width();
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        data.forEachBlock(false, block -> {
            for (int i = 0; i < block.rows(); i++) {
                double[] row = new double[p];
                ys.add(design.expand(block, i, row, data));
                rows.add(row);
            }
        });
        if (rows.size() < p) {
            throw new InsufficientDataException(rows.size(), p);
        }
        double[] y = new double[ys.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
        }
        return new DenseProblem(rows.toArray(new double[0][]), y, design.spec().coefficientNames(), spec.intercept());
    }

    /** The largest |value| of each column of X, then of y (length p + 1). */
    public double[] magnitudes() {
        int p = columns();
        double[] mag = new double[p + 1];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < p; j++) {
                mag[j] = Math.max(mag[j], Math.abs(x[i][j]));
            }
            mag[p] = Math.max(mag[p], Math.abs(y[i]));
        }
        return mag;
    }

    /**
     * The problem with its columns and y multiplied by powers of two (dⱼ, c) near their magnitudes,
     * when some magnitude is beyond 2^±200 (where sums of squares over or underflow); otherwise this
     * problem itself with d = 1, c = 1. The scaled problem's solution w̃ gives wⱼ = w̃ⱼ·dⱼ/c and its
     * cost is c² times this one's, exactly.
     */
    public Equilibrated equilibrated() {
        int p = columns();
        double[] mag = magnitudes();
        boolean needed = false;
        for (double v : mag) {
            needed |= v > 0x1p200 || (v > 0 && v < 0x1p-200);
        }
        if (!needed) {
            return new Equilibrated(this, org.gramian.accumulate.Equilibration.none(p), 1.0);
        }
        double[] d = org.gramian.accumulate.Equilibration.fromMagnitudes(mag);
        double[][] xs = new double[rows()][p];
        double[] ys = new double[rows()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < p; j++) {
                xs[i][j] = x[i][j] * d[j];
            }
            ys[i] = y[i] * d[p];
        }
        return new Equilibrated(new DenseProblem(xs, ys, names, intercept), java.util.Arrays.copyOf(d, p), d[p]);
    }

    /**
     * A problem rescaled by {@link #equilibrated()}.
     *
     * @param problem       the scaled problem
     * @param columnScale   dⱼ
     * @param responseScale c
     */
    public record Equilibrated(DenseProblem problem, double[] columnScale, double responseScale) {
        /** Whether any scale differs from 1. */
        public boolean applied() {
            if (responseScale != 1.0) {
                return true;
            }
            for (double v : columnScale) {
                if (v != 1.0) {
                    return true;
                }
            }
            return false;
        }

        /** wⱼ·c/dⱼ: coefficients in the scaled problem's units. */
        public double[] toScaled(double[] w) {
            double[] out = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                out[j] = Math.scalb(w[j], Math.getExponent(responseScale) - Math.getExponent(columnScale[j]));
            }
            return out;
        }

        /** w̃ⱼ·dⱼ/c: coefficients back in original units. */
        public double[] fromScaled(double[] w) {
            double[] out = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                out[j] = Math.scalb(w[j], Math.getExponent(columnScale[j]) - Math.getExponent(responseScale));
            }
            return out;
        }

        /** A cost (or any squared quantity of y) back in original units; NaN when not representable. */
        public double costFromScaled(double cost) {
            if (cost == 0 || !Double.isFinite(cost)) {
                return cost;
            }
            double out = Math.scalb(cost, -2 * Math.getExponent(responseScale));
            return Double.isInfinite(out) || Math.abs(out) < Double.MIN_NORMAL ? Double.NaN : out;
        }
    }

    /** Number of observations m. */
    public int rows() {
        return y.length;
    }

    /** Number of coefficients p. */
    public int columns() {
        return names.size();
    }

    /** Xv, length m. */
    public double[] times(double[] v) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Vectors.dot(x[i], v);
        }
        return out;
    }

    /** Xᵀu, length p. */
    public double[] transposeTimes(double[] u) {
        double[] out = new double[columns()];
        for (int i = 0; i < x.length; i++) {
            Vectors.axpy(u[i], x[i], out);
        }
        return out;
    }

    /** The cost J(w) = (1/2m)‖Xw − y‖². */
    public double cost(double[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = Vectors.dot(x[i], w) - y[i];
            s += r * r;
        }
        return s / (2.0 * x.length);
    }
}
