package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.gramian.data.RowSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Categorical columns and missing values, per the {@link RowSource} contract: the level index in
 * the column's slot (tail 0), levels sorted by String.compareTo from the rows kept, text columns
 * found in the first rows, rows with a missing value dropped and counted (or an error).
 */
class CsvCategoricalTest {
    @TempDir
    Path dir;

    /** Every row a pass delivers, as lists of values. */
    private static List<List<Double>> rows(RowSource s, boolean extended) {
        List<List<Double>> out = new ArrayList<>();
        s.forEachBlock(extended, b -> {
            for (int i = 0; i < b.rows(); i++) {
                List<Double> r = new ArrayList<>();
                for (int j = 0; j < b.width(); j++) {
                    r.add(b.get(i, j));
                }
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void aCategoricalColumnDeliversTheIndexOfItsLevelWithTailZero() throws Exception {
        Path f = Rows.write(dir, "g.csv", "y,group,x\n1.5,b,0.1\n2,a,0.2\n3,\"c, d\",0.3\n4,b,0.4\n5, a ,0.5\n");
        CsvSource s = CsvSource.open(f).withCategorical(Set.of("group")).withThreads(1);
        assertThat(s.categoricalColumns()).containsExactly("group");
        assertThat(s.levels("group")).containsExactly("a", "b", "c, d"); // blanks around an unquoted cell trimmed
        assertThat(rows(s, false)).containsExactly(List.of(1.5, 1.0, 0.1), List.of(2.0, 0.0, 0.2),
                List.of(3.0, 2.0, 0.3), List.of(4.0, 1.0, 0.4), List.of(5.0, 0.0, 0.5));
        Rows.Pass ext = Rows.read(s, true);
        for (int r = 0; r < 5; r++) {
            assertThat(ext.tails()[r * 3 + 1]).isZero();
        }
        assertThat(ext.tails()[2]).isEqualTo(new java.math.BigDecimal("0.1")
                .subtract(new java.math.BigDecimal(0.1)).doubleValue()); // numbers keep their exact tails
        assertThatThrownBy(() -> s.levels("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x' is not categorical");
        assertThatThrownBy(() -> s.select(List.of("y", "x")).withCategorical(Set.of("group")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelsAreSortedByStringCompareToAsInTheCLocaleAndKeepQuotesAndLineEnds() throws Exception {
        // upper case before lower, digits as text ("10" < "9"), non-ASCII after ASCII; "" is a quote
        Path f = Rows.write(dir, "s.csv", "v,y\nb,1\nB,2\n10,3\n9,4\n\"say \"\"hi\"\"\",5\n\"two\nlines\",6\nÄrger,7\nb,8\n");
        CsvSource s = CsvSource.open(f).select(List.of("y", "v")).withCategorical(Set.of("v"));
        List<String> expected = new ArrayList<>(new TreeSet<>(List.of("b", "B", "10", "9", "say \"hi\"", "two\nlines",
                "Ärger")));
        assertThat(s.levels("v")).isEqualTo(expected)
                .containsExactly("10", "9", "B", "b", "say \"hi\"", "two\nlines", "Ärger");
        List<Double> codes = rows(s, false).stream().map(r -> r.get(1)).toList();
        assertThat(codes).containsExactly(3.0, 2.0, 0.0, 1.0, 4.0, 5.0, 6.0, 3.0);
        // the row after the two-line field is on line 9 of the file
        assertThat(s.describeRow(6)).isEqualTo(f + ", line 9");
    }

    @Test
    void textColumnsAreFoundInTheFirstRowsAndALaterWordInANumericColumnSuggestsC() throws Exception {
        StringBuilder sb = new StringBuilder("y,name,x\n");
        for (int i = 0; i < 1500; i++) {
            sb.append(i).append(',').append(i == 7 ? "\"Smith, John\"" : "" + (i % 3)).append(',')
                    .append(i == 1200 ? "abc" : Integer.toString(i * 2)).append('\n');
        }
        Path f = Rows.write(dir, "t.csv", sb.toString());
        CsvSource s = CsvSource.open(f);
        assertThat(s.categoricalColumns()).containsExactly("name");
        assertThat(s.select(List.of("y", "name")).levels("name")).containsExactly("0", "1", "2", "Smith, John");
        assertThat(s.numericError("name")).hasMessage(f + ", line 9, column 2 ('name'): expected a number, found"
                + " 'Smith, John'");
        assertThat(s.numericError("x")).isNull();
        for (int threads : new int[] {1, 3}) {
            assertThatThrownBy(() -> rows(s.withThreads(threads).withChunkSize(100), false))
                    .hasMessage(f + ", line 1202, column 3 ('x'): expected a number, found 'abc' (the first 1000 rows"
                            + " held numbers, so the column is read as numeric; C(x) reads it as categorical)");
        }
        // without inference every selected column is numeric: the old error
        assertThatThrownBy(() -> rows(CsvSource.open(f, CsvFormat.DEFAULT.withInferCategorical(false))
                .select(List.of("y", "name")), false))
                .hasMessage(f + ", line 9, column 2 ('name'): expected a number, found 'Smith, John'");
        // only the selected columns are looked at
        assertThat(s.select(List.of("y")).categoricalColumns()).isEmpty();
    }

    @Test
    void rowsWithAMissingValueInASelectedColumnAreDroppedAndCounted() throws Exception {
        // lines: 1 header, 2 kept, 3 NA in x, 4 empty g, 5 kept, 6 N/A in an unselected column, 7 null y,
        // 8 NaN x, 9 blank, 10 kept ("" quoted empty in the unselected column is fine)
        Path f = Rows.write(dir, "m.csv", "y,x,g,note\n1,2,a,ok\n2,NA,b,ok\n3,4,,ok\n4,5,c,ok\n5,6,b,N/A\n"
                + "null,7,a,ok\n6,NaN,a,ok\n\n7,8,\"b\",\"\"\n");
        CsvSource s = CsvSource.open(f).select(List.of("y", "x", "g"));
        assertThat(s.categoricalColumns()).containsExactly("g");
        // b of line 3 is dropped with its row; its other b's keep the level; a only in kept rows 2
        assertThat(s.levels("g")).containsExactly("a", "b", "c");
        assertThat(s.droppedRows()).isEqualTo(4);
        for (int threads : new int[] {1, 2}) {
            for (int chunk : new int[] {1, 7, 1 << 20}) {
                CsvSource v = s.withThreads(threads).withChunkSize(chunk);
                assertThat(rows(v, threads == 2)).containsExactly(List.of(1.0, 2.0, 0.0), List.of(4.0, 5.0, 2.0),
                        List.of(5.0, 6.0, 1.0), List.of(7.0, 8.0, 1.0));
                assertThat(v.droppedRows()).isEqualTo(4);
            }
        }
        assertThat(s.describeRow(0)).isEqualTo(f + ", line 2");
        assertThat(s.describeRow(1)).isEqualTo(f + ", line 5");
        assertThat(s.describeRow(2)).isEqualTo(f + ", line 6");
        assertThat(s.describeRow(3)).isEqualTo(f + ", line 10");
        // a column not selected is never looked at, so its N/A drops nothing
        CsvSource yx = CsvSource.open(f).select(List.of("y", "x"));
        assertThat(rows(yx, false)).hasSize(5);
        assertThat(yx.droppedRows()).isEqualTo(3);
    }

    @Test
    void missingFailGivesTheOldErrorsAndNamesMissingCategories() throws Exception {
        CsvFormat fail = CsvFormat.DEFAULT.withMissing(CsvFormat.Missing.FAIL);
        Path f = Rows.write(dir, "f.csv", "y,x\n1,2\n2,NA\n");
        assertThatThrownBy(() -> rows(CsvSource.open(f, fail), false))
                .hasMessage(f + ", line 3, column 2 ('x'): expected a number, found 'NA'");
        Path e = Rows.write(dir, "e.csv", "y,x\n1,2\n2,\n");
        assertThatThrownBy(() -> rows(CsvSource.open(e, fail), false))
                .hasMessage(e + ", line 3, column 2 ('x'): expected a number, found an empty cell");
        Path g = Rows.write(dir, "g.csv", "y,g\n1,a\n2,NA\n");
        assertThatThrownBy(() -> rows(CsvSource.open(g, fail), false))
                .hasMessage(g + ", line 3, column 2 ('g'): missing value 'NA' and --missing fail");
        Path g2 = Rows.write(dir, "g2.csv", "y,g\n1,a\n2,\"\"\n");
        assertThatThrownBy(() -> rows(CsvSource.open(g2, fail), false))
                .hasMessage(g2 + ", line 3, column 2 ('g'): missing value (an empty cell) and --missing fail");
    }

    @Test
    void naValuesAreConfigurableExactAndCaseSensitive() throws Exception {
        Path f = Rows.write(dir, "n.csv", "y,x\n1,2\n2,-999\n3,na\n4,.\n5, -999 \n6,NA\n");
        CsvSource custom = CsvSource.open(f, CsvFormat.DEFAULT.withNaValues(List.of("-999", ".")));
        // -999 (a number) and . are missing; "na" is text, so x is categorical here; NA is a level now
        assertThat(custom.categoricalColumns()).containsExactly("x");
        assertThat(custom.levels("x")).containsExactly("2", "NA", "na");
        assertThat(rows(custom, false)).hasSize(3);
        assertThat(custom.droppedRows()).isEqualTo(3);
        CsvSource numeric = CsvSource.open(Rows.write(dir, "n2.csv", "y,x\n1,2\n2,-999\n3,-999.0\n"),
                CsvFormat.DEFAULT.withNaValues(List.of("-999")));
        assertThat(rows(numeric, true)).containsExactly(List.of(1.0, 2.0), List.of(3.0, -999.0)); // exact text only
        assertThatThrownBy(() -> rows(CsvSource.open(Rows.write(dir, "n3.csv", "y,x\n1,2\n2,-999\n"),
                CsvFormat.DEFAULT.withNaValues(List.of("-999")).withMissing(CsvFormat.Missing.FAIL)), false))
                .hasMessageEndingWith("line 3, column 2 ('x'): missing value '-999' and --missing fail");
        // the defaults are case-sensitive: "na" and "nan" are not missing, "NaN" is
        CsvSource dflt = CsvSource.open(Rows.write(dir, "n4.csv", "y,x\n1,2\n2,NaN\n3,nan\n"));
        assertThat(dflt.categoricalColumns()).containsExactly("x");
        assertThat(dflt.levels("x")).containsExactly("2", "nan");
    }

    @Test
    void categoricalReadingIsDeterministicForEveryThreadCountAndChunkSize() throws Exception {
        Random rnd = new Random(11);
        String[] names = {"alpha", "beta", "\"gamma, g\"", "\"multi\nline\"", "delta", "NA", ""};
        StringBuilder sb = new StringBuilder("id,y,x,g\r\n");
        int kept = 0;
        for (int i = 0; i < 6000; i++) {
            String g = names[rnd.nextInt(names.length)];
            String x = rnd.nextInt(50) == 0 ? "NA" : String.format(Locale.ROOT, "%.17g", rnd.nextGaussian());
            if (!g.equals("NA") && !g.isEmpty() && !x.equals("NA")) {
                kept++;
            }
            sb.append('"').append(i).append("\",").append(String.format(Locale.ROOT, "%.6f", rnd.nextDouble()))
                    .append(',').append(x).append(',').append(g).append(i % 500 == 0 ? "\r\n\r\n" : "\r\n");
        }
        Path f = Rows.write(dir, "det.csv", sb.toString());
        CsvSource base = CsvSource.open(f).select(List.of("y", "x", "g"));
        assertThat(base.categoricalColumns()).containsExactly("g");
        assertThat(base.levels("g")).containsExactly("alpha", "beta", "delta", "gamma, g", "multi\nline");
        Rows.Pass reference = Rows.read(base.withThreads(1), true);
        assertThat(reference.rows()).isEqualTo(kept);
        assertThat(base.droppedRows()).isEqualTo(6000 - kept);
        String lastRow = base.describeRow(kept - 1);
        for (int threads : new int[] {1, 2, 4}) {
            for (int chunk : new int[] {1, 64, 257, 4096, 100_000}) {
                CsvSource src = CsvSource.open(f).select(List.of("y", "x", "g")).withThreads(threads)
                        .withChunkSize(chunk);
                Rows.Pass got = Rows.read(src, true);
                String as = "threads " + threads + ", chunk " + chunk;
                assertThat(got.blocks()).as(as).usingRecursiveComparison().isEqualTo(reference.blocks());
                assertThat(got.values()).as(as).isEqualTo(reference.values());
                assertThat(got.tails()).as(as).isEqualTo(reference.tails());
                assertThat(src.droppedRows()).as(as).isEqualTo(6000 - kept);
                assertThat(src.describeRow(kept - 1)).as(as).isEqualTo(lastRow);
            }
        }
    }

    /**
     * The reader finds a text column by itself, but a model that uses it as a number must not get
     * level indices: before this check, y = 2, 'abc', 4 was fitted as y = 2, 0, 4 (w = [0, 0.5]).
     */
    @Test
    void aTextColumnUsedAsANumberByALibraryFitIsAnErrorNotLevelIndices() throws Exception {
        Path f = Rows.write(dir, "t.csv", "x,y\n1,2\n2,abc\n3,4\n");
        CsvSource s = CsvSource.open(f);
        assertThat(s.categoricalColumns()).containsExactly("y");
        org.gramian.design.ModelSpec line = org.gramian.design.ModelSpec.line("y", "x");
        assertThatThrownBy(() -> new org.gramian.model.OrdinaryLeastSquares().fit(s, line))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("'abc'");
        assertThatThrownBy(() -> new org.gramian.model.LogisticRegression().fit(s, line))
                .isInstanceOf(CsvFormatException.class);
        org.gramian.design.ModelSpec onText = org.gramian.design.ModelSpec.line("x", "y");
        assertThatThrownBy(() -> new org.gramian.model.OrdinaryLeastSquares().fit(s, onText))
                .isInstanceOf(CsvFormatException.class);
        // as a factor in a formula the same column is what it should be: levels
        org.gramian.design.ModelSpec formula = org.gramian.design.ModelSpec.of(
                org.gramian.design.formula.Formula.parse("x ~ y"));
        assertThat(new org.gramian.model.OrdinaryLeastSquares().fit(s, formula).coefficients().stream().map(org.gramian.stats.Coefficient::name).toList())
                .containsExactly("(Intercept)", "y4", "yabc");
    }
}
