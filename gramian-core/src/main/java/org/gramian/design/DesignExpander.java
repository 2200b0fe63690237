package org.gramian.design;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gramian.numeric.DD;

/**
 * Turns one input row (as a {@link RowSource} delivers it) into one row of the design matrix X
 * and its response y, following a {@link ModelSpec}.
 *
 * <p>Two forms: {@link #expand} in double precision for the fast Gram path, and
 * {@link #expandExact} in double-double, where polynomial terms xᵏ are formed to 106 bits so
 * that a degree-10 fit (NIST Filip) is not already wrong before it is solved.
 */
public final class DesignExpander {
    private final ModelSpec spec;
    private final int targetIndex;
    private final int[] featureIndex;
    private final String[] featureNames;
    private final int width;

    public DesignExpander(ModelSpec spec, List<String> sourceColumns) {
        this.spec = spec;
        // a map, not List.indexOf per feature: that is O(p²), minutes for a header of 10⁵ columns
        Map<String, Integer> index = new HashMap<>(sourceColumns.size() * 2);
        for (int i = sourceColumns.size() - 1; i >= 0; i--) {
            index.put(sourceColumns.get(i), i); // the first of equal names wins, as indexOf
        }
        this.targetIndex = indexOf(spec.target(), index, sourceColumns);
        this.featureIndex = new int[spec.features().size()];
        this.featureNames = spec.features().toArray(new String[0]);
        for (int j = 0; j < featureIndex.length; j++) {
            featureIndex[j] = indexOf(spec.features().get(j), index, sourceColumns);
        }
        this.width = spec.width();
    }

    private static int indexOf(String name, Map<String, Integer> index, List<String> columns) {
        Integer i = index.get(name);
        if (i == null) {
            throw new UnknownColumnException(name, columns);
        }
        return i;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Number of design columns p. */
    public int width() {
        return width;
    }

    /**
     * Writes design row i of the block into {@code x[0..p)} and returns y. Throws
     * {@link InvalidValueException} for non-finite inputs or terms.
     */
    public double expand(RowBlock block, int i, double[] x, RowSource source) {
        int base = i * block.width();
        double[] v = block.values();
        double y = v[base + targetIndex];
        if (!Double.isFinite(y)) {
            throw invalid(block, i, source, spec.target(), y);
        }
        int k = 0;
        if (spec.intercept()) {
            x[k++] = 1.0;
        }
        if (spec.degree() > 1) {
            double t = v[base + featureIndex[0]];
            if (!Double.isFinite(t)) {
                throw invalid(block, i, source, featureNames[0], t);
            }
            double pow = t;
            for (int d = 1; d <= spec.degree(); d++) {
                x[k++] = pow;
                pow *= t;
            }
            if (!Double.isFinite(x[k - 1])) {
                throw new InvalidValueException(source.describeRow(block.firstRow() + i), featureNames[0],
                        "x^" + spec.degree() + " overflows a double");
            }
        } else {
            for (int j = 0; j < featureIndex.length; j++) {
                double t = v[base + featureIndex[j]];
                if (!Double.isFinite(t)) {
                    throw invalid(block, i, source, featureNames[j], t);
                }
                x[k++] = t;
            }
        }
        return y;
    }

    /** Double-double version of {@link #expand}: {@code x[0..p)} then y at {@code x[p]}. */
    public void expandExact(RowBlock block, int i, DD[] x, RowSource source) {
        double[] tmp = new double[width];
        double y = expand(block, i, tmp, source);
        int k = 0;
        if (spec.intercept()) {
            x[k++] = DD.ONE;
        }
        if (spec.degree() > 1) {
            DD t = exact(block, i, featureIndex[0]);
            DD pow = t;
            for (int d = 1; d <= spec.degree(); d++) {
                x[k++] = pow;
                pow = pow.multiply(t);
            }
        } else {
            for (int j = 0; j < featureIndex.length; j++) {
                x[k++] = exact(block, i, featureIndex[j]);
            }
        }
        x[width] = exact(block, i, targetIndex);
    }

    private static DD exact(RowBlock block, int i, int column) {
        return DD.of(block.get(i, column), block.tail(i, column));
    }

    private static InvalidValueException invalid(RowBlock b, int i, RowSource s, String column, double value) {
        return new InvalidValueException(s.describeRow(b.firstRow() + i), column,
                "expected a finite number, got " + value);
    }
}
