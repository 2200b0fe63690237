package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delimiters, decimal commas, index columns, quoted line ends and their cost. */
class CsvDialectTest {
    @TempDir
    Path dir;

    private static double[] values(CsvSource s) {
        return Rows.read(s, false).values();
    }

    @Test
    void theDelimiterIsDetectedFromTheHeaderLine() throws Exception {
        assertThat(CsvSource.open(Rows.write(dir, "s.csv", "a;b;c\n1;2;3\n")).format().delimiter()).isEqualTo(';');
        assertThat(CsvSource.open(Rows.write(dir, "t.csv", "a\tb\tc\n1\t2\t3\n")).format().delimiter()).isEqualTo('\t');
        assertThat(CsvSource.open(Rows.write(dir, "p.csv", "a|b\n1|2\n")).format().delimiter()).isEqualTo('|');
        assertThat(CsvSource.open(Rows.write(dir, "c.csv", "a,b\n1,2\n")).format().delimiter()).isEqualTo(',');
        // a quoted name with commas does not make the file comma-separated
        CsvSource q = CsvSource.open(Rows.write(dir, "q.csv", "\"x, in m\";\"y, in s\"\n1;2\n"));
        assertThat(q.fileColumns()).containsExactly("x, in m", "y, in s");
        assertThat(values(q)).containsExactly(1, 2);
        // one column: no delimiter at all
        assertThat(CsvSource.open(Rows.write(dir, "one.csv", "x\n1\n")).fileColumns()).containsExactly("x");
        // .tsv is tab-separated whatever the header holds
        CsvSource tsv = CsvSource.open(Rows.write(dir, "d.tsv", "a,b\tc\n1\t2\n"));
        assertThat(tsv.fileColumns()).containsExactly("a,b", "c");
        // a given delimiter wins over detection
        CsvSource given = CsvSource.open(Rows.write(dir, "g.csv", "a;b,c\n1;2,3\n"), CsvFormat.DEFAULT.withDelimiter(';'));
        assertThat(given.fileColumns()).containsExactly("a", "b,c");
    }

    @Test
    void tabSeparatedFieldsKeepEmptyCellsAndSpacesAroundAreTrimmed() throws Exception {
        Path f = Rows.write(dir, "t.tsv", " y \t x\tz\n1\t 2 \tq\n3\t\tr\n5\t6\t\n");
        CsvSource s = CsvSource.open(f).select(List.of("y", "x"));
        assertThat(values(s)).containsExactly(1, 2, 5, 6); // the empty x of line 3 is missing: dropped
        assertThat(s.droppedRows()).isEqualTo(1);
        assertThat(s.describeRow(1)).isEqualTo(f + ", line 4");
    }

    @Test
    void decimalCommasInASemicolonFileReadExactlyAsTheirPointForm() throws Exception {
        Path f = Rows.write(dir, "eu.csv", "x;y\n1,5;-0,1\n2;3,25e-3\n\"0,3\";,5\n");
        CsvSource s = CsvSource.open(f, CsvFormat.DEFAULT.withDecimal(','));
        Rows.Pass p = Rows.read(s, true);
        String[] text = {"1.5", "-0.1", "2", "3.25e-3", "0.3", ".5"};
        for (int i = 0; i < text.length; i++) {
            double v = Double.parseDouble(text[i]);
            assertThat(p.values()[i]).isEqualTo(v);
            assertThat(p.tails()[i]).as(text[i])
                    .isEqualTo(new BigDecimal(text[i]).subtract(new BigDecimal(v)).doubleValue());
        }
        // a point in such a file is a thousands separator: not a number
        Path bad = Rows.write(dir, "bad.csv", "x;y\n1.234,5;1\n");
        assertThatThrownBy(() -> values(CsvSource.open(bad, CsvFormat.STRICT.withDelimiter(';').withDecimal(','))))
                .hasMessage(bad + ", line 2, column 1 ('x'): expected a number, found '1.234,5'");
        assertThatThrownBy(() -> CsvFormat.DEFAULT.withDelimiter(',').withDecimal(','))
                .isInstanceOf(IllegalArgumentException.class);
        // a comma-separated file with --decimal , is refused when it is opened
        Path commas = Rows.write(dir, "commas.csv", "x,y\n1,2\n");
        assertThatThrownBy(() -> CsvSource.open(commas, CsvFormat.DEFAULT.withDecimal(',')))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("the same as the decimal mark");
    }

