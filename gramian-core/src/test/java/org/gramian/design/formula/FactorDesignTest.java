package org.gramian.design.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.gramian.Gramian;
import org.gramian.data.RowBlock;
import org.gramian.data.Table;
import org.gramian.design.Design;
import org.gramian.design.InvalidValueException;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.numeric.DD;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.api.Test;

/** Factor levels: learnt from the source, matched by name on new data, reference levels, errors. */
class FactorDesignTest {

    private static final Table DATA = Table.builder()
            .text("g", "b", "a", "c", "a", "b", "c", "a")
            .numeric("n", 10, 9, 10, 4, 9, 4, 10)
            .numeric("y", 2, 1, 3, 1.5, 2.5, 3.5, 0.5)
            .build();

    @Test
    void treatmentCodingAgainstGroupMeans() {
        // y ~ g: intercept = mean of the reference level, each dummy = mean of its level − that mean
        FittedModel m = Gramian.fit(DATA, ModelSpec.of(Formula.parse("y ~ g")));
        assertThat(m.spec().coefficientNames()).containsExactly("(Intercept)", "gb", "gc");
        assertThat(m.spec().levels()).containsEntry("g", List.of("a", "b", "c"));
        double a = (1 + 1.5 + 0.5) / 3;
        assertThat(m.estimates()[0]).isCloseTo(a, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(m.estimates()[1]).isCloseTo(2.25 - a, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(m.estimates()[2]).isCloseTo(3.25 - a, org.assertj.core.api.Assertions.within(1e-14));
        // the reference level chosen: C(g, ref = 'c') (R's relevel)
        FittedModel r = Gramian.fit(DATA, ModelSpec.of(Formula.parse("y ~ C(g, ref = 'c')")));
        assertThat(r.spec().coefficientNames()).containsExactly("(Intercept)", "C(g, ref = \"c\")a",
                "C(g, ref = \"c\")b");
        assertThat(r.estimates()[0]).isCloseTo(3.25, org.assertj.core.api.Assertions.within(1e-14));
    }

    @Test
    void numericLevelsInNumericOrderAsRFactor() {
        // the source's levels of n are "10", "4", "9" (String order); R's factor(n) orders 4, 9, 10
        FittedModel m = Gramian.fit(DATA, ModelSpec.of(Formula.parse("y ~ factor(n)")), SolverKind.QR);
        assertThat(m.spec().levels()).containsEntry("n", List.of("4", "9", "10"));
        assertThat(m.spec().coefficientNames()).containsExactly("(Intercept)", "factor(n)9", "factor(n)10");
        assertThat(m.estimates()[0]).isCloseTo((1.5 + 3.5) / 2, org.assertj.core.api.Assertions.within(1e-14));
    }

    @Test
    void newDataLevelsMatchedByNameAndAnUnseenLevelNamed() {
        FittedModel m = Gramian.fit(DATA, ModelSpec.of(Formula.parse("y ~ g")));
        // new data whose levels are only "c" and "a": its level indices differ from the fit's
        Table fresh = Table.builder().text("g", "c", "a").build();
        Design d = Design.bindForPrediction(m.spec(), fresh);
        double[][] got = new double[2][];
        fresh.forEachBlock(true, (RowBlock b) -> {
            for (int i = 0; i < b.rows(); i++) {
                got[i] = new double[] {m.design().predict(m.estimates(), d.inputs(b, i, fresh)).doubleValue()};
            }
        });
        assertThat(got[0][0]).isCloseTo(3.25, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(got[1][0]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-14));

        Table unseen = Table.builder().text("g", "a", "zz").build();
        Design u = Design.bindForPrediction(m.spec(), unseen);
        assertThatThrownBy(() -> unseen.forEachBlock(true, b -> {
            for (int i = 0; i < b.rows(); i++) {
                u.inputs(b, i, unseen);
            }
        })).isInstanceOf(InvalidValueException.class)
                .hasMessage("row 2, column 'g': level 'zz' was not in the data the model was fitted on; its levels"
                        + " are: a, b, c");
    }

    @Test
    void factorInArithmeticAndUnknownReferenceAreClearErrors() {
        assertThatThrownBy(() -> Gramian.fit(DATA, ModelSpec.of(Formula.parse("y ~ log(g)"))))
                .hasMessageContaining("column 'g' is categorical");
        assertThatThrownBy(() -> Gramian.fit(DATA, ModelSpec.of(Formula.parse("y ~ C(g, ref = 'q')"))))
                .hasMessageContaining("reference level 'q' is not a level of column 'g'");
    }

    @Test
    void nonFiniteTransformNamesRowAndColumnOnBothPaths() {
        Table t = Table.builder().numeric("x", 1, 2, -1, 4, 5).numeric("y", 1, 2, 3, 4, 6).build();
        for (SolverKind k : List.of(SolverKind.CHOLESKY, SolverKind.QR)) {
            assertThatThrownBy(() -> Gramian.fit(t, ModelSpec.of(Formula.parse("y ~ log(x)")), k))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("row 3, column 'x': log(x) is not a number");
        }
    }

    @Test
    void expressionsInDoubleDoubleKeepTheDecimal() {
        // I(x/10) of x = 1: the double path gives 0.1 rounded; the exact path 1/10 to 106 bits
        Table t = Table.builder().numeric("x", 1).build();
        Design d = Design.bindForPrediction(ModelSpec.of(Formula.parse("y ~ I(x/10) + exp(x) + I(x^-2)")), t);
        DD[] row = d.row(new DD[] {DD.ONE});
        assertThat(row[1].hi).isEqualTo(0.1);
        assertThat(row[1].lo).isEqualTo(DD.ONE.divide(10).lo).isNotZero();
        assertThat(row[2].hi).isEqualTo(Math.E);
        assertThat(row[3].hi).isEqualTo(1.0);
        assertThat(Set.copyOf(d.spec().features())).containsExactly("x");
    }
}
