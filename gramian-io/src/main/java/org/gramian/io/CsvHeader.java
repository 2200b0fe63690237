package org.gramian.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gramian.UserText;

/**
 * The header row of a CSV file: the column names (trimmed, unquoted) and how many bytes of the
 * (decompressed) stream it takes, including a UTF-8 byte order mark and the line end, so that a
 * pass can skip it.
 *
 * <p>Reading it first checks that the file is text at all ({@link TextCheck}), then parses the
 * first line byte by byte, so a huge line costs linear time and no more memory than the names:
 * a name over the name limit, more columns than the column limit or a line over the line limit
 * is an error as soon as it is seen.
 */
record CsvHeader(List<String> names, long bytes, char delimiter, boolean indexColumn) {

    /**
     * The column names a user sees: {@link #names} without an unnamed leading index column.
     */
    List<String> columns() {
        return indexColumn ? names.subList(1, names.size()) : names;
    }

    static CsvHeader read(Path file, String name) {
        return read(file, name, CsvLimits.DEFAULT, CsvFormat.DEFAULT);
    }

    static CsvHeader read(Path file, String name, CsvLimits limits) {
        return read(file, name, limits, CsvFormat.DEFAULT);
    }

    /**
     * Reads the header with the format's delimiter, or, when it is {@link CsvFormat#AUTO}, the one
     * detected from the header line ({@link #detect}).
     */
    static CsvHeader read(Path file, String name, CsvLimits limits, CsvFormat format) {
        try (CsvInput input = CsvInput.open(file, name)) {
            InputStream in = input.stream();
            byte[] head = new byte[Math.max(TextCheck.SNIFF_BYTES, 1 << 16)];
            int n = in.readNBytes(head, 0, TextCheck.SNIFF_BYTES);
            TextCheck.check(head, n, n < TextCheck.SNIFF_BYTES, name);
            int start = n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                    ? 3 : 0;
            char delimiter = format.delimiter() != CsvFormat.AUTO ? format.delimiter() : detect(name, head, start, n);
            if (delimiter == format.decimal()) {
                throw new CsvFormatException(name + ": the delimiter detected is " + CsvFormat.describe(delimiter)
                        + ", the same as the decimal mark; name the delimiter (--delimiter ';')", name, 1, null);
            }
            return new Parser(new Bytes(in, head, start, n), name, limits, (byte) delimiter).parse();
        } catch (IOException e) {
            throw new CsvFormatException(name + ": cannot read: " + e.getMessage(), name, e);
        }
    }

