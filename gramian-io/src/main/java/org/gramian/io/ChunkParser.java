package org.gramian.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the lines of one chunk into numbers. Fields are separated by commas; a field may be
 * wrapped in double quotes ("" inside stands for a quote) and may then hold commas, but not line
 * feeds. Spaces, tabs and carriage returns around a field are ignored, so CRLF files read like LF
 * files. Only the selected columns are parsed as numbers; the others are only stepped over. Lines
 * that are empty or hold only white space are skipped. Parsing stops at the first error, which is
 * reported by precedence: a broken quote, then a wrong number of fields, then a bad number.
 *
 * <p>One instance per task: it holds a {@link DecimalParser}'s scratch state.
 */
final class ChunkParser {
    private final List<String> columns;
    private final int[] slot;
    private final int width;
    private final boolean extended;
    private final BufferPool pool;
    private final DecimalParser number = new DecimalParser();

    /**
     * @param columns  the file's column names (all of them)
     * @param slot     for each file column, its index among the selected columns, or −1
     * @param width    number of selected columns
     * @param extended whether to compute the decimal tails
     */
    ChunkParser(List<String> columns, int[] slot, int width, boolean extended, BufferPool pool) {
        this.columns = columns;
        this.slot = slot;
        this.width = width;
        this.extended = extended;
        this.pool = pool;
    }

    ParsedChunk parse(Chunk chunk) {
        byte[] b = chunk.bytes();
        int end = chunk.length();
        int capacity = Math.max(64, end / 16); // rows; grown when short, recycled arrays are usually big enough
        double[] values = pool.doubles(capacity * width);
        double[] tails = extended ? pool.doubles(capacity * width) : null;
        int[] breakRows = null;
        int[] breakLines = null;
        int breaks = 0;
        int shift = -1; // line − row within this chunk, changed by blank lines; the first row always records
        int ncols = columns.size();
        int rows = 0;
        int line = 0;
        int pos = 0;
        int errorLine = -1;
        String error = null;
        while (pos < end) {
            int p = pos;
            while (p < end && isSpace(b[p])) {
                p++;
            }
            if (p == end || b[p] == '\n') {
                pos = p + 1; // a blank line
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
            String broken = null;
            while (true) {
                int a = pos;
                while (a < end && isSpace(b[a])) {
                    a++;
                }
                if (field < ncols && slot[field] >= 0 && badField < 0 && (a == end || b[a] != '"')) {
                    // fast path: parse the number straight from the chunk, then expect its delimiter
                    if (number.scan(b, a, end, extended) == DecimalParser.OK) {
                        int k = number.stop;
                        while (k < end && isSpace(b[k])) {
                            k++;
                        }
                        if (k == end || b[k] == ',' || b[k] == '\n') {
                            values[base + slot[field]] = number.value;
                            if (extended) {
                                tails[base + slot[field]] = number.tail;
                            }
                            field++;
                            pos = k + 1;
                            if (k < end && b[k] == ',') {
                                continue;
                            }
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
                    while (j < end && b[j] != '\n') {
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
                        broken = column(field) + ": unterminated quoted field (quoted fields cannot span lines)";
                        break;
                    }
                    from = a + 1;
                    to = close;
                    next = close + 1;
                    while (next < end && isSpace(b[next])) {
                        next++;
                    }
                    if (next < end && b[next] != ',' && b[next] != '\n') {
                        broken = column(field) + ": unexpected text after a closing quote";
                        break;
                    }
                } else {
                    int j = a;
                    while (j < end && b[j] != ',' && b[j] != '\n') {
                        j++;
                    }
                    next = j;
                    from = a;
                    to = j;
                    while (to > from && isSpace(b[to - 1])) {
                        to--;
                    }
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
                    pos = next + 1; // past the line feed (or past the end)
                    break;
                }
            }
            if (broken != null) {
                error = broken;
            } else if (field != ncols) {
                error = ": expected " + ncols + " field" + (ncols == 1 ? "" : "s") + ", found " + field;
            } else if (badField >= 0) {
                error = column(badField) + ": " + describe(badStatus, b, badFrom, badTo);
            }
            if (error != null) {
                errorLine = line;
                break;
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
            line++;
        }
        // without an error every line ended with a line feed, except perhaps the file's last
        return new ParsedChunk(chunk, values, tails, rows, line, breakRows, breakLines, breaks, errorLine,
                error);
    }

    private String column(int field) {
        return ", column " + (field + 1) + (field < columns.size() ? " ('" + columns.get(field) + "')" : "");
    }

    private static String describe(int status, byte[] b, int from, int to) {
        if (status == DecimalParser.EMPTY) {
            return "expected a number, found an empty cell";
        }
        String text = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        text = text.replaceAll("\\p{Cntrl}", "?");
        return (status == DecimalParser.NOT_FINITE ? "expected a finite number, found '" : "expected a number, found '")
                + text + "'";
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
