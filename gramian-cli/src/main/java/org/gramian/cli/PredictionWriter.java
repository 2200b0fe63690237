package org.gramian.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;
import org.gramian.design.Design;
import org.gramian.io.model.SavedModel;
import org.gramian.numeric.DD;
import org.gramian.report.DecimalText;

/**
 * The CSV that {@code predict} writes: a header, then one line per row the source delivers, the
 * model's feature values (shortest decimal that reads back exactly; a factor's level) and the
 * prediction(s) (17 significant digits), or {@code NA} for a row with a missing value.
 *
 * <p>Fast and in order: each block of rows is formatted into a byte array by a pool of threads
 * ({@link DecimalText}, no Strings), and the arrays are written in the order of the blocks, at most
 * 2·threads blocks in flight, so memory stays O(threads × block), not O(rows). The bytes do not
 * depend on the number of threads. An error in a row (a value that is not finite, a level the
 * model does not know) is thrown after the lines before it have been written, as a sequential
 * writer would; a failed write stops the work at once.
 */
final class PredictionWriter {
    private static final byte[] NA = {'N', 'A'};
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final SavedModel model;
    private final SavedModel.Predictor predictor;
    private final Design design;
    private final RowSource data;
    private final boolean intervals;
    private final int threads;
    private long missingRows;
    /**
     * Arrays handed back once used (the copies of source blocks, the lines' bytes), taken again
     * for the next block: without them predict allocated about 1.6 GB per million rows of
     * short-lived multi-megabyte arrays, which G1 places in whole regions of their own, and the
     * process spent more than a second of system time on fresh pages. At most 2·threads + 2 blocks
     * are in flight, so the pools stay that small.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<double[]> spareDoubles =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spareBytes =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    PredictionWriter(SavedModel model, SavedModel.Predictor predictor, Design design, RowSource data,
                     boolean intervals, int threads) {
        this.model = model;
        this.predictor = predictor;
        this.design = design;
        this.data = data;
        this.intervals = intervals;
        this.threads = Math.max(1, Math.min(threads, 16));
    }

    /** Rows written as NA for a missing value, once {@link #write} has returned. */
    long missingRows() {
        return missingRows;
    }

    /** One block's lines, and the error that stopped it part-way (null when it did not). */
    private record Lines(byte[] bytes, int length, long missing, RuntimeException error) {
    }

