package org.gramian.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header row of a CSV file: the column names (trimmed, unquoted) and how many bytes of the
 * (decompressed) stream it takes, including a UTF-8 byte order mark and the line end, so that a
 * pass can skip it.
 */
record CsvHeader(List<String> names, long bytes) {

    static CsvHeader read(Path file, String name) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long total = 0;
        boolean newline = false;
        try (CsvInput input = CsvInput.open(file, name)) {
            InputStream in = input.stream();
            byte[] buf = new byte[8192];
            outer:
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, 0, i);
                        total += i + 1;
                        newline = true;
                        break outer;
                    }
                }
                line.write(buf, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new CsvFormatException(name + ": cannot read: " + e.getMessage(), name, 0, null);
        }
        byte[] bytes = line.toByteArray();
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            if (!newline) {
                throw new CsvFormatException(name + ": empty file, expected a header row", name, 0, null);
            }
            throw new CsvFormatException(name + ", line 1: expected a header row, found a blank line", name, 1, null);
        }
        List<String> names = split(text, name);
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String n = names.get(c);
            if (n.isEmpty()) {
                throw new CsvFormatException(name + ", line 1, column " + (c + 1) + ": empty column name", name, 1, null);
            }
            Integer before = seen.putIfAbsent(n, c);
            if (before != null) {
                throw new CsvFormatException(name + ", line 1: duplicate column name '" + n + "' (columns "
                        + (before + 1) + " and " + (c + 1) + ")", name, 1, null);
            }
        }
        return new CsvHeader(List.copyOf(names), total);
    }

    /** Splits the header at commas; a field in double quotes is unquoted ("" stands for one quote). */
    private static List<String> split(String text, String file) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            int column = out.size() + 1;
            while (i < n && isBlank(text.charAt(i))) {
                i++;
            }
            if (i < n && text.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new CsvFormatException(file + ", line 1, column " + column
                                + ": unterminated quoted field (quoted fields cannot span lines)", file, 1, null);
                    }
                    char ch = text.charAt(i++);
                    if (ch == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                while (i < n && isBlank(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new CsvFormatException(file + ", line 1, column " + column
                            + ": unexpected text after a closing quote", file, 1, null);
                }
                out.add(sb.toString().strip());
            } else {
                int end = text.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                out.add(text.substring(i, end).strip());
                i = end;
            }
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
