package org.gramian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gramian.design.InsufficientDataException;
import org.gramian.design.InvalidValueException;
import org.gramian.design.ModelSpec;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.data.Table;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fewer rows than coefficients is reported before the O(p²) memory and O(n·p²) work of a pass: the
 * source is asked for a cheap count first (#16: 10,000 columns and 30 rows took 10.7 s to say so).
 */
class FewerRowsThanCoefficientsTest {

    /** A table with y and {@code features} feature columns, {@code rows} rows; counts what the solver asks. */
    private static final class Watched implements RowSource {
        final Table table;
        final List<String> calls = new ArrayList<>();

        Watched(int features, int rows, double bad) {
            List<String> names = new ArrayList<>();
            names.add("y");
            for (int j = 1; j <= features; j++) {
                names.add("x" + j);
            }
            double[][] data = new double[rows][features + 1];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j <= features; j++) {
                    data[i][j] = (i * 31 + j * 17) % 23;
                }
            }
            if (rows > 2) {
                data[2][1] = bad;
            }
            table = Table.ofRows(names, data);
        }

        ModelSpec spec() {
            return ModelSpec.linear("y", table.columns().subList(1, table.columns().size()));
        }

        @Override
        public List<String> columns() {
            return table.columns();
        }

        @Override
        public long countRowsUpTo(long limit) {
            calls.add("count " + limit);
            return table.countRowsUpTo(limit);
        }

        @Override
        public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
            calls.add(extended ? "extended pass" : "plain pass");
            table.forEachBlock(extended, consumer);
        }
    }

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void twentyThousandColumnsAndThirtyRowsFailAtOnce(SolverKind solver) {
        // the Gram pass alone would need (p+1)² doubles = 3.2 GB per matrix
        Watched data = new Watched(20_000, 30, 1.0);
        assertThatThrownBy(() -> Gramian.fit(data, data.spec(), solver)).isInstanceOf(InsufficientDataException.class)
                .hasMessage("only 30 data row(s) for 20001 coefficient(s): need at least as many rows as coefficients");
        // the cheap count, then one plain pass over the 30 rows to check them, and nothing more
        assertThat(data.calls).containsExactly("count 20001", "plain pass");
    }

    @Test
    void aBadValueInTheFewRowsIsStillReportedFirst() {
        Watched data = new Watched(50, 10, Double.NaN);
        assertThatThrownBy(() -> Gramian.fit(data, data.spec())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("row 3").hasMessageContaining("'x1'");
    }

    @Test
    void enoughRowsCostOneCheapCountAndTheUsualPasses() {
        Watched data = new Watched(3, 40, 2.0);
        assertThat(Gramian.fit(data, data.spec(), SolverKind.CHOLESKY).estimates()).hasSize(4);
        assertThat(data.calls).containsExactly("count 4", "plain pass");
    }

    @Test
    void aSourceThatCannotCountIsCheckedAfterItsPassAsBefore() {
        Table t = Table.ofRows(List.of("y", "x1", "x2"), new double[][] {{1, 2, 3}, {2, 3, 5}});
        RowSource blind = new RowSource() {
            @Override
            public List<String> columns() {
                return t.columns();
            }

            @Override
            public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
                t.forEachBlock(extended, consumer);
            }
        };
        assertThatThrownBy(() -> Gramian.fit(blind, ModelSpec.linear("y", List.of("x1", "x2"))))
                .isInstanceOf(InsufficientDataException.class).hasMessageStartingWith("only 2 data row(s) for 3");
    }
}