    /**
     * The delimiter of a file from its name and the first line in {@code head[from, to)}: tab for a
     * {@code .tsv} or {@code .tab} file (gzip or not); otherwise whichever of {@code ,} {@code ;}
     * tab {@code |} occurs most often outside double quotes in the first line (ties in that order;
     * a comma when none occurs: one column). Only the first {@code to − from} bytes of a longer
     * line are looked at.
     */
    static char detect(String name, byte[] head, int from, int to) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".tsv") || lower.endsWith(".tsv.gz") || lower.endsWith(".tab")
                || lower.endsWith(".tab.gz")) {
            return '\t';
        }
        char[] candidates = {',', ';', '\t', '|'};
        int[] count = new int[candidates.length];
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            byte c = head[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        count[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (count[k] > count[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /** The content as bytes, one at a time, counted; starts with what was read already. */
    private static final class Bytes {
        private final InputStream in;
        private final byte[] buf;
        private int pos;
        private int len;
        private long consumed;

        Bytes(InputStream in, byte[] buf, int pos, int len) {
            this.in = in;
            this.buf = buf;
            this.pos = pos;
            this.len = len;
            this.consumed = pos; // a byte order mark counts
        }

        /** The next byte (0..255), or −1 at the end. */
        int next() throws IOException {
            if (pos == len && !fill()) {
                return -1;
            }
            consumed++;
            return buf[pos++] & 0xff;
        }

        /** The next byte without taking it, or −1 at the end. */
        int peek() throws IOException {
            if (pos == len && !fill()) {
                return -1;
            }
            return buf[pos] & 0xff;
        }

        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            len = Math.max(n, 0);
            return n > 0;
        }
    }

    /** Parses the header line: names separated by commas; a name in double quotes is unquoted ("" is one quote). */
    private static final class Parser {
        private final Bytes in;
        private final String file;
        private final CsvLimits limits;
        private final byte delimiter;
        private final List<String> names = new ArrayList<>();
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports bad input
        private byte[] field = new byte[64];
        private int fieldLength;
        private long lineLength;
        private boolean anyText; // a byte other than blanks on the line
        private boolean lineEnded; // the line ended with a line end (not the end of the file)

        Parser(Bytes in, String file, CsvLimits limits, byte delimiter) {
            this.in = in;
            this.file = file;
            this.limits = limits;
            this.delimiter = delimiter;
        }

        /** A blank around a name: space, and tab unless tab separates the fields. */
        private boolean blank(int c) {
            return c == ' ' || c == '\t' && delimiter != '\t';
        }

        CsvHeader parse() throws IOException {
            while (true) {
                int c = next();
                while (blank(c)) {
                    c = next();
                }
                fieldLength = 0;
                if (c == '"') {
                    while (true) {
                        c = next();
                        if (c < 0 || c == '\n' || c == '\r') {
                            throw error(", column " + column() + ": unterminated quoted field (quoted fields cannot"
                                    + " span lines)");
                        }
                        if (c == '"') {
                            if (in.peek() == '"') {
                                next();
                            } else {
                                break;
                            }
                        }
                        append(c);
                    }
                    c = next();
                    while (blank(c)) {
                        c = next();
                    }
                    if (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                        throw error(", column " + column() + ": unexpected text after a closing quote");
                    }
                } else {
                    while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                        append(c);
                        c = next();
                    }
                }
                if (c != delimiter && !anyText) {
                    // the whole line was blank
                    if (c < 0 && !lineEnded) {
                        throw new CsvFormatException(file + ": empty file, expected a header row", file, 0, null);
                    }
                    throw error(": expected a header row, found a blank line");
                }
                if (names.size() == limits.columns()) {
                    throw error(": more than " + String.format(java.util.Locale.ROOT, "%,d", limits.columns())
                            + " columns");
                }
                names.add(decode());
                if (c != delimiter) {
                    if (c == '\r' && in.peek() == '\n') {
                        in.next();
                    }
                    break;
                }
            }
            // an unnamed first column is the row index pandas' to_csv() and R's write.csv() write: skipped
            boolean index = names.size() > 1 && names.get(0).isEmpty();
            Map<String, Integer> seen = new HashMap<>(names.size() * 2);
            for (int c = index ? 1 : 0; c < names.size(); c++) {
                String n = names.get(c);
                if (n.isEmpty()) {
                    throw error(", column " + (c + 1) + ": empty column name");
                }
                Integer before = seen.putIfAbsent(n, c);
                if (before != null) {
                    throw error(": duplicate column name " + UserText.quote(n) + " (columns " + (before + 1) + " and "
                            + (c + 1) + ")");
                }
            }
            return new CsvHeader(List.copyOf(names), in.consumed, (char) delimiter, index);
        }

        /** The next byte of the line, counting it against the line limit; a line end marks it ended. */
        private int next() throws IOException {
            int c = in.next();
            if (c == '\n' || c == '\r') {
                lineEnded = true;
            } else if (c >= 0) {
                if (++lineLength > limits.lineBytes()) {
                    throw error(": line longer than " + CsvLimits.size(limits.lineBytes()));
                }
                if (!blank(c)) {
                    anyText = true;
                }
            }
            return c;
        }

        private void append(int c) {
            if (fieldLength == limits.nameBytes()) {
                throw error(", column " + column() + ": column name longer than " + CsvLimits.size(limits.nameBytes()));
            }
            if (fieldLength == field.length) {
                field = java.util.Arrays.copyOf(field, (int) Math.min((long) field.length * 2, limits.nameBytes()));
            }
            field[fieldLength++] = (byte) c;
        }

        private String decode() {
            boolean ascii = true;
            for (int i = 0; i < fieldLength && ascii; i++) {
                ascii = field[i] >= 0;
            }
            if (ascii) {
                return new String(field, 0, fieldLength, StandardCharsets.US_ASCII).strip();
            }
            try {
                return utf8.decode(ByteBuffer.wrap(field, 0, fieldLength)).toString().strip();
            } catch (CharacterCodingException e) {
                throw error(", column " + column() + ": column name is not UTF-8 text; save the file as UTF-8");
            }
        }

        private int column() {
            return names.size() + 1;
        }

        private CsvFormatException error(String detail) {
            return new CsvFormatException(file + ", line 1" + detail, file, 1, null);
        }
    }
}
