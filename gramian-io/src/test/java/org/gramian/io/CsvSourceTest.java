package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.data.Table;
import org.gramian.numeric.Decimal;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
    @TempDir
    Path dir;

    @Test
    void readsHeaderAndValuesInOrder() throws Exception {
        Path f = Rows.write(dir, "a.csv", "x,y\n1,2.5\n-3e2,0.1\n");
        CsvSource src = CsvSource.open(f);
        assertThat(src.columns()).containsExactly("x", "y");
        Rows.Pass pass = Rows.read(src, false);
        assertThat(pass.values()).containsExactly(1, 2.5, -300, 0.1);
        assertThat(pass.blocks()).hasSize(1);
        assertThat(pass.blocks().get(0)).containsExactly(0, 2);
    }

    @Test
    void extendedPassCarriesTheDecimalResiduals() throws Exception {
        Path f = Rows.write(dir, "a.csv", "x,y\n0.1,2\n1e-5,83.0\n");
        Rows.Pass pass = Rows.read(CsvSource.open(f), true);
        String[] text = {"0.1", "2", "1e-5", "83.0"};
        for (int k = 0; k < text.length; k++) {
            double hi = Double.parseDouble(text[k]);
            assertThat(pass.values()[k]).isEqualTo(hi);
            assertThat(pass.tails()[k]).isEqualTo(Decimal.tail(text[k], hi));
        }
        // 0.1 − nearest double is −5.551115123125783e-18: the tail is not zero
        assertThat(pass.tails()[0]).isEqualTo(-5.551115123125783e-18);
        assertThat(pass.tails()[1]).isZero();
    }

    @Test
    void selectReordersAndSkipsTextColumns() throws Exception {
        Path f = Rows.write(dir, "a.csv", "name,x,note,y\n\"Smith, J\",1,hello,10\nDoe,2,\"a \"\"quoted\"\" word\",20\n");
        CsvSource src = CsvSource.open(f).select(List.of("y", "x"));
        assertThat(src.columns()).containsExactly("y", "x");
        assertThat(Rows.read(src, false).values()).containsExactly(10, 1, 20, 2);
    }

    @Test
    void bomCrlfQuotedHeaderAndSpacesAreAccepted() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.write(f, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                " \"x\" , \"y y\"\r\n 1 , \"2\"\r\n3,4\r\n".getBytes()));
        CsvSource src = CsvSource.open(f);
        assertThat(src.columns()).containsExactly("x", "y y");
        assertThat(Rows.read(src, false).values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void lastLineWithoutLineFeedAndTrailingBlankLines() throws Exception {
        assertThat(Rows.read(CsvSource.open(Rows.write(dir, "a.csv", "x\n1\n2")), false).values())
                .containsExactly(1, 2);
        assertThat(Rows.read(CsvSource.open(Rows.write(dir, "b.csv", "x\n1\n2\n\n\r\n")), false).values())
                .containsExactly(1, 2);
        assertThat(Rows.read(CsvSource.open(Rows.write(dir, "c.csv", "x,y")), false).rows()).isZero();
    }

    @Test
    void interiorBlankLinesAreSkippedAndLineNumbersStayPhysical() throws Exception {
        // lines: 1 header, 2 row0, 3 blank, 4 blank, 5 row1, 6 row2, 7 blank, 8 bad
        Path f = Rows.write(dir, "a.csv", "x,y\n1,2\n\n  \n3,4\n5,6\n\n7,oops\n");
        CsvSource src = CsvSource.open(f, CsvFormat.STRICT).withThreads(1);
        assertThatThrownBy(() -> Rows.read(src, false)).isInstanceOf(CsvFormatException.class)
                .hasMessage(f + ", line 8, column 2 ('y'): expected a number, found 'oops'");
        assertThat(src.describeRow(0)).isEqualTo(f + ", line 2");
        assertThat(src.describeRow(1)).isEqualTo(f + ", line 5");
        assertThat(src.describeRow(2)).isEqualTo(f + ", line 6");
        // the same through views and tiny parallel chunks
        CsvSource view = CsvSource.open(f).select(List.of("x")).withThreads(3).withChunkSize(3);
        assertThat(Rows.read(view, false).values()).containsExactly(1, 3, 5, 7);
        assertThat(view.describeRow(3)).isEqualTo(f + ", line 8");
        assertThat(view.describeRow(1)).isEqualTo(f + ", line 5");
    }

    @Test
    void gzipIsRecognisedByMagicBytes() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append(i).append(',').append(i * 0.5).append('\n');
        }
        Path gz = Rows.writeGzip(dir, "data.csv.gz", sb.toString());
        Path plain = Rows.write(dir, "data.csv", sb.toString());
        Path disguised = Rows.writeGzip(dir, "gzipped.csv", sb.toString());
        Rows.Pass expected = Rows.read(CsvSource.open(plain), true);
        for (Path f : List.of(gz, disguised)) {
            for (int threads : new int[] {1, 2}) {
                Rows.Pass got = Rows.read(CsvSource.open(f).withThreads(threads).withChunkSize(4096), true);
                assertThat(got.values()).isEqualTo(expected.values());
                assertThat(got.tails()).isEqualTo(expected.tails());
                assertThat(got.blocks()).usingRecursiveComparison().isEqualTo(expected.blocks());
            }
        }
        assertThat(expected.rows()).isEqualTo(10_000);
        assertThat(expected.blocks()).hasSize(3); // 4096 + 4096 + 1808
    }

    @Test
    void fitsLikeTheSameDataInMemory() throws Exception {
        Path longley = Path.of("..", "examples", "longley.csv");
        CsvSource src = CsvSource.open(longley);
        List<String> lines = Files.readAllLines(longley);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(","));
            }
        }
        Table table = Table.ofDecimalRows(src.columns(), rows);
        ModelSpec spec = ModelSpec.linear("y", List.of("x1", "x2", "x3", "x4", "x5", "x6"));
        FittedModel fromCsv = Gramian.fit(src.withThreads(2).withChunkSize(100), spec);
        FittedModel fromTable = Gramian.fit(table, spec);
        assertThat(fromCsv.coefficients()).usingRecursiveComparison().isEqualTo(fromTable.coefficients());
        // NIST certified Longley intercept: -3482258.63459582
        assertThat(fromCsv.coefficients().get(0).estimate()).isCloseTo(-3482258.63459582,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void progressIsReportedPerChunkAndFinishedOncePerPass() throws Exception {
        StringBuilder sb = new StringBuilder("x\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append('\n');
        }
        Path f = Rows.write(dir, "a.csv", sb.toString());
        List<long[]> calls = new ArrayList<>();
        int[] finished = {0};
        ProgressListener l = new ProgressListener() {
            @Override
            public void progress(long bytesRead, long totalBytes, long rowsSoFar) {
                calls.add(new long[] {bytesRead, totalBytes, rowsSoFar});
            }

            @Override
            public void finished() {
                finished[0]++;
            }
        };
        CsvSource src = CsvSource.open(f).withThreads(2).withChunkSize(500).withProgress(l);
        Rows.read(src, false);
        assertThat(finished[0]).isEqualTo(1);
        assertThat(calls.size()).isGreaterThan(5);
        long[] last = calls.get(calls.size() - 1);
        assertThat(last).containsExactly(Files.size(f), Files.size(f), 1000);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[2]).isGreaterThanOrEqualTo(calls.get(i - 1)[2]);
        }
    }

    @Test
    void aConsumerThatThrowsStopsThePassAndItsThreads() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i).append(',').append(i).append('\n');
        }
        Path f = Rows.write(dir, "a.csv", sb.toString());
        CsvSource src = CsvSource.open(f).withThreads(3).withChunkSize(256);
        int[] blocks = {0};
        assertThatThrownBy(() -> src.forEachBlock(false, block -> {
            if (++blocks[0] == 2) {
                throw new IllegalStateException("consumer gave up");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("consumer gave up");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (csvThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(csvThreads()).isZero();
        // and the source still reads from the start afterwards
        assertThat(Rows.read(src, false).rows()).isEqualTo(50_000);
    }

    private static long csvThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("gramian-csv-")).count();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
