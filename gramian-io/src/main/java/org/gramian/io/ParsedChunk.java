package org.gramian.io;

/**
 * What a worker made of one {@link Chunk}: its rows (selected columns only, row-major), the number
 * of line feeds it held, where blank lines shifted rows against lines, and its first error, if any.
 * Line numbers here are relative to the chunk's first line; the in-order consumer makes them
 * absolute.
 */
final class ParsedChunk {
    final Chunk chunk;
    final double[] values;
    final double[] tails;
    final int rows;
    final int lineFeeds;
    /**
     * Row {@code breakRows[i]} (relative) is on relative line {@code breakLines[i]}; rows after it follow line by
     * line. The chunk's first row is always listed: the chunk cannot know the shift before it.
     */
    final int[] breakRows;
    final int[] breakLines;
    final int breaks;
    /** Relative line of the error, or −1. */
    final int errorLine;
    /** Records left out for a missing value. */
    int dropped;
    /** Records parsed (rows delivered and dropped). */
    int records;
    /** When collecting levels: for each categorical column the distinct texts (ISO-8859-1 keys of the bytes). */
    java.util.HashSet<String>[] levelSets;
    /** When sniffing: for each numeric column, the first cell that is not a number (the message detail), or null. */
    String[] textDetail;
    /** When sniffing: the relative line of each {@link #textDetail}. */
    int[] textLine;
    /** The error message after "{@code <file>, line <L>}", e.g. {@code ": expected 3 fields, found 2"}. */
    final String errorDetail;
    /** Whether the error is a categorical cell whose text is not among the levels given. */
    boolean unknownLevel;
    /** The name of the column {@link #errorDetail} is about (a bad cell), or null. */
    String errorColumn;

    ParsedChunk(Chunk chunk, double[] values, double[] tails, int rows, int lineFeeds, int[] breakRows,
                int[] breakLines, int breaks, int errorLine, String errorDetail) {
        this.chunk = chunk;
        this.values = values;
        this.tails = tails;
        this.rows = rows;
        this.lineFeeds = lineFeeds;
        this.breakRows = breakRows;
        this.breakLines = breakLines;
        this.breaks = breaks;
        this.errorLine = errorLine;
        this.errorDetail = errorDetail;
    }
}
