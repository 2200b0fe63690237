package org.gramian.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.gramian.accumulate.OrderedPool;
import org.gramian.data.RowBlock;

/**
 * One pass over a CSV file. With one thread, reading, parsing and delivery alternate on the
 * calling thread. With more, a reader thread cuts the (decompressed) stream into chunks and
 * hands each to the shared ordered pool of parser threads ({@link OrderedPool}); the calling thread
 * takes the parsed chunks back in file order, so at most about {@code 2·threads + 1} chunks exist at once, and
 * re-blocks their rows into fixed-size {@link RowBlock}s. Because chunks are consumed in order
 * and each stops at its first error, the error thrown is the first in the file.
 */
final class CsvPass {
    private static final AtomicInteger PASS_IDS = new AtomicInteger();

    private final Path file;
    private final String name;
    private final CsvHeader header;
    private final int[] slot;
    private final int width;
    private final boolean extended;
    private final int threads;
    private final int chunkSize;
    private final ProgressListener listener;
    private final RowLines rowLines;
    private final long fileSize;
    private final Consumer<RowBlock> consumer;
    private final CsvLimits limits;
    private final BufferPool pool = new BufferPool();
    private final boolean[] categorical;
    private final ChunkParser.Mode mode;
    private final CsvFormat format;
    private final LevelTable[] codes;
    /** In {@link ChunkParser.Mode#COLLECT}: the distinct texts of each categorical column. */
    final java.util.HashSet<String>[] levels;
    /** Records left out for a missing value, once the pass is complete. */
    long dropped;

    // the block being filled, reused for every block (RowBlock allows it); grown up to BLOCK_ROWS
    // rows as rows come, so that a short file with many columns does not pay for 4096 rows of them
    private double[] blockValues;
    private double[] blockTails;
    private int blockFill;
    private long rowsDone; // rows parsed and put into blocks
    private long nextLine = 2; // physical line of the next chunk's first line
    // the length of a row as seen in the last chunk; sizes the parsers' arrays (8 bytes a field to start)
    private volatile int bytesPerRow;

    @SuppressWarnings("unchecked")
    CsvPass(Path file, String name, CsvHeader header, int[] slot, int width, boolean extended, int threads,
            int chunkSize, ProgressListener listener, RowLines rowLines, long fileSize, CsvLimits limits,
            CsvFormat format, boolean[] categorical, ChunkParser.Mode mode, LevelTable[] codes,
            Consumer<RowBlock> consumer) {
        this.format = format;
        this.categorical = categorical;
        this.mode = mode;
        this.codes = codes;
        this.levels = mode == ChunkParser.Mode.COLLECT ? new java.util.HashSet[width] : null;
        if (levels != null) {
            for (int s = 0; s < width; s++) {
                if (categorical[s]) {
                    levels[s] = new java.util.HashSet<>();
                }
            }
        }
        this.file = file;
        this.name = name;
        this.header = header;
        this.slot = slot;
        this.width = width;
        this.extended = extended;
        this.threads = threads;
        this.chunkSize = chunkSize;
        this.listener = listener;
        this.rowLines = rowLines;
        this.fileSize = fileSize;
        this.consumer = consumer;
        this.limits = limits;
        int firstRows = Math.max(1, Math.min(CsvSource.BLOCK_ROWS, (1 << 16) / Math.max(1, width)));
        this.blockValues = new double[firstRows * width];
        this.blockTails = extended ? new double[firstRows * width] : null;
        this.bytesPerRow = 8 * header.names().size();
    }

    void run() {
        try (CsvInput input = CsvInput.open(file, name)) {
            try {
                input.stream().skipNBytes(header.bytes());
            } catch (IOException e) {
                throw readFailure(e);
            }
            ChunkReader reader = new ChunkReader(input, chunkSize, limits.lineBytes(), pool, (byte) header.delimiter());
            if (threads <= 1) {
                sequential(reader);
            } else {
                parallel(reader);
            }
            if (blockFill > 0) {
                deliver();
            }
        } finally {
            listener.finished();
        }
    }