    /** An I/O error of the output, carried out of the row callback (unlike read errors of the input). */
    private static final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Writes the header and every row to {@code out}. */
    void write(OutputStream out) throws IOException {
        out.write(header().getBytes(StandardCharsets.UTF_8));
        missingRows = 0;
        if (threads == 1) {
            try {
                data.forEachBlock(true, block -> emit(format(block), out));
            } catch (WriteFailure e) {
                throw e.getCause();
            }
            out.flush();
            return;
        }
        int id = POOLS.incrementAndGet();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gramian-predict-" + id);
            t.setDaemon(true); // never keeps the JVM alive after an error
            return t;
        });
        ArrayDeque<Future<Lines>> inFlight = new ArrayDeque<>();
        try {
            data.forEachBlock(true, block -> {
                RowBlock copy = copy(block); // the source may reuse the block's arrays once this returns
                inFlight.add(pool.submit(() -> {
                    try {
                        return format(copy);
                    } finally {
                        release(copy.values());
                        release(copy.tails());
                    }
                }));
                while (inFlight.size() > 2 * threads) {
                    emit(take(inFlight.poll()), out);
                }
            });
            while (!inFlight.isEmpty()) {
                emit(take(inFlight.poll()), out);
            }
        } catch (WriteFailure e) {
            throw e.getCause();
        } finally {
            pool.shutdownNow();
        }
        out.flush();
    }

    private String header() {
        List<String> features = model.spec().features();
        StringBuilder line = new StringBuilder();
        for (String f : features) {
            line.append(PredictCommand.csvField(f)).append(',');
        }
        // a logistic model predicts P(target = 1), and says so in the column name
        String target = model.spec().target();
        line.append(PredictCommand.csvField((model.logistic() ? "probability_" : "predicted_") + target));
        if (intervals) {
            line.append(',').append(PredictCommand.csvField("lower_" + target)).append(',')
                    .append(PredictCommand.csvField("upper_" + target));
        }
        return line.append('\n').toString();
    }

    private RowBlock copy(RowBlock b) {
        int n = b.rows() * b.width();
        return new RowBlock(b.firstRow(), b.rows(), b.width(), copyOf(b.values(), n),
                b.tails() == null ? null : copyOf(b.tails(), n));
    }

    /** The first n values of a, in a spare array when one is long enough. */
    private double[] copyOf(double[] a, int n) {
        double[] c = spareDoubles.poll();
        if (c == null || c.length < n) {
            c = new double[n];
        }
        System.arraycopy(a, 0, c, 0, n);
        return c;
    }

    private void release(double[] a) {
        if (a != null && spareDoubles.size() < 4 * threads + 4) {
            spareDoubles.add(a);
        }
    }

    private static Lines take(Future<Lines> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing predictions", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Writes a block's lines; then throws the error that stopped the block, if any. */
    private void emit(Lines lines, OutputStream out) {
        try {
            out.write(lines.bytes(), 0, lines.length());
        } catch (IOException e) {
            throw new WriteFailure(e);
        }
        if (spareBytes.size() < 2 * threads + 2) {
            spareBytes.add(lines.bytes());  // written: the next block's lines may reuse the array
        }
        missingRows += lines.missing();
        if (lines.error() != null) {
            throw lines.error();
        }
    }

    /** The lines of one block (on a pool thread, or the reading thread with one thread). */
    private Lines format(RowBlock block) {
        int outputs = intervals ? 3 : 1;
        int features = model.spec().features().size();
        // 24 bytes a value: room for a sign, 17 digits, '0.' and a comma, so that the array rarely grows
        int size = Math.max(1024, block.rows() * (features + outputs) * 24);
        byte[] spare = spareBytes.poll();
        Sink out = new Sink(spare != null && spare.length >= size ? spare : new byte[size]);
        long missing = 0;
        int[] plain = predictor.plainTerms();
        double[] inHi = new double[features];
        double[] inLo = new double[features];
        try {
            for (int i = 0; i < block.rows(); i++) {
                if (design.hasMissingInput(block, i)) {
                    missing++;
                    for (int j = 0; j < features; j++) {
                        double v = design.inputOrMissing(block, i, j, data);
                        if (Double.isNaN(v)) {
                            out.put(NA);
                        } else {
                            value(j, v, out);
                        }
                        out.put((byte) ',');
                    }
                    for (int k = 0; k < outputs; k++) {
                        if (k > 0) {
                            out.put((byte) ',');
                        }
                        out.put(NA);
                    }
                    out.put((byte) '\n');
                    continue;
                }
                if (plain != null) {
                    // the same checks, values and bits as below, without objects per row
                    design.inputsInto(block, i, data, inHi, inLo);
                    for (int j = 0; j < features; j++) {
                        value(j, inHi[j], out);
                        out.put((byte) ',');
                    }
                    out.room(DecimalText.MAX_CHARS);
                    out.pos = DecimalText.significant17(predictor.atPlain(plain, inHi, inLo), out.buf, out.pos);
                    out.put((byte) '\n');
                    continue;
                }
                DD[] f = design.inputs(block, i, data);   // checked: finite, and a level the model knows
                for (int j = 0; j < f.length; j++) {
                    value(j, f[j].hi, out);
                    out.put((byte) ',');
                }
                double[] y = predictor.at(f);
                for (int k = 0; k < y.length; k++) {
                    if (k > 0) {
                        out.put((byte) ',');
                    }
                    out.room(DecimalText.MAX_CHARS);
                    out.pos = DecimalText.significant17(y[k], out.buf, out.pos);
                }
                out.put((byte) '\n');
            }
        } catch (RuntimeException e) {
            return new Lines(out.buf, out.pos, missing, e);
        }
        return new Lines(out.buf, out.pos, missing, null);
    }

    /** Feature j's value: its level's name for a factor, else the shortest exact decimal. */
    private void value(int j, double v, Sink out) {
        String level = design.levelName(j, v);
        if (level == null) {
            out.room(DecimalText.MAX_CHARS);
            out.pos = DecimalText.shortest(v, out.buf, out.pos);
        } else {
            out.put(PredictCommand.csvField(level).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A growing byte array. */
    private static final class Sink {
        byte[] buf;
        int pos;

        Sink(byte[] buf) {
            this.buf = buf;
        }

        /** Makes room for n more bytes. */
        void room(int n) {
            if (buf.length - pos < n) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void put(byte b) {
            room(1);
            buf[pos++] = b;
        }

        void put(byte[] text) {
            room(text.length);
            System.arraycopy(text, 0, buf, pos, text.length);
            pos += text.length;
        }
    }
}
