package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link GramAccumulator#takeGram}: the same matrix as {@link GramAccumulator#gram}, without the copy. */
class TakeGramTest {

    private static GramAccumulator filled(int rows, int p) {
        GramAccumulator acc = new GramAccumulator(p, null);
        double[] x = new double[p];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < p; j++) {
                x[j] = (i * 7 + j * 3) % 11 - 5;   // small integers: every sum exact
            }
            acc.add(x, i % 5);
        }
        return acc;
    }

    @Test
    void takesTheSameMatrixAndSpendsTheAccumulator() {
        int rows = 3 * GramTile.rowsFor(9);   // whole tiles: nothing pending
        double[][] copy = filled(rows, 8).gram();
        GramAccumulator acc = filled(rows, 8);
        double[][] taken = acc.takeGram();
        assertThat(taken).isDeepEqualTo(copy);
        assertThat(copy[2][5]).isEqualTo(copy[5][2]).isNotZero();
        assertThat(acc.count()).isEqualTo(rows);
        assertThat(acc.size()).isEqualTo(9);
        assertThatThrownBy(acc::gram).isInstanceOf(IllegalStateException.class).hasMessageContaining("spent");
        assertThatThrownBy(acc::takeGram).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> acc.add(new double[8], 1.0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withRowsPendingItIsACopy() {
        GramAccumulator acc = filled(5, 4);
        double[][] expected = filled(5, 4).gram();
        assertThat(acc.takeGram()).isDeepEqualTo(expected);
        assertThat(acc.gram()).isDeepEqualTo(expected);   // not spent
    }
}
