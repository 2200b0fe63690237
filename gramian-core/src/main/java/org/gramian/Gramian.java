package org.gramian;

import java.util.Locale;
import org.gramian.design.DesignExpander;
import org.gramian.design.InsufficientDataException;
import org.gramian.design.ModelSpec;
import org.gramian.design.RowSource;
import org.gramian.solve.Equilibration;
import org.gramian.solve.GramAccumulator;
import org.gramian.solve.GramCholesky;
import org.gramian.solve.HouseholderAccumulator;
import org.gramian.solve.LeastSquaresSolution;
import org.gramian.solve.SolverKind;
import org.gramian.solve.TriangularFactor;
import org.gramian.solve.TriangularSolver;
import org.gramian.stats.RegressionModel;
import org.gramian.stream.Accumulation;

/**
 * Entry point: fit a least-squares model to data.
 *
 * <pre>{@code
 * RegressionModel m = Gramian.fit(Table.xy(x, y), ModelSpec.line("y", "x"));
 * System.out.println(m.summary());
 * }</pre>
 *
 * <p>The coefficients minimize ‖y − Xw‖², i.e. solve the normal equation XᵀX w = Xᵀy. How they
 * are computed is chosen by {@link SolverKind}; the default {@link SolverKind#AUTO} delivers the
 * NIST StRD certified values to 13+ digits while costing no more than the plain normal equation on
 * large well-conditioned data.
 */
public final class Gramian {
    /**
     * Problems with at most this many n·(p+1)² units of work are always solved by Householder QR in
     * double-double: at this size it takes well under a second.
     */
    public static final long SMALL_WORK = 4_000_000L;

    /** Digits that the double-precision normal equation must promise for {@code auto} to keep it. */
    public static final double AUTO_DIGITS = 13.5;

    private Gramian() {
    }

    /** Fits with {@link SolverKind#AUTO}. */
    public static RegressionModel fit(RowSource data, ModelSpec spec) {
        return fit(data, spec, SolverKind.AUTO);
    }

    /**
     * Fits {@code spec} to {@code data} with the given solver. Reads the data once, or twice when
     * {@code auto} finds the fast pass not accurate enough.
     *
     * @throws GramianException for a problem with the data (unknown column, non-finite value,
     *                          fewer rows than coefficients)
     */
    public static RegressionModel fit(RowSource data, ModelSpec spec, SolverKind solver) {
        DesignExpander design = new DesignExpander(spec, data.columns());
        int p = design.width();
        if (data.countRowsUpTo(p) < p) {
            // Fewer rows than coefficients: say so before the O(p²) memory and O(n·p²) work of a pass
            // (10,000 columns and 30 rows took 10.7 s to be told). The few rows are still read, so
            // that a bad value in them is reported first, as it would be by the pass.
            requireRows(validRows(data, design), p);
        }
        long work;
        switch (solver) {
            case CHOLESKY -> {
                GramAccumulator gram = gram(data, design);
                requireRows(gram.count(), p);
                return finish(spec, GramCholesky.factor(gram), false, SolverKind.CHOLESKY,
                        "normal equation: Gram matrix in double precision, Cholesky");
            }
            case QR -> {
                HouseholderAccumulator qr = householder(data, design);
                requireRows(qr.count(), p);
                return finish(spec, factor(qr), false, SolverKind.QR, "Householder QR in double-double");
            }
            case SVD -> {
                HouseholderAccumulator qr = householder(data, design);
                requireRows(qr.count(), p);
                return finish(spec, factor(qr), true, SolverKind.SVD,
                        "Householder QR in double-double, then Jacobi SVD of R");
            }
            default -> {
                GramAccumulator gram = gram(data, design);
                long n = gram.count();
                requireRows(n, p);
                work = n * (long) (p + 1) * (p + 1);
                String why;
                if (work > SMALL_WORK) {
                    TriangularFactor chol = GramCholesky.factor(gram);
                    LeastSquaresSolution fast = TriangularSolver.solve(chol, spec.intercept(), false);
                    if (!fast.rankDeficient() && fast.expectedDigits() >= AUTO_DIGITS) {
                        return RegressionModel.of(spec, fast, SolverKind.CHOLESKY, String.format(Locale.ROOT,
                                "auto: condition number %.2g, normal equation keeps %.1f digits: Cholesky",
                                fast.conditionNumber(), fast.expectedDigits()));
                    }
                    why = fast.rankDeficient()
                            ? "auto: X looks rank-deficient in double precision: second pass with Householder QR"
                                    + " in double-double"
                            : String.format(Locale.ROOT, "auto: condition number %.2g, Cholesky would keep only"
                                    + " %.1f digits: second pass with Householder QR in double-double",
                                    fast.conditionNumber(), fast.expectedDigits());
                } else {
                    why = "auto: small problem, Householder QR in double-double";
                }
                HouseholderAccumulator qr = householder(data, design);
                return finish(spec, factor(qr), false, SolverKind.QR, why);
            }
        }
    }

    /**
     * The Gram pass, equilibrated by the first observation's magnitudes; when those did not suit
     * the data (a sum overflowed or a column underflowed), once more with the scale of each
     * column's largest magnitude, found in an extra pass.
     */
    private static GramAccumulator gram(RowSource data, DesignExpander design) {
        GramAccumulator gram = Accumulation.gram(data, design);
        if (gram.wellScaled()) {
            return gram;
        }
        double[] max = Accumulation.columnMagnitudes(data, design, gram.shift());
        return Accumulation.gram(data, design, Accumulation.defaultThreads(), Equilibration.fromMagnitudes(max));
    }

    /** The double-double QR pass, equilibrated as {@link #gram(RowSource, DesignExpander)} is. */
    private static HouseholderAccumulator householder(RowSource data, DesignExpander design) {
        HouseholderAccumulator qr = Accumulation.householder(data, design);
        if (qr.wellScaled()) {
            return qr;
        }
        double[] max = Accumulation.columnMagnitudes(data, design, null);
        return Accumulation.householder(data, design, Accumulation.defaultThreads(),
                Equilibration.fromMagnitudes(max));
    }

    private static TriangularFactor factor(HouseholderAccumulator qr) {
        return new TriangularFactor(qr.factor(), qr.count(), null, SolverKind.QR, TriangularFactor.DD_ROUNDOFF,
                false, qr.scale());
    }

    private static RegressionModel finish(ModelSpec spec, TriangularFactor f, boolean forceSvd, SolverKind kind,
                                          String note) {
        LeastSquaresSolution sol = TriangularSolver.solve(f, spec.intercept(), forceSvd);
        if (sol.rankDeficient() && !forceSvd) {
            return RegressionModel.of(spec, sol, kind, note + "; rank-deficient: aliased columns left out");
        }
        return RegressionModel.of(spec, sol, kind, note);
    }

    /** The number of rows, each expanded (so checked) once: only for sources known to be short. */
    private static long validRows(RowSource data, DesignExpander design) {
        double[] x = new double[design.width()];
        long[] n = {0};
        data.forEachBlock(false, block -> {
            for (int i = 0; i < block.rows(); i++) {
                design.expand(block, i, x, data);
            }
            n[0] += block.rows();
        });
        return n[0];
    }

    private static void requireRows(long n, int p) {
        if (n < p) {
            throw new InsufficientDataException(n, p);
        }
    }
}
