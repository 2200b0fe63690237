package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.solve.SolverKind;
import org.gramian.model.FittedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any thread count and chunk size delivers the same blocks, values and tails, and the same fit. */
class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void sameRowsAndSameFitForEveryThreadCountAndChunkSize() throws Exception {
        Random rnd = new Random(3);
        StringBuilder sb = new StringBuilder("id,x1,label,x2,y\r\n");
        for (int i = 0; i < 9000; i++) {
            double x1 = rnd.nextGaussian();
            double x2 = rnd.nextDouble() * 100;
            double y = 1.5 + 2.25 * x1 - 0.125 * x2 + 1e-3 * rnd.nextGaussian();
            sb.append(i).append(',').append(String.format(Locale.ROOT, "%.17g", x1)).append(",\"row, ").append(i)
                    .append("\",").append(String.format(Locale.ROOT, "%.6f", x2)).append(',')
                    .append(String.format(Locale.ROOT, "%.15e", y)).append(i % 1000 == 999 ? "\r\n\r\n" : "\r\n");
        }
        Path f = Rows.write(dir, "det.csv", sb.toString());
        List<String> cols = List.of("x1", "x2", "y");
        ModelSpec spec = ModelSpec.linear("y", List.of("x1", "x2"));
        CsvSource base = CsvSource.open(f).select(cols);
        Rows.Pass reference = Rows.read(base.withThreads(1).withChunkSize(1 << 20), true);
        Rows.Pass referencePlain = Rows.read(base.withThreads(1).withChunkSize(1 << 20), false);
        assertThat(reference.rows()).isEqualTo(9000);
        assertThat(referencePlain.values()).isEqualTo(reference.values());
        FittedModel[] refFits = {Gramian.fit(base.withThreads(1), spec, SolverKind.CHOLESKY),
            Gramian.fit(base.withThreads(1), spec, SolverKind.QR)};
        for (int threads : new int[] {1, 2, 4}) {
            for (int chunk : new int[] {1, 64, 257, 4096, 100_000}) {
                CsvSource src = base.withThreads(threads).withChunkSize(chunk);
                Rows.Pass got = Rows.read(src, true);
                String as = "threads " + threads + ", chunk " + chunk;
                assertThat(got.blocks()).as(as).usingRecursiveComparison().isEqualTo(reference.blocks());
                assertThat(got.values()).as(as).isEqualTo(reference.values());
                assertThat(got.tails()).as(as).isEqualTo(reference.tails());
                if (chunk == 64 || chunk == 100_000) {
                    assertThat(Gramian.fit(src, spec, SolverKind.CHOLESKY).estimates()).as(as)
                            .isEqualTo(refFits[0].estimates());
                    assertThat(Gramian.fit(src, spec, SolverKind.QR).estimates()).as(as)
                            .isEqualTo(refFits[1].estimates());
                }
            }
        }
        assertThat(refFits[1].estimates()[1]).isCloseTo(2.25, org.assertj.core.data.Offset.offset(1e-4));
        // row 1000 follows the blank line after row 999: line 1 header + 1000 rows + 1 blank
        assertThat(base.describeRow(999)).isEqualTo(f + ", line 1001");
        assertThat(base.describeRow(1000)).isEqualTo(f + ", line 1003");
        assertThat(base.describeRow(8999)).isEqualTo(f + ", line " + (8999 + 2 + 8));
    }

    @Test
    void quotedLineEndsAndMissingValuesGiveTheSameRowsAndFitForEveryThreadCountAndChunkSize() throws Exception {
        Random rnd = new Random(5);
        StringBuilder sb = new StringBuilder("\"note\";x1;x2;y\n");
        int kept = 0;
        for (int i = 0; i < 9000; i++) {
            double x1 = rnd.nextGaussian();
            double x2 = rnd.nextDouble() * 100;
            double y = 1.5 + 2.25 * x1 - 0.125 * x2 + 1e-3 * rnd.nextGaussian();
            String note = i % 7 == 0 ? "\"line one;\r\n\"\"two\"\"\"" : i % 5 == 0 ? "plain" : "";
            boolean missing = i % 97 == 3;
            if (!missing) {
                kept++;
            }
            sb.append(note).append(';').append(missing ? (i % 2 == 0 ? "NA" : "") : String.format(Locale.ROOT, "%.17g", x1)
                    .replace('.', ',')).append(';').append(String.format(Locale.ROOT, "%.6f", x2).replace('.', ','))
                    .append(';').append(String.format(Locale.ROOT, "%.15e", y).replace('.', ',')).append('\n');
        }
        Path f = Rows.write(dir, "det2.csv", sb.toString());
        CsvFormat eu = CsvFormat.DEFAULT.withDecimal(',');
        List<String> cols = List.of("x1", "x2", "y");
        ModelSpec spec = ModelSpec.linear("y", List.of("x1", "x2"));
        CsvSource base = CsvSource.open(f, eu).select(cols);
        Rows.Pass reference = Rows.read(base.withThreads(1), true);
        assertThat(reference.rows()).isEqualTo(kept);
        double[] refFit = Gramian.fit(base.withThreads(1), spec, SolverKind.QR).estimates();
        for (int threads : new int[] {1, 2, 4}) {
            for (int chunk : new int[] {1, 64, 257, 4096, 100_000}) {
                CsvSource src = CsvSource.open(f, eu).select(cols).withThreads(threads).withChunkSize(chunk);
                Rows.Pass got = Rows.read(src, true);
                String as = "threads " + threads + ", chunk " + chunk;
                assertThat(got.blocks()).as(as).usingRecursiveComparison().isEqualTo(reference.blocks());
                assertThat(got.values()).as(as).isEqualTo(reference.values());
                assertThat(got.tails()).as(as).isEqualTo(reference.tails());
                assertThat(src.droppedRows()).as(as).isEqualTo(9000 - kept);
                if (chunk == 64 || chunk == 100_000) {
                    assertThat(Gramian.fit(src, spec, SolverKind.QR).estimates()).as(as).isEqualTo(refFit);
                }
            }
        }
    }
}
