package org.gramian.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gramian.GramianException;
import org.junit.jupiter.api.Test;

/** Header layouts of the whole suite, including the ones not shipped here (Filip's 11 parameters). */
class NistDatasetParserTest {

    /** A header shaped like NIST's, with the given parameter lines and data rows starting at line 61. */
    static List<String> file(String name, List<String> params, List<String> data, String model) {
        List<String> l = new ArrayList<>();
        l.add("NIST/ITL StRD");
        l.add("Dataset Name:  " + name + " (" + name + ".dat)");
        l.add("");
        l.add("File Format:   ASCII");
        l.add("               Certified Values  (lines 31 to " + (30 + params.size() + 10) + ")");
        l.add("               Data              (lines 61 to " + (60 + data.size()) + ")");
        while (l.size() < 20) {
            l.add("");
        }
        l.add("               " + model);
        while (l.size() < 30) {
            l.add("");
        }
        l.addAll(params);
        l.add("");
        l.add("     Residual");
        l.add("     Standard Deviation   0.334801051324544E-02");
        l.add("");
        l.add("     R-Squared            0.996727416185620");
        l.add("Source of Degrees of     Sums of                 Mean");
        l.add("Regression   10     0.242391619837339     0.242391619837339E-01 2162.43954511489");
        l.add("Residual     71     0.795851382172941E-03 0.112091743968020E-04");
        while (l.size() < 59) {
            l.add("");
        }
        l.add("Data:          y           x");
        l.addAll(data);
        return l;
    }

    @Test
    void elevenParameterPolynomialLikeFilip() {
        List<String> params = new ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            params.add("        B" + k + "        -0.670191154593408E-01    0.142363763154724E-01");
        }
        List<String> data = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            data.add("            0.8" + i + "   -6." + (100 + i));
        }
        NistDataset ds = NistDataset.parse("x", file("Filip", params, data,
                "y = B0 + B1*x + ... + B9*(x**9)\n + B10*(x**10) + e"), "Filip.dat");
        assertThat(ds.name()).isEqualTo("Filip");
        assertThat(ds.spec().degree()).isEqualTo(10);
        assertThat(ds.spec().intercept()).isTrue();
        assertThat(ds.spec().width()).isEqualTo(11);
        assertThat(ds.estimates()).hasSize(11).contains(-0.0670191154593408);
        assertThat(ds.residualSd()).isEqualTo(0.334801051324544E-02);
        assertThat(ds.fStatistic()).isEqualTo(2162.43954511489);
        assertThat(ds.data().rowCount()).isEqualTo(20);
    }

    @Test
    void noInterceptWhenB0IsAbsent() {
        NistDataset ds = NistDataset.parse("NoInt", file("NoIntX",
                List.of("        B1        2.07438016528926        0.165289256198347E-01"),
                List.of("  130  60", "  131  61", "  132  62"), "y = B1*x + e"), "NoIntX.dat");
        assertThat(ds.spec().intercept()).isFalse();
        assertThat(ds.spec().degree()).isEqualTo(1);
    }

    @Test
    void malformedDataLineNamesTheLine() {
        List<String> f = file("Bad", List.of("        B1        2.0        0.1"), List.of("  1  2", "  1  x"), "y = B1*x");
        assertThatThrownBy(() -> NistDataset.parse("Bad", f, "Bad.dat"))
                .isInstanceOf(GramianException.class).hasMessageContaining("Bad.dat, line 62");
    }
}
