package org.gramian.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.gramian.UserText;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;

/**
 * A CSV file with a header row, read as a {@link RowSource}: streamed in chunks, never held in
 * memory, parsed in parallel, delivered in file order. Plain or gzip-compressed.
 *
 * <p>Format: the first line names the columns (comma-separated, trimmed; a name may be quoted).
 * Every further non-blank line is one row with exactly as many comma-separated fields. The
 * selected columns must hold finite decimal numbers ({@code -1.5}, {@code 2e-3}, {@code .5});
 * other columns may hold anything, quoted fields included. Blank lines are skipped (line numbers
 * in messages stay physical). Lines end with LF, CRLF or a lone CR (old Mac files); a UTF-8 byte
 * order mark is accepted. A file that is not UTF-8 text (a NUL byte, bytes that are not UTF-8,
 * mostly control characters in its first 8 KB) is rejected when it is opened.
 *
 * <p>Limits, so that no input takes time or memory without bound: a cell of a selected column may
 * have {@value #MAX_NUMBER_BYTES} bytes, a column name {@value #MAX_NAME_BYTES}, a line
 * {@value #MAX_LINE_BYTES} (without its line end), the header {@value #MAX_COLUMNS} columns. Beyond
 * them the error names the file, line and column; every check costs time linear in the input.
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
    /** Rows per delivered block (the same as {@link org.gramian.data.Table}'s). */
    public static final int BLOCK_ROWS = org.gramian.accumulate.BlockSizes.SOURCE_ROWS;
    /** Default size of the pieces the input is cut into for parsing. */
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;
    /** Most bytes of a cell in a selected column: 1 MiB. */
    public static final int MAX_NUMBER_BYTES = 1 << 20;
    /** Most bytes of a column name: 1 MiB. */
    public static final int MAX_NAME_BYTES = 1 << 20;
    /** Most bytes of one line, without its line end: 64 MiB. */
    public static final int MAX_LINE_BYTES = 64 << 20;
    /** Most columns in a file. */
    public static final int MAX_COLUMNS = 1_000_000;

    private final Path file;
    private final String name;
    private final CsvHeader header;
    private final List<String> selected;
    private final int[] slot;
    private final int threads;
    private final int chunkSize;
    private final ProgressListener listener;
    private final RowLines rowLines;
    private final CsvLimits limits;

    private CsvSource(Path file, String name, CsvHeader header, List<String> selected, int threads,
                      int chunkSize, ProgressListener listener, RowLines rowLines, CsvLimits limits) {
        this.file = file;
        this.name = name;
        this.header = header;
        this.selected = selected;
        this.threads = threads;
        this.chunkSize = chunkSize;
        this.listener = listener;
        this.rowLines = rowLines;
        this.limits = limits;
        this.slot = new int[header.names().size()];
        Arrays.fill(slot, -1);
        Map<String, Integer> index = index(header.names());
        for (int s = 0; s < selected.size(); s++) {
            slot[index.get(selected.get(s))] = s;
        }
    }

    /** Column name to position: a map, since a List.indexOf per column is O(p²) on a wide file. */
    private static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return index;
    }

    /**
     * Opens a CSV (or gzip-compressed CSV) file with a header row; reads only the header now.
     *
     * @throws CsvFormatException when the file is missing or unreadable, empty, not UTF-8 text, or its
     *                            header is bad (blank, an empty or duplicate column name, a broken
     *                            quote, a name, line or column count over the limits)
     */
    public static CsvSource open(Path file) {
        return open(file, CsvLimits.DEFAULT);
    }

    /** {@link #open(Path)} with other limits (tests). */
    static CsvSource open(Path file, CsvLimits limits) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        CsvHeader header = CsvHeader.read(file, name, limits);
        return new CsvSource(file, name, header, header.names(), Runtime.getRuntime().availableProcessors(),
                DEFAULT_CHUNK_SIZE, ProgressListener.NONE, new RowLines(), limits);
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
        Set<String> known = new HashSet<>(header.names());
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!known.contains(c)) {
                throw new CsvFormatException(name + ": unknown column " + UserText.quote(c) + "; the columns are: "
                        + UserText.list(header.names()), name, 1, c);
            }
            if (!seen.add(c)) {
                throw new CsvFormatException(name + ": column " + UserText.quote(c) + " is selected twice", name, 1, c);
            }
            chosen.add(c);
        }
        return new CsvSource(file, name, header, List.copyOf(chosen), threads, chunkSize, listener, rowLines, limits);
    }

    /** Parses with this many worker threads (1: everything on the calling thread). */
    public CsvSource withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new CsvSource(file, name, header, selected, threads, chunkSize, listener, rowLines, limits);
    }

    /** Cuts the input into pieces of about this many bytes for parsing (a longer line gets its own). */
    public CsvSource withChunkSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 byte, got " + bytes);
        }
        return new CsvSource(file, name, header, selected, threads, bytes, listener, rowLines, limits);
    }

    /** Reports progress of every pass to this listener. */
    public CsvSource withProgress(ProgressListener listener) {
        return new CsvSource(file, name, header, selected, threads, chunkSize,
                listener == null ? ProgressListener.NONE : listener, rowLines, limits);
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
                size, limits, consumer).run();
    }

    /**
     * Counts the non-blank lines after the header, stopping at {@code limit}: a cheap upper bound
     * on the rows (a line may still be bad), reading no more than {@code limit} lines. When the file
     * cannot be read it claims nothing ({@code limit}); the pass will say what is wrong.
     */
    @Override
    public long countRowsUpTo(long limit) {
        long rows = 0;
        try (CsvInput input = CsvInput.open(file, name)) {
            InputStream in = input.stream();
            in.skipNBytes(header.bytes());
            byte[] buf = new byte[1 << 16];
            boolean text = false; // the line so far has a byte other than a space or tab
            int n;
            while (rows < limit && (n = in.read(buf)) > 0) {
                for (int i = 0; i < n && rows < limit; i++) {
                    byte c = buf[i];
                    if (c == '\n' || c == '\r') {
                        if (text) {
                            rows++; // the LF of a CRLF ends an empty line: not counted
                        }
                        text = false;
                    } else if (c != ' ' && c != '\t') {
                        text = true;
                    }
                }
            }
            if (text) {
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            return limit;
        }
        return Math.min(rows, limit);
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
