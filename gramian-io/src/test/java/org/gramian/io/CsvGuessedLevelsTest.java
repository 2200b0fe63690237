package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gramian.Gramian;
import org.gramian.data.LevelsGuessedWrong;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.design.formula.Formula;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Levels guessed from the first records ({@link CsvSource#withGuessedLevels()}): a pass that meets
 * a delivered row with a level outside the guess throws {@link LevelsGuessedWrong}; a level only in
 * dropped rows does not; and a fit whose guess was wrong is redone with the exact levels, to the
 * same bits as a fit that never guessed (the rows copied into memory with their exact levels).
 */
class CsvGuessedLevelsTest {
    @TempDir
    Path dir;

    /** n rows; g cycles a, b, c, and row {@code late} (0-based) holds level z; y = 2x + g's index. */
    private Path file(int n, int late, boolean lateDropped) throws Exception {
        StringBuilder sb = new StringBuilder("g,x,y\n");
        for (int i = 0; i < n; i++) {
            String g = i == late ? "z" : String.valueOf((char) ('a' + i % 3));
            double x = (i * 37 % 101) / 10.0;
            String y = i == late && lateDropped ? "NA" : String.valueOf(2 * x + (i % 3) + 0.001 * (i % 7));
            sb.append(g).append(',').append(x).append(',').append(y).append('\n');
        }
        return Rows.write(dir, "g" + n + "-" + late + lateDropped + ".csv", sb.toString());
    }

    @Test
    void aLevelAfterTheGuessedRowsStopsThePassAndOneInADroppedRowDoesNot() throws Exception {
        CsvSource late = CsvSource.open(file(60, 45, false)).withCategorical(Set.of("g")).withThreads(1);
        CsvSource guessed = late.withGuessedLevels(20);
        assertThat(guessed.levels("g")).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> Rows.read(guessed, false)).isInstanceOf(LevelsGuessedWrong.class)
                .hasMessageContaining("'g'");
        assertThat(late.levels("g")).containsExactly("a", "b", "c", "z");
        assertThat(late.withGuessedLevels(50).levels("g")).containsExactly("a", "b", "c", "z");

        CsvSource dropped = CsvSource.open(file(60, 45, true)).withCategorical(Set.of("g")).withThreads(2)
                .withChunkSize(64).withGuessedLevels(20);
        assertThat(dropped.levels("g")).containsExactly("a", "b", "c");
        assertThat(Rows.read(dropped, false).values()).hasSize(59 * 3);
        assertThat(dropped.droppedRows()).isEqualTo(1);
    }

    @Test
    void aFitWhoseGuessWasWrongIsTheFitWithTheExactLevels() throws Exception {
        int n = CsvSource.GUESS_ROWS + 500;
        Path f = file(n, CsvSource.GUESS_ROWS + 100, false);
        ModelSpec spec = ModelSpec.of(Formula.parse("y ~ x + g"));
        for (int threads : new int[]{1, 2}) {
            CsvSource csv = CsvSource.open(f).withThreads(threads).withChunkSize(4096);
            FittedModel m = Gramian.fit(csv, spec);
            assertThat(m.design().coefficientNames()).containsExactly("(Intercept)", "x", "gb", "gc", "gz");
            assertThat(m.statistics().observations()).isEqualTo(n);
            Table exact = Table.copyOf(CsvSource.open(f).withCategorical(Set.of("g")));
            FittedModel e = Gramian.fit(exact, spec);
            for (int j = 0; j < m.estimates().length; j++) {
                assertThat(Double.doubleToRawLongBits(m.estimates()[j]))
                        .isEqualTo(Double.doubleToRawLongBits(e.estimates()[j]));
            }
        }
        // and a guess that was right (every level in the first rows) gives the same bits as no guess
        Path early = file(n, 5, false);
        FittedModel g = Gramian.fit(CsvSource.open(early), spec);
        FittedModel e = Gramian.fit(Table.copyOf(CsvSource.open(early).withCategorical(Set.of("g"))), spec);
        assertThat(g.estimates()).isEqualTo(e.estimates());
        assertThat(List.of(g.statistics().observations())).containsExactly((long) n);
    }
}
