package org.gramian.io;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.gramian.data.RowSource;
import org.gramian.data.Table;
import org.gramian.data.RowMajorSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Every row source against {@link RowSourceContract}: CSV, gzip CSV, in-memory tables, row-major arrays. */
class RowSourceContractTest {

    static String csv() {
        StringBuilder sb = new StringBuilder(String.join(",", RowSourceContract.NAMES)).append('\n');
        for (int i = 0; i < RowSourceContract.ROWS; i++) {
            sb.append(String.join(",", RowSourceContract.row(i))).append('\n');
        }
        return sb.toString();
    }

    static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < RowSourceContract.ROWS; i++) {
            rows.add(RowSourceContract.row(i));
        }
        return rows;
    }

    @Nested
    class Csv extends RowSourceContract {
        @TempDir
        Path dir;

        @Override
        RowSource source() throws Exception {
            Path f = dir.resolve("data.csv");
            Files.writeString(f, csv());
            // small chunks and two threads: many blocks, parsed out of order, delivered in order
            return CsvSource.open(f).withChunkSize(512).withThreads(2);
        }

        @Override
        boolean decimal() {
            return true;
        }
    }

    @Nested
    class GzipCsv extends RowSourceContract {
        @TempDir
        Path dir;

        @Override
        RowSource source() throws Exception {
            Path f = dir.resolve("data.csv.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
                out.write(csv().getBytes(StandardCharsets.UTF_8));
            }
            return CsvSource.open(f);
        }

        @Override
        boolean decimal() {
            return true;
        }
    }

    @Nested
    class DecimalTable extends RowSourceContract {
        @Override
        RowSource source() {
            return Table.ofDecimalRows(NAMES, rows());
        }

        @Override
        boolean decimal() {
            return true;
        }
    }

    @Nested
    class DoubleTable extends RowSourceContract {
        @Override
        RowSource source() {
            double[][] v = new double[ROWS][3];
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < 3; j++) {
                    v[i][j] = Double.parseDouble(row(i)[j]);
                }
            }
            return Table.ofRows(NAMES, v);
        }

        @Override
        boolean decimal() {
            return false;
        }
    }

    @Nested
    class RowMajor extends RowSourceContract {
        @Override
        RowSource source() {
            double[] v = new double[ROWS * 3];
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < 3; j++) {
                    v[i * 3 + j] = Double.parseDouble(row(i)[j]);
                }
            }
            return new RowMajorSource(NAMES, v);
        }

        @Override
        boolean decimal() {
            return false;
        }
    }
}
