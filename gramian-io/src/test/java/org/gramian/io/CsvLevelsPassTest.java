package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.design.formula.Formula;
import org.gramian.model.FittedModel;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The levels pass of a file with factor and missing columns (issue #13, item 5: it steps over the
 * fields that are not factors with an 8-byte scan, tests NA texts by length and first byte, and
 * looks factor cells up by their bytes) finds exactly the levels and dropped rows that the file's
 * rows, generated here in memory from a fixed seed, say it should; and every thread count and
 * chunk size gives the same rows and the same fit, to the bit. The expected levels, codes and
 * numbers come from the generator's own lists (Double.parseDouble of each printed number), not
 * from a parser.
 */
class CsvLevelsPassTest {
    private static final String[] G = {"a", "b", "c, d", "say \"hi\"", "e"};
    private static final String[] H = {"lo", "mid", "hi"};
    private static final int ROWS = 3000;

    @TempDir
    Path dir;

    /** One generated row: its cells as written and whether it is dropped for a missing value. */
    private record Row(String g, String h, String x1, String x2, String x3, String y, String note, boolean missing) {
    }

    /**
     * Columns note (not selected: arbitrary text, quoted delimiters and line ends), g, x1, h, x2,
     * x3, y. g's level "late" first appears in the last rows; "ghost" appears only in rows dropped
     * for a missing x2; about 2% of the cells are missing (empty, NA, NaN, null, N/A, blanks); some
     * lines end with CRLF, some cells have blanks around them or quotes.
     */
    private static List<Row> generate() {
        Random r = new Random(20261202L);
        List<Row> rows = new ArrayList<>();
        String[] na = {"", "NA", "NaN", "null", "N/A", "  "};
        for (int i = 0; i < ROWS; i++) {
            String g = i >= ROWS - 5 ? "late" : G[r.nextInt(G.length)];
            String h = H[r.nextInt(H.length)];
            double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian() * 3};
            int gi = g.equals("late") ? 5 : java.util.Arrays.asList(G).indexOf(g);
            double y = 1 + 0.5 * x[0] - 2 * x[1] + 0.25 * x[2] + 0.3 * gi + (h.equals("hi") ? 1.5 : 0)
                    + 0.1 * gi * x[2] + 0.01 * r.nextGaussian();
            String[] cells = {String.format(Locale.ROOT, "%.17g", x[0]), String.format(Locale.ROOT, "%.17g", x[1]),
                    String.format(Locale.ROOT, "%.17g", x[2]), String.format(Locale.ROOT, "%.17g", y)};
            boolean missing = false;
            for (int c = 0; c < cells.length; c++) {
                if (r.nextInt(100) < 2) {
                    cells[c] = na[r.nextInt(na.length)];
                    missing = true;
                }
            }
            if (r.nextInt(100) < 2) {
                g = r.nextBoolean() ? "NA" : "";
                missing = true;
            }
            if (i == 1000 || i == 2000) {
                g = "ghost";
                cells[1] = "NA";
                missing = true;
            }
            String note = switch (i % 7) {
                case 0 -> "\"x, \"\"y\"\"\r\nz\"";
                case 1 -> "NA";
                case 2 -> "";
                default -> "n" + i;
            };
            rows.add(new Row(g, h, cells[0], cells[1], cells[2], cells[3], note, missing));
        }
        return rows;
    }

    private static String quoteIfNeeded(String level, Random r) {
        if (level.contains(",") || level.contains("\"")) {
            return "\"" + level.replace("\"", "\"\"") + "\"";
        }
        return r.nextInt(10) == 0 ? "\"" + level + "\"" : r.nextInt(10) == 0 ? " " + level + " " : level;
    }

    private Path write(List<Row> rows) throws Exception {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder("note,g,x1,h,x2,x3,y\n");
        for (Row row : rows) {
            String g = row.g().equals("NA") || row.g().isEmpty() ? row.g() : quoteIfNeeded(row.g(), r);
            sb.append(row.note()).append(',').append(g).append(',').append(row.x1()).append(',')
                    .append(quoteIfNeeded(row.h(), r)).append(',').append(row.x2()).append(',').append(row.x3())
                    .append(',').append(row.y()).append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        Path f = dir.resolve("factors.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static final List<String> SELECTED = List.of("g", "x1", "h", "x2", "x3", "y");

    @Test
    void levelsAndDroppedRowsAreThoseOfTheRowsKeptForEveryThreadCountAndChunkSize() throws Exception {
        List<Row> rows = generate();
        Path f = write(rows);
        TreeSet<String> gLevels = new TreeSet<>();
        TreeSet<String> hLevels = new TreeSet<>();
        List<double[]> expected = new ArrayList<>();
        for (Row row : rows) {
            if (!row.missing()) {
                gLevels.add(row.g());
                hLevels.add(row.h());
            }
        }
        List<String> gl = List.copyOf(gLevels);
        List<String> hl = List.copyOf(hLevels);
        for (Row row : rows) {
            if (!row.missing()) {
                expected.add(new double[]{gl.indexOf(row.g()), Double.parseDouble(row.x1()), hl.indexOf(row.h()),
                        Double.parseDouble(row.x2()), Double.parseDouble(row.x3()), Double.parseDouble(row.y())});
            }
        }
        assertThat(gl).contains("late", "c, d", "say \"hi\"").doesNotContain("ghost", "NA", "");
        long dropped = rows.stream().filter(Row::missing).count();
        assertThat(dropped).isBetween(200L, 600L);
        for (int threads : new int[]{1, 2, 3}) {
            for (int chunk : new int[]{1, 17, 4096, CsvSource.DEFAULT_CHUNK_SIZE}) {
                CsvSource s = CsvSource.open(f).select(SELECTED).withCategorical(Set.of("g", "h"))
                        .withThreads(threads).withChunkSize(chunk);
                String at = threads + " threads, chunks of " + chunk;
                assertThat(s.levels("g")).as(at).isEqualTo(gl);
                assertThat(s.levels("h")).as(at).isEqualTo(hl);
                assertThat(s.droppedRows()).as(at).isEqualTo(dropped);
                Rows.Pass pass = Rows.read(s, false);
                assertThat(pass.values().length).as(at).isEqualTo(expected.size() * SELECTED.size());
                for (int i = 0; i < expected.size(); i++) {
                    for (int j = 0; j < SELECTED.size(); j++) {
                        assertThat(Double.doubleToRawLongBits(pass.values()[i * SELECTED.size() + j]))
                                .as(at + ", row " + i + ", column " + SELECTED.get(j))
                                .isEqualTo(Double.doubleToRawLongBits(expected.get(i)[j]));
                    }
                }
            }
        }
    }

    /**
     * The fit with factors, an interaction and rows dropped is the same to the bit for every thread
     * count and chunk size and every solver, and the same as the fit of the rows kept, in memory
     * (a {@link Table} made from the generator's lists, no CSV reading).
     */
    @Test
    void theFitIsTheSameBitsForEveryThreadCountChunkSizeAndAsTheRowsInMemory() throws Exception {
        List<Row> rows = generate();
        Path f = write(rows);
        TreeSet<String> gLevels = new TreeSet<>();
        TreeSet<String> hLevels = new TreeSet<>();
        for (Row row : rows) {
            if (!row.missing()) {
                gLevels.add(row.g());
                hLevels.add(row.h());
            }
        }
        List<String> gl = List.copyOf(gLevels);
        List<String> hl = List.copyOf(hLevels);
        assertThat(gl.size()).isLessThanOrEqualTo(10); // one digit per level index: see table()
        List<String[]> kept = new ArrayList<>();
        for (Row row : rows) {
            if (!row.missing()) {
                kept.add(new String[]{"" + gl.indexOf(row.g()), row.x1(), "" + hl.indexOf(row.h()), row.x2(), row.x3(),
                        row.y()});
            }
        }
        ModelSpec spec = ModelSpec.of(Formula.parse("y ~ x1 + x2 + g + h + g:x3"));
        for (SolverKind solver : new SolverKind[]{SolverKind.AUTO, SolverKind.CHOLESKY, SolverKind.QR}) {
            FittedModel memory = Gramian.fit(table(kept), spec, solver);
            assertThat(memory.statistics().observations()).isEqualTo(kept.size());
            List<String> names = null;
            for (int threads : new int[]{1, 3}) {
                for (int chunk : new int[]{64, 4096, CsvSource.DEFAULT_CHUNK_SIZE}) {
                    CsvSource s = CsvSource.open(f).select(SELECTED).withThreads(threads).withChunkSize(chunk);
                    FittedModel m = Gramian.fit(s, spec, solver);
                    String at = solver + ", " + threads + " threads, chunks of " + chunk;
                    if (names == null) {
                        names = m.design().coefficientNames();
                        assertThat(names).contains("glate", "hmid", "gc, d:x3").doesNotContain("gghost");
                    }
                    assertThat(m.design().coefficientNames()).as(at).isEqualTo(names);
                    assertThat(m.statistics().observations()).as(at).isEqualTo(kept.size());
                    double[] a = m.estimates();
                    double[] b = memory.estimates();
                    for (int j = 0; j < a.length; j++) {
                        assertThat(Double.doubleToRawLongBits(a[j])).as(at + ", coefficient " + j)
                                .isEqualTo(Double.doubleToRawLongBits(b[j]));
                    }
                }
            }
        }
    }

    /**
     * The kept rows in memory with their decimal tails; g and h hold their level's index, read as
     * categorical (the levels "0", "1", … sort as the indices do, so the design columns are the same
     * as the file's; only the names differ).
     */
    private static Table table(List<String[]> kept) {
        return Table.ofDecimalRows(List.of("g", "x1", "h", "x2", "x3", "y"), kept).withCategorical(Set.of("g", "h"));
    }

    /** Under --missing fail, a missing numeric cell stops the levels pass with the message it always gave. */
    @Test
    void aMissingNumberUnderMissingFailIsStillTheErrorOfTheGeneralPath() throws Exception {
        Path f = Rows.write(dir, "fail.csv", "g,x,y\na,1,2\nb,NA,3\n");
        CsvSource s = CsvSource.open(f, CsvFormat.DEFAULT.withMissing(CsvFormat.Missing.FAIL))
                .withCategorical(Set.of("g")).withThreads(1);
        assertThatThrownBy(() -> s.levels("g")).isInstanceOf(CsvFormatException.class)
                .hasMessage(f + ", line 3, column 2 ('x'): expected a number, found 'NA'");
        Path e = Rows.write(dir, "empty.csv", "g,x,y\na,1,2\nb, ,3\n");
        CsvSource t = CsvSource.open(e, CsvFormat.DEFAULT.withMissing(CsvFormat.Missing.FAIL))
                .withCategorical(Set.of("g")).withThreads(1);
        assertThatThrownBy(() -> t.levels("g")).isInstanceOf(CsvFormatException.class)
                .hasMessage(e + ", line 3, column 2 ('x'): expected a number, found an empty cell");
    }

    /** A numeric cell over the number limit is refused by the levels pass, missing or not, as before. */
    @Test
    void anOverlongNumericCellIsRefusedInTheLevelsPass() throws Exception {
        Path f = Rows.write(dir, "long.csv", "g,x,y\na,1,2\nb," + "1".repeat(40) + ",3\n");
        CsvSource s = CsvSource.open(f, new CsvLimits(32, CsvLimits.DEFAULT.nameBytes(),
                CsvLimits.DEFAULT.lineBytes(), CsvLimits.DEFAULT.columns()), CsvFormat.DEFAULT).withCategorical(Set.of("g")).withThreads(1);
        assertThatThrownBy(() -> s.levels("g")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3, column 2 ('x'): a cell of more than");
    }
}
