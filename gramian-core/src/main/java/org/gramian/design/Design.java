package org.gramian.design;

import java.util.ArrayList;
import java.util.List;
import org.gramian.numeric.DD;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;

/**
 * The one owner of the design layout: the {@link Term}s of a {@link ModelSpec} in column order,
 * their names, which one is the intercept, and how a raw input row becomes a row of X, in double
 * precision (the fast Gram path), in double-double (the certified path: powers xᵏ formed to 106
 * bits, so a degree-10 fit is not already wrong before it is solved) and for prediction.
 *
 * <p>A design is either bound to a source's columns ({@link #bind}: expands {@link RowBlock}s) or
 * not ({@link #of}: expands feature values given in {@code spec.features()} order, as prediction
 * does).
 */
public final class Design {
    private final ModelSpec spec;
    private final List<Term> terms;
    private final int interceptIndex;
    // Expansion plan, per term: the feature index it reads (−1 for the intercept) and whether it is
    // the previous term's value times that feature (x^k = x^(k−1)·x, as the powers are computed).
    private final int[] feature;
    private final boolean[] chained;
    // When bound: the source column of each feature and of the target.
    private final int[] sourceIndex;
    private final int targetIndex;
    private final int weightIndex;   // source column of the weights, or −1

    private Design(ModelSpec spec, List<String> sourceColumns) {
        this.spec = spec;
        this.terms = spec.terms();
        int icpt = -1;
        feature = new int[terms.size()];
        chained = new boolean[terms.size()];
        List<String> features = spec.features();
        java.util.Map<String, Integer> featureIndex = new java.util.HashMap<>(features.size() * 2);
        for (int f = features.size() - 1; f >= 0; f--) {
            featureIndex.put(features.get(f), f);
        }
        for (int j = 0; j < terms.size(); j++) {
            Term t = terms.get(j);
            if (t instanceof Term.Intercept) {
                icpt = j;
                feature[j] = -1;
                continue;
            }
            feature[j] = featureIndex.get(t.column());
            if (t instanceof Term.Power pw && j > 0 && feature[j - 1] == feature[j]) {
                Term prev = terms.get(j - 1);
                chained[j] = prev instanceof Term.Column && pw.exponent() == 2
                        || prev instanceof Term.Power pp && pp.exponent() == pw.exponent() - 1;
            }
        }
        this.interceptIndex = icpt;
        if (sourceColumns == null) {
            sourceIndex = null;
            targetIndex = -1;
            weightIndex = -1;
        } else {
            // a map, not List.indexOf per feature: that is O(p²), minutes for a header of 10⁵ columns
            java.util.Map<String, Integer> index = new java.util.HashMap<>(sourceColumns.size() * 2);
            for (int i = sourceColumns.size() - 1; i >= 0; i--) {
                index.put(sourceColumns.get(i), i); // the first of equal names wins, as indexOf
            }
            sourceIndex = new int[features.size()];
            for (int f = 0; f < sourceIndex.length; f++) {
                sourceIndex[f] = indexOf(features.get(f), index, sourceColumns);
            }
            targetIndex = indexOf(spec.target(), index, sourceColumns);
            weightIndex = spec.weights() == null ? -1 : indexOf(spec.weights(), index, sourceColumns);
        }
    }

    /** The design of {@code spec} reading rows whose columns are {@code sourceColumns}. */
    public static Design bind(ModelSpec spec, List<String> sourceColumns) {
        return new Design(spec, sourceColumns);
    }

    /** The design of {@code spec}, unbound: for expanding feature values (prediction). */
    public static Design of(ModelSpec spec) {
        return new Design(spec, null);
    }

    private static int indexOf(String name, java.util.Map<String, Integer> index, List<String> columns) {
        Integer i = index.get(name);
        if (i == null) {
            throw new UnknownColumnException(name, columns);
        }
        return i;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The terms, in column order of X. */
    public List<Term> terms() {
        return terms;
    }

    /** Number of columns p of X. */
    public int width() {
        return terms.size();
    }

    /** Coefficient names, in column order. */
    public List<String> coefficientNames() {
        List<String> names = new ArrayList<>(terms.size());
        for (Term t : terms) {
            names.add(t.name());
        }
        return names;
    }

    /** Index of the intercept column, or −1 when the model has none. */
    public int interceptIndex() {
        return interceptIndex;
    }

    public boolean hasIntercept() {
        return interceptIndex >= 0;
    }

    /** Whether observations carry weights (weighted least squares). */
    public boolean weighted() {
        return weightIndex >= 0;
    }

    /**
     * The weight of row i of the block (1 when unweighted): a finite number ≥ 0, else
     * {@link InvalidValueException} naming the row and the column.
     */
    public double weight(RowBlock block, int i, RowSource source) {
        if (weightIndex < 0) {
            return 1.0;
        }
        double w = block.get(i, weightIndex);
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new InvalidValueException(source, block.firstRow() + i, spec.weights(),
                    "expected a finite weight ≥ 0, got " + w);
        }
        return w;
    }

