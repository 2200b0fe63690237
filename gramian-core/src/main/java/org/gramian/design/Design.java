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
 *
 * <p>A formula's columns (transforms, factor dummies, interactions) are computed by a
 * {@link ColumnFunction} per column from the row's feature values; a factor feature's value is the
 * index of its level among the model's levels ({@link ModelSpec#levels()}), mapped from the
 * source's own level index by name when bound, so new data may list its levels in another order.
 * A model without formula keeps the plan below, unchanged, so its outputs keep their bits.
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
    // With a formula: every column is computed by a compiled function of the row's feature values
    // (null without a formula: the plan above, unchanged, so shorthand models keep their bits).
    private final ColumnFunction[] functions;
    private final boolean[] factor;          // per feature: read as a factor (its value is a level index)
    private final int[][] levelMap;          // per factor feature: source level index → model level index (−1: unseen)
    private final List<List<String>> sourceLevels; // per factor feature: the source's levels (for messages)
    // With a formula: each thread's array of a row's feature values for expand, reused for every row
    // (a new array per row cost more than the Gram kernel's work on it, with 20-odd columns)
    private final ThreadLocal<double[]> featureValues;

    private Design(ModelSpec spec, List<String> sourceColumns) {
        this(spec, sourceColumns, null, true);
    }

    private Design(ModelSpec spec, List<String> sourceColumns, RowSource source, boolean needTarget) {
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
            Integer fi = t.column() == null ? null : featureIndex.get(t.column());
            feature[j] = fi == null ? -1 : fi;
            if (spec.formula() != null) {
                continue;   // computed by its ColumnFunction
            }
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
            targetIndex = needTarget || index.containsKey(spec.target())
                    ? indexOf(spec.target(), index, sourceColumns) : -1;
            weightIndex = spec.weights() == null || !needTarget ? -1 : indexOf(spec.weights(), index, sourceColumns);
        }
        factor = new boolean[features.size()];
        levelMap = new int[features.size()][];
        List<List<String>> srcLevels = new ArrayList<>(java.util.Collections.nCopies(features.size(), List.of()));
        if (spec.formula() == null) {
            functions = null;
        } else {
            functions = new ColumnFunction[terms.size()];
            for (int j = 0; j < functions.length; j++) {
                functions[j] = ColumnFunction.of(terms.get(j), featureIndex, spec.levels());
            }
            for (int f = 0; f < features.size(); f++) {
                List<String> model = spec.levels().get(features.get(f));
                if (model == null) {
                    continue;
                }
                factor[f] = true;
                if (source != null) {
                    List<String> found = source.levels(features.get(f));
                    srcLevels.set(f, found);
                    levelMap[f] = new int[found.size()];
                    for (int k = 0; k < found.size(); k++) {
                        levelMap[f][k] = model.indexOf(found.get(k));
                    }
                }
            }
        }
        sourceLevels = srcLevels;
        int nf = sourceIndex == null ? 0 : sourceIndex.length;
        featureValues = functions == null ? null : ThreadLocal.withInitial(() -> new double[nf]);
    }

    /**
     * The design of {@code spec} reading rows whose columns are {@code sourceColumns}. A model with
     * factors needs its source's levels: bind it with {@link #bind(ModelSpec, RowSource)}.
     */
    public static Design bind(ModelSpec spec, List<String> sourceColumns) {
        if (!spec.factorColumns().isEmpty()) {
            throw new IllegalArgumentException("a model with factors " + spec.factorColumns()
                    + " is bound to its RowSource (the levels come from it), not to column names");
        }
        return new Design(spec, sourceColumns);
    }

    /**
     * The design of {@code spec} reading the rows of {@code source}: with a formula, the model is
     * first made concrete for the source ({@link ModelSpec#resolve}: {@code .} expanded, factor
     * levels learnt), and {@link #spec()} is that concrete model (the one to report and save).
     * A factor column's level not among the model's levels is an error when a row holding it is
     * expanded. The source must read the model's factor columns as categorical: pass it through
     * {@link #prepare} first.
     */
    public static Design bind(ModelSpec spec, RowSource source) {
        ModelSpec resolved = spec.resolve(source);
        requireNumbers(resolved, source, true);
        return new Design(resolved, source.columns(), resolved.formula() == null ? null : source, true);
    }

    /**
     * As {@link #bind(ModelSpec, RowSource)} for new data to predict: the target (and the weights) need
     * not be there; {@link #inputs} reads each row's feature values.
     */
    public static Design bindForPrediction(ModelSpec spec, RowSource source) {
        ModelSpec resolved = spec.resolve(source);
        requireNumbers(resolved, source, false);
        return new Design(resolved, source.columns(), resolved.formula() == null ? null : source, false);
    }

    /**
     * A column the model reads as a number (target, weights, a numeric feature) that the source
     * found to hold text is an error: the source would deliver level indices for it, and fitting
     * those as numbers would be a plausible wrong answer.
     */
    public static void requireNumbers(ModelSpec resolved, RowSource source, boolean needTarget) {
        java.util.Set<String> text = source.categoricalColumns();
        if (text.isEmpty()) {
            return;
        }
        java.util.Set<String> factors = resolved.factorColumns();
        List<String> numeric = new ArrayList<>(resolved.inputColumns());
        if (!needTarget) {
            numeric.remove(resolved.target());
            numeric.remove(resolved.weights());
        }
        for (String c : numeric) {
            if (c != null && text.contains(c) && !factors.contains(c)) {
                org.gramian.GramianException e = source.textInNumericColumn(c);
                throw e != null ? e : new org.gramian.GramianException("column " + org.gramian.UserText.quote(c)
                        + " holds text where the model needs numbers"
                        + (resolved.formula() == null ? "" : "; C(" + c + ") reads it as categorical"),
                        source.fileName(), 0, c, null);
            }
        }
    }

    /**
     * {@code source} reading the model's factor columns as categorical: those of
     * {@link ModelSpec#factorColumns()} and, for a formula, every column it reads that the source
     * found to hold text (a string column is a factor, as in R). A model without formula reads
     * text columns as numbers (and so reports them).
     */
    public static RowSource prepare(ModelSpec spec, RowSource source) {
        java.util.Set<String> factors = new java.util.LinkedHashSet<>(spec.factorColumns());
        if (spec.formula() != null) {
            java.util.Set<String> text = source.categoricalColumns();
            for (String f : spec.withColumns(source.columns()).features()) {
                if (text.contains(f)) {
                    factors.add(f);
                }
            }
        }
        if (factors.isEmpty()) {
            return source;
        }
        try {
            return source.withCategorical(factors);
        } catch (UnsupportedOperationException e) {
            throw new org.gramian.GramianException("the data source cannot read " + org.gramian.UserText.list(
                    List.copyOf(factors)) + " as categorical (factor) columns: " + e.getMessage());
        }
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

    /**
     * When every design column is a source column as it is (or the constant 1): for a bound model
     * without formula, weights or powers, the source column of each design column, −1 for the
     * constant 1 (the intercept); otherwise null. With it, a Gram pass may copy a row's values
     * straight into the augmented row ({@link org.gramian.accumulate.GramAccumulator#augmentColumns})
     * instead of calling {@link #expand} per row: {@code expand} would produce the same values, and it
     * is still the one to call for a row holding a non-finite value, for its error message.
     */
    public int[] plainColumns() {
        if (functions != null || sourceIndex == null || targetIndex < 0 || weightIndex >= 0) {
            return null;
        }
        int[] cols = new int[terms.size()];
        for (int j = 0; j < cols.length; j++) {
            if (terms.get(j) instanceof Term.Power || chained[j]) {
                return null;
            }
            cols[j] = feature[j] < 0 ? -1 : sourceIndex[feature[j]];
        }
        return cols;
    }

    /** The source column of the target (bound designs), as {@link #expand} reads it; −1 if unbound. */
    public int targetColumn() {
        return targetIndex;
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
        if (functions != null) {
            double[] fv = featureValues.get();
            for (int f = 0; f < fv.length; f++) {
                fv[f] = input(block, i, f, source);
            }
            for (int j = 0; j < x.length && j < terms.size(); j++) {
                double value = functions[j].value(fv);
                if (!Double.isFinite(value)) {
                    throw notFinite(block, i, source, j, value);
                }
                x[j] = value;
            }
            return y;
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
        if (functions != null) {
            DD[] fv = inputs(block, i, source);
            for (int j = 0; j < terms.size(); j++) {
                DD value = functions[j].exact(fv);
                if (!Double.isFinite(value.hi)) {
                    throw notFinite(block, i, source, j, value.hi);
                }
                x[j] = value;
            }
            x[terms.size()] = DD.of(y, block.tail(i, targetIndex));
            return;
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

    /**
     * {@link #expandExact} into leading and trailing parts: {@code (hi[j], lo[j])} are the two
     * doubles of the double-double {@code expandExact} puts in {@code x[j]} (y at index p), bit for
     * bit, with the same checks and errors, but no object per entry for the plain columns of a
     * model without a formula (the double-double pass calls this for every row: the objects were
     * a third of its time). The parts are those {@link DD#of(double, double)} gives, and it gives
     * them back unchanged ({@code hi} is {@code hi + lo} rounded), so {@code DD.of(hi[j], lo[j])}
     * is {@code x[j]}.
     */
    public void expandExact(RowBlock block, int i, double[] hi, double[] lo, RowSource source) {
        requireBound();
        if (functions != null) {
            DD[] x = new DD[terms.size() + 1];
            expandExact(block, i, x, source);
            for (int j = 0; j < x.length; j++) {
                hi[j] = x[j].hi;
                lo[j] = x[j].lo;
            }
            return;
        }
        double y = block.get(i, targetIndex);
        if (!Double.isFinite(y)) {
            throw invalid(block, i, source, spec.target(), y);
        }
        for (int j = 0; j < terms.size(); j++) {
            int f = feature[j];
            if (f < 0) {
                hi[j] = 1.0;
                lo[j] = 0.0;
                continue;
            }
            double raw = block.get(i, sourceIndex[f]);
            if (!Double.isFinite(raw)) {
                throw invalid(block, i, source, spec.features().get(f), raw);
            }
            double tail = block.tail(i, sourceIndex[f]);
            double th = raw + tail;              // DD.of(raw, tail), written out
            double tl = tail - (th - raw);
            double vh = th;                      // powerExact of a plain column is the value itself
            double vl = tl;
            if (chained[j] || terms.get(j) instanceof Term.Power) {
                DD t = DD.of(th, tl);
                DD value = chained[j] ? DD.of(hi[j - 1], lo[j - 1]).multiply(t) : powerExact(t, terms.get(j));
                vh = value.hi;
                vl = value.lo;
            }
            if (!Double.isFinite(vh)) {
                throw new InvalidValueException(source, block.firstRow() + i, spec.features().get(f),
                        terms.get(j).name() + " overflows a double");
            }
            hi[j] = vh;
            lo[j] = vl;
        }
        double ty = block.tail(i, targetIndex);
        int p = terms.size();
        hi[p] = y + ty;
        lo[p] = ty - (hi[p] - y);
    }

    /**
     * The feature values of row i of the block in {@code spec().features()} order, in double-double
     * (value and decimal tail); a factor's value is the index of its level among the model's levels.
     * Throws {@link InvalidValueException} for a non-finite value or a level the model has not seen.
     */
    public DD[] inputs(RowBlock block, int i, RowSource source) {
        requireBound();
        DD[] fv = new DD[sourceIndex.length];
        for (int f = 0; f < fv.length; f++) {
            double raw = input(block, i, f, source);
            fv[f] = factor[f] ? DD.of(raw) : DD.of(raw, block.tail(i, sourceIndex[f]));
        }
        return fv;
    }

    /**
     * For a design whose columns are the inputs as they are (no formula functions, powers or
     * products): the input index of each design column, −1 for the intercept; null for any other
     * design. Then {@code row(inputs)[j]} is input {@code plainTerms()[j]} (or 1), and
     * {@link #combinePlain} gives {@link #combine}'s bits without the objects.
     */
    public int[] plainTerms() {
        if (functions != null) {
            return null;
        }
        int[] out = new int[terms.size()];
        for (int j = 0; j < out.length; j++) {
            if (terms.get(j) instanceof Term.Power || chained[j]) {
                return null;
            }
            out[j] = feature[j];
        }
        return out;
    }

    /**
     * {@link #inputs} into two arrays: the same checks and the same double-double values
     * ({@code hi[f] + lo[f]}, normalized as {@link DD#of(double, double)}), without objects.
     */
    public void inputsInto(RowBlock block, int i, RowSource source, double[] hi, double[] lo) {
        requireBound();
        for (int f = 0; f < sourceIndex.length; f++) {
            double raw = input(block, i, f, source);
            if (factor[f]) {
                hi[f] = raw;
                lo[f] = 0.0;
            } else {
                double t = block.tail(i, sourceIndex[f]);
                double s = raw + t;                         // DD.of(hi, lo): quick two-sum
                hi[f] = s;
                lo[f] = t - (s - raw);
            }
        }
    }

    /**
     * {@link #combine}{@code (w, row(inputs))} for a design with {@link #plainTerms()}: the same
     * operations in the same order on the inputs' parts, rounded to a double as
     * {@link DD#doubleValue()}.
     */
    public static double combinePlain(double[] w, int[] plainTerms, double[] inHi, double[] inLo) {
        double[] y = new double[2];
        for (int j = 0; j < plainTerms.length; j++) {
            if (!Double.isNaN(w[j])) {
                int f = plainTerms[j];
                addTerm(y, f < 0 ? 1.0 : inHi[f], f < 0 ? 0.0 : inLo[f], w[j]);
            }
        }
        double s = y[0] + y[1];                         // DD.of(hi, lo).doubleValue(), as combine's caller
        double e = y[1] - (s - y[0]);
        return s + e;
    }

    /**
     * y ← y + (ah + al)·b in double-double, y = (y[0], y[1]): {@code DD.multiply(double)} then
     * {@code DD.add(DD)} (Shewchuk / QD ieee_add) written out op for op, so {@link #combine} and
     * {@link #combinePlain} share one sequence of operations and give the same bits.
     */
    private static void addTerm(double[] y, double ah, double al, double b) {
        double hi = y[0];
        double lo = y[1];
        double p = ah * b;
        double e = Math.fma(ah, b, -p);
        e += al * b;
        double mh = p + e;
        double ml = e - (mh - p);
        double s = hi + mh;
        double bb = s - hi;
        double e1 = (hi - (s - bb)) + (mh - bb);
        double t = lo + ml;
        double tb = t - lo;
        double f = (lo - (t - tb)) + (ml - tb);
        e1 += t;
        double s2 = s + e1;
        e1 = e1 - (s2 - s);
        e1 += f;
        double h2 = s2 + e1;
        y[1] = e1 - (h2 - s2);
        y[0] = h2;
    }

    /**
     * Whether row {@code i} lacks a value the model needs: a feature cell holds NaN, which is how a
     * source that keeps rows with missing cells delivers them (the CSV reader's {@code KEEP}
     * policy; it reads no other NaN: the text "NaN" is a missing value, and a cell that is not a
     * finite number is an error).
     */
    public boolean hasMissingInput(RowBlock block, int i) {
        requireBound();
        int base = i * block.width();
        double[] v = block.values();
        for (int index : sourceIndex) {
            if (Double.isNaN(v[base + index])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Feature {@code f} of row {@code i} as {@link #inputs} reads it (checked the same way), or
     * NaN when the cell is missing: how a row with a missing value is shown.
     */
    public double inputOrMissing(RowBlock block, int i, int f, RowSource source) {
        requireBound();
        return Double.isNaN(block.get(i, sourceIndex[f])) ? Double.NaN : input(block, i, f, source);
    }

    /**
     * The text of feature {@code f}'s value in a row read by {@link #inputs}: the level's name for a
     * factor, null for a numeric feature.
     */
    public String levelName(int f, double modelLevel) {
        return factor[f] ? spec.levels().get(spec.features().get(f)).get((int) modelLevel) : null;
    }

    /** Feature f of row i, checked: finite, and for a factor its model level index. */
    private double input(RowBlock block, int i, int f, RowSource source) {
        double raw = block.get(i, sourceIndex[f]);
        if (!Double.isFinite(raw)) {
            throw invalid(block, i, source, spec.features().get(f), raw);
        }
        if (!factor[f]) {
            return raw;
        }
        int k = levelMap[f] == null ? (int) raw : levelMap[f][(int) raw];
        if (k < 0) {
            String col = spec.features().get(f);
            throw new InvalidValueException(source, block.firstRow() + i, col, "level "
                    + org.gramian.UserText.quote(sourceLevels.get(f).get((int) raw))
                    + " was not in the data the model was fitted on; its levels are: "
                    + org.gramian.UserText.list(spec.levels().get(col)));
        }
        return k;
    }

    private InvalidValueException notFinite(RowBlock block, int i, RowSource source, int j, double value) {
        Term t = terms.get(j);
        String why = value > 0 || value < 0 ? "overflows a double (" + value + ")"
                : "is not a number (NaN: e.g. the log or square root of a negative number)";
        if (value == Double.NEGATIVE_INFINITY) {
            why = "is -Infinity (the log of 0, or an overflow)";
        }
        return new InvalidValueException(source, block.firstRow() + i, t.column(), t.name() + " " + why);
    }

    /** The design row for feature values given in {@code spec().features()} order (double-double). */
    public DD[] row(DD[] featureValues) {
        if (featureValues.length != spec.features().size()) {
            throw new IllegalArgumentException("expected " + spec.features().size() + " feature values "
                    + spec.features() + ", got " + featureValues.length);
        }
        if (functions != null) {
            DD[] x = new DD[terms.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = functions[j].exact(featureValues);
            }
            return x;
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
        // y = ZERO; y = y.add(x[j].multiply(w[j])) for each j, written out on primitives (addTerm):
        // the same operations in the same order (so the same bits) without two objects a term,
        // which made the garbage of predict (10⁶ rows × 21 terms) cost more than its arithmetic
        double[] y = new double[2];
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(w[j])) {
                addTerm(y, x[j].hi, x[j].lo, w[j]);
            }
        }
        return DD.of(y[0], y[1]); // (hi, lo) is normalized: DD.of keeps both parts as they are
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
