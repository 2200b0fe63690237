package org.gramian.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.gramian.UserText;

/**
 * Parses the records of one chunk. Records end with LF, CRLF or a lone CR outside quotes. Fields
 * are separated by the delimiter; a field may be wrapped in double quotes ("" inside stands for a
 * quote) and may then hold delimiters and line ends (RFC 4180). Blanks (spaces, and tabs unless tab
 * is the delimiter) around a field are ignored. Only the selected columns are looked at: numeric
 * ones are parsed as numbers, categorical ones yield their level's index (or, when collecting
 * levels, their text); the other columns are only stepped over. Lines that are empty or hold only
 * blanks are skipped.
 *
 * <p>A cell that is empty or one of the NA texts is missing: under {@link CsvFormat.Missing#DROP}
 * its record is not delivered and is counted in {@link ParsedChunk#dropped}; under
 * {@link CsvFormat.Missing#FAIL} it is the error (for a numeric column, the one a bad number
 * gives); under {@link CsvFormat.Missing#KEEP} the record is delivered with NaN in that cell. Parsing stops at the first error, which is reported by precedence: a broken quote or a
 * cell in a numeric column longer than the number limit, then a record longer than the line limit,
 * then a wrong number of fields, then a bad or missing value. A record's errors name the physical
 * line on which it starts. Every byte is looked at a bounded number of times, so a huge line or
 * field costs linear time.
 *
 * <p>One instance per task: it holds a {@link DecimalParser}'s scratch state.
 */
final class ChunkParser {
    /** The value arrays are first sized for the rows of at most this many bytes (they grow if need be). */
    private static final int SIZING_BYTES = 4 << 20;

    /** What a parse is for. */
    enum Mode {
        /** Deliver values: numbers, and the level index of categorical cells. */
        DELIVER,
        /** Collect the distinct texts of the categorical columns in the rows kept. */
        COLLECT,
        /** Look at the first rows: which numeric columns hold a cell that is not a number. */
        SNIFF
    }

    private final List<String> columns;
    private final int[] slot;
    private final int width;
    private final boolean[] categorical;
    private final Mode mode;
    private final boolean extended;
    private final BufferPool pool;
    private final CsvLimits limits;
    private final byte delimiter;
    private final byte decimal;
    private final byte[][] na;
    private final boolean naNumeric;
    // a cheap test first: most cells are numbers, whose first byte starts no NA text
    private final boolean[] naFirst = new boolean[256];
    private final int naMin;
    private final int naMax;
    /** A missing value marks the record (DROP: left out; KEEP: delivered with NaN) instead of failing. */
    private final boolean drop;
    private final boolean keep;
    private final LevelTable[] codes;
    /** Records after which parse stops: the constructor's maxRows in the sniff and the guess, else unlimited. */
    private final int recordLimit;
    /** Values per delivered row in the values array: width when delivering, else 0 (one scratch row). */
    private final int rowStride;
    private final boolean hint; // text in a column found numeric: suggest C(col)
    private final DecimalParser number = new DecimalParser();
    private byte[] scratch = new byte[64];

    /**
     * @param columns     the file's fields (all of them; an index column's name is empty)
     * @param slot        for each file field, its index among the selected columns, or −1
     * @param width       number of selected columns
     * @param categorical for each selected column, whether it is categorical
     * @param codes       in {@link Mode#DELIVER}, for each categorical column its levels' bytes, the id
     *                    of each the index of the level; else null
     * @param maxRows     in {@link Mode#SNIFF} and {@link Mode#COLLECT}, the records to look at (0: all)
     */
    ChunkParser(List<String> columns, int[] slot, int width, boolean[] categorical, Mode mode, boolean extended,
                BufferPool pool, CsvLimits limits, CsvFormat format, char delimiter, LevelTable[] codes,
                int maxRows) {
        this.columns = columns;
        this.slot = slot;
        this.width = width;
        this.categorical = categorical;
        this.mode = mode;
        this.extended = extended;
        this.pool = pool;
        this.limits = limits;
        this.delimiter = (byte) delimiter;
        this.decimal = (byte) format.decimal();
        this.na = format.naBytes();
        this.drop = format.missing() != CsvFormat.Missing.FAIL;
        this.keep = format.missing() == CsvFormat.Missing.KEEP;
        this.codes = codes;
        this.rowStride = mode == Mode.DELIVER ? width : 0;
        this.recordLimit = mode != Mode.DELIVER && maxRows > 0 ? maxRows : Integer.MAX_VALUE;
        this.hint = format.inferCategorical() && mode != Mode.SNIFF;
        boolean numericNa = false;
        DecimalParser p = new DecimalParser();
        for (byte[] t : na) {
            numericNa |= p.parse(t, 0, t.length, false) == DecimalParser.OK; // the fast path would take it
        }
        this.naNumeric = numericNa;
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (byte[] t : na) {
            min = Math.min(min, t.length);
            max = Math.max(max, t.length);
            if (t.length > 0) {
                naFirst[t[0] & 0xff] = true;
            }
        }
        this.naMin = min;
        this.naMax = max;
    }

