package org.gramian.design.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the right-hand side of a formula into terms as R's {@code terms.formula} does: a term is
 * a set of variables (a column, {@code log(x)}, {@code C(g)}, …); {@code a + b} is the union of
 * the terms, {@code a - b} removes b's, {@code a:b} the pairwise unions (left terms outer),
 * {@code a*b = a + b + a:b}, {@code a/b = a + (all of a's variables):b}, {@code A^k = A*A*…*A}
 * (k times, so interactions up to order k), {@code 1}/{@code 0}/{@code -1} switch the intercept.
 * The result is sorted by the order of the terms (main effects, then two-way interactions, …),
 * keeping the order of appearance within an order, and each term lists its variables in the order
 * they first appear in the formula — so {@code b:a + a} gives {@code a, b:a}, as R.
 */
final class TermAlgebra {
    /**
     * The most terms a formula may expand to, at any step of the expansion. Interactions grow
     * exponentially ({@code a*b*…*t} of 20 columns has 2²⁰ − 1 terms), so without a bound a short
     * formula could run for hours; a model with more terms than this is beyond every solver here
     * (its Gram matrix alone would hold 10⁸ entries).
     */
    static final int MAX_TERMS = 10_000;

    private final List<String> keys = new ArrayList<>();       // variable identity: its deparsed text
    private final Map<String, Expr> variables = new java.util.HashMap<>();

    /** The terms of one sub-expression: sets of variable indices, in order; the intercept's state. */
    private record Part(LinkedHashSet<Set<Integer>> terms, Boolean intercept) {
    }

    /** Thrown when an expansion would exceed {@link #MAX_TERMS}; {@link Formula#terms} names the formula. */
    static final class TooManyTerms extends RuntimeException {
        TooManyTerms(String problem) {
            super(problem, null, false, false);
        }
    }

    static Formula.Terms expand(Expr rhs) {
        TermAlgebra a = new TermAlgebra();
        a.collect(rhs);
        Part p = a.eval(rhs);
        List<Set<Integer>> sorted = new ArrayList<>();
        for (Set<Integer> t : p.terms) {
            if (!t.isEmpty()) {
                sorted.add(t);
            }
        }
        sorted.sort(java.util.Comparator.comparingInt(Set::size)); // stable: appearance order within an order
        List<List<Expr>> terms = new ArrayList<>();
        for (Set<Integer> t : sorted) {
            List<Expr> vars = new ArrayList<>();
            t.stream().sorted().forEach(i -> vars.add(a.variables.get(a.keys.get(i))));
            terms.add(List.copyOf(vars));
        }
        boolean intercept = p.intercept == null || p.intercept;
        return new Formula.Terms(intercept, terms);
    }

    /** Numbers the variables in the order they first appear (left to right). */
    private void collect(Expr e) {
        if (e instanceof Expr.Binary b) {
            collect(b.left());
            if (b.op() != '^') {
                collect(b.right());
            }
        } else if (e instanceof Expr.Paren p) {
            collect(p.inner());
        } else if (e instanceof Expr.Neg n) {
            collect(n.operand());
        } else if (!(e instanceof Expr.Num)) {
            String key = e.deparse();
            if (!variables.containsKey(key)) {
                variables.put(key, e);
                keys.add(key);
            }
        }
    }

    private Part eval(Expr e) {
        LinkedHashSet<Set<Integer>> out = new LinkedHashSet<>();
        if (e instanceof Expr.Num n) {
            return new Part(out, n.value() != 0);
        }
        if (e instanceof Expr.Paren p) {
            return eval(p.inner());
        }
        if (e instanceof Expr.Neg n) {
            return minus(new Part(out, null), eval(n.operand()));
        }
        if (!(e instanceof Expr.Binary b)) {
            out.add(Set.of(keys.indexOf(e.deparse())));
            return new Part(out, null);
        }
        Part l = eval(b.left());
        switch (b.op()) {
            case '+' -> {
                Part r = eval(b.right());
                bound((long) l.terms.size() + r.terms.size());
                out.addAll(l.terms);
                out.addAll(r.terms);
                return new Part(out, r.intercept != null ? r.intercept : l.intercept);
            }
            case '-' -> {
                return minus(l, eval(b.right()));
            }
            case ':' -> {
                return new Part(interact(l.terms, eval(b.right()).terms), l.intercept);
            }
            case '*' -> {
                Part r = eval(b.right());
                bound((long) l.terms.size() + r.terms.size());
                out.addAll(l.terms);
                out.addAll(r.terms);
                out.addAll(interact(l.terms, r.terms));
                bound(out.size());
                return new Part(out, l.intercept);
            }
            case '/' -> {
                Set<Integer> all = new java.util.TreeSet<>();
                l.terms.forEach(all::addAll);
                out.addAll(l.terms);
                out.addAll(interact(new LinkedHashSet<>(List.of(Set.copyOf(all))), eval(b.right()).terms));
                return new Part(out, l.intercept);
            }
            case '^' -> {
                int k = (int) ((Expr.Num) b.right()).value();
                LinkedHashSet<Set<Integer>> acc = new LinkedHashSet<>(l.terms);
                for (int i = 1; i < k; i++) {
                    LinkedHashSet<Set<Integer>> next = new LinkedHashSet<>(acc);
                    next.addAll(l.terms);
                    next.addAll(interact(acc, l.terms));
                    bound(next.size());
                    if (next.size() == acc.size()) {
                        break;          // every interaction of l's variables is there: higher k adds nothing
                    }
                    acc = next;
                }
                return new Part(acc, l.intercept);
            }
            default -> throw new IllegalStateException("operator " + b.op());
        }
    }

    private static Part minus(Part l, Part r) {
        LinkedHashSet<Set<Integer>> out = new LinkedHashSet<>(l.terms);
        out.removeAll(r.terms);
        Boolean icpt = l.intercept;
        if (r.intercept != null) {
            icpt = !r.intercept;     // - 1 removes the intercept, - 0 keeps it
        }
        return new Part(out, icpt);
    }

    private static void bound(long terms) {
        if (terms > MAX_TERMS) {
            throw new TooManyTerms("it expands to " + terms + " terms; at most " + MAX_TERMS + " are supported");
        }
    }

    private static LinkedHashSet<Set<Integer>> interact(Set<Set<Integer>> left, Set<Set<Integer>> right) {
        // checked before the work: the product of two large sums is what grows without bound
        long products = (long) left.size() * right.size();
        if (products > MAX_TERMS) {
            throw new TooManyTerms("it interacts " + left.size() + " terms with " + right.size() + " ("
                    + products + " products); at most " + MAX_TERMS + " terms are supported");
        }
        LinkedHashSet<Set<Integer>> out = new LinkedHashSet<>();
        for (Set<Integer> a : left) {
            for (Set<Integer> b : right) {
                Set<Integer> u = new java.util.TreeSet<>(a);
                u.addAll(b);
                out.add(Set.copyOf(u));
            }
        }
        return out;
    }

    static String label(List<Expr> term) {
        return String.join(":", Arrays.stream(term.toArray(new Expr[0])).map(Expr::deparse).toList());
    }
}
