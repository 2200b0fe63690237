package org.gramian.design;

/**
 * One column of the design matrix X, as a function of one input row: the intercept's constant 1,
 * an input column as given, or a power of an input column. Categorical and interaction terms are
 * for the formula language to add.
 */
public sealed interface Term permits Term.Intercept, Term.Column, Term.Power {

    /** The coefficient's name, as R writes it: {@code (Intercept)}, {@code x}, {@code x^2}. */
    String name();

    /** The input column this term reads, or null for the intercept. */
    String column();

    /** The intercept, a column of ones. */
    record Intercept() implements Term {
        @Override
        public String name() {
            return "(Intercept)";
        }

        @Override
        public String column() {
            return null;
        }
    }

    /** An input column as given. */
    record Column(String column) implements Term {
        public Column {
            java.util.Objects.requireNonNull(column, "column");
        }

        @Override
        public String name() {
            return column;
        }
    }

    /** xᵏ for an input column x and k ≥ 2. */
    record Power(String column, int exponent) implements Term {
        public Power {
            java.util.Objects.requireNonNull(column, "column");
            if (exponent < 2) {
                throw new IllegalArgumentException("a power term needs an exponent of at least 2, got " + exponent);
            }
        }

        @Override
        public String name() {
            return column + "^" + exponent;
        }
    }
}
