package org.gramian.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.gramian.UserText;

/**
 * Parses the lines of one chunk into numbers. Lines end with LF, CRLF or a lone CR. Fields are
 * separated by commas; a field may be wrapped in double quotes ("" inside stands for a quote) and
 * may then hold commas, but not line ends. Spaces and tabs around a field are ignored. Only the
 * selected columns are parsed as numbers; the others are only stepped over. Lines that are empty
 * or hold only spaces and tabs are skipped. Parsing stops at the first error, which is reported by
 * precedence: a broken quote or a cell in a selected column longer than the number limit, then a
 * line longer than the line limit, then a wrong number of fields, then a bad number. Every byte
 * is looked at a bounded number of times, so a huge line or field costs linear time.
 *
 * <p>One instance per task: it holds a {@link DecimalParser}'s scratch state.
 */
final class ChunkParser {
    /** The value arrays are first sized for the rows of at most this many bytes (they grow if need be). */
    private static final int SIZING_BYTES = 4 << 20;

    private final List<String> columns;
    private final int[] slot;
    private final int width;
    private final boolean extended;
    private final BufferPool pool;
    private final CsvLimits limits;
    private final DecimalParser number = new DecimalParser();

    /**
     * @param columns  the file's column names (all of them)
     * @param slot     for each file column, its index among the selected columns, or −1
     * @param width    number of selected columns
     * @param extended whether to compute the decimal tails
     */
    ChunkParser(List<String> columns, int[] slot, int width, boolean extended, BufferPool pool, CsvLimits limits) {
        this.columns = columns;
        this.slot = slot;
        this.width = width;
        this.extended = extended;
        this.pool = pool;
        this.limits = limits;
    }

