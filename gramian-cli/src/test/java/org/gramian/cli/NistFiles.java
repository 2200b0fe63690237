package org.gramian.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gramian.data.NistDataset;

/** The shared NIST StRD files, and their data rewritten as CSV keeping the original decimal text. */
final class NistFiles {
    private static final Pattern LINES = Pattern.compile("\\(lines\\s+(\\d+)\\s+to\\s+(\\d+)\\)");

    private NistFiles() {
    }

    static Path dir() {
        return Path.of(System.getProperty("gramian.nist.dir", "../../shared/data/nist-strd"));
    }

    static List<Path> all() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".dat")).sorted().toList();
        }
    }

    /**
     * Writes the data lines of a .dat file (the second "(lines a to b)" range of its header) as
     * CSV with the header NistDataset gives the columns (y, x or y, x1 … xk); the numbers are the
     * file's own text, so no digit is lost on the way.
     */
    static Path toCsv(Path dat, Path outDir) throws IOException {
        NistDataset ds = NistDataset.read(dat);
        List<String> lines = Files.readAllLines(dat, StandardCharsets.ISO_8859_1);
        List<int[]> ranges = new ArrayList<>();
        for (String l : lines) {
            Matcher m = LINES.matcher(l);
            if (ranges.size() < 2 && m.find()) {
                ranges.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            }
        }
        StringBuilder csv = new StringBuilder(String.join(",", ds.data().columns())).append('\n');
        for (int ln = ranges.get(1)[0]; ln <= ranges.get(1)[1]; ln++) {
            String row = lines.get(ln - 1).strip();
            if (!row.isEmpty()) {
                csv.append(String.join(",", row.split("\\s+"))).append('\n');
            }
        }
        Path out = outDir.resolve(ds.name() + ".csv");
        Files.writeString(out, csv.toString());
        return out;
    }
}
