package org.gramian.design.formula;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A model formula as R writes it, {@code response ~ terms}: immutable, read by {@link #parse} or
 * built in code from {@link Expr} nodes, e.g.
 * {@code new Formula("y", new Expr.Binary('*', new Expr.Var("a"), new Expr.Var("b")))}.
 *
 * <p>Supported on the right of {@code ~}: {@code +}, {@code -} (remove a term), {@code .} (every
 * other column), {@code 0}, {@code -1}, {@code +0} (no intercept), {@code 1}, {@code :} and
 * {@code *} interactions, {@code /} nesting, {@code (…)^k}; {@code I(expr)} arithmetic
 * ({@code + - * / ^}, numbers, unary minus, and the functions below); {@code log}, {@code log2},
 * {@code log10}, {@code exp}, {@code sqrt}, {@code abs}; {@code poly(x, k)} (raw powers x, x², …,
 * xᵏ); factors: a text column, {@code C(g)}, {@code factor(g)}, {@code C(g, ref = 'b')},
 * {@code C(g, Treatment('b'))} and {@code relevel(g, ref = 'b')}. {@link #terms()} expands the
 * right-hand side as R's {@code terms()} does.
 *
 * @param response the response column y
 * @param rhs      the right-hand side
 */
public record Formula(String response, Expr rhs) implements java.io.Serializable {

    public Formula {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(rhs, "rhs");
    }

    /**
     * Reads a formula.
     *
     * @throws FormulaException naming what was expected, with a caret under the position
     */
    public static Formula parse(String text) {
        return FormulaParser.parse(text);
    }

    /** The formula as R deparses it, e.g. {@code y ~ x1 + log(x2)}; {@link #parse} reads it back. */
    public String text() {
        return new Expr.Var(response).deparse() + " ~ " + rhs.deparse();
    }

    @Override
    public String toString() {
        return text();
    }

    /** Whether the right-hand side holds {@code .} (to be expanded by {@link #withColumns}). */
    public boolean hasDot() {
        return contains(rhs, Expr.Dot.class);
    }

    /**
     * This formula with {@code .} replaced by the sum of the given columns, leaving out the
     * response and {@code exclude} (the weights column), in the order given.
     */
    public Formula withColumns(List<String> columns, String exclude) {
        if (!hasDot()) {
            return this;
        }
        List<String> others = new ArrayList<>();
        for (String c : columns) {
            if (!c.equals(response) && !c.equals(exclude) && !others.contains(c)) {
                others.add(c);
            }
        }
        Expr sum = null;
        for (String c : others) {
            sum = sum == null ? new Expr.Var(c) : new Expr.Binary('+', sum, new Expr.Var(c));
        }
        Expr dots = sum == null ? new Expr.Num(0) : others.size() == 1 ? sum : new Expr.Paren(sum);
        return new Formula(response, replaceDot(rhs, dots));
    }

    /** The expanded terms: whether there is an intercept, and each term's variables. */
    public Terms terms() {
        if (hasDot()) {
            throw new IllegalStateException("expand '.' against the data's columns first (withColumns)");
        }
        return expanded();
    }

    /** Whether the model has an intercept (R's rules for 0, 1, -1). */
    public boolean intercept() {
        return expanded().intercept();
    }

    /** R's expansion of the right-hand side, refused (caret at its start) past {@link TermAlgebra#MAX_TERMS}. */
    private Terms expanded() {
        try {
            return TermAlgebra.expand(rhs);
        } catch (TermAlgebra.TooManyTerms e) {
            String text = text();
            throw new FormulaException("too many terms: " + e.getMessage(), text, text.length() - rhs.deparse().length());
        }
    }

    /** The columns the right-hand side reads, in order of first appearance (without '.' columns). */
    public List<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        columns(rhs, out);
        return List.copyOf(out);
    }

    /** The columns read as factors by {@code C()}, {@code factor()} or {@code relevel()}. */
    public Set<String> explicitFactors() {
        Set<String> out = new LinkedHashSet<>();
        factors(rhs, out);
        return out;
    }

    /**
     * The expanded right-hand side.
     *
     * @param intercept whether the model has an intercept
     * @param terms     each term's variables, in R's order (by order of interaction, then as they appear)
     */
    public record Terms(boolean intercept, List<List<Expr>> terms) {
        public Terms {
            terms = List.copyOf(terms);
        }

        /** R's term labels, e.g. {@code wool}, {@code tension}, {@code wool:tension}. */
        public List<String> labels() {
            return terms.stream().map(TermAlgebra::label).toList();
        }
    }

    private static void columns(Expr e, Set<String> out) {
        if (e instanceof Expr.Var v) {
            out.add(v.name());
        } else if (e instanceof Expr.Neg n) {
            columns(n.operand(), out);
        } else if (e instanceof Expr.Paren p) {
            columns(p.inner(), out);
        } else if (e instanceof Expr.Binary b) {
            columns(b.left(), out);
            if (b.op() != '^' || !(b.right() instanceof Expr.Num)) {
                columns(b.right(), out);
            }
        } else if (e instanceof Expr.Call c) {
            if (c.function().equals("poly") || c.function().equals("C") || c.function().equals("factor")
                    || c.function().equals("relevel")) {
                columns(c.args().get(0), out);   // the rest are degrees, flags and level names
            } else {
                c.args().forEach(a -> columns(a, out));
            }
        }
    }

    private static void factors(Expr e, Set<String> out) {
        if (e instanceof Expr.Neg n) {
            factors(n.operand(), out);
        } else if (e instanceof Expr.Paren p) {
            factors(p.inner(), out);
        } else if (e instanceof Expr.Binary b) {
            factors(b.left(), out);
            factors(b.right(), out);
        } else if (e instanceof Expr.Call c && isFactor(c)) {
            out.add(((Expr.Var) c.args().get(0)).name());
        }
    }

    /** Whether a call makes a factor: {@code C(g)}, {@code factor(g)}, {@code relevel(g, ...)}. */
    public static boolean isFactor(Expr e) {
        return e instanceof Expr.Call c && (c.function().equals("C") || c.function().equals("factor")
                || c.function().equals("relevel"));
    }

    /** The reference level a factor call names, or null (first level). */
    public static String reference(Expr.Call c) {
        Expr ref = FormulaParser.reference(c);
        if (ref instanceof Expr.Str s) {
            return s.value();
        }
        if (ref instanceof Expr.Num n) {
            return n.deparse();
        }
        return null;
    }

    private static boolean contains(Expr e, Class<? extends Expr> kind) {
        if (kind.isInstance(e)) {
            return true;
        }
        if (e instanceof Expr.Neg n) {
            return contains(n.operand(), kind);
        }
        if (e instanceof Expr.Paren p) {
            return contains(p.inner(), kind);
        }
        if (e instanceof Expr.Binary b) {
            return contains(b.left(), kind) || contains(b.right(), kind);
        }
        return false;
    }

    private static Expr replaceDot(Expr e, Expr with) {
        if (e instanceof Expr.Dot) {
            return with;
        }
        if (e instanceof Expr.Neg n) {
            return new Expr.Neg(replaceDot(n.operand(), with));
        }
        if (e instanceof Expr.Paren p) {
            return new Expr.Paren(replaceDot(p.inner(), with));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), replaceDot(b.left(), with), replaceDot(b.right(), with));
        }
        return e;
    }
}
