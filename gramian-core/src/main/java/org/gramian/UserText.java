package org.gramian;

import java.util.List;

/**
 * Makes text that came from the user's files (column names, cells) safe to put into a one-line
 * message: at most {@value #MAX_CHARS} characters (longer text is cut and ends in "…"), control and
 * other invisible characters escaped ({@code \t}, {@code \n}, {@code \r}, {@code \0}, {@code \x1b},
 * {@code <U+200E>}), so that a message never carries raw bytes, a line break or a screenful of
 * text. Costs O(the characters shown), not O(the text), so it can be given a 50 MB string.
 */
public final class UserText {
    /** Most characters shown of one piece of user text. */
    public static final int MAX_CHARS = 40;
    /** Most names shown of a list of column names. */
    public static final int MAX_NAMES = 20;

    private UserText() {
    }

    /** {@code text} in single quotes, cleaned as {@link #clean(CharSequence)} does. */
    public static String quote(CharSequence text) {
        return "'" + clean(text) + "'";
    }

    /** {@code text} with invisible characters escaped, cut to {@value #MAX_CHARS} characters. */
    public static String clean(CharSequence text) {
        return clean(text, MAX_CHARS);
    }

    /** {@code text} with invisible characters escaped, cut to {@code max} characters (the last being "…"). */
    public static String clean(CharSequence text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        int n = text.length();
        int i = 0;
        int shown = 0; // characters (code points) so far
        while (i < n) {
            int cp = Character.codePointAt(text, i);
            String piece = escape(cp);
            int next = i + Character.charCount(cp);
            int room = next < n ? max - 1 : max; // keep one place for the "…" unless this is the last character
            int width = piece == null ? 1 : piece.length();
            if (shown + width > room) {
                sb.append('…');
                return sb.toString();
            }
            if (piece == null) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(piece);
            }
            shown += width;
            i = next;
        }
        return sb.toString();
    }

    /**
     * The names for a message, comma-separated, each cleaned; after {@value #MAX_NAMES} of them
     * "…" and the total count.
     */
    public static String list(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(names.size(), MAX_NAMES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(clean(names.get(i)));
        }
        if (shown < names.size()) {
            sb.append(", … (").append(names.size()).append(" in all)");
        }
        return sb.toString();
    }

    /** The escape for a character that must not be shown as it is, or null when it can be. */
    private static String escape(int cp) {
        switch (cp) {
            case '\t':
                return "\\t";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case 0:
                return "\\0";
            default:
                break;
        }
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            return String.format("\\x%02x", cp);
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE:
                return String.format("<U+%04X>", cp);
            default:
                return null;
        }
    }

    /** A message on one line (the one-line error contract): each line break, with the blanks around it, becomes one space. */
    public static String oneLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        return s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** Most characters of an error message: a user reads one line, not a screenful. */
    public static final int MAX_MESSAGE_CHARS = 1900;

    /**
     * {@code message} made safe to print as one line: control characters (line ends, NUL, escape
     * sequences) that reached it from the user's data are written as {@code \xNN}, and it is cut
     * to {@value #MAX_MESSAGE_CHARS} characters. Every {@link GramianException} message passes
     * through it, so no input can make an error span lines or move the terminal's cursor.
     */
    public static String safeMessage(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder b = null;
        int n = message.length();
        for (int i = 0; i < n; i++) {
            char c = message.charAt(i);
            boolean bad = c < 0x20 && c != '\t' || c == 0x7f;
            if (bad && b == null) {
                b = new StringBuilder(n + 16).append(message, 0, i);
            }
            if (b != null) {
                if (bad) {
                    b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                } else {
                    b.append(c == '\t' ? ' ' : c);
                }
            }
        }
        String out = b == null ? message : b.toString();
        return out.length() <= MAX_MESSAGE_CHARS ? out : out.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }
}
