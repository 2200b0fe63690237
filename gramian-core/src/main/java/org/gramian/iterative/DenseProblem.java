package org.gramian.iterative;

import java.util.ArrayList;
import java.util.List;
import org.gramian.design.DesignExpander;
import org.gramian.design.InsufficientDataException;
import org.gramian.design.ModelSpec;
import org.gramian.design.RowSource;

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
        DesignExpander design = new DesignExpander(spec, source.columns());
        int p = design.width();
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        source.forEachBlock(false, block -> {
            for (int i = 0; i < block.rows(); i++) {
                double[] row = new double[p];
                ys.add(design.expand(block, i, row, source));
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
        return new DenseProblem(rows.toArray(new double[0][]), y, spec.coefficientNames(), spec.intercept());
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
