package org.gramian.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to fit: the response column, the feature columns, an optional polynomial degree and
 * whether the model has an intercept.
 *
 * <p>The design matrix X has one row per observation and these columns, in order:
 * <ul>
 *   <li>{@code 1} if {@link #intercept()} (the bias column, named {@code (Intercept)});</li>
 *   <li>for {@code degree == 1}: each feature column as given;</li>
 *   <li>for {@code degree = k > 1}: exactly one feature x, expanded to x, x², …, xᵏ
 *       (named {@code x}, {@code x^2}, …).</li>
 * </ul>
 *
 * @param target   name of the response column y
 * @param features names of the predictor columns (at least one unless the model is intercept-only)
 * @param degree   polynomial degree, 1 for a plain linear model
 * @param intercept whether X has a leading column of ones
 * @param weights  the column of non-negative observation weights (weighted least squares: minimize
 *                 Σ wᵢ(yᵢ − xᵢᵀw)²; a zero weight drops the row), or null for ordinary least squares
 */
public record ModelSpec(String target, List<String> features, int degree, boolean intercept, String weights)
        implements java.io.Serializable {
    // Serializable so that a distributed backend (gramian-spark) ships the model to its executors.
    private static final long serialVersionUID = 1L;

    /** Ordinary least squares (no weights). */
    public ModelSpec(String target, List<String> features, int degree, boolean intercept) {
        this(target, features, degree, intercept, null);
    }

    public ModelSpec {
        Objects.requireNonNull(target, "target");
        if (weights != null && (weights.equals(target) || features.contains(weights))) {
            throw new IllegalArgumentException("the weights column '" + weights + "' is also the target or a feature");
        }
        features = List.copyOf(features);
        if (degree < 1) {
            throw new IllegalArgumentException("degree must be at least 1, got " + degree);
        }
        if (degree > 1 && features.size() != 1) {
            throw new IllegalArgumentException(
                    "a polynomial of degree " + degree + " needs exactly one feature column, got " + features);
        }
        if (features.contains(target)) {
            throw new IllegalArgumentException("the target column '" + target + "' is also listed as a feature");
        }
        if (features.isEmpty() && !intercept) {
            throw new IllegalArgumentException("a model without intercept needs at least one feature");
        }
        if (features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("a feature column is listed twice: " + features);
        }
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
        return new ModelSpec(target, features, degree, withIntercept, weights);
    }

    /**
     * The terms of X in column order: the intercept (if any), then each feature, or for a
     * polynomial x, x², …, xᵏ. The layout lives here and in {@link Design}, nowhere else.
     */
    public List<Term> terms() {
        List<Term> terms = new ArrayList<>();
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
        return new ModelSpec(target, features, degree, intercept, column);
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
}