    private void sequential(ChunkReader reader) {
        ChunkParser parser = parser();
        while (true) {
            Chunk chunk;
            try {
                chunk = reader.next();
            } catch (IOException e) {
                throw readFailure(e);
            }
            if (chunk == null) {
                return;
            }
            ParsedChunk parsed = parser.parse(chunk, bytesPerRow);
            pool.release(chunk.bytes());
            consume(parsed);
        }
    }

    /**
     * The shared ordered worker pool ({@link OrderedPool}, as the Gram and Householder passes use):
     * this thread reads the next chunk and submits its parsing; the parsed chunks are consumed on
     * this thread strictly in file order, at most 2·threads in flight. A read failure is reported
     * after the chunks before it, so the first problem in file order is the one the user sees.
     */
    private void parallel(ChunkReader reader) {
        int id = PASS_IDS.incrementAndGet();
        try (OrderedPool<ParsedChunk> workers = new OrderedPool<>(threads, "gramian-csv-" + id + "-parse",
                this::consume)) {
            while (true) {
                Chunk chunk;
                try {
                    chunk = reader.next();
                } catch (IOException e) {
                    workers.drain();
                    throw readFailure(e);
                }
                if (chunk == null) {
                    workers.drain();
                    return;
                }
                workers.submit(() -> {
                    ParsedChunk parsed = parser().parse(chunk, bytesPerRow);
                    pool.release(chunk.bytes());
                    return parsed;
                });
            }
        }
    }

    private ChunkParser parser() {
        return new ChunkParser(header.names(), slot, width, categorical, mode, extended, pool, limits, format,
                header.delimiter(), codes, 0);
    }

    /** Takes one parsed chunk, in file order: line bookkeeping, re-blocking, its error, progress. */
    private void consume(ParsedChunk p) {
        for (int i = 0; i < p.breaks; i++) {
            rowLines.note(rowsDone + p.breakRows[i], nextLine + p.breakLines[i]);
        }
        dropped += p.dropped;
        if (p.levelSets != null) {
            for (int s = 0; s < width; s++) {
                if (p.levelSets[s] != null) {
                    levels[s].addAll(p.levelSets[s]);
                }
            }
        }
        if (p.errorLine >= 0) {
            throw new CsvFormatException(name + ", line " + (nextLine + p.errorLine) + p.errorDetail, name,
                    nextLine + p.errorLine, p.errorColumn);
        }
        int done = 0;
        while (done < p.rows) {
            int n = Math.min(p.rows - done, CsvSource.BLOCK_ROWS - blockFill);
            if ((blockFill + n) * width > blockValues.length) {
                int rows = Math.min(CsvSource.BLOCK_ROWS, Math.max(blockFill + n, 2 * blockValues.length / width));
                blockValues = java.util.Arrays.copyOf(blockValues, rows * width);
                if (extended) {
                    blockTails = java.util.Arrays.copyOf(blockTails, rows * width);
                }
            }
            if (p.values != null) {
                System.arraycopy(p.values, done * width, blockValues, blockFill * width, n * width);
            }
            if (p.tails != null) {
                System.arraycopy(p.tails, done * width, blockTails, blockFill * width, n * width);
            }
            blockFill += n;
            done += n;
            rowsDone += n;
            if (blockFill == CsvSource.BLOCK_ROWS) {
                deliver();
            }
        }
        nextLine += p.lineFeeds;
        if (p.rows > 0) {
            bytesPerRow = Math.max(1, p.chunk.length() / p.rows);
        }
        pool.release(p.values);
        pool.release(p.tails);
        listener.progress(p.chunk.fileBytesRead(), fileSize, rowsDone);
    }

    private void deliver() {
        if (mode != ChunkParser.Mode.DELIVER) {
            blockFill = 0;
            return;
        }
        consumer.accept(new RowBlock(rowsDone - blockFill, blockFill, width, blockValues, blockTails));
        blockFill = 0;
    }

    private CsvFormatException readFailure(IOException e) {
        String why = e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException
                ? "corrupt or truncated gzip data (" + e.getMessage() + ")"
                : e.getMessage();
        return new CsvFormatException(name + ": cannot read: " + why, name, e);
    }
}