    /** √(weight) of row i in double-double, from the value and its decimal tail (1 when unweighted). */
    public DD sqrtWeightExact(RowBlock block, int i) {
        if (weightIndex < 0) {
            return DD.ONE;
        }
        return DD.of(block.get(i, weightIndex), block.tail(i, weightIndex)).sqrt();
    }

    /**
     * Writes design row i of the block into {@code x[0..p)} and returns y. Throws
     * {@link InvalidValueException} for non-finite inputs or terms.
     */
    public double expand(RowBlock block, int i, double[] x, RowSource source) {
        requireBound();
        int base = i * block.width();
        double[] v = block.values();
        double y = v[base + targetIndex];
        if (!Double.isFinite(y)) {
            throw invalid(block, i, source, spec.target(), y);
        }
        for (int j = 0; j < x.length && j < terms.size(); j++) {
            int f = feature[j];
            if (f < 0) {
                x[j] = 1.0;
                continue;
            }
            double t = v[base + sourceIndex[f]];
            if (!Double.isFinite(t)) {
                throw invalid(block, i, source, spec.features().get(f), t);
            }
            double value = chained[j] ? x[j - 1] * t : power(t, terms.get(j));
            if (!Double.isFinite(value)) {
                throw new InvalidValueException(source, block.firstRow() + i, spec.features().get(f),
                        terms.get(j).name() + " overflows a double");
            }
            x[j] = value;
        }
        return y;
    }

    /**
     * Double-double version of {@link #expand}: {@code x[0..p)} then y at {@code x[p]}, from the
     * values and their decimal tails, with the same checks in the same order (so a bad value gets
     * the same error) and nothing allocated per row.
     */
    public void expandExact(RowBlock block, int i, DD[] x, RowSource source) {
        requireBound();
        double y = block.get(i, targetIndex);
        if (!Double.isFinite(y)) {
            throw invalid(block, i, source, spec.target(), y);
        }
        for (int j = 0; j < terms.size(); j++) {
            int f = feature[j];
            if (f < 0) {
                x[j] = DD.ONE;
                continue;
            }
            double raw = block.get(i, sourceIndex[f]);
            if (!Double.isFinite(raw)) {
                throw invalid(block, i, source, spec.features().get(f), raw);
            }
            DD t = DD.of(raw, block.tail(i, sourceIndex[f]));
            DD value = chained[j] ? x[j - 1].multiply(t) : powerExact(t, terms.get(j));
            if (!Double.isFinite(value.hi)) {
                throw new InvalidValueException(source, block.firstRow() + i, spec.features().get(f),
                        terms.get(j).name() + " overflows a double");
            }
            x[j] = value;
        }
        x[terms.size()] = DD.of(y, block.tail(i, targetIndex));
    }

    /** The design row for feature values given in {@code spec().features()} order (double-double). */
    public DD[] row(DD[] featureValues) {
        if (featureValues.length != spec.features().size()) {
            throw new IllegalArgumentException("expected " + spec.features().size() + " feature values "
                    + spec.features() + ", got " + featureValues.length);
        }
        DD[] x = new DD[terms.size()];
        for (int j = 0; j < x.length; j++) {
            int f = feature[j];
            if (f < 0) {
                x[j] = DD.ONE;
            } else {
                x[j] = chained[j] ? x[j - 1].multiply(featureValues[f]) : powerExact(featureValues[f], terms.get(j));
            }
        }
        return x;
    }

    /**
     * ŷ = Σⱼ wⱼ·xⱼ for one observation given its feature values (in {@code spec().features()}
     * order), in double-double: the powers and the sum are formed to ~32 digits, so the result,
     * rounded once, is the prediction of these coefficients on this input, free of cancellation
     * between the terms. A NaN coefficient (an aliased column, left out of the fit) counts as 0.
     */
    public DD predict(double[] w, DD[] featureValues) {
        return combine(w, row(featureValues));
    }

    /** Σⱼ wⱼ·xⱼ in double-double for a design row x; a NaN coefficient (aliased) counts as 0. */
    public static DD combine(double[] w, DD[] x) {
        DD y = DD.ZERO;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(w[j])) {
                y = y.add(x[j].multiply(w[j]));
            }
        }
        return y;
    }

    /** {@link #predict(double[], DD[])} for double feature values, rounded to double. */
    public double predict(double[] w, double... featureValues) {
        DD[] f = new DD[featureValues.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = DD.of(featureValues[i]);
        }
        return predict(w, f).doubleValue();
    }

    private static double power(double t, Term term) {
        if (term instanceof Term.Power pw) {
            double v = t;
            for (int k = 2; k <= pw.exponent(); k++) {
                v *= t;
            }
            return v;
        }
        return t;
    }

    private static DD powerExact(DD t, Term term) {
        if (term instanceof Term.Power pw) {
            DD v = t;
            for (int k = 2; k <= pw.exponent(); k++) {
                v = v.multiply(t);
            }
            return v;
        }
        return t;
    }

    private void requireBound() {
        if (sourceIndex == null) {
            throw new IllegalStateException("this design is not bound to a source's columns");
        }
    }

    private static InvalidValueException invalid(RowBlock b, int i, RowSource s, String column, double value) {
        return new InvalidValueException(s, b.firstRow() + i, column,
                "expected a finite number, got " + value);
    }
}
