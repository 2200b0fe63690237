package org.gramian.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.gramian.GramianException;
import org.gramian.accumulate.Accumulation;
import org.gramian.accumulate.GramAccumulator;
import org.gramian.accumulate.HouseholderAccumulator;
import org.gramian.accumulate.Passes;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;

/**
 * The core's {@link Passes} on a Spark {@link Dataset}: each pass is one Spark job in which every
 * partition runs the core's own accumulator ({@link Accumulation#gram(org.gramian.data.RowSource,
 * Design, int, double[], double[])}, {@link Accumulation#householder}) over its rows and returns
 * the accumulator's serializable state (O(p²), whatever the number of rows); the driver merges the
 * states in partition-index order. The solvers ({@code auto}'s digit test and second pass included)
 * run on the driver exactly as for local data.
 *
 * <p><b>Same shift and scale everywhere.</b> The local passes shift the columns by the data set's
 * first observation and scale them by its magnitudes; here the driver reads that observation once
 * ({@code head(1)}: the first row of the first non-empty partition, the data set's first row) and
 * gives every partition the same shift and scale, which is what makes their sums mergeable.
 *
 * <p><b>Determinism.</b> For a given partitioning the result is the same bits on every run: each
 * partition's state depends only on its rows, and the merge order is fixed. A different
 * partitioning adds the same terms in another order: the Gram sums then differ in the last bits
 * (relative 1e-13 or better on the coefficients of a well-conditioned problem, which is the only
 * kind {@code auto} solves from the Gram matrix), the double-double factors in the 30th digit.
 *
 * <p>Memory on the driver: one p² state per partition, collected together (16 partitions of
 * p = 5000 are 3.2 GB); use fewer partitions for very wide problems.
 */
final class SparkPasses implements Passes {
    private final Dataset<Row> rows;     // exactly the input columns, in spec.inputColumns() order
    private final ModelSpec spec;
    private final Design design;
    private final long droppedRows;
    private boolean firstRead;
    private double[] firstShift;         // from the first observation (null without intercept)
    private double[] firstScale;         // from the first observation; null when there are no rows

    /**
     * @param data        a data set with (at least) the model's input columns
     * @param dropMissing leave out the rows with a missing value in an input column (one more job
     *                    counts them), rather than fail on them in the passes
     */
    SparkPasses(Dataset<Row> data, ModelSpec spec, boolean dropMissing) {
        this.spec = spec;
        this.design = Design.bind(spec, List.of(data.columns()));
        List<String> in = spec.inputColumns();
        Column[] cols = new Column[in.size()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = functions.col(quoteName(in.get(j)));
        }
        Dataset<Row> selected = data.select(cols);
        if (dropMissing) {
            Column missing = functions.lit(false);
            for (org.apache.spark.sql.types.StructField f : selected.schema().fields()) {
                Column c = functions.col(quoteName(f.name()));
                Column m = c.isNull();
                if (f.dataType() instanceof org.apache.spark.sql.types.StringType) {
                    m = m.or(functions.trim(c).isin(RowIteratorSource.MISSING_TEXT.toArray()));
                }
                missing = missing.or(m);
            }
            Column anyMissing = missing;
            this.droppedRows = run(() -> selected.filter(anyMissing).count());
            this.rows = droppedRows == 0 ? selected : selected.filter(functions.not(anyMissing));
        } else {
            this.droppedRows = 0;
            this.rows = selected;
        }
    }

    /** The rows left out for a missing value (0 unless dropping). */
    long droppedRows() {
        return droppedRows;
    }