    /**
     * @param bytesPerRow the typical length of a row, to size the value arrays (they grow when it
     *                    was too optimistic; a pessimistic guess would waste memory on every chunk)
     */
    ParsedChunk parse(Chunk chunk, int bytesPerRow) {
        byte[] b = chunk.bytes();
        int end = chunk.length();
        int sized = Math.min(end, SIZING_BYTES);
        int capacity = sized / Math.max(1, bytesPerRow) + sized / Math.max(1, bytesPerRow) / 8 + 16; // rows
        double[] values = pool.doubles(capacity * width);
        double[] tails = extended ? pool.doubles(capacity * width) : null;
        int[] breakRows = null;
        int[] breakLines = null;
        int breaks = 0;
        int shift = -1; // line − row within this chunk, changed by blank lines; the first row always records
        int ncols = columns.size();
        int numberLimit = limits.numberBytes();
        int lineLimit = limits.lineBytes();
        int rows = 0;
        int line = 0;
        int pos = 0;
        int errorLine = -1;
        String error = null;
        while (pos < end) {
            int lineStart = pos;
            int p = pos;
            while (p < end && isSpace(b[p])) {
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
            int base = rows * width;
            if (base + width > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, base + width));
                if (extended) {
                    tails = Arrays.copyOf(tails, values.length);
                }
            }
            int field = 0;
            int badField = -1;
            int badStatus = 0;
            int badFrom = 0;
            int badTo = 0;
            int lineEnd; // index of the line end, or end
            String broken = null;
            while (true) {
                int a = pos;
                while (a < end && isSpace(b[a])) {
                    a++;
                }
                if (field < ncols && slot[field] >= 0 && badField < 0 && (a == end || b[a] != '"')) {
                    // fast path: parse the number straight from the chunk, then expect its delimiter
                    int bound = (int) Math.min(end, (long) a + numberLimit + 1);
                    if (number.scan(b, a, bound, extended) == DecimalParser.OK) {
                        int k = number.stop;
                        while (k < end && isSpace(b[k])) {
                            k++;
                        }
                        if (k == end || b[k] == ',' || b[k] == '\n' || b[k] == '\r') {
                            if (number.stop - a > numberLimit) {
                                broken = tooLongCell(field);
                                lineEnd = k;
                                break;
                            }
                            values[base + slot[field]] = number.value;
                            if (extended) {
                                tails[base + slot[field]] = number.tail;
                            }
                            field++;
                            if (k < end && b[k] == ',') {
                                pos = k + 1;
                                continue;
                            }
                            lineEnd = k;
                            break;
                        }
                    }
                    // not a clean number: the general path below finds the field and says what is wrong
                }
                int from;
                int to;
                int next;
                if (a < end && b[a] == '"') {
                    int j = a + 1;
                    int close = -1;
                    while (j < end && b[j] != '\n' && b[j] != '\r') {
                        if (b[j] == '"') {
                            if (j + 1 < end && b[j + 1] == '"') {
                                j += 2;
                                continue;
                            }
                            close = j;
                            break;
                        }
                        j++;
                    }
                    if (close < 0) {
                        broken = j == end && chunk.overlong()
                                ? tooLongAt(field, j - a)
                                : column(field) + ": unterminated quoted field (quoted fields cannot span lines)";
                        lineEnd = j;
                        break;
                    }
                    from = a + 1;
                    to = close;
                    next = close + 1;
                    while (next < end && isSpace(b[next])) {
                        next++;
                    }
                    if (next < end && b[next] != ',' && b[next] != '\n' && b[next] != '\r') {
                        broken = column(field) + ": unexpected text after a closing quote";
                        lineEnd = next;
                        break;
                    }
                } else {
                    int j = a;
                    while (j < end && b[j] != ',' && b[j] != '\n' && b[j] != '\r') {
                        j++;
                    }
                    next = j;
                    from = a;
                    to = j;
                    while (to > from && isSpace(b[to - 1])) {
                        to--;
                    }
                }
                if (field < ncols && slot[field] >= 0 && to - from > numberLimit) {
                    broken = tooLongCell(field);
                    lineEnd = next;
                    break;
                }
                if (field < ncols && badField < 0) {
                    int s = slot[field];
                    if (s >= 0) {
                        int status = number.parse(b, from, to, extended);
                        if (status == DecimalParser.OK) {
                            values[base + s] = number.value;
                            if (extended) {
                                tails[base + s] = number.tail;
                            }
                        } else {
                            badField = field;
                            badStatus = status;
                            badFrom = from;
                            badTo = to;
                        }
                    }
                }
                field++;
                if (next < end && b[next] == ',') {
                    pos = next + 1;
                } else {
                    lineEnd = next;
                    break;
                }
            }
            if (broken == null && lineEnd == end && chunk.overlong()) {
                broken = tooLongLine(); // the line goes on beyond the chunk, which is as long as a line may be
            }
            if (broken != null) {
                error = broken;
            } else if (lineEnd - lineStart > lineLimit) {
                error = tooLongLine();
            } else if (field != ncols) {
                error = ": expected " + ncols + " field" + (ncols == 1 ? "" : "s") + ", found " + field;
            } else if (badField >= 0) {
                error = column(badField) + ": " + describe(badStatus, b, badFrom, badTo);
            }
            if (error != null) {
                errorLine = line;
                break;
            }
            pos = afterLineEnd(b, lineEnd, end);
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
            line++;
        }
        // without an error every line ended with a line end, except perhaps the file's last
        return new ParsedChunk(chunk, values, tails, rows, line, breakRows, breakLines, breaks, errorLine,
                error);
    }

    /** The index after the line end at {@code k} (CRLF is one line end); {@code end} when k is the end. */
    private static int afterLineEnd(byte[] b, int k, int end) {
        if (k >= end) {
            return end;
        }
        return b[k] == '\r' && k + 1 < end && b[k + 1] == '\n' ? k + 2 : k + 1;
    }

    private String tooLongCell(int field) {
        return column(field) + ": a cell of more than " + CsvLimits.size(limits.numberBytes())
                + ", too long for a number";
    }

    /** An unterminated quote running to the end of an overlong chunk: the cell or the line is too long. */
    private String tooLongAt(int field, int length) {
        return field < slot.length && slot[field] >= 0 && length > limits.numberBytes() ? tooLongCell(field)
                : tooLongLine();
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

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }
}
