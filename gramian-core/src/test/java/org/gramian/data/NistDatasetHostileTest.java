package org.gramian.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gramian.GramianException;
import org.junit.jupiter.api.Test;

/**
 * Malformed {@code .dat} headers end in a {@link GramianException} naming the file, not in a
 * NumberFormatException or IndexOutOfBoundsException (found reading the parser while writing its
 * fuzz target, NistDatFuzzTest, whose first finding is the third case).
 */
class NistDatasetHostileTest {
    private static final List<String> DATA = List.of("1 1", "2 2", "3 4");

    private static List<String> file(List<String> params) {
        return NistDatasetParserTest.file("Bad", params, DATA, "Linear Class");
    }

    /** B99999999999 threw NumberFormatException; now it is simply not B0 (no intercept). */
    @Test
    void aParameterIndexTooLargeForAnIntIsNotACrash() {
        NistDataset d = NistDataset.parse("Bad", file(List.of("  B99999999999   1.0   0.1", "  B1   2.0   0.2")),
                "Bad.dat");
        assertThat(d.spec().intercept()).isFalse();
        assertThat(d.estimates()).containsExactly(1.0, 2.0);
    }

    @Test
    void aDataRangeStartingAtLineZeroIsRefused() {
        List<String> lines = new ArrayList<>(file(List.of("  B0   1.0   0.1", "  B1   2.0   0.2")));
        lines.set(5, "               Data              (lines 0 to 63)");
        assertThatThrownBy(() -> NistDataset.parse("Bad", lines, "Bad.dat")).isInstanceOf(GramianException.class)
                .hasMessage("Bad.dat: the header's data range 'lines 0 to 63' is not a range of lines");
        lines.set(5, "               Data              (lines 99999999999 to 63)");
        assertThatThrownBy(() -> NistDataset.parse("Bad", lines, "Bad.dat")).isInstanceOf(GramianException.class)
                .hasMessageContaining("is not a range of lines");
    }

    @Test
    void aLoneInterceptForOnePredictorColumnIsRefused() {
        assertThatThrownBy(() -> NistDataset.parse("Bad", file(List.of("  B0   1.0   0.1")), "Bad.dat"))
                .isInstanceOf(GramianException.class)
                .hasMessage("Bad.dat: 1 certified parameter(s) for a model with 2 coefficients [(Intercept), x]");
    }
}