    /** The old constructor: every selected column numeric, commas, strict. */
    ChunkParser(List<String> columns, int[] slot, int width, boolean extended, BufferPool pool, CsvLimits limits) {
        this(columns, slot, width, new boolean[width], Mode.DELIVER, extended, pool, limits, CsvFormat.STRICT, ',',
                null, 0);
    }

    /**
     * @param bytesPerRow the typical length of a row, to size the value arrays (they grow when it
     *                    was too optimistic; a pessimistic guess would waste memory on every chunk)
     */
    @SuppressWarnings("unchecked")
    ParsedChunk parse(Chunk chunk, int bytesPerRow) {
        byte[] b = chunk.bytes();
        int end = chunk.length();
        int sized = Math.min(end, SIZING_BYTES);
        int capacity = sized / Math.max(1, bytesPerRow) + sized / Math.max(1, bytesPerRow) / 8 + 16; // rows
        // Every mode stores the values it parses (the sniff and the guess into one row they discard)
        double[] values = mode == Mode.DELIVER ? pool.doubles(capacity * width) : new double[width];
        double[] tails = !extended ? null : mode == Mode.DELIVER ? pool.doubles(capacity * width) : new double[width];
        LevelTable[] found = null;   // in COLLECT (and SNIFF): the texts of the rows kept so far
        int[] rowIds = new int[width];        // the id of this row's text in each categorical column, −1: new
        byte[][] rowNew = new byte[width][];  // a text not yet in the table, kept until the row is known to be kept
        if (mode != Mode.DELIVER) {
            found = new LevelTable[width];
            for (int s = 0; s < width; s++) {
                if (categorical[s]) {
                    found[s] = new LevelTable();
                }
            }
        }
        // The categorical cells are looked up the same way in every mode (delivering: in the levels
        // read before; collecting: in those found so far): the sniff and the guess run this method
        // before the delivering pass, and a branch on the mode that they never took would be compiled
        // as a trap, which the delivering pass would spring (deoptimizing and recompiling this large
        // method on the parsing threads' cores).
        LevelTable[] tables = mode == Mode.DELIVER ? codes : found;
        String[] textDetail = mode == Mode.SNIFF ? new String[width] : null;
        int[] textLine = mode == Mode.SNIFF ? new int[width] : null;
        int[] breakRows = null;
        int[] breakLines = null;
        int breaks = 0;
        int shift = -1; // line − row within this chunk, changed by blank lines; the first row always records
        int ncols = columns.size();
        int numberLimit = limits.numberBytes();
        int lineLimit = limits.lineBytes();
        byte delim = delimiter;
        boolean fast = decimal == '.';
        int rows = 0;
        int dropped = 0;
        int records = 0;
        int line = 0;
        int pos = 0;
        int errorLine = -1;
        String error = null;
        int errorField = -1;   // the field the error is about, when it is about one
        boolean unknownLevel = false;
        while (pos < end) {
            if (records >= recordLimit) {   // no branch on the mode here: see the constructor
                break;
            }
            int lineStart = pos;
            int p = pos;
            while (p < end && isBlank(b[p])) {
                p++;
            }
            if (p == end || b[p] == '\n' || b[p] == '\r') {
                // a blank line
                if (p - lineStart > lineLimit || p == end && chunk.overlong()) {
                    error = tooLongLine();
                    errorLine = line;
                    break;
                }
                pos = afterLineEnd(b, p, end);
                line++;
                continue;
            }
            int base = rows * rowStride;
            if (base + width > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, base + width));
                if (tails != null) {
                    tails = Arrays.copyOf(tails, values.length);
                }
            }
            int field = 0;
            int badField = -1;
            String badDetail = null;
            int unknownField = -1;
            boolean missing = false;
            int innerLines = 0; // line ends inside quoted fields of this record
            int lineEnd; // index of the record's line end, or end
            String broken = null;
            int brokenField = -1;
            while (true) {
                int a = pos;
                while (a < end && isBlank(b[a])) {
                    a++;
                }
                int s = field < ncols ? slot[field] : -1;
                if (s >= 0 && fast && !categorical[s] && badField < 0
                        && (a == end || b[a] != '"')) {
                    // fast path: parse the number straight from the chunk, then expect its delimiter
                    int bound = (int) Math.min(end, (long) a + numberLimit + 1);
                    if (number.scan(b, a, bound, extended) == DecimalParser.OK) {
                        int k = number.stop;
                        while (k < end && isBlank(b[k])) {
                            k++;
                        }
                        if (k == end || b[k] == delim || b[k] == '\n' || b[k] == '\r') {
                            if (number.stop - a > numberLimit) {
                                broken = tooLongCell(field);
                                brokenField = field;
                                lineEnd = k;
                                break;
                            }
                            if (naNumeric && isNa(b, a, number.stop)) {
                                if (drop || mode == Mode.SNIFF) {
                                    missing = true;
                                    if (keep) {
                                        values[base + s] = Double.NaN;
                                        if (extended) {
                                            tails[base + s] = 0.0;
                                        }
                                    }
                                } else {
                                    badField = field;
                                    badDetail = missingValue(b, a, number.stop);
                                }
                            } else {
                                values[base + s] = number.value;
                                if (extended) {
                                    tails[base + s] = number.tail;
                                }
                            }
                            field++;
                            if (k < end && b[k] == delim) {
                                pos = k + 1;
                                continue;
                            }
                            lineEnd = k;
                            break;
                        }
                    }
                    // not a clean number: the general path below finds the field and says what is wrong
                }
                int next = generalField(b, end, a, field, s, badField < 0, chunk, base, values, tails, rowIds, rowNew,
                        tables, textDetail, textLine, line);
                innerLines += fieldInnerLines;
                fieldInnerLines = 0;
                if (next < 0) {
                    broken = fieldBroken;
                    brokenField = field;
                    lineEnd = fieldLineEnd;
                    fieldBroken = null;
                    break;
                }
                if (fieldMissing) {
                    missing = true;
                    fieldMissing = false;
                }
                if (fieldBad != null) {
                    badField = field;
                    badDetail = fieldBad;
                    fieldBad = null;
                }
                if (fieldUnknown) {
                    unknownField = unknownField < 0 ? field : unknownField;
                    fieldUnknown = false;
                }
                field++;
                if (next < end && b[next] == delim) {
                    pos = next + 1;
                } else {
                    lineEnd = next;
                    break;
                }
            }
            if (broken == null && lineEnd == end && chunk.overlong()) {
                broken = tooLongLine(); // the record goes on beyond the chunk, which is as long as a line may be
            }
            if (broken != null) {
                error = broken;
                errorField = brokenField;
            } else if (lineEnd - lineStart > lineLimit) {
                error = tooLongLine();
            } else if (field != ncols) {
                error = fieldCount(ncols, field);
            } else if (badField >= 0) {
                error = fieldError(badField, badDetail);
                errorField = badField;
            } else if (unknownField >= 0 && (!missing || keep)) {
                unknownLevel = true;
                errorField = unknownField;
                error = unknownLevel(unknownField);
            } else if (mode == Mode.COLLECT && (!missing || keep)) {
                error = collect(rowIds, rowNew, found);
            }
            if (error != null) {
                errorLine = line;
                break;
            }
            pos = afterLineEnd(b, lineEnd, end);
            records++;
            if (missing && mode != Mode.SNIFF && !keep) {
                dropped++;
                line += 1 + innerLines;
                continue;
            }
            if (line - rows != shift) {
                shift = line - rows;
                if (breakRows == null) {
                    breakRows = new int[4];
                    breakLines = new int[4];
                } else if (breaks == breakRows.length) {
                    breakRows = Arrays.copyOf(breakRows, breaks * 2);
                    breakLines = Arrays.copyOf(breakLines, breaks * 2);
                }
                breakRows[breaks] = rows;
                breakLines[breaks] = line;
                breaks++;
            }
            rows++;
            line += 1 + innerLines;
        }
        // without an error every record ended with a line end, except perhaps the file's last
        ParsedChunk parsed = new ParsedChunk(chunk, mode == Mode.DELIVER ? values : null, tails, rows, line,
                breakRows, breakLines, breaks, errorLine, error);
        parsed.errorColumn = errorField >= 0 && errorField < columns.size() ? columns.get(errorField) : null;
        parsed.dropped = dropped;
        parsed.unknownLevel = unknownLevel;
        parsed.records = records;
        parsed.levelSets = levelSets(found);
        parsed.textDetail = textDetail;
        parsed.textLine = textLine;
        return parsed;
    }

    // What generalField found besides the index it returns; the caller takes each and resets it.
    private int fieldInnerLines;   // line ends inside the quoted field
    private String fieldBroken;    // the record cannot be read on: why (and fieldLineEnd, where it stops)
    private int fieldLineEnd;
    private String fieldBad;       // the cell is bad: what is wrong with it
    private boolean fieldMissing;  // the cell is missing (a dropped or kept record, by the policy)
    private boolean fieldUnknown;  // a categorical cell whose level is not among those delivered

    /**
     * The general path for one field starting at {@code a} (blanks skipped), for every field the fast
     * path of {@link #parse} does not take: quoted, categorical, missing, not a clean number, or not
     * selected. It stores the cell's value (or level) and returns the index after the field's text
     * (its delimiter, its line end or the chunk's end), or −1 when the record cannot be read on
     * ({@link #fieldBroken}). A method of its own so that parse stays small: the JIT compiles parse
     * several times in a fresh JVM (on-stack replacements, then the whole method), and on a file
     * with text or missing cells these paths are live and made each compilation several times larger
     * and slower; this one is compiled once.
     *
     * @param clean whether no cell of the record is bad yet (a bad record's later cells are only delimited)
     */
    private int generalField(byte[] b, int end, int a, int field, int s, boolean clean, Chunk chunk, int base,
                             double[] values, double[] tails, int[] rowIds, byte[][] rowNew, LevelTable[] tables,
                             String[] textDetail, int[] textLine, int line) {
        byte delim = delimiter;
        int numberLimit = limits.numberBytes();
        int from;
        int to;
        int next;
        boolean escaped = false;
        if (a < end && b[a] == '"') {
            int j = a + 1;
            int close = -1;
            while (j < end) {
                byte c = b[j];
                if (c == '"') {
                    if (j + 1 < end && b[j + 1] == '"') {
                        escaped = true;
                        j += 2;
                        continue;
                    }
                    close = j;
                    break;
                }
                if (c == '\n') {
                    fieldInnerLines++;
                } else if (c == '\r') {
                    fieldInnerLines++;
                    if (j + 1 < end && b[j + 1] == '\n') {
                        j++;
                    }
                }
                j++;
            }
            if (close < 0) {
                fieldBroken = chunk.overlong()
                        ? tooLongAt(field, j - a)
                        : unterminated(field);
                fieldLineEnd = j;
                return -1;
            }
            from = a + 1;
            to = close;
            next = close + 1;
            while (next < end && isBlank(b[next])) {
                next++;
            }
            if (next < end && b[next] != delim && b[next] != '\n' && b[next] != '\r') {
                fieldBroken = textAfterQuote(field);
                fieldLineEnd = next;
                return -1;
            }
        } else {
            int j = ByteScan.fieldEnd(b, delim, a, end);
            next = j;
            from = a;
            to = j;
            while (to > from && isBlank(b[to - 1])) {
                to--;
            }
        }
        if (s >= 0 && !categorical[s] && to - from > numberLimit) {
            fieldBroken = tooLongCell(field);
            fieldLineEnd = next;
            return -1;
        }
        if (s >= 0 && clean) {
            byte[] cb = b;
            int cf = from;
            int ct = to;
            if (escaped) {
                ct = unescape(b, from, to);
                cb = scratch;
                cf = 0;
            }
            int tf = cf;
            int tt = ct;
            while (tf < tt && isBlank(cb[tf])) {
                tf++;
            }
            while (tt > tf && isBlank(cb[tt - 1])) {
                tt--;
            }
            boolean isMissing = tf == tt || isNa(cb, tf, tt);
            if (categorical[s]) {
                if (isMissing) {
                    if (drop) {
                        fieldMissing = true;
                        if (keep && mode == Mode.COLLECT) {
                            rowIds[s] = Integer.MAX_VALUE;   // a missing cell (kept row): no level to collect
                        } else if (keep && mode == Mode.DELIVER) {
                            values[base + s] = Double.NaN;
                            if (extended) {
                                tails[base + s] = 0.0;
                            }
                        }
                    } else if (mode != Mode.SNIFF) {
                        fieldBad = missingValue(cb, tf, tt);
                    }
                } else {
                    int id = tables[s].get(cb, cf, ct);
                    rowIds[s] = id;
                    values[base + s] = id;   // the level's index (collecting: scratch)
                    if (extended) {
                        tails[base + s] = 0.0;
                    }
                    if (id >= 0) {
                        rowNew[s] = null;
                    } else if (mode != Mode.DELIVER) {
                        rowNew[s] = Arrays.copyOfRange(cb, cf, ct);
                    } else {
                        fieldUnknown = true;
                    }
                }
            } else if (isMissing && (drop || mode == Mode.SNIFF)) {
                fieldMissing = true;
                if (keep) {
                    values[base + s] = Double.NaN;
                    if (extended) {
                        tails[base + s] = 0.0;
                    }
                }
            } else {
                int status = parseNumber(cb, cf, ct);
                if (status == DecimalParser.OK && isMissing) {
                    fieldBad = missingValue(cb, tf, tt); // a numeric NA text under --missing fail
                } else if (status == DecimalParser.OK) {
                    values[base + s] = number.value;
                    if (extended) {
                        tails[base + s] = number.tail;
                    }
                } else if (mode == Mode.SNIFF) {
                    if (textDetail[s] == null) {
                        textDetail[s] = notANumber(field, status, cb, cf, ct);
                        textLine[s] = line;
                    }
                } else {
                    String bad = describe(status, cb, cf, ct);
                    if (hint && status == DecimalParser.NOT_A_NUMBER && !isMissing) {
                        bad = withCategoricalHint(bad, field);
                    }
                    fieldBad = bad;
                }
            }
        }
        return next;
    }

    /**
     * Adds a kept row's categorical texts that are new to the chunk's tables; an error when one is
     * not UTF-8.
     */
    private String collect(int[] rowIds, byte[][] rowNew, LevelTable[] found) {
        for (int s = 0; s < width; s++) {
            if (found[s] == null || rowIds[s] >= 0) {
                continue;
            }
            byte[] raw = rowNew[s];
            rowNew[s] = null;
            found[s].add(raw, 0, raw.length);
            if (!isAscii(raw)) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw));
                } catch (CharacterCodingException e) {
                    int field = 0;
                    while (slot[field] != s) {
                        field++;
                    }
                    return column(field) + ": a value that is not UTF-8 text; save the file as UTF-8";
                }
            }
        }
        return null;
    }

    private static boolean isAscii(byte[] b) {
        for (byte c : b) {
            if (c < 0) {
                return false;
            }
        }
        return true;
    }

    /** The chunk's texts per categorical column as ISO-8859-1 strings of their bytes (what the pass merges). */
    @SuppressWarnings("unchecked")
    private HashSet<String>[] levelSets(LevelTable[] found) {
        if (found == null) {
            return null;
        }
        HashSet<String>[] sets = new HashSet[width];
        for (int s = 0; s < width; s++) {
            if (found[s] != null) {
                sets[s] = new HashSet<>(found[s].size() * 2);
                for (int id = 0; id < found[s].size(); id++) {
                    sets[s].add(new String(found[s].key(id), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return sets;
    }

    /** Copies the quoted content {@code b[from, to)} into {@link #scratch} with each "" made one quote; its length. */
    private int unescape(byte[] b, int from, int to) {
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, scratch.length * 2)];
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            scratch[n++] = b[i];
            if (b[i] == '"') {
                i++; // the second quote of the pair
            }
        }
        return n;
    }

    /** Parses a number, with a decimal comma read as the point (and a point then refused). */
    private int parseNumber(byte[] b, int from, int to) {
        if (decimal == '.') {
            return number.parse(b, from, to, extended);
        }
        byte[] copy = new byte[to - from];
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '.') {
                return DecimalParser.NOT_A_NUMBER;
            }
            copy[i - from] = c == ',' ? (byte) '.' : c;
        }
        return number.parse(copy, 0, copy.length, extended);
    }

    /** Whether {@code b[from, to)} (trimmed) is one of the NA texts. */
    private boolean isNa(byte[] b, int from, int to) {
        int n = to - from;
        if (n < naMin || n > naMax || n > 0 && !naFirst[b[from] & 0xff]) {
            return false;
        }
        for (byte[] t : na) {
            if (t.length == n && Arrays.equals(b, from, to, t, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static String missingValue(byte[] b, int from, int to) {
        return from == to ? "missing value (an empty cell) and --missing fail"
                : "missing value " + UserText.quote(new String(b, from, Math.min(to - from, 4 * (UserText.MAX_CHARS + 1)),
                        StandardCharsets.UTF_8)) + " and --missing fail";
    }

    /** The index after the line end at {@code k} (CRLF is one line end); {@code end} when k is the end. */
    private static int afterLineEnd(byte[] b, int k, int end) {
        if (k >= end) {
            return end;
        }
        return b[k] == '\r' && k + 1 < end && b[k + 1] == '\n' ? k + 2 : k + 1;
    }

    // The messages, one method each, so that parse and generalField read as the parsing they do.
    // (Moving them out of parse alone made no difference measurable in its JIT compilation time;
    // what did was moving the general path out: see generalField.)

    private String unterminated(int field) {
        return column(field) + ": unterminated quoted field (the file ends inside it)";
    }

    private String textAfterQuote(int field) {
        return column(field) + ": unexpected text after a closing quote";
    }

    private String notANumber(int field, int status, byte[] b, int from, int to) {
        return column(field) + ": " + describe(status, b, from, to);
    }

    private String withCategoricalHint(String detail, int field) {
        return detail + " (the first " + CsvFormat.SNIFF_ROWS + " rows held numbers, so the column"
                + " is read as numeric; C(" + columns.get(field) + ") reads it as categorical)";
    }

    private static String fieldCount(int expected, int found) {
        return ": expected " + expected + " field" + (expected == 1 ? "" : "s") + ", found " + found;
    }

    private String fieldError(int field, String detail) {
        return column(field) + ": " + detail;
    }

    private String unknownLevel(int field) {
        return column(field) + ": a value not seen when the levels were read (did the file change"
                + " while it was read?)";
    }

    private String tooLongCell(int field) {
        return column(field) + ": a cell of more than " + CsvLimits.size(limits.numberBytes())
                + ", too long for a number";
    }

    /** An unterminated quote running to the end of an overlong chunk: the cell or the line is too long. */
    private String tooLongAt(int field, int length) {
        return field < slot.length && slot[field] >= 0 && !categorical[slot[field]] && length > limits.numberBytes()
                ? tooLongCell(field) : tooLongLine();
    }

    private String tooLongLine() {
        return ": line longer than " + CsvLimits.size(limits.lineBytes());
    }

    private String column(int field) {
        return ", column " + (field + 1) + (field < columns.size() ? " (" + UserText.quote(columns.get(field)) + ")" : "");
    }

    private static String describe(int status, byte[] b, int from, int to) {
        if (status == DecimalParser.EMPTY) {
            return "expected a number, found an empty cell";
        }
        // enough bytes for one character more than is shown, so that a cut is marked
        int bytes = Math.min(to - from, 4 * (UserText.MAX_CHARS + 1));
        String text = UserText.quote(new String(b, from, bytes, StandardCharsets.UTF_8));
        return (status == DecimalParser.NOT_FINITE ? "expected a finite number, found " : "expected a number, found ")
                + text;
    }

    /** A blank around a field: a space, and a tab unless tab is the delimiter. */
    private boolean isBlank(byte c) {
        return c == ' ' || c == '\t' && delimiter != '\t';
    }
}
