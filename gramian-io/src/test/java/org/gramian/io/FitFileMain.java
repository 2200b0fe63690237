package org.gramian.io;

import java.nio.file.Path;
import java.util.List;
import org.gramian.Gramian;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;

/**
 * Run in a forked JVM with a small heap by {@link LargerThanHeapTest}: fits
 * {@code args[1] ~ args[2..]} to the CSV file {@code args[0]} and prints the coefficient estimates,
 * one per line, then the row count and the solver used. When {@code args[1]} holds a {@code ~} it
 * is a formula (text columns are factors) fitted to every column of the file.
 */
public final class FitFileMain {
    private FitFileMain() {
    }

    public static void main(String[] args) {
        if (args[1].contains("~")) {
            FittedModel model = Gramian.fit(CsvSource.open(Path.of(args[0])),
                    ModelSpec.of(org.gramian.design.formula.Formula.parse(args[1])));
            print(model);
            return;
        }
        String target = args[1];
        List<String> features = List.of(args).subList(2, args.length);
        CsvSource source = CsvSource.open(Path.of(args[0]));
        List<String> columns = new java.util.ArrayList<>(features);
        columns.add(target);
        print(Gramian.fit(source.select(columns), ModelSpec.linear(target, features)));
    }

    private static void print(FittedModel model) {
        for (double b : model.estimates()) {
            System.out.println(b);
        }
        System.out.println("rows " + model.statistics().observations());
        System.out.println("solver " + model.solver());
        System.out.println("maxMemory " + Runtime.getRuntime().maxMemory());
    }
}
