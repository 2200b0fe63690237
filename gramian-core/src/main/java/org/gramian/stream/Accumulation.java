package org.gramian.stream;

import org.gramian.design.DesignExpander;
import org.gramian.design.RowBlock;
import org.gramian.design.RowSource;
import org.gramian.numeric.DD;
import org.gramian.solve.GramAccumulator;
import org.gramian.solve.HouseholderAccumulator;

/**
 * One pass over a {@link RowSource}, feeding the design rows into an accumulator. Memory is the
 * accumulator's O(p²), whatever the number of rows.
 */
public final class Accumulation {
    private Accumulation() {
    }

    /**
     * Accumulates the double-precision augmented Gram matrix. With an intercept, the columns are
     * shifted by the first observation (see {@link GramAccumulator}).
     */
    public static GramAccumulator gram(RowSource source, DesignExpander design) {
        int p = design.width();
        boolean intercept = design.spec().intercept();
        double[] x = new double[p];
        GramAccumulator[] acc = new GramAccumulator[1];
        source.forEachBlock(false, (RowBlock block) -> {
            for (int i = 0; i < block.rows(); i++) {
                double y = design.expand(block, i, x, source);
                if (acc[0] == null) {
                    double[] shift = null;
                    if (intercept) {
                        shift = new double[p + 1];
                        System.arraycopy(x, 0, shift, 0, p);
                        shift[p] = y;
                    }
                    acc[0] = new GramAccumulator(p, shift);
                }
                acc[0].add(x, y);
            }
        });
        return acc[0] == null ? new GramAccumulator(p, null) : acc[0];
    }

    /** Streams Householder QR in double-double over the augmented rows. */
    public static HouseholderAccumulator householder(RowSource source, DesignExpander design) {
        int p = design.width();
        HouseholderAccumulator acc = new HouseholderAccumulator(p);
        source.forEachBlock(true, (RowBlock block) -> {
            for (int i = 0; i < block.rows(); i++) {
                DD[] row = new DD[p + 1];
                design.expandExact(block, i, row, source);
                acc.add(row);
            }
        });
        return acc;
    }
}
