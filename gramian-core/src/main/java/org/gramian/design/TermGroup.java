package org.gramian.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gramian.GramianException;
import org.gramian.UserText;
import org.gramian.design.formula.Expr;
import org.gramian.design.formula.Formula;

/**
 * One term of a model formula and the columns of X it makes: {@code wool:tension} makes
 * {@code woolB:tensionM} and {@code woolB:tensionH}. The ANOVA table has a row per group.
 *
 * @param label   R's term label, e.g. {@code log(hp)}, {@code wool:tension}; {@code (Intercept)}
 * @param columns the design columns, in order
 */
public record TermGroup(String label, List<Term> columns) {

    public TermGroup {
        columns = List.copyOf(columns);
    }

    /**
     * The design columns of a formula, grouped by term, as R's {@code model.matrix}: the intercept,
     * then each term's columns. A factor in a term is coded by treatment contrasts (its levels but
     * the reference) when the term without it is empty or contained in an earlier term, and by
     * indicators of every level otherwise (R's rule, e.g. {@code y ~ g:x} gets one slope per level);
     * without an intercept the first factor of the first term holding one gets every level. In a
     * term of several variables the first varies fastest.
     *
     * @param levels the levels of each factor column (see {@link ModelSpec#levels()})
     */
    public static List<TermGroup> of(Formula formula, Map<String, List<String>> levels) {
        Formula.Terms t = formula.terms();
        List<TermGroup> groups = new ArrayList<>();
        if (t.intercept()) {
            groups.add(new TermGroup("(Intercept)", List.of(new Term.Intercept())));
        }
        boolean fullDone = t.intercept();
        List<List<Expr>> terms = t.terms();
        for (int k = 0; k < terms.size(); k++) {
            List<Expr> vars = terms.get(k);
            List<List<Term>> parts = new ArrayList<>();
            for (Expr v : vars) {
                if (isFactor(v, levels)) {
                    boolean contrast = contrastCoded(terms, k, v);
                    if (!fullDone) {
                        contrast = false;
                        fullDone = true;
                    }
                    parts.add(dummies(v, levels, contrast));
                } else {
                    parts.add(numeric(v, levels));
                }
            }
            List<Term> cols = new ArrayList<>();
            enumerate(parts, parts.size() - 1, new Term[parts.size()], cols); // the first variable varies fastest
            groups.add(new TermGroup(t.labels().get(k), cols));
        }
        return groups;
    }

    /** Whether a variable of a formula is a factor: C(), factor(), relevel(), or a column with levels. */
    static boolean isFactor(Expr v, Map<String, List<String>> levels) {
        return Formula.isFactor(v) || v instanceof Expr.Var var && levels.containsKey(var.name());
    }

    // R's TermCode: contrasts when the term without v is empty or a subset of an earlier term.
    private static boolean contrastCoded(List<List<Expr>> terms, int k, Expr v) {
        List<Expr> rest = new ArrayList<>(terms.get(k));
        rest.remove(v);
        if (rest.isEmpty()) {
            return true;
        }
        for (int e = 0; e < k; e++) {
            if (terms.get(e).containsAll(rest)) {
                return true;
            }
        }
        return false;
    }

    private static List<Term> numeric(Expr v, Map<String, List<String>> levels) {
        if (v instanceof Expr.Var var) {
            return List.of(new Term.Column(var.name()));
        }
        if (v instanceof Expr.Call c && c.function().equals("poly")) {
            String x = ((Expr.Var) c.argument("x", 0)).name();
            int k = (int) ((Expr.Num) c.argument("degree", 1)).value();
            List<Term> out = new ArrayList<>();
            out.add(new Term.Column(x));
            for (int e = 2; e <= k; e++) {
                out.add(new Term.Power(x, e));
            }
            return out;
        }
        for (String col : new Formula("_", v).columns()) {
            if (levels.containsKey(col)) {
                throw new GramianException("column " + UserText.quote(col) + " is categorical (it holds text); it"
                        + " cannot be used in arithmetic as in " + v.deparse());
            }
        }
        return List.of(new Term.Expression(v));
    }

    private static List<Term> dummies(Expr v, Map<String, List<String>> levels, boolean contrast) {
        String column;
        String ref = null;
        if (v instanceof Expr.Call c) {
            column = ((Expr.Var) c.args().get(0)).name();
            ref = Formula.reference(c);
        } else {
            column = ((Expr.Var) v).name();
        }
        List<String> lv = levels.get(column);
        if (lv == null) {
            throw new IllegalStateException("the levels of factor column '" + column + "' are not known: bind the"
                    + " model to its data first (Design.bind)");
        }
        List<String> order = ordered(lv, ref, column);
        List<Term> out = new ArrayList<>();
        String prefix = v.deparse();
        for (int i = contrast ? 1 : 0; i < order.size(); i++) {
            out.add(new Term.Dummy(column, order.get(i), prefix));
        }
        return out;
    }

    /** The levels with {@code ref} moved to the front, as R's {@code relevel}. */
    static List<String> ordered(List<String> levels, String ref, String column) {
        if (ref == null) {
            return levels;
        }
        if (!levels.contains(ref)) {
            throw new GramianException("the reference level " + UserText.quote(ref) + " is not a level of column "
                    + UserText.quote(column) + "; its levels are: " + UserText.list(levels));
        }
        List<String> out = new ArrayList<>(levels.size());
        out.add(ref);
        for (String l : levels) {
            if (!l.equals(ref)) {
                out.add(l);
            }
        }
        return out;
    }

    private static void enumerate(List<List<Term>> parts, int i, Term[] chosen, List<Term> out) {
        if (i < 0) {
            out.add(chosen.length == 1 ? chosen[0] : new Term.Interaction(List.of(chosen)));
            return;
        }
        for (Term t : parts.get(i)) {
            chosen[i] = t;
            enumerate(parts, i - 1, chosen, out);
        }
    }
}
