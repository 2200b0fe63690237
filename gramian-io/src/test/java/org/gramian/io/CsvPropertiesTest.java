package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.report.TextSummary;

/**
 * Laws of the CSV reader and of the fit read from it, on random files (jqwik):
 * <ul>
 *   <li>a CSV written with the JDK's own formatter ({@link Double#toString}) reads back to the same
 *       doubles, bit for bit, for any finite double (subnormals, extremes, −0.0 included): exact,
 *       no tolerance;</li>
 *   <li>the fit of a file is the same bits (every estimate, and the whole printed summary) for
 *       every thread count (1, 2, 3) and chunk size (7 bytes to the default 1 MiB): exact, no
 *       tolerance.</li>
 * </ul>
 */
class CsvPropertiesTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("gramian-csv-properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(DIR);
    }

    /** Any finite double, with the edges weighted in: 0, −0, subnormals, MIN/MAX, integers. */
    @Provide
    Arbitrary<Double> anyFinite() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
                        -Double.MAX_VALUE, 0.1, 1e23, 9007199254740993.0, 2.2250738585072011e-308),
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.integers().map(i -> (double) i));
    }

    private static Path write(String name, String text) {
        try {
            return Files.writeString(DIR.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 200)
    void doublesWrittenByDoubleToStringReadBackExactly(@ForAll @Size(min = 1, max = 30) List<@net.jqwik.api.From("anyFinite") Double> values,
                                                       @ForAll @IntRange(min = 1, max = 3) int columns) {
        int rows = (values.size() + columns - 1) / columns;
        StringBuilder sb = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            names.add("c" + j);
        }
        sb.append(String.join(",", names)).append('\n');
        double[] expected = new double[rows * columns];
        for (int i = 0; i < rows * columns; i++) {
            expected[i] = values.get(i % values.size());
            sb.append(Double.toString(expected[i])).append(i % columns == columns - 1 ? '\n' : ',');
        }
        Path f = write("roundtrip.csv", sb.toString());
        CsvSource s = CsvSource.open(f).select(names);
        List<Double> read = new ArrayList<>();
        s.forEachBlock(true, b -> {
            for (int i = 0; i < b.rows(); i++) {
                for (int j = 0; j < b.width(); j++) {
                    read.add(b.get(i, j));
                }
            }
        });
        assertThat(read).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToRawLongBits(read.get(i))).as("%s read back as %s", expected[i], read.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    @Property(tries = 25)
    void theFitIsTheSameBitsForEveryThreadCountAndChunkSize(@ForAll @IntRange(min = 50, max = 3000) int n,
                                                            @ForAll @IntRange(min = 1, max = 4) int k,
                                                            @ForAll long seed,
                                                            @ForAll @IntRange(min = 7, max = 4096) int chunk) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        List<String> cols = new ArrayList<>();
        List<String> features = new ArrayList<>();
        cols.add("y");
        for (int j = 1; j <= k; j++) {
            features.add("x" + j);
        }
        cols.addAll(features);
        sb.append(String.join(",", cols)).append('\n');
        for (int i = 0; i < n; i++) {
            double[] x = new double[k];
            double y = 3;
            for (int j = 0; j < k; j++) {
                x[j] = rnd.nextGaussian() * 100;
                y += (j + 1) * x[j];
            }
            sb.append(y + rnd.nextGaussian());
            for (double v : x) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        Path f = write("fit.csv", sb.toString());
        ModelSpec spec = ModelSpec.linear("y", features);
        FittedModel reference = Gramian.fit(CsvSource.open(f).select(cols).withThreads(1), spec);
        String summary = TextSummary.of(reference, "f.csv");
        for (int threads = 1; threads <= 3; threads++) {
            for (int size : new int[] {chunk, CsvSource.DEFAULT_CHUNK_SIZE}) {
                FittedModel m = Gramian.fit(CsvSource.open(f).select(cols).withThreads(threads).withChunkSize(size), spec);
                double[] a = m.estimates();
                double[] b = reference.estimates();
                for (int j = 0; j < a.length; j++) {
                    assertThat(Double.doubleToRawLongBits(a[j])).as("threads %d, chunk %d", threads, size)
                            .isEqualTo(Double.doubleToRawLongBits(b[j]));
                }
                assertThat(TextSummary.of(m, "f.csv")).isEqualTo(summary);
            }
        }
    }
}
