package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files written by R ({@code write.csv}, {@code write.csv2}) and pandas ({@code to_csv}, also
 * tab-separated) from R's airquality data set: see {@code src/test/resources/dialects/README.md} for
 * the commands. All four must give the same rows, bit for bit, and drop the 42 rows R's {@code lm}
 * drops for {@code Ozone ~ Solar.R + Wind + Temp}.
 */
class CsvRealFilesTest {
    static final Path DIR = Path.of("src/test/resources/dialects");
    static final List<String> MODEL = List.of("Ozone", "Solar.R", "Wind", "Temp");

    @Test
    void rAndPandasFilesReadToTheSameRows() {
        CsvSource r = CsvSource.open(DIR.resolve("airquality-r.csv"));
        CsvSource r2 = CsvSource.open(DIR.resolve("airquality-r-csv2.csv"), CsvFormat.DEFAULT.withDecimal(','));
        CsvSource pandas = CsvSource.open(DIR.resolve("airquality-pandas.csv"));
        CsvSource tsv = CsvSource.open(DIR.resolve("airquality-pandas.tsv"));
        assertThat(r.fileColumns()).containsExactly("Ozone", "Solar.R", "Wind", "Temp", "Month", "Day");
        assertThat(r.notes()).hasSize(1);
        assertThat(r2.format().delimiter()).isEqualTo(';');
        assertThat(tsv.format().delimiter()).isEqualTo('\t');
        assertThat(pandas.fileColumns()).containsExactly("Ozone", "Solar.R", "Wind", "Temp", "Month", "Day",
                "month_name", "note");
        Rows.Pass reference = Rows.read(r.select(MODEL), true);
        assertThat(reference.rows()).isEqualTo(111);
        assertThat(java.util.Arrays.copyOf(reference.values(), 8)).containsExactly(41, 190, 7.4, 67, 36, 118, 8, 72);
        for (CsvSource s : List.of(r, r2, pandas, tsv)) {
            CsvSource m = s.select(MODEL).withThreads(2).withChunkSize(100);
            Rows.Pass p = Rows.read(m, true);
            assertThat(p.values()).as(s.file().toString()).isEqualTo(reference.values());
            assertThat(p.tails()).as(s.file().toString()).isEqualTo(reference.tails());
            assertThat(m.droppedRows()).isEqualTo(42);
            assertThat(m.categoricalColumns()).isEmpty();
        }
        // row 7 of the data set is the fifth kept; in the pandas files a two-line note comes first
        CsvSource rm = r.select(MODEL);
        Rows.read(rm, false); // rows are described after they are read
        assertThat(rm.describeRow(4)).endsWith("airquality-r.csv, line 8");
        CsvSource pm = pandas.select(MODEL);
        Rows.read(pm, false);
        assertThat(pm.describeRow(4)).endsWith("airquality-pandas.csv, line 9");
    }

    @Test
    void pandasTextColumnsAreCategoricalWithTheLevelsOfTheRowsKept() {
        for (String f : List.of("airquality-pandas.csv", "airquality-pandas.tsv")) {
            CsvSource s = CsvSource.open(DIR.resolve(f)).select(List.of("Ozone", "Solar.R", "Wind", "Temp", "month_name"));
            assertThat(s.categoricalColumns()).containsExactly("month_name");
            assertThat(s.levels("month_name")).containsExactly("Aug", "Jul", "Jun", "May", "Sep");
            Rows.Pass p = Rows.read(s, false);
            assertThat(p.rows()).isEqualTo(111);
            assertThat(p.values()[4]).isEqualTo(3.0); // May
            // the free-text column: 75 empty cells (missing), 19 distinct texts, quotes and line ends kept
            CsvSource note = CsvSource.open(DIR.resolve(f)).select(List.of("note"));
            assertThat(note.categoricalColumns()).containsExactly("note");
            assertThat(note.levels("note")).hasSize(19).contains("plain", "day 1, \"May\"\nsecond line");
            assertThat(note.droppedRows()).isEqualTo(75);
        }
    }
}
