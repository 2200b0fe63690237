package org.gramian.io;

import java.nio.file.Path;
import java.util.List;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;

/**
 * Run in a forked JVM with a small heap by {@link LargerThanHeapTest}: fits
 * {@code args[1] ~ args[2..]} to the CSV file {@code args[0]} and prints the coefficient estimates,
 * one per line, then the row count and the solver used.
 */
public final class FitFileMain {
    private FitFileMain() {
    }

    public static void main(String[] args) {
        String target = args[1];
        List<String> features = List.of(args).subList(2, args.length);
        CsvSource source = CsvSource.open(Path.of(args[0]));
        List<String> columns = new java.util.ArrayList<>(features);
        columns.add(target);
        FittedModel model = Gramian.fit(source.select(columns), ModelSpec.linear(target, features));
        for (double b : model.estimates()) {
            System.out.println(b);
        }
        System.out.println("rows " + model.statistics().observations());
        System.out.println("solver " + model.solver());
        System.out.println("maxMemory " + Runtime.getRuntime().maxMemory());
    }
}