    @Test
    void anUnnamedFirstColumnIsARowIndexAndIsSkipped() throws Exception {
        // as pandas' to_csv() writes it
        CsvSource pandas = CsvSource.open(Rows.write(dir, "p.csv", ",x,y\n0,1.5,2\n1,2.5,3\n"));
        assertThat(pandas.fileColumns()).containsExactly("x", "y");
        assertThat(pandas.columns()).containsExactly("x", "y");
        assertThat(pandas.notes()).singleElement().asString().contains("no name");
        assertThat(values(pandas)).containsExactly(1.5, 2, 2.5, 3);
        // as R's write.csv() writes it
        CsvSource r = CsvSource.open(Rows.write(dir, "r.csv", "\"\",\"x\",\"y\"\n\"1\",1.5,2\n\"2\",2.5,3\n"));
        assertThat(r.fileColumns()).containsExactly("x", "y");
        assertThat(values(r)).containsExactly(1.5, 2, 2.5, 3);
        assertThatThrownBy(() -> r.select(List.of(""))).hasMessageContaining("unknown column ''");
        // an empty name elsewhere is still an error; a one-column file with an empty name too
        assertThatThrownBy(() -> CsvSource.open(Rows.write(dir, "e.csv", "x,,y\n1,2,3\n")))
                .hasMessageEndingWith("line 1, column 2: empty column name");
        assertThat(CsvSource.open(Rows.write(dir, "n.csv", "x,y\n1,2\n")).notes()).isEmpty();
    }

    @Test
    void bomCrlfAndTrimmedNames() throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.write(f, ("\uFEFF x ;\t\"y\" \r\n1;2\r\n3;4\r\n").getBytes(StandardCharsets.UTF_8));
        CsvSource s = CsvSource.open(f);
        assertThat(s.fileColumns()).containsExactly("x", "y");
        assertThat(values(s)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void quotedFieldsSpanLinesWithAnyLineEnd() throws Exception {
        for (String nl : new String[] {"\n", "\r\n", "\r"}) {
            String text = "note,x,y" + nl + "\"one" + nl + "two\",1,2" + nl + "plain,3,4" + nl + "\"a,\"\"b\"\"" + nl + nl
                    + "c\",5,6" + nl;
            Path f = Rows.write(dir, "q" + (int) nl.charAt(0) + nl.length() + ".csv", text);
            for (int threads : new int[] {1, 2}) {
                for (int chunk : new int[] {1, 3, 8, 1 << 20}) {
                    CsvSource s = CsvSource.open(f).select(List.of("x", "y")).withThreads(threads).withChunkSize(chunk);
                    assertThat(values(s)).containsExactly(1, 2, 3, 4, 5, 6);
                    assertThat(s.describeRow(1)).isEqualTo(f + ", line 4");
                    assertThat(s.describeRow(2)).isEqualTo(f + ", line 5");
                }
            }
            CsvSource all = CsvSource.open(f).withCategorical(java.util.Set.of("note"));
            assertThat(all.levels("note")).containsExactly("a,\"b\"" + nl + nl + "c", "one" + nl + "two", "plain");
        }
        // a quote inside an unquoted field is text, not the start of a quoted field
        Path inches = Rows.write(dir, "in.csv", "size,x\n5\" pipe,1\n12\",2\n");
        assertThat(values(CsvSource.open(inches).select(List.of("x")).withChunkSize(2))).containsExactly(1, 2);
    }

    /** Writes a file of a header, a row, one {@code big}-byte cell row, and a last row. */
    private Path bigCellFile(String name, int big, boolean quoted) throws Exception {
        Path f = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write("text,x\n\"a\",1\n".getBytes(StandardCharsets.US_ASCII));
            if (quoted) {
                out.write('"');
            }
            byte[] piece = (quoted ? "lorem, \"\"ipsum\"\"\ndolor\r\n" : "lorem ipsum dolor  ").getBytes(StandardCharsets.US_ASCII);
            for (int n = 0; n < big; n += piece.length) {
                out.write(piece);
            }
            out.write((quoted ? "\",2\nb,3\n" : ",2\nb,3\n").getBytes(StandardCharsets.US_ASCII));
        }
        return f;
    }

    @Test
    void aFiftyMegabyteQuotedFieldOrLineIsReadInLinearTime() throws Exception {
        for (boolean quoted : new boolean[] {true, false}) {
            Path f = bigCellFile(quoted ? "field.csv" : "line.csv", 50_000_000, quoted);
            long size = Files.size(f);
            // the work the record-end scan does is linear: each byte looked at a few times at most
            for (int chunk : new int[] {1 << 10, 1 << 20}) {
                try (CsvInput in = CsvInput.open(f, f.toString())) {
                    ChunkReader reader = new ChunkReader(in, chunk, CsvSource.MAX_LINE_BYTES, new BufferPool(), (byte) ',');
                    long bytes = 0;
                    Chunk c;
                    while ((c = reader.next()) != null) {
                        bytes += c.length();
                    }
                    assertThat(bytes).isEqualTo(size);
                    assertThat(reader.scanned).as("quoted %s, chunk %d", quoted, chunk).isLessThanOrEqualTo(3 * size);
                }
            }
            // and the whole read, with the cell as a level too, finishes (generous bound: minutes before)
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                CsvSource s = CsvSource.open(f).select(List.of("x")).withThreads(2);
                assertThat(values(s)).containsExactly(1, 2, 3);
                CsvSource t = CsvSource.open(f).withCategorical(java.util.Set.of("text")).withThreads(2);
                assertThat(t.levels("text")).hasSize(3);
            });
        }
    }
}
