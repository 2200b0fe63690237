package org.gramian.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gramian.GramianException;
import org.gramian.io.CsvSource;

/**
 * Fuzz target for the CSV reader ({@link CsvSource}): any bytes, as a file, read whole (every
 * column, values and decimal tails).
 *
 * <p>Oracle: the reader either returns rows or throws a {@link GramianException} with a one-line
 * message (any other exception or error is a finding), and it gives <em>the same answer</em> (the
 * same doubles and tails bit for bit, or the same message) read on one thread in 1 MiB chunks and
 * on three threads in 5-byte chunks: the cut of the file into chunks must never show.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs the seeds in {@code CsvReaderFuzzTestInputs/} as a
 * regression test; {@code mvn verify} fuzzes it for a bounded time (see the pom and README).
 */
class CsvReaderFuzzTest {
    private static final Path FILE = FuzzChecks.scratch("fuzz.csv");

    @org.junit.jupiter.api.Timeout(10)   // per input: a hang is a finding (see gramian-io/pom.xml)
    @FuzzTest(maxDuration = "30s")
    void csvReader(byte[] data) {
        FuzzChecks.write(FILE, data);
        String plain = read(1, CsvSource.DEFAULT_CHUNK_SIZE);
        String cut = read(3, 5);
        if (!plain.equals(cut)) {
            throw new AssertionError("the chunking shows:\n" + plain + "\nversus\n" + cut);
        }
    }

    /** The whole file as text (bits of every value and tail), or the refusal's message. */
    private static String read(int threads, int chunk) {
        try {
            CsvSource csv = CsvSource.open(FILE);
            List<String> columns = new ArrayList<>(csv.columns());
            CsvSource s = csv.select(columns).withThreads(threads).withChunkSize(chunk);
            StringBuilder sb = new StringBuilder(String.join("|", columns)).append('\n');
            s.forEachBlock(true, block -> {
                for (int i = 0; i < block.rows(); i++) {
                    sb.append(block.firstRow() + i).append(':');
                    for (int j = 0; j < block.width(); j++) {
                        sb.append(Long.toHexString(Double.doubleToRawLongBits(block.get(i, j)))).append('/')
                                .append(Long.toHexString(Double.doubleToRawLongBits(block.tail(i, j)))).append(' ');
                    }
                    sb.append('\n');
                }
            });
            return sb.toString();
        } catch (GramianException e) {
            FuzzChecks.wellFormed(e);
            return "refused: " + e.getMessage();
        }
    }
}
