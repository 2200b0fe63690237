package org.gramian.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.gramian.GramianException;
import org.gramian.UserText;
import org.gramian.data.RowSource;
import org.gramian.design.formula.Formula;

/**
 * What to fit: the response column, the feature columns, an optional polynomial degree and
 * whether the model has an intercept — or a model {@link Formula}.
 *
 * <p>Without a formula, the design matrix X has one row per observation and these columns, in order:
 * <ul>
 *   <li>{@code 1} if {@link #intercept()} (the bias column, named {@code (Intercept)});</li>
 *   <li>for {@code degree == 1}: each feature column as given;</li>
 *   <li>for {@code degree = k > 1}: exactly one feature x, expanded to x, x², …, xᵏ
 *       (named {@code x}, {@code x^2}, …).</li>
 * </ul>
 * With a formula ({@link #of(Formula)}), X has the columns of its terms ({@link TermGroup#of}); the
 * target is the formula's response, the features are the columns it reads, and {@code levels}
 * holds the levels of each factor column once the model has seen its data ({@link #resolve}).
 *
 * @param target   name of the response column y
 * @param features names of the predictor columns (at least one unless the model is intercept-only)
 * @param degree   polynomial degree, 1 for a plain linear model
 * @param intercept whether X has a leading column of ones
 * @param weights  the column of non-negative observation weights (weighted least squares: minimize
 *                 Σ wᵢ(yᵢ − xᵢᵀw)²; a zero weight drops the row), or null for ordinary least squares
 * @param formula  the model formula, or null when the model is given by features and degree
 * @param levels   the levels of each factor column in model order (sorted; numerically when every
 *                 level is a number, as R's {@code factor} of a numeric column); empty without factors
 */
