package org.gramian.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * <p>Format ({@link CsvFormat}): the first line names the columns (trimmed; a name may be quoted;
 * an unnamed first column is a row index and is skipped, see {@link #notes()}). The delimiter is
 * detected from it ({@code ,} {@code ;} tab {@code |}) unless given. Every further non-blank
 * record is one row with exactly as many fields; quoted fields (RFC 4180) may hold delimiters,
 * {@code ""} and line ends. Numeric columns hold finite decimal numbers ({@code -1.5},
 * {@code 2e-3}, {@code .5}; with a decimal comma {@code 1,5}); categorical columns (asked for with
 * {@link #withCategorical}, or found to hold text in the first {@value CsvFormat#SNIFF_ROWS}
 * records) deliver the index of each cell's level in {@link #levels(String)}. A missing value (an
 * empty cell, {@code NA}, {@code NaN}, {@code null}, {@code N/A}) in a selected column drops its
 * row ({@link #droppedRows()}), is an error, or is delivered as NaN, as the format says. Other
 * columns are stepped over, so they may hold anything. Blank lines are skipped (line numbers in messages stay physical).
 * Lines end with LF, CRLF or a lone CR (old Mac files); a UTF-8 byte order mark is accepted. A file
 * that is not UTF-8 text (a NUL byte, bytes that are not UTF-8, mostly control characters in its
 * first 8 KB) is rejected when it is opened.
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
    private final CsvFormat format;
    private final Set<String> askedCategorical;
    /** What passes learn about this view (shared by views that differ only in threads, chunks, progress). */
    private final Knowledge known;
    /** When positive, the levels are guessed from this many first records ({@link #withGuessedLevels()}). */
    private final int guessRows;

    /**
     * What is learned by reading this view of the file, kept so that every pass agrees: the text
     * columns found in the first rows, the levels, the physical line of each row, the rows dropped.
     */
    private static final class Knowledge {
        final RowLines rowLines = new RowLines();
        volatile Sniff sniff;
        volatile List<String>[] levels; // per selected column, null for numeric ones
        volatile long dropped;
        volatile boolean guessed;   // levels holds a guess from the first records
    }

    /** The text columns found by looking at the first rows, and the error a numeric reading gives for each. */
    private record Sniff(Set<String> text, Map<String, CsvFormatException> evidence) {
    }

    private CsvSource(Path file, String name, CsvHeader header, List<String> selected, int threads,
                      int chunkSize, ProgressListener listener, CsvLimits limits, CsvFormat format,
                      Set<String> askedCategorical, Knowledge known, int guessRows) {
        this.file = file;
        this.name = name;
        this.header = header;
        this.selected = selected;
        this.threads = threads;
        this.chunkSize = chunkSize;
        this.listener = listener;
        this.limits = limits;
        this.format = format;
        this.askedCategorical = askedCategorical;
        this.known = known;
        this.guessRows = guessRows;
        this.rowLines = known.rowLines;
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
        for (int i = names.size() > 1 && names.get(0).isEmpty() ? 1 : 0; i < names.size(); i++) {
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
        return open(file, CsvFormat.DEFAULT);
    }

    /**
     * {@link #open(Path)} in this format: its delimiter (or the one detected), decimal mark,
     * missing values and their policy, and whether text columns are read as categorical.
     */
    public static CsvSource open(Path file, CsvFormat format) {
        return open(file, CsvLimits.DEFAULT, format);
    }

    /** {@link #open(Path)} with other limits (tests). */
    static CsvSource open(Path file, CsvLimits limits) {
        return open(file, limits, CsvFormat.DEFAULT);
    }

    static CsvSource open(Path file, CsvLimits limits, CsvFormat format) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        String name = file.toString();
        CsvHeader header = CsvHeader.read(file, name, limits, format);
        return new CsvSource(file, name, header, header.columns(), Runtime.getRuntime().availableProcessors(),
                DEFAULT_CHUNK_SIZE, ProgressListener.NONE, limits, format, Set.of(), new Knowledge(), 0);
    }

    /** The header names of the selected columns (all columns unless {@link #select} was used). */
    @Override
    public List<String> columns() {
        return selected;
    }

    /** All the file's header names, trimmed and unquoted (without an unnamed leading index column). */
    public List<String> fileColumns() {
        return header.columns();
    }

    /** The format this file is read in, with the delimiter actually used (detected or given). */
    public CsvFormat format() {
        return format.withDelimiter(header.delimiter());
    }

    /**
     * Notes about how the file is read, for the user (one line each, without the file name): today
     * whether an unnamed first column, a row index as pandas' {@code to_csv()} and R's
     * {@code write.csv()} write it, is skipped.
     */
    public List<String> notes() {
        return header.indexColumn()
                ? List.of("the first column has no name (a row index, as pandas' to_csv() and R's write.csv() write"
                        + " it): skipped")
                : List.of();
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
        Set<String> known = new HashSet<>(header.columns());
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!known.contains(c)) {
                throw new CsvFormatException(name + ": unknown column " + UserText.quote(c) + "; the columns are: "
                        + UserText.list(header.columns()), name, 1, c);
            }
            if (!seen.add(c)) {
                throw new CsvFormatException(name + ": column " + UserText.quote(c) + " is selected twice", name, 1, c);
            }
            chosen.add(c);
        }
        Set<String> asked = new HashSet<>(askedCategorical);
        asked.retainAll(chosen);
        return new CsvSource(file, name, header, List.copyOf(chosen), threads, chunkSize, listener, limits, format,
                Set.copyOf(asked), new Knowledge(), 0);
    }

    /**
     * A view that reads these selected columns as categorical (see {@link RowSource#withCategorical}):
     * each cell's text, quotes removed and blanks around it trimmed, is a level; missing cells
     * follow the missing-value policy.
     *
     * @throws IllegalArgumentException for a column that is not selected
     */
    @Override
    public CsvSource withCategorical(Set<String> columns) {
        for (String c : columns) {
            if (!selected.contains(c)) {
                throw new IllegalArgumentException("column " + UserText.quote(c) + " is not among the selected columns "
                        + UserText.list(selected));
            }
        }
        Set<String> asked = new HashSet<>(askedCategorical);
        asked.addAll(columns);
        if (asked.equals(askedCategorical)) {
            return this;
        }
        return new CsvSource(file, name, header, selected, threads, chunkSize, listener, limits, format,
                Set.copyOf(asked), new Knowledge(), 0);
    }

    /**
     * The columns read as categorical: those asked for and, unless the format says otherwise, the
     * selected columns with a cell that is neither a number nor missing in the first
     * {@value CsvFormat#SNIFF_ROWS} records (looked at once, on the first call).
     */
    @Override
    public Set<String> categoricalColumns() {
        Set<String> all = new java.util.LinkedHashSet<>();
        for (String c : selected) {
            if (askedCategorical.contains(c) || sniff().text().contains(c)) {
                all.add(c);
            }
        }
        return java.util.Collections.unmodifiableSet(all);
    }

    /**
     * For a column found to hold text, the error reading it as a number gives (its first cell that
     * is not a number, with line and column); null for other columns. Commands that cannot use a
     * categorical column report it.
     */
    public CsvFormatException numericError(String column) {
        return sniff().evidence().get(column);
    }

    @Override
    public CsvFormatException textInNumericColumn(String column) {
        return numericError(column);
    }

    /**
     * The levels of a categorical column, sorted by {@link String#compareTo}: the distinct texts of
     * its cells in the rows a pass delivers (rows dropped for a missing value in any selected column
     * are left out, as R's {@code lm} drops unused levels). The first call reads the file once
     * (all categorical columns at once; memory O(levels)).
     */
    @Override
    public List<String> levels(String column) {
        int s = selected.indexOf(column);
        if (s < 0 || !categoricalColumns().contains(column)) {
            throw new IllegalArgumentException("column " + UserText.quote(column) + " is not categorical");
        }
        return levels()[s];
    }

    @Override
    public long droppedRows() {
        return known.dropped;
    }

    private boolean[] categoricalFlags() {
        Set<String> cat = categoricalColumns();
        boolean[] flags = new boolean[selected.size()];
        for (int s = 0; s < flags.length; s++) {
            flags[s] = cat.contains(selected.get(s));
        }
        return flags;
    }

    private Sniff sniff() {
        Sniff s = known.sniff;
        if (s == null) {
            s = format.inferCategorical() ? readSniff() : new Sniff(Set.of(), Map.of());
            known.sniff = s;
        }
        return s;
    }

    /** Looks at the first records of the numeric selected columns for cells that are not numbers. */
    private Sniff readSniff() {
        boolean[] flags = new boolean[selected.size()];
        for (int s = 0; s < flags.length; s++) {
            flags[s] = askedCategorical.contains(selected.get(s));
        }
        Set<String> text = new HashSet<>();
        Map<String, CsvFormatException> evidence = new HashMap<>();
        try (CsvInput input = CsvInput.open(file, name)) {
            input.stream().skipNBytes(header.bytes());
            BufferPool pool = new BufferPool();
            ChunkReader reader = new ChunkReader(input, 1 << 16, limits.lineBytes(), pool, (byte) header.delimiter());
            long line = 2;
            int records = 0;
            while (records < CsvFormat.SNIFF_ROWS) {
                Chunk chunk = reader.next();
                if (chunk == null) {
                    break;
                }
                ParsedChunk p = new ChunkParser(header.names(), slot, selected.size(), flags, ChunkParser.Mode.SNIFF,
                        false, pool, limits, format, header.delimiter(), null, CsvFormat.SNIFF_ROWS - records)
                        .parse(chunk, 64);
                for (int s = 0; s < flags.length; s++) {
                    if (p.textDetail[s] != null && text.add(selected.get(s))) {
                        long at = line + p.textLine[s];
                        evidence.put(selected.get(s), new CsvFormatException(name + ", line " + at + p.textDetail[s],
                                name, at, selected.get(s)));
                    }
                }
                records += p.records;
                line += p.lineFeeds;
                if (p.errorLine >= 0) {
                    break; // the pass will report it
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the pass will say why; nothing is known to be text
        }
        return new Sniff(Set.copyOf(text), Map.copyOf(evidence));
    }

    /** The levels of every selected column (null for numeric ones), read once. */
    @SuppressWarnings("unchecked")
    private List<String>[] levels() {
        List<String>[] l = known.levels;
        if (l != null) {
            return l;
        }
        synchronized (known) {
            if (known.levels != null) {
                return known.levels;
            }
            boolean[] flags = categoricalFlags();
            if (guessRows > 0) {
                List<String>[] guessed = guess(flags);
                if (guessed != null) {
                    known.guessed = true;
                    known.levels = guessed;
                    return guessed;
                }
            }
            CsvPass pass = new CsvPass(file, name, header, slot, selected.size(), false, threads, chunkSize,
                    listener, rowLines, fileSize(), limits, format, flags, ChunkParser.Mode.COLLECT, null, b -> { });
            pass.run();
            List<String>[] all = new List[flags.length];
            for (int s = 0; s < flags.length; s++) {
                if (flags[s]) {
                    List<String> texts = new ArrayList<>(pass.levels[s].size());
                    for (String key : pass.levels[s]) {
                        texts.add(new String(key.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                    }
                    texts.sort(null);
                    all[s] = List.copyOf(texts);
                }
            }
            known.dropped = pass.dropped;
            known.levels = all;
            return all;
        }
    }

    /**
     * The levels of the rows kept among the first {@link #guessRows} records, read on this thread
     * (as the sniff reads); null when those records hold an error (the exact levels pass then
     * reports it in file order) or the file cannot be read.
     */
    @SuppressWarnings("unchecked")
    private List<String>[] guess(boolean[] flags) {
        java.util.Set<String>[] keys = new java.util.Set[flags.length];
        for (int s = 0; s < flags.length; s++) {
            keys[s] = flags[s] ? new HashSet<>() : null;
        }
        try (CsvInput input = CsvInput.open(file, name)) {
            input.stream().skipNBytes(header.bytes());
            BufferPool pool = new BufferPool();
            ChunkReader reader = new ChunkReader(input, 1 << 18, limits.lineBytes(), pool, (byte) header.delimiter());
            int records = 0;
            while (records < guessRows) {
                Chunk chunk = reader.next();
                if (chunk == null) {
                    break;
                }
                ParsedChunk p = new ChunkParser(header.names(), slot, selected.size(), flags, ChunkParser.Mode.COLLECT,
                        false, pool, limits, format, header.delimiter(), null, guessRows - records).parse(chunk, 64);
                if (p.errorLine >= 0) {
                    return null;
                }
                for (int s = 0; s < flags.length; s++) {
                    if (flags[s]) {
                        keys[s].addAll(p.levelSets[s]);
                    }
                }
                records += p.records;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<String>[] all = new List[flags.length];
        for (int s = 0; s < flags.length; s++) {
            if (flags[s]) {
                List<String> texts = new ArrayList<>(keys[s].size());
                for (String key : keys[s]) {
                    texts.add(new String(key.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                }
                texts.sort(null);
                all[s] = List.copyOf(texts);
            }
        }
        return all;
    }

    /** For each categorical column, its levels' bytes, each with its index in {@link #levels(String)} as id. */
    private LevelTable[] codes(boolean[] flags) {
        List<String>[] levels = levels();
        LevelTable[] codes = new LevelTable[flags.length];
        for (int s = 0; s < flags.length; s++) {
            if (flags[s]) {
                LevelTable t = new LevelTable();
                for (String level : levels[s]) {
                    byte[] bytes = level.getBytes(StandardCharsets.UTF_8);
                    t.add(bytes, 0, bytes.length);   // distinct texts: the ids are 0, 1, … in level order
                }
                codes[s] = t;
            }
        }
        return codes;
    }

    private long fileSize() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Records the levels are guessed from by {@link #withGuessedLevels()}: about 4 MB of the bench's file. */
    static final int GUESS_ROWS = 10_000;

    /**
     * This view with its categorical levels guessed from the first {@value #GUESS_ROWS} records
     * (the rows among them a pass delivers) instead of a pass over the whole file; its passes throw
     * {@link org.gramian.data.LevelsGuessedWrong} at a delivered row whose level is not among them
     * (see {@link RowSource#withGuessedLevels()}). This view itself when nothing is categorical.
     */
    @Override
    public CsvSource withGuessedLevels() {
        return withGuessedLevels(GUESS_ROWS);
    }

    /** {@link #withGuessedLevels()} from this many first records (tests). */
    CsvSource withGuessedLevels(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("records must be at least 1, got " + records);
        }
        if (guessRows == records || categoricalColumns().isEmpty()) {
            return this;
        }
        return new CsvSource(file, name, header, selected, threads, chunkSize, listener, limits, format,
                askedCategorical, new Knowledge(), records);
    }

    /** Parses with this many worker threads (1: everything on the calling thread). */
    public CsvSource withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new CsvSource(file, name, header, selected, threads, chunkSize, listener, limits, format,
                askedCategorical, known, guessRows);
    }

    /** Cuts the input into pieces of about this many bytes for parsing (a longer line gets its own). */
    public CsvSource withChunkSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 byte, got " + bytes);
        }
        return new CsvSource(file, name, header, selected, threads, bytes, listener, limits, format,
                askedCategorical, known, guessRows);
    }

    /** Reports progress of every pass to this listener. */
    public CsvSource withProgress(ProgressListener listener) {
        return new CsvSource(file, name, header, selected, threads, chunkSize,
                listener == null ? ProgressListener.NONE : listener, limits, format, askedCategorical, known, guessRows);
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
        boolean[] flags = categoricalFlags();
        boolean any = false;
        for (boolean f : flags) {
            any |= f;
        }
        LevelTable[] codes = any ? codes(flags) : null;
        CsvPass pass = new CsvPass(file, name, header, slot, selected.size(), extended, threads, chunkSize, listener,
                rowLines, fileSize(), limits, format, flags, ChunkParser.Mode.DELIVER, codes, consumer);
        pass.guessedLevels = guessRows > 0 && known.guessed;
        pass.run();
        known.dropped = pass.dropped;
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
