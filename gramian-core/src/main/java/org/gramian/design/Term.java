package org.gramian.design;

/**
 * One column of the design matrix X, as a function of one input row: the intercept's constant 1,
 * an input column as given, a power of an input column, an arithmetic expression of columns
 * ({@code I(x^2)}, {@code log(x)}), the indicator of one level of a factor (treatment coding), or
 * the product of such parts (an interaction column).
 */
public sealed interface Term permits Term.Intercept, Term.Column, Term.Power, Term.Expression, Term.Dummy,
        Term.Interaction {

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

    /**
     * A numeric expression of input columns, e.g. {@code log(x)} or {@code I(x1 * x2)}; named as R
     * deparses it. {@code column()} is the first column it reads (for error messages).
     */
    record Expression(org.gramian.design.formula.Expr expr) implements Term {
        public Expression {
            java.util.Objects.requireNonNull(expr, "expr");
        }

        @Override
        public String name() {
            return expr.deparse();
        }

        @Override
        public String column() {
            java.util.List<String> cols = new org.gramian.design.formula.Formula("_", expr).columns();
            return cols.isEmpty() ? null : cols.get(0);
        }
    }

    /**
     * 1 where the factor {@code column} has {@code level}, else 0 (one column of treatment coding).
     * Named as R names it: the factor as written ({@code prefix}: the column, or {@code C(g)}) then
     * the level, e.g. {@code groupB}.
     */
    record Dummy(String column, String level, String prefix) implements Term {
        public Dummy {
            java.util.Objects.requireNonNull(column, "column");
            java.util.Objects.requireNonNull(level, "level");
            java.util.Objects.requireNonNull(prefix, "prefix");
        }

        /** The dummy of a factor named by its column. */
        public Dummy(String column, String level) {
            this(column, level, column);
        }

        @Override
        public String name() {
            return prefix + level;
        }
    }

    /** The product of its parts (none an intercept or interaction): an interaction column, e.g. {@code groupB:x}. */
    record Interaction(java.util.List<Term> parts) implements Term {
        public Interaction {
            parts = java.util.List.copyOf(parts);
            if (parts.size() < 2) {
                throw new IllegalArgumentException("an interaction needs at least two parts");
            }
            for (Term t : parts) {
                if (t instanceof Intercept || t instanceof Interaction) {
                    throw new IllegalArgumentException("an interaction's parts are columns, powers, expressions or dummies");
                }
            }
        }

        @Override
        public String name() {
            return String.join(":", parts.stream().map(Term::name).toList());
        }

        @Override
        public String column() {
            return parts.get(0).column();
        }
    }
}
