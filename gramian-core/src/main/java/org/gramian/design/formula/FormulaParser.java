package org.gramian.design.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads R's formula syntax into an {@link Expr} tree by recursive descent, with R's operator
 * precedence (from {@code ?Syntax}, highest first): {@code ^} (right-associative), unary minus,
 * {@code :}, {@code * /}, binary {@code + -}. Function calls are checked as they are read, so a
 * wrong one gets a caret under its name: the arithmetic functions ({@code log}, {@code log2},
 * {@code log10}, {@code exp}, {@code sqrt}, {@code abs}), {@code I(expr)}, {@code poly(x, k)},
 * and the factor makers {@code C(g)}, {@code C(g, ref = 'b')}, {@code C(g, Treatment('b'))},
 * {@code factor(g)} and {@code relevel(g, ref = 'b')}.
 *
 * <p>Inside {@code I(...)} and function arguments the operators are arithmetic, and {@code :},
 * {@code .}, factors and {@code poly} are refused; outside, a number must be 0 or 1 (the
 * intercept), as R would otherwise drop it silently.
 */
final class FormulaParser {
    /** Functions of one numeric argument. */
    static final Set<String> ARITHMETIC = Set.of("log", "log2", "log10", "exp", "sqrt", "abs");
    private static final String KNOWN = "log, log2, log10, exp, sqrt, abs, I, poly, C, factor, relevel";

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private enum Kind { NAME, NUMBER, STRING, OP, END }

    private record Token(Kind kind, String text, int pos, boolean quoted) {
    }

    /** Most operators in a formula: a chain of them is a left-deep tree that later steps walk recursively. */
    static final int MAX_OPERATORS = 1000;

    private FormulaParser(String text) {
        this.text = text;
        tokenize();
        long ops = tokens.stream().filter(t -> t.kind == Kind.OP).count();
        if (ops > MAX_OPERATORS) {
            throw new FormulaException("a formula with " + ops + " operators; at most " + MAX_OPERATORS
                    + " are read (list many columns with '.' and '-')", text.length() > 60 ? text.substring(0, 60) + "…" : text, 0);
        }
    }

    /** Most characters in a formula: bounds the depth of the (left-deep) expression tree its users walk. */
    static final int MAX_LENGTH = 4096;
    /** Most nesting of parentheses, calls and unary minus: a deeper formula would overflow the stack. */
    static final int MAX_DEPTH = 100;

    private int depth;

