package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvErrorsTest {
    @TempDir
    Path dir;

    private String failure(String text, int threads, int chunk) throws Exception {
        Path f = Rows.write(dir, "d.csv", text);
        try {
            Rows.read(org.gramian.io.CsvSource.open(f, CsvFormat.STRICT).withThreads(threads).withChunkSize(chunk), true);
        } catch (CsvFormatException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage().replace(f.toString(), "<f>");
        }
        throw new AssertionError("no error for " + text);
    }

    private String openFailure(String text) throws Exception {
        Path f = Rows.write(dir, "h.csv", text);
        try {
            org.gramian.io.CsvSource.open(f);
        } catch (CsvFormatException e) {
            return e.getMessage().replace(f.toString(), "<f>");
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void missingAndEmptyFiles() throws Exception {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> org.gramian.io.CsvSource.open(missing)).isInstanceOf(CsvFormatException.class)
                .hasMessage(missing + ": no such file");
        assertThat(openFailure("")).isEqualTo("<f>: empty file, expected a header row");
        assertThat(openFailure("\n1,2\n")).isEqualTo("<f>, line 1: expected a header row, found a blank line");
        assertThatThrownBy(() -> org.gramian.io.CsvSource.open(dir)).isInstanceOf(CsvFormatException.class)
                .hasMessage(dir + ": is a directory, expected a CSV file");
        Path fakeGz = Rows.write(dir, "x.csv.gz", "x,y\n1,2\n");
        assertThatThrownBy(() -> org.gramian.io.CsvSource.open(fakeGz)).isInstanceOf(CsvFormatException.class)
                .hasMessage(fakeGz + ": named .gz but not in gzip format");
    }

    @Test
    void headerProblems() throws Exception {
        assertThat(openFailure("x,y,x\n1,2,3\n")).isEqualTo("<f>, line 1: duplicate column name 'x' (columns 1 and 3)");
        assertThat(openFailure("x,,y\n")).isEqualTo("<f>, line 1, column 2: empty column name");
        assertThat(openFailure("x,\"y\n1,2\n"))
                .isEqualTo("<f>, line 1, column 2: unterminated quoted field (quoted fields cannot span lines)");
    }

    @Test
    void unknownOrRepeatedColumnInSelect() throws Exception {
        Path f = Rows.write(dir, "s.csv", "x,y\n1,2\n");
        assertThatThrownBy(() -> org.gramian.io.CsvSource.open(f).select(List.of("x", "z")))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage(f + ": unknown column 'z'; the columns are: x, y");
        assertThatThrownBy(() -> org.gramian.io.CsvSource.open(f).select(List.of("x", "x")))
                .hasMessage(f + ": column 'x' is selected twice");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x,y,z\\n1,2,3\\n4,5,6\\n1,2\\n|<f>, line 4: expected 3 fields, found 2",
        "x,y,z\\n1,2,3,4\\n|<f>, line 2: expected 3 fields, found 4",
        "x,y\\n1,2\\n3,abc\\n|<f>, line 3, column 2 ('y'): expected a number, found 'abc'",
        "x,y\\n1,\\n|<f>, line 2, column 2 ('y'): expected a number, found an empty cell",
        "x,y\\n1,  \\n|<f>, line 2, column 2 ('y'): expected a number, found an empty cell",
        "x,y\\nNaN,1\\n|<f>, line 2, column 1 ('x'): expected a finite number, found 'NaN'",
        "x,y\\n1,-Infinity\\n|<f>, line 2, column 2 ('y'): expected a finite number, found '-Infinity'",
        "x,y\\n1,1e400\\n|<f>, line 2, column 2 ('y'): expected a finite number, found '1e400'",
        "x,y\\n1,0x1p3\\n|<f>, line 2, column 2 ('y'): expected a number, found '0x1p3'",
        "x,y\\n1,1.5d\\n|<f>, line 2, column 2 ('y'): expected a number, found '1.5d'",
        "x,y\\n1,1e\\n|<f>, line 2, column 2 ('y'): expected a number, found '1e'",
        "x,y\\n1,\"2\" 3\\n|<f>, line 2, column 2 ('y'): unexpected text after a closing quote",
        // a quoted field may span lines: here it is not a number; the record's first line is named
        "x,y\\n1,\"2\\n3\"\\n|<f>, line 2, column 2 ('y'): expected a number, found '2\\n3'",
        "x,y\\n1,2\\n1,\"2\\n3\\n|<f>, line 3, column 2 ('y'): unterminated quoted field (the file ends inside it)",
        // a bad number and a wrong count on the same line: the count is reported
        "x,y\\nabc\\n|<f>, line 2: expected 2 fields, found 1",
        // the first of several errors, with blank lines before it
        "x,y\\n\\n1,2\\n\\n\\n3,x\\n5\\n|<f>, line 6, column 2 ('y'): expected a number, found 'x'",
    })
    void dataErrorsNameLineAndColumn(String text, String expected) throws Exception {
        String csv = text.replace("\\n", "\n");
        for (int threads : new int[] {1, 2, 4}) {
            for (int chunk : new int[] {1, 5, 64, 1 << 20}) {
                assertThat(failure(csv, threads, chunk)).as("threads %d chunk %d", threads, chunk).isEqualTo(expected);
            }
        }
    }

    @Test
    void textInUnselectedColumnsIsFineButNotInSelectedOnes() throws Exception {
        Path f = Rows.write(dir, "t.csv", "id,x,y\nabc,1,2\n\"q,r\",3,4\n");
        assertThat(Rows.read(org.gramian.io.CsvSource.open(f).select(List.of("x", "y")), false).values())
                .containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> Rows.read(org.gramian.io.CsvSource.open(f, CsvFormat.STRICT), false))
                .hasMessage(f + ", line 2, column 1 ('id'): expected a number, found 'abc'");
    }

    @Test
    void corruptGzipIsAOneLineError() throws Exception {
        Path gz = Rows.writeGzip(dir, "c.csv.gz", "x,y\n" + "1,2\n".repeat(50_000));
        byte[] all = Files.readAllBytes(gz);
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> Rows.read(org.gramian.io.CsvSource.open(cut).withThreads(threads), false))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith(cut + ": cannot read: corrupt or truncated gzip data")
                    .hasMessageNotContaining("\n");
        }
    }
}
