package org.gramian.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.gramian.design.RowBlock;
import org.gramian.design.RowSource;

/**
 * A CSV file with a header row, read as a {@link RowSource}: streamed in chunks, never held in
 * memory, parsed in parallel, delivered in file order. Plain or gzip-compressed.
 *
 * <p>Format: the first line names the columns (comma-separated, trimmed; a name may be quoted).
 * Every further non-blank line is one row with exactly as many comma-separated fields. The
 * selected columns must hold finite decimal numbers ({@code -1.5}, {@code 2e-3}, {@code .5});
 * other columns may hold anything, quoted fields included. Blank lines are skipped (line numbers
 * in messages stay physical). CRLF line ends and a UTF-8 byte order mark are accepted.
 *
 * <p>Values are the nearest doubles to the decimal text ({@link Double#parseDouble} exactly). In
 * an extended pass {@link RowBlock#tails()} also holds each value's residual decimal − double, so
 * that the extended-precision solvers see the decimals themselves.
 *
 * <p>Blocks hold {@value #BLOCK_ROWS} rows each (the last one fewer), whatever the thread count
 * and chunk size, so that every reading of a file delivers exactly the same blocks. Instances are
 * immutable; {@code with…} and {@link #select} return new ones.
 */
public final class CsvSource implements RowSource {
    /** Rows per delivered block (the same as {@link org.gramian.design.Table}'s). */
    public static final int BLOCK_ROWS = 4096;
    /** Default size of the pieces the input is cut into for parsing. */
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;

    private final Path file;
    private final String name;
    private final CsvHeader header;
    private final List<String> selected;
    private final int[] slot;
    private final int threads;
    private final int chunkSize;
    private final ProgressListener listener;
    private final RowLines rowLines;

    private CsvSource(Path file, String name, CsvHeader header, List<String> selected, int threads,
                      int chunkSize, ProgressListener listener, RowLines rowLines) {
        this.file = file;
        this.name = name;
        this.header = header;
        this.selected = selected;
        this.threads = threads;
        this.chunkSize = chunkSize;
        this.listener = listener;
        this.rowLines = rowLines;
        this.slot = new int[header.names().size()];
        Arrays.fill(slot, -1);
        for (int s = 0; s < selected.size(); s++) {
            slot[header.names().indexOf(selected.get(s))] = s;
        }
    }

    /**
     * Opens a CSV (or gzip-compressed CSV) file with a header row; reads only the header now.
     *
     * @throws CsvFormatException when the file is missing or unreadable, empty, or its header is bad
     *                            (blank, an empty or duplicate column name, a broken quote)
     */
    public static CsvSource open(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        CsvHeader header = CsvHeader.read(file, name);
        return new CsvSource(file, name, header, header.names(), Runtime.getRuntime().availableProcessors(),
                DEFAULT_CHUNK_SIZE, ProgressListener.NONE, new RowLines());
    }

    /** The header names of the selected columns (all columns unless {@link #select} was used). */
    @Override
    public List<String> columns() {
        return selected;
    }

    /** All the file's header names, trimmed and unquoted. */
    public List<String> fileColumns() {
        return header.names();
    }

    /** The file as named in messages. */
    public Path file() {
        return file;
    }

    /**
     * A view with only these columns, in this order. The other columns are stepped over, not parsed,
     * so they may hold text.
     *
     * @throws CsvFormatException for a name that is not a column, or one listed twice
     */
    public CsvSource select(List<String> columns) {
        List<String> chosen = new ArrayList<>(columns.size());
        for (String c : columns) {
            if (!header.names().contains(c)) {
                throw new CsvFormatException(name + ": unknown column '" + c + "'; the columns are: "
                        + String.join(", ", header.names()), name, 1, c);
            }
            if (chosen.contains(c)) {
                throw new CsvFormatException(name + ": column '" + c + "' is selected twice", name, 1, c);
            }
            chosen.add(c);
        }
        return new CsvSource(file, name, header, List.copyOf(chosen), threads, chunkSize, listener, rowLines);
    }

    /** Parses with this many worker threads (1: everything on the calling thread). */
    public CsvSource withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new CsvSource(file, name, header, selected, threads, chunkSize, listener, rowLines);
    }

    /** Cuts the input into pieces of about this many bytes for parsing (a longer line gets its own). */
    public CsvSource withChunkSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 byte, got " + bytes);
        }
        return new CsvSource(file, name, header, selected, threads, bytes, listener, rowLines);
    }

    /** Reports progress of every pass to this listener. */
    public CsvSource withProgress(ProgressListener listener) {
        return new CsvSource(file, name, header, selected, threads, chunkSize,
                listener == null ? ProgressListener.NONE : listener, rowLines);
    }

    public int threads() {
        return threads;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * One full pass from the start of the file: every row, in file order, in blocks of
     * {@value #BLOCK_ROWS} rows, delivered on the calling thread.
     *
     * @throws CsvFormatException at the first problem in file order, naming file, line and column
     */
    @Override
    public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            size = -1;
        }
        new CsvPass(file, name, header, slot, selected.size(), extended, threads, chunkSize, listener, rowLines,
                size, consumer).run();
    }

    /** {@code "<file>, line <L>"}: the physical line of data row {@code row} (0-based). */
    @Override
    public String describeRow(long row) {
        return name + ", line " + rowLines.lineOf(row);
    }

    @Override
    public String fileName() {
        return name;
    }

    @Override
    public long lineOf(long row) {
        return rowLines.lineOf(row);
    }

    @Override
    public String toString() {
        return "CsvSource[" + name + ", columns " + selected + "]";
    }
}
