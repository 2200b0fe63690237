package org.gramian.accumulate;

import org.gramian.data.RowSource;
import org.gramian.design.Design;

/**
 * The passes over the data that a solver asks for, bound to one {@link Design}: the Gram pass, the
 * double-double Householder pass, and the magnitude pass that re-equilibrates when the first
 * observation's scale did not suit the data. The solvers ({@link org.gramian.solve.LeastSquaresSolver})
 * only see this interface, so where the rows live is not their business: {@link #over} runs the
 * local streaming passes of {@link Accumulation}; a distributed backend (gramian-spark) runs the
 * same accumulators on each partition, with the shift and scale of the data set's first
 * observation, and merges the partial states in a fixed order.
 *
 * <p>Contract, whatever the implementation: {@link #gram}'s shift is the first observation's
 * augmented row with 0 for the intercept's column when the design has an intercept, else none;
 * a null scale means the first observation's ({@link Equilibration#fromMagnitudes}); the
 * Householder pass uses the exact decimal values when the data have them.
 */
public interface Passes {

    /** The design the passes expand the rows with. */
    Design design();

    /**
     * The double-precision Gram pass ({@link Accumulation#gram(RowSource, Design, int, double[])}).
     *
     * @param scale powers of two (length p+1), or null for the first observation's
     */
    GramAccumulator gram(double[] scale);

    /**
     * The double-double Householder pass ({@link Accumulation#householder(RowSource, Design, int,
     * double[])}).
     *
     * @param scale powers of two (length p+1), or null for the first observation's
     */
    HouseholderAccumulator householder(double[] scale);

    /** max |vⱼ − shiftⱼ| over all rows per augmented column ({@link Accumulation#columnMagnitudes}). */
    double[] columnMagnitudes(double[] shift);

    /**
     * The Gram pass, equilibrated by the first observation's magnitudes; when those did not suit
     * the data (a sum overflowed or a column underflowed), once more with the scale of each
     * column's largest magnitude, found in an extra pass.
     */
    default GramAccumulator equilibratedGram() {
        GramAccumulator gram = gram(null);
        if (gram.wellScaled()) {
            return gram;
        }
        return gram(Equilibration.fromMagnitudes(columnMagnitudes(gram.shift())));
    }

    /** The double-double QR pass, equilibrated as {@link #equilibratedGram} is (no shift). */
    default HouseholderAccumulator equilibratedHouseholder() {
        HouseholderAccumulator qr = householder(null);
        if (qr.wellScaled()) {
            return qr;
        }
        return householder(Equilibration.fromMagnitudes(columnMagnitudes(null)));
    }

    /** The local passes over a {@link RowSource}, on {@link Accumulation#defaultThreads()} threads. */
    static Passes over(RowSource data, Design design) {
        return new Passes() {
            @Override
            public Design design() {
                return design;
            }

            @Override
            public GramAccumulator gram(double[] scale) {
                return Accumulation.gram(data, design, Accumulation.defaultThreads(), scale);
            }

            @Override
            public HouseholderAccumulator householder(double[] scale) {
                return Accumulation.householder(data, design, Accumulation.defaultThreads(), scale);
            }

            @Override
            public double[] columnMagnitudes(double[] shift) {
                return Accumulation.columnMagnitudes(data, design, shift);
            }
        };
    }
}