public record ModelSpec(String target, List<String> features, int degree, boolean intercept, String weights,
                        Formula formula, Map<String, List<String>> levels) implements java.io.Serializable {
    // Serializable so that a distributed backend (gramian-spark) ships the model to its executors.
    private static final long serialVersionUID = 1L;

    /** Ordinary least squares (no weights). */
    public ModelSpec(String target, List<String> features, int degree, boolean intercept) {
        this(target, features, degree, intercept, null);
    }

    /** A model without formula. */
    public ModelSpec(String target, List<String> features, int degree, boolean intercept, String weights) {
        this(target, features, degree, intercept, weights, null, Map.of());
    }

    public ModelSpec {
        Objects.requireNonNull(target, "target");
        if (weights != null && (weights.equals(target) || features.contains(weights))) {
            throw new IllegalArgumentException("the weights column '" + weights + "' is also the target or a feature");
        }
        features = List.copyOf(features);
        if (levels == null) {
            levels = Map.of();
        }
        Map<String, List<String>> lv = new TreeMap<>();
        levels.forEach((k, v) -> lv.put(k, List.copyOf(v)));
        levels = Collections.unmodifiableMap(lv);
        if (degree < 1) {
            throw new IllegalArgumentException("degree must be at least 1, got " + degree);
        }
        if (degree > 1 && features.size() != 1) {
            throw new IllegalArgumentException(
                    "a polynomial of degree " + degree + " needs exactly one feature column, got " + features);
        }
        if (features.contains(target)) {
            throw new IllegalArgumentException("the target column '" + target + "' is also "
                    + (formula == null ? "listed as a feature" : "used on the right of '~'"));
        }
        if (features.isEmpty() && !intercept && (formula == null || !formula.hasDot())) {
            throw new IllegalArgumentException("a model without intercept needs at least one feature");
        }
        if (features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("a feature column is listed twice: " + features);
        }
        if (formula != null && (degree != 1 || !formula.response().equals(target))) {
            throw new IllegalArgumentException("a formula model has degree 1 and the formula's response as target");
        }
    }

    /**
     * The model of a formula: its response, the columns it reads, its intercept. A formula with
     * {@code .} gets its columns when bound to data ({@link #resolve}).
     */
    public static ModelSpec of(Formula formula) {
        return of(formula, null);
    }

    /** {@link #of(Formula)}, weighted by {@code weights} (null: unweighted). */
    public static ModelSpec of(Formula formula, String weights) {
        List<String> cols = new ArrayList<>(formula.columns());
        return new ModelSpec(formula.response(), cols, 1, formula.intercept(), weights, formula, Map.of());
    }

    /** A straight line y = b0 + b1·x. */
    public static ModelSpec line(String target, String feature) {
        return new ModelSpec(target, List.of(feature), 1, true);
    }

    /** A linear model with intercept on the given features. */
    public static ModelSpec linear(String target, List<String> features) {
        return new ModelSpec(target, features, 1, true);
    }

    /** y = b0 + b1·x + … + bk·xᵏ. */
    public static ModelSpec polynomial(String target, String feature, int degree) {
        return new ModelSpec(target, List.of(feature), degree, true);
    }

    public ModelSpec withIntercept(boolean withIntercept) {
        if (formula != null) {
            throw new UnsupportedOperationException("a formula model says its intercept in the formula (+ 0 or - 1)");
        }
        return new ModelSpec(target, features, degree, withIntercept, weights);
    }

    /** This model with the given factor levels (for a model read back from a file). */
    public ModelSpec withLevels(Map<String, List<String>> factorLevels) {
        return new ModelSpec(target, features, degree, intercept, weights, formula, factorLevels);
    }

    /**
     * The columns of X grouped by the formula's terms (one group per column without a formula);
     * the ANOVA table has a row per group.
     */
    public List<TermGroup> termGroups() {
        if (formula == null) {
            return terms().stream().map(t -> new TermGroup(t.name(), List.of(t))).toList();
        }
        return TermGroup.of(formula, levels);
    }

    /**
     * The terms of X in column order: the intercept (if any), then each feature, or for a
     * polynomial x, x², …, xᵏ; with a formula, its terms' columns. The layout lives here and in
     * {@link Design}, nowhere else.
     */
    public List<Term> terms() {
        List<Term> terms = new ArrayList<>();
        if (formula != null) {
            for (TermGroup g : TermGroup.of(formula, levels)) {
                terms.addAll(g.columns());
            }
            return terms;
        }
        if (intercept) {
            terms.add(new Term.Intercept());
        }
        if (degree > 1) {
            String x = features.get(0);
            terms.add(new Term.Column(x));
            for (int k = 2; k <= degree; k++) {
                terms.add(new Term.Power(x, k));
            }
        } else {
            for (String f : features) {
                terms.add(new Term.Column(f));
            }
        }
        return terms;
    }

    /** Number of columns p of the design matrix (number of coefficients). */
    public int width() {
        return terms().size();
    }

    /** Names of the coefficients, in design-matrix column order. */
    public List<String> coefficientNames() {
        return terms().stream().map(Term::name).toList();
    }

    /** The same model weighted by {@code column} (null: unweighted). */
    public ModelSpec withWeights(String column) {
        return new ModelSpec(target, features, degree, intercept, column, formula, levels);
    }

    /** The input columns this model reads: the target first, then the features, then the weights. */
    public List<String> inputColumns() {
        List<String> cols = new ArrayList<>(features.size() + 1);
        cols.add(target);
        cols.addAll(features);
        if (weights != null) {
            cols.add(weights);
        }
        return cols;
    }

    /**
     * The columns read as factors: those the formula names in {@code C()}, {@code factor()} or
     * {@code relevel()}, and those with known levels. A source must read them as categorical
     * ({@link RowSource#withCategorical}).
     */
    public Set<String> factorColumns() {
        Set<String> out = new LinkedHashSet<>();
        if (formula != null) {
            out.addAll(formula.explicitFactors());
        }
        out.addAll(levels.keySet());
        return out;
    }

    /** This model with {@code .} in its formula replaced by the given columns (but the target and weights). */
    public ModelSpec withColumns(List<String> columns) {
        if (formula == null || !formula.hasDot()) {
            return this;
        }
        return of(formula.withColumns(columns, weights), weights).withLevels(levels);
    }

    /**
     * This model made concrete for {@code source}: {@code .} expanded to its columns, and the levels
     * of every factor column learnt from it (a column the source reads as text is a factor), unless
     * already known. Without a formula, the model itself. The source must read the explicit factor
     * columns as categorical ({@link #factorColumns()}).
     */
    public ModelSpec resolve(RowSource source) {
        if (formula == null) {
            return this;
        }
        ModelSpec s = withColumns(source.columns());
        Set<String> categorical = source.categoricalColumns();
        Map<String, List<String>> lv = new LinkedHashMap<>(s.levels);
        Set<String> factors = new LinkedHashSet<>(s.factorColumns());
        for (String f : s.features) {
            if (categorical.contains(f)) {
                factors.add(f);
            }
        }
        for (String f : factors) {
            if (!lv.containsKey(f)) {
                List<String> found;
                try {
                    found = source.levels(f);
                } catch (IllegalArgumentException e) {
                    throw new GramianException("column " + UserText.quote(f) + " is not read as categorical by this"
                            + " data source (pass it through withCategorical)");
                }
                lv.put(f, modelOrder(found));
            }
        }
        return s.withLevels(lv);
    }

    /**
     * The model's order of a factor's levels: the source's (ascending String order), or ascending
     * numeric order when every level is a number, as R orders {@code factor(cyl)}: 4, 6, 8, 10.
     */
    static List<String> modelOrder(List<String> levels) {
        double[] v = new double[levels.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(levels.get(i).strip());
            } catch (NumberFormatException e) {
                return levels;
            }
        }
        List<String> out = new ArrayList<>(levels);
        out.sort((a, b) -> Double.compare(Double.parseDouble(a.strip()), Double.parseDouble(b.strip())));
        return out;
    }
}