    /** Parses {@code response ~ rhs}. */
    static Formula parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException("a formula of " + text.length() + " characters; at most " + MAX_LENGTH
                    + " are read (list many columns with '.' and '-')", text.substring(0, 40) + "…", 0);
        }
        FormulaParser p = new FormulaParser(text);
        Token first = p.peek();
        if (first.kind == Kind.END) {
            throw p.error("expected a formula such as 'y ~ x1 + x2', found nothing", first);
        }
        if (first.kind != Kind.NAME || first.text.equals(".") && !first.quoted) {
            throw p.error("expected the response column name before '~', found " + p.describe(first), first);
        }
        p.at++;
        Token tilde = p.peek();
        if (!tilde.text.equals("~") || tilde.kind != Kind.OP) {
            throw p.error("expected '~' after the response (only a column name may stand left of '~'), found "
                    + p.describe(tilde), tilde);
        }
        p.at++;
        Expr rhs = p.sum(false);
        Token end = p.peek();
        if (end.kind != Kind.END) {
            throw p.error("expected '+', '-', '*', '/', ':', '^' or the end of the formula, found " + p.describe(end),
                    end);
        }
        return new Formula(first.text, rhs);
    }

    // sum := product (('+' | '-') product)*
    private Expr sum(boolean arith) {
        Expr left = product(arith);
        while (isOp("+") || isOp("-")) {
            char op = next().text.charAt(0);
            left = new Expr.Binary(op, left, product(arith));
        }
        return left;
    }

    // product := colon (('*' | '/') colon)*
    private Expr product(boolean arith) {
        Expr left = colon(arith);
        while (isOp("*") || isOp("/")) {
            char op = next().text.charAt(0);
            left = new Expr.Binary(op, left, colon(arith));
        }
        return left;
    }

    // colon := unary (':' unary)*
    private Expr colon(boolean arith) {
        Expr left = unary(arith);
        while (isOp(":")) {
            Token t = next();
            if (arith) {
                throw error("expected an arithmetic operator (+ - * / ^); ':' (interaction) cannot be used inside"
                        + " I() or a function", t);
            }
            left = new Expr.Binary(':', left, unary(arith));
        }
        return left;
    }

    // unary := '-' unary | power; unary '+' only in arithmetic: 'x1 + + x2' is a typo, not a term
    private Expr unary(boolean arith) {
        if (++depth > MAX_DEPTH) {
            throw error("expected at most " + MAX_DEPTH + " levels of nesting (parentheses, calls, signs)", peek());
        }
        try {
            return unaryAtDepth(arith);
        } finally {
            depth--;
        }
    }

    private Expr unaryAtDepth(boolean arith) {
        if (isOp("-")) {
            next();
            return new Expr.Neg(unary(arith));
        }
        if (arith && isOp("+")) {
            next();
            return unary(arith);
        }
        return power(arith);
    }

    // power := primary ('^' unary)?      (right-associative, the exponent may be negative)
    private Expr power(boolean arith) {
        Expr base = primary(arith);
        if (isOp("^")) {
            Token caret = next();
            Token expTok = peek();
            Expr exponent = unary(true);
            if (!arith && !(exponent instanceof Expr.Num n && n.value() >= 1 && n.value() == Math.rint(n.value()))) {
                throw error("expected a whole number ≥ 1 after '^' (the order of interactions, as in (a+b+c)^2);"
                        + " for a power of a column write I(x^2)", expTok);
            }
            return new Expr.Binary(caret.text.charAt(0), base, exponent);
        }
        return base;
    }

    private Expr primary(boolean arith) {
        Token t = peek();
        switch (t.kind) {
            case NUMBER -> {
                next();
                double v = Double.parseDouble(t.text);
                if (!arith && v != 0 && v != 1) {
                    throw error("expected 0 or 1 (the intercept) where a number stands as a term, found " + t.text
                            + "; write arithmetic inside I(...), e.g. I(" + t.text + " * x)", t);
                }
                return new Expr.Num(v);
            }
            case STRING -> throw error("expected a term, found the string " + describe(t)
                    + " (strings are only level names, as in C(g, ref = 'b'))", t);
            case OP -> {
                if (t.text.equals("(")) {
                    next();
                    Expr inner = sum(arith);
                    expect(")", "')' to close the '(' at character " + (t.pos + 1));
                    return new Expr.Paren(inner);
                }
                throw error("expected a term (a column name, a number, '(' or a function call), found "
                        + describe(t), t);
            }
            case END -> throw error("expected a term (a column name, a number, '(' or a function call), found the end"
                    + " of the formula", t);
            default -> {
                next();
                if (!t.quoted && t.text.equals(".")) {
                    if (arith) {
                        throw error("expected a column name; '.' (all other columns) cannot be used inside I()"
                                + " or a function", t);
                    }
                    return new Expr.Dot();
                }
                if (!t.quoted && isOp("(")) {
                    return call(t, arith);
                }
                return new Expr.Var(t.text);
            }
        }
    }

    private Expr call(Token name, boolean arith) {
        String f = name.text;
        next(); // (
        List<Expr> args = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Token> starts = new ArrayList<>();
        boolean special = f.equals("C") || f.equals("factor") || f.equals("relevel") || f.equals("poly")
                || f.equals("Treatment");
        if (!isOp(")")) {
            do {
                Token start = peek();
                String argName = null;
                if (start.kind == Kind.NAME && !start.quoted && tokens.get(at + 1).text.equals("=")
                        && tokens.get(at + 1).kind == Kind.OP) {
                    argName = start.text;
                    next();
                    next();
                    start = peek();
                }
                starts.add(start);
                names.add(argName);
                if (start.kind == Kind.STRING && special) {
                    next();
                    args.add(new Expr.Str(start.text));
                } else {
                    args.add(sum(true));
                }
            } while (isOp(",") && next() != null);
        }
        expect(")", "')' or ',' in the arguments of " + f + "()");
        Expr.Call c = new Expr.Call(f, args, names);
        check(c, name, starts, arith);
        return c;
    }

    /** The rules of each known function, with a caret at the offending argument. */
    private void check(Expr.Call c, Token name, List<Token> starts, boolean arith) {
        String f = c.function();
        if (ARITHMETIC.contains(f) || f.equals("I")) {
            if (c.args().size() != 1 || c.names().get(0) != null) {
                throw error("expected exactly one argument in " + f + "(...)", name);
            }
            return;
        }
        switch (f) {
            case "poly" -> {
                if (arith) {
                    throw error("expected arithmetic inside I() or a function; poly() makes several columns and"
                            + " cannot be used here", name);
                }
                Expr x = c.argument("x", 0);
                Expr k = c.argument("degree", 1);
                if (!(x instanceof Expr.Var)) {
                    throw error("expected a column name as the first argument of poly(x, k)", at(starts, c, x, name));
                }
                if (!(k instanceof Expr.Num n) || n.value() < 1 || n.value() != Math.rint(n.value())) {
                    throw error("expected a whole degree k ≥ 1 in poly(x, k)", at(starts, c, k, name));
                }
                Expr raw = c.argument("raw", 2);
                if (raw != null && !(raw instanceof Expr.Var v && (v.name().equals("TRUE") || v.name().equals("T")))) {
                    throw error("expected raw = TRUE: poly() gives raw powers x, x^2, ..., x^k here (orthogonal"
                            + " polynomials are not supported)", at(starts, c, raw, name));
                }
                if (c.args().size() > (raw == null ? 2 : 3)) {
                    throw error("expected poly(x, k) or poly(x, k, raw = TRUE)", name);
                }
            }
            case "C", "factor", "relevel" -> {
                if (arith) {
                    throw error("expected arithmetic inside I() or a function; " + f + "() makes a factor and cannot"
                            + " be used here", name);
                }
                Expr x = c.argument("x", 0);
                if (!(x instanceof Expr.Var)) {
                    throw error("expected a column name as the first argument of " + f + "()", at(starts, c, x, name));
                }
                Expr ref = reference(c);
                if (f.equals("relevel") && ref == null) {
                    throw error("expected relevel(g, ref = 'level')", name);
                }
                if (f.equals("factor") && c.args().size() > 1) {
                    throw error("expected factor(g) with one argument; to choose the reference level write"
                            + " C(g, ref = 'level')", name);
                }
                if (c.args().size() > 2) {
                    throw error("expected " + f + "(g) or " + f + "(g, ref = 'level')", name);
                }
                if (c.args().size() == 2 && !(ref instanceof Expr.Str || ref instanceof Expr.Num)) {
                    throw error("expected a level name in quotes, e.g. ref = 'b', or Treatment('b')",
                            at(starts, c, c.args().get(1), name));
                }
            }
            case "Treatment" -> {
                if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.Str || c.args().get(0) instanceof Expr.Num)) {
                    throw error("expected Treatment('level') inside C(g, ...)", name);
                }
            }
            default -> throw error("expected a known function (" + KNOWN + "), found '" + f + "'", name);
        }
    }

    /** The reference level of a factor call: ref = 'b', 'b' positionally, or Treatment('b' | reference = 'b'). */
    static Expr reference(Expr.Call c) {
        Expr ref = c.argument("ref", 1);
        if (ref == null) {
            ref = c.argument("reference", 1);
        }
        if (ref instanceof Expr.Call t && t.function().equals("Treatment") && t.args().size() == 1) {
            ref = t.argument("reference", 0);
        }
        return ref;
    }

    private Token at(List<Token> starts, Expr.Call c, Expr arg, Token fallback) {
        if (arg == null) {
            return fallback;   // no such argument (C(g3 = 'b') names none 'x'); List.of().indexOf(null) throws
        }
        int k = c.args().indexOf(arg);
        return k >= 0 ? starts.get(k) : fallback;
    }

    private boolean isOp(String s) {
        Token t = peek();
        return t.kind == Kind.OP && t.text.equals(s);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private void expect(String op, String what) {
        Token t = peek();
        if (!isOp(op)) {
            throw error("expected " + what + ", found " + describe(t), t);
        }
        next();
    }

    private String describe(Token t) {
        return switch (t.kind) {
            case END -> "the end of the formula";
            case STRING -> "'" + t.text + "'";
            default -> "'" + t.text + "'";
        };
    }

    private FormulaException error(String problem, Token t) {
        return new FormulaException(problem, text, t.pos);
    }

    private void tokenize() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '.' && !(i + 1 < n && Character.isDigit(text.charAt(i + 1)))
                    || c == '_' ) {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(s, i), s, false));
            } else if (Character.isDigit(c) || c == '.') {
                int s = i;
                while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    int e = i + 1;
                    if (e < n && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
                        e++;
                    }
                    if (e < n && Character.isDigit(text.charAt(e))) {
                        i = e;
                        while (i < n && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                }
                String num = text.substring(s, i);
                try {
                    Double.parseDouble(num);
                } catch (NumberFormatException e) {
                    throw new FormulaException("expected a number, found '" + num + "'", text, s);
                }
                tokens.add(new Token(Kind.NUMBER, num, s, false));
            } else if (c == '`' || c == '\'' || c == '"') {
                int s = i;
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    sb.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw new FormulaException("expected a closing " + c + " for the one opened here", text, s);
                }
                i++;
                tokens.add(c == '`' ? new Token(Kind.NAME, sb.toString(), s, true)
                        : new Token(Kind.STRING, sb.toString(), s, true));
            } else if ("~+-*/^:(),=".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.OP, String.valueOf(c), i, false));
                i++;
            } else {
                throw new FormulaException(String.format(Locale.ROOT,
                        "expected a column name, a number or one of ~ + - * / ^ : ( ) , =, found '%c'", c), text, i);
            }
        }
        tokens.add(new Token(Kind.END, "", n, false));
    }
}
