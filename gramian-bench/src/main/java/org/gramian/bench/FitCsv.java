package org.gramian.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gramian.Gramian;
import org.gramian.GramianException;
import org.gramian.design.ModelSpec;
import org.gramian.io.CsvSource;

/**
 * What {@code gramian fit FILE --target y --quiet} does, for bench/run.sh until the CLI jar exists:
 * {@code CsvSource.open(file).select(cols)} → {@code Gramian.fit} (auto) → print the summary.
 * Every column other than the target is a feature.
 *
 * <p>Usage: {@code FitCsv FILE TARGET}
 */
public final class FitCsv {
    private FitCsv() {
    }

    public static void main(String[] args) {
        try {
            CsvSource csv = CsvSource.open(Path.of(args[0]));
            String target = args[1];
            List<String> features = new ArrayList<>(csv.fileColumns());
            features.remove(target);
            List<String> cols = new ArrayList<>(features);
            cols.add(target);
            System.out.println(org.gramian.report.TextSummary.of(Gramian.fit(csv.select(cols), ModelSpec.linear(target, features)), null));
        } catch (GramianException e) {
            System.err.println("gramian: " + e.getMessage());
            System.exit(1);
        }
    }
}