    private static String quoteName(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    public Design design() {
        return design;
    }

    /** Reads the first observation once: the shift and the scale every partition uses. */
    private void readFirst() {
        if (firstRead) {
            return;
        }
        List<Row> head = run(() -> rows.takeAsList(1));
        if (!head.isEmpty()) {
            // The local Gram pass on the one row chooses shift and scale exactly as it does for all.
            RowIteratorSource one = new RowIteratorSource(spec.inputColumns(), 0, head.iterator());
            GramAccumulator acc = Accumulation.gram(one, Design.bind(spec, one.columns()), 1, null);
            firstShift = acc.shift();
            firstScale = acc.scale();
        }
        firstRead = true;
    }

    @Override
    public GramAccumulator gram(double[] scale) {
        readFirst();
        if (firstScale == null) {
            return new GramAccumulator(design.width(), null);
        }
        double[] d = scale != null ? scale.clone() : firstScale;
        List<Part<GramAccumulator>> parts = collect(new GramTask(spec, firstShift, d));
        GramAccumulator acc = null;
        for (Part<GramAccumulator> part : parts) {
            if (part.state().count() == 0) {
                continue;
            }
            if (acc == null) {
                acc = part.state();
            } else {
                acc.merge(part.state());
            }
        }
        return acc != null ? acc : new GramAccumulator(design.width(), firstShift, d);
    }

    @Override
    public HouseholderAccumulator householder(double[] scale) {
        readFirst();
        if (firstScale == null) {
            return new HouseholderAccumulator(design.width());
        }
        double[] d = scale != null ? scale.clone() : firstScale;
        List<Part<HouseholderAccumulator>> parts = collect(new HouseholderTask(spec, d));
        HouseholderAccumulator acc = null;
        for (Part<HouseholderAccumulator> part : parts) {
            if (part.state().count() == 0) {
                continue;
            }
            if (acc == null) {
                acc = part.state();
            } else {
                acc.merge(part.state());
            }
        }
        return acc != null ? acc : new HouseholderAccumulator(design.width(), d);
    }

    @Override
    public double[] columnMagnitudes(double[] shift) {
        List<Part<double[]>> parts = collect(new MagnitudeTask(spec, shift == null ? null : shift.clone()));
        double[] max = new double[design.width() + 1];
        for (Part<double[]> part : parts) {
            for (int j = 0; j < max.length; j++) {
                max[j] = Math.max(max[j], part.state()[j]);   // a maximum: exact in any order
            }
        }
        return max;
    }

    /** One job: every partition's result, in partition-index order. */
    private <S> List<Part<S>> collect(Function2<Integer, Iterator<Row>, Iterator<Part<S>>> task) {
        List<Part<S>> parts = new ArrayList<>(run(() -> rows.javaRDD().mapPartitionsWithIndex(task, true).collect()));
        parts.sort(Comparator.comparingInt(Part::partition));
        return parts;
    }

    /**
     * Runs a Spark action; a {@link GramianException} thrown on an executor (a bad value, with its
     * partition and row) comes back as itself rather than wrapped in Spark's task failure.
     */
    static <T> T run(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) {   // Spark's Scala code throws checked SparkException undeclared
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof GramianException g) {
                    throw g;
                }
            }
            if (e instanceof SparkException || e.getCause() instanceof SparkException
                    || e instanceof org.apache.spark.sql.AnalysisException) {
                throw new GramianException("Spark: " + firstLine(e.getMessage()), e);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new GramianException("Spark: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * A partition's result and its index. An accumulator travels as its serializable state and is
     * an accumulator again on the driver (the core's writeReplace/readResolve).
     */
    record Part<S>(int partition, S state) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The Gram pass on one partition (runs on an executor; carries only serializable values). */
    private record GramTask(ModelSpec spec, double[] shift, double[] scale)
            implements Function2<Integer, Iterator<Row>, Iterator<Part<GramAccumulator>>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Part<GramAccumulator>> call(Integer partition, Iterator<Row> it) {
            RowIteratorSource src = new RowIteratorSource(spec.inputColumns(), partition, it);
            GramAccumulator acc = Accumulation.gram(src, Design.bind(spec, src.columns()), 1, shift, scale);
            return List.of(new Part<>(partition, acc)).iterator();
        }
    }

    /** The double-double Householder pass on one partition, with the decimal tails. */
    private record HouseholderTask(ModelSpec spec, double[] scale)
            implements Function2<Integer, Iterator<Row>, Iterator<Part<HouseholderAccumulator>>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Part<HouseholderAccumulator>> call(Integer partition, Iterator<Row> it) {
            RowIteratorSource src = new RowIteratorSource(spec.inputColumns(), partition, it);
            HouseholderAccumulator acc = Accumulation.householder(src, Design.bind(spec, src.columns()), 1, scale);
            return List.of(new Part<>(partition, acc)).iterator();
        }
    }

    /** Each augmented column's largest |v − shift| on one partition. */
    private record MagnitudeTask(ModelSpec spec, double[] shift)
            implements Function2<Integer, Iterator<Row>, Iterator<Part<double[]>>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Part<double[]>> call(Integer partition, Iterator<Row> it) {
            RowIteratorSource src = new RowIteratorSource(spec.inputColumns(), partition, it);
            double[] max = Accumulation.columnMagnitudes(src, Design.bind(spec, src.columns()), shift);
            return List.of(new Part<>(partition, max)).iterator();
        }
    }
}
