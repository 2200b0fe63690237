package org.gramian.design.formula;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A node of a formula's syntax tree, immutable. The same nodes serve the formula operators (on the
 * right of {@code ~}, {@code +} {@code -} {@code *} {@code :} {@code ^} combine terms) and
 * arithmetic (inside {@code I(...)} and function arguments they are the numeric operations): what
 * a node means depends on where it stands, as in R.
 *
 * <p>{@link #deparse()} writes a node back as R's {@code deparse} does (spaces around {@code +}
 * {@code -} {@code *}, none around {@code /} {@code ^} {@code :}); that text names the term's
 * coefficients ({@code I(x^2)}, {@code log(hp)}).
 */
public sealed interface Expr extends java.io.Serializable permits Expr.Var, Expr.Num, Expr.Str, Expr.Dot, Expr.Neg, Expr.Paren, Expr.Binary,
        Expr.Call {

    /** The expression as R's deparse writes it. */
    String deparse();

    /** A column of the data, by name. */
    record Var(String name) implements Expr {
        public Var {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String deparse() {
            return isSyntacticName(name) ? name : "`" + name.replace("`", "\\`") + "`";
        }
    }

    /** A numeric literal. */
    record Num(double value) implements Expr {
        @Override
        public String deparse() {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value).toLowerCase(Locale.ROOT);
        }
    }

    /** A quoted string (a level name in {@code C(g, ref = 'b')}). */
    record Str(String value) implements Expr {
        @Override
        public String deparse() {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** {@code .}: every column of the data but the response (and the weights). */
    record Dot() implements Expr {
        @Override
        public String deparse() {
            return ".";
        }
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
        @Override
        public String deparse() {
            return "-" + operand.deparse();
        }
    }

    /** Parentheses, kept so that a term's name shows them as written. */
    record Paren(Expr inner) implements Expr {
        @Override
        public String deparse() {
            return "(" + inner.deparse() + ")";
        }
    }

    /** A binary operator: one of {@code + - * / ^ :}. */
    record Binary(char op, Expr left, Expr right) implements Expr {
        public Binary {
            if ("+-*/^:".indexOf(op) < 0) {
                throw new IllegalArgumentException("not a formula operator: " + op);
            }
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String deparse() {
            String sep = op == '^' || op == ':' || op == '/' ? String.valueOf(op) : " " + op + " ";
            return left.deparse() + sep + right.deparse();
        }
    }

    /**
     * A function call, {@code f(a, name = b)}: {@code names} has one entry per argument, null for
     * a positional one.
     */
    record Call(String function, List<Expr> args, List<String> names) implements Expr {
        public Call {
            args = List.copyOf(args);
            names = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(names));
            if (names.size() != args.size()) {
                throw new IllegalArgumentException("one name (or null) per argument");
            }
        }

        /** A call with positional arguments only. */
        public Call(String function, List<Expr> args) {
            this(function, args, java.util.Collections.nCopies(args.size(), (String) null));
        }

        @Override
        public String deparse() {
            StringBuilder sb = new StringBuilder(function).append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                if (names.get(i) != null) {
                    sb.append(names.get(i)).append(" = ");
                }
                sb.append(args.get(i).deparse());
            }
            return sb.append(')').toString();
        }

        /** The argument called {@code name}, or else the positional one at {@code position}, or null. */
        public Expr argument(String name, int position) {
            int k = names.indexOf(name);
            if (k >= 0) {
                return args.get(k);
            }
            int seen = 0;
            for (int i = 0; i < args.size(); i++) {
                if (names.get(i) == null) {
                    if (seen == position) {
                        return args.get(i);
                    }
                    seen++;
                }
            }
            return null;
        }
    }

    /** A column by name. */
    static Expr var(String name) {
        return new Var(name);
    }

    /** Whether R writes {@code name} without backquotes: letters, digits, '.', '_', not starting with a digit or '_'. */
    static boolean isSyntacticName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char c0 = name.charAt(0);
        if (!(Character.isLetter(c0) || c0 == '.')) {
            return false;
        }
        if (c0 == '.' && name.length() > 1 && Character.isDigit(name.charAt(1))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_')) {
                return false;
            }
        }
        return !name.equals(".");
    }
}
