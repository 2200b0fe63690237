package org.gramian.io;

/**
 * Tells, from the first {@value #SNIFF_BYTES} bytes of the (decompressed) content, whether a file is
 * UTF-8 text at all, so that a binary file, a UTF-16 file or a file in another encoding gets one
 * clear line ({@code data.bin: not a text CSV file (found a NUL byte at line 1, column 25)}) instead
 * of being read as a header of garbage names. It rejects:
 * <ul>
 *   <li>a NUL byte;</li>
 *   <li>a UTF-16 or UTF-32 byte order mark;</li>
 *   <li>bytes that are not UTF-8 (a stray Latin-1 {@code é}, overlong forms, surrogates);</li>
 *   <li>more than {@value #MAX_CONTROL_PERCENT}% control characters (other than tab, CR and LF), and at
 *       least {@value #MIN_CONTROLS} of them.</li>
 * </ul>
 * Positions are 1-based lines (LF, CRLF or a lone CR end a line) and columns counted in characters
 * within the line, as an editor shows them.
 */
final class TextCheck {
    /** How much of the start of a file is checked. */
    static final int SNIFF_BYTES = 8192;
    /** The largest share of control characters that text may have. */
    static final int MAX_CONTROL_PERCENT = 10;
    /** Fewer control characters than this never make a file binary (a tiny file with one form feed is text). */
    static final int MIN_CONTROLS = 8;

    private TextCheck() {
    }

    /**
     * @param b   the first bytes of the content
     * @param n   how many there are
     * @param eof whether they are all of it (else a character cut at the end is not an error)
     * @throws CsvFormatException when they are not text
     */
    static void check(byte[] b, int n, boolean eof, String name) {
        if (n >= 2 && ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)
                || n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            throw new CsvFormatException(name + ": not a UTF-8 text CSV file (it starts with a UTF-16 or UTF-32 byte"
                    + " order mark); save it as UTF-8", name, 1, null);
        }
        int i = n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        long line = 1;
        long column = 1;
        int characters = 0;
        int controls = 0;
        long controlLine = 0;
        long controlColumn = 0;
        int controlByte = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c == 0) {
                throw new CsvFormatException(name + ": not a text CSV file (found a NUL byte at line " + line
                        + ", column " + column + ")", name, line, null);
            }
            if (c < 0x80) {
                characters++;
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < n && b[i + 1] == '\n') {
                        i++;
                    }
                    line++;
                    column = 1;
                    i++;
                    continue;
                }
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    if (controls++ == 0) {
                        controlLine = line;
                        controlColumn = column;
                        controlByte = c;
                    }
                }
                column++;
                i++;
                continue;
            }
            int length = utf8Length(b, i, n);
            if (length == 0) {
                if (!eof && truncatedAtEnd(b, i, n)) {
                    break; // a character cut by the end of what was read: fine
                }
                throw new CsvFormatException(String.format(java.util.Locale.ROOT,
                        "%s: not a UTF-8 text CSV file (found the byte 0x%02X, which is not UTF-8, at line %d, column %d);"
                                + " save it as UTF-8", name, c, line, column), name, line, null);
            }
            int cp = codePoint(b, i, length);
            if (cp < 0xa0) { // C1 controls U+0080..U+009F
                if (controls++ == 0) {
                    controlLine = line;
                    controlColumn = column;
                    controlByte = cp;
                }
            }
            characters++;
            column++;
            i += length;
        }
        if (controls >= MIN_CONTROLS && (long) controls * 100 > (long) characters * MAX_CONTROL_PERCENT) {
            throw new CsvFormatException(String.format(java.util.Locale.ROOT,
                    "%s: not a text CSV file (%d of the first %d characters are control characters, the first 0x%02X"
                            + " at line %d, column %d)", name, controls, characters, controlByte, controlLine,
                    controlColumn), name, controlLine, null);
        }
    }

    /** The length of the well-formed UTF-8 sequence at {@code b[i]} (lead byte ≥ 0x80), or 0. */
    static int utf8Length(byte[] b, int i, int n) {
        int c = b[i] & 0xff;
        int length;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            min = 0x10000;
        } else {
            return 0; // a continuation byte, an overlong lead (C0, C1) or beyond U+10FFFF (F5..FF)
        }
        if (i + length > n) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        int cp = codePoint(b, i, length);
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return length;
    }

    /** Whether the bytes from {@code i} to the end are the correct start of a longer sequence. */
    private static boolean truncatedAtEnd(byte[] b, int i, int n) {
        int c = b[i] & 0xff;
        int length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length <= n) {
            return false;
        }
        for (int k = i + 1; k < n; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int codePoint(byte[] b, int i, int length) {
        int cp = b[i] & (0xff >> (length + 1));
        for (int k = 1; k < length; k++) {
            cp = (cp << 6) | (b[i + k] & 0x3f);
        }
        return cp;
    }
}
