package org.gramian.design.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.gramian.design.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formula parser and R's term algebra, construct by construct, and the error carets. */
class FormulaTest {

    /**
     * Term labels and intercept as R 4.2.2 gives them: {@code t <- terms(y ~ ...);
     * attr(t, "term.labels"); attr(t, "intercept")}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "y ~ x1 + x2; x1|x2; true",
        "y ~ (a+b)*(c+d); a|b|c|d|a:c|a:d|b:c|b:d; true",
        "y ~ b:a + a; a|b:a; true",
        "y ~ (a+b+c)^2; a|b|c|a:b|a:c|b:c; true",
        "y ~ a*b*c - a:b:c; a|b|c|a:b|a:c|b:c; true",
        "y ~ (a+b)/c; a|b|a:b:c; true",
        "y ~ -1 + x; x; false",
        "y ~ x + 0; x; false",
        "y ~ 0 + x; x; false",
        "y ~ x - 1 + 1; x; true",
        "y ~ a:b + c; c|a:b; true",
        "y ~ c + a:b + a; c|a|a:b; true",
        "y ~ a*b - a; b|a:b; true",
        "y ~ x + x + x:x; x; true",
        "y ~ log(x) + I(x^2) + I(-x) + sqrt(abs(x)); log(x)|I(x^2)|I(-x)|sqrt(abs(x)); true",
        "y ~ C(g) * x; C(g)|x|C(g):x; true",
        "y ~ poly(x, 3) + exp(z / 2); poly(x, 3)|exp(z/2); true",
        "y ~ `my col` + x; `my col`|x; true",
    })
    void termsAsR(String formula, String labels, boolean intercept) {
        Formula.Terms t = Formula.parse(formula).terms();
        assertThat(String.join("|", t.labels())).isEqualTo(labels);
        assertThat(t.intercept()).isEqualTo(intercept);
    }

    @Test
    void dotIsEveryOtherColumnButResponseAndWeights() {
        Formula f = Formula.parse("y ~ . - b").withColumns(List.of("a", "y", "b", "c", "w"), "w");
        assertThat(f.terms().labels()).containsExactly("a", "c");
        assertThat(f.text()).isEqualTo("y ~ (a + b + c) - b");
        assertThat(Formula.parse("y ~ .^2").withColumns(List.of("y", "a", "b"), null).terms().labels())
                .containsExactly("a", "b", "a:b");
    }

    @Test
    void textReadsBackToTheSameFormula() {
        for (String s : List.of("y ~ wool * tension", "y ~ C(g, ref = \"b\") + log(x) - 1", "y ~ I((x + 1)^-2)",
                "y ~ poly(x, 2) + relevel(g, ref = \"a\"):z", "`a b` ~ `c d`")) {
            Formula f = Formula.parse(s);
            assertThat(Formula.parse(f.text())).isEqualTo(f);
            assertThat(f.text()).isEqualTo(s);
        }
    }

    @Test
    void buildsInCode() {
        Formula f = new Formula("y", new Expr.Binary('*', new Expr.Var("a"),
                new Expr.Call("log", List.of(new Expr.Var("x")))));
        assertThat(f).isEqualTo(Formula.parse("y ~ a * log(x)"));
        assertThat(f.terms().labels()).containsExactly("a", "log(x)", "a:log(x)");
    }

    @Test
    void namesColumnsAsR() {
        ModelSpec spec = ModelSpec.of(Formula.parse("y ~ g * x + poly(z, 3) + I(x^2) + C(h, ref = 'q')"))
                .withLevels(Map.of("g", List.of("a", "b", "c"), "h", List.of("p", "q")));
        assertThat(spec.coefficientNames()).containsExactly("(Intercept)", "gb", "gc", "x", "z", "z^2", "z^3",
                "I(x^2)", "C(h, ref = \"q\")p", "gb:x", "gc:x");
        assertThat(spec.features()).containsExactly("g", "x", "z", "h");
        assertThat(spec.factorColumns()).containsExactly("h", "g");
    }

    @Test
    void rCodingRuleForInteractionsWithoutMainEffects() {
        // R: model.matrix(~ g:x) has one column per level of g; ~ a:b has every pair (one aliased)
        Map<String, List<String>> lv = Map.of("g", List.of("a", "b"), "h", List.of("u", "v"));
        assertThat(ModelSpec.of(Formula.parse("y ~ g:x")).withLevels(lv).coefficientNames())
                .containsExactly("(Intercept)", "ga:x", "gb:x");
        assertThat(ModelSpec.of(Formula.parse("y ~ g:h")).withLevels(lv).coefficientNames())
                .containsExactly("(Intercept)", "ga:hu", "gb:hu", "ga:hv", "gb:hv");
        assertThat(ModelSpec.of(Formula.parse("y ~ g + g:h")).withLevels(lv).coefficientNames())
                .containsExactly("(Intercept)", "gb", "ga:hv", "gb:hv");
        assertThat(ModelSpec.of(Formula.parse("y ~ 0 + g + h")).withLevels(lv).coefficientNames())
                .containsExactly("ga", "gb", "hv");
    }

    /** The caret stands under the character the message is about. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "y ~ x1 + + x2; 9; expected a term",
        "y ~ x +; 7; found the end of the formula",
        "y ~ x + 3; 8; expected 0 or 1",
        "y ~ foo(x); 4; expected a known function",
        "~ x; 0; expected the response column name",
        "y x; 2; expected '~'",
        "y ~ (x + z; 10; expected ')' to close",
        "y ~ poly(x, 0); 12; whole degree",
        "y ~ poly(log(x), 2); 9; column name as the first argument",
        "y ~ poly(x, 2, raw = FALSE); 21; raw = TRUE",
        "y ~ I(a:b); 7; ':' (interaction) cannot be used",
        "y ~ log(.); 8; '.' (all other columns)",
        "y ~ I(C(g)); 6; makes a factor",
        "y ~ x ^ 1.5; 8; whole number",
        "y ~ x # z; 6; expected a column name, a number",
        "y ~ C(g, ref = b); 15; level name in quotes",
        "y ~ 'x'; 4; the string",
        "y ~ x ~ z; 6; or the end of the formula",
    })
    void errorsPointAtThePosition(String formula, int position, String message) {
        assertThatThrownBy(() -> Formula.parse(formula))
                .isInstanceOfSatisfying(FormulaException.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.getMessage()).contains(message).startsWith("bad formula: ");
                    assertThat(e.caret()).isEqualTo("  " + formula + System.lineSeparator() + "  "
                            + " ".repeat(position) + "^");
                });
    }

    /** Found by fuzzing: a factor call whose only argument is named (not x) threw a NullPointerException. */
    @Test
    void aFactorCallWithOnlyANamedArgumentIsAFormulaError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formula.parse("y ~ C(g3 = 'b')"))
                .isInstanceOf(FormulaException.class)
                .hasMessageContaining("expected a column name as the first argument of C()");
    }

    /** Found by fuzzing: deep nesting and long chains overflowed the stack; now formula errors. */
    @Test
    void deepNestingAndLongChainsAreFormulaErrors() {
        String deep = "y ~ " + "(".repeat(5000) + "x" + ")".repeat(5000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formula.parse(deep))
                .isInstanceOf(FormulaException.class);
        String chain = "y ~ x" + "+x".repeat(1500);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formula.parse(chain))
                .isInstanceOf(FormulaException.class).hasMessageContaining("operators");
        org.assertj.core.api.Assertions.assertThat(Formula.parse("y ~ x" + "+x".repeat(900)).terms().terms()).hasSize(1);
    }

    /**
     * Interactions grow exponentially; a fuzzed formula of 60 characters ran for 20 minutes before
     * the expansion was bounded. Each case must answer at once: refused with the count, or the
     * terms R gives.
     */
    @org.junit.jupiter.api.Timeout(10)
    @Test
    void expansionIsBoundedAndAnswersAtOnce() {
        StringBuilder chain = new StringBuilder("y ~ a0");
        for (int i = 1; i < 30; i++) {
            chain.append('*').append('a').append(i);
        }
        assertThatThrownBy(() -> Formula.parse(chain.toString()).terms())
                .isInstanceOf(FormulaException.class)
                .hasMessageContaining("too many terms")
                .hasMessageContaining("at most " + TermAlgebra.MAX_TERMS)
                .satisfies(e -> assertThat(((FormulaException) e).position()).isEqualTo(4));
        // 13 columns: 2^13 - 1 = 8191 terms, under the bound, all of them
        StringBuilder thirteen = new StringBuilder("y ~ a0");
        for (int i = 1; i < 13; i++) {
            thirteen.append('*').append('a').append(i);
        }
        assertThat(Formula.parse(thirteen.toString()).terms().terms()).hasSize(8191);
        // a huge order of interaction stops at the full set: (a+b+c)^k has 7 terms for every k >= 3
        assertThat(Formula.parse("y ~ (a+b+c)^2147483647").terms().terms()).hasSize(7);
        assertThat(Formula.parse("y ~ a^1000000000").terms().terms()).hasSize(1);
        assertThat(Formula.parse("y ~ (a+b+c)^2").terms().terms()).hasSize(6);
        assertThatThrownBy(() -> Formula.parse("y ~ (a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t)^9").intercept())
                .isInstanceOf(FormulaException.class).hasMessageContaining("too many terms");
    }
}
