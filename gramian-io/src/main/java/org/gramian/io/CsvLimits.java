package org.gramian.io;

/**
 * The sizes beyond which the reader gives up on a file with a one-line error instead of using
 * time or memory without bound. The defaults are {@link CsvSource}'s constants; tests make them
 * small so that they need no large files.
 *
 * @param numberBytes most bytes of a cell in a selected (numeric) column
 * @param nameBytes   most bytes of a column name
 * @param lineBytes   most bytes of one line, header or data, without its line end
 * @param columns     most columns in the header
 */
record CsvLimits(int numberBytes, int nameBytes, int lineBytes, int columns) {
    static final CsvLimits DEFAULT = new CsvLimits(CsvSource.MAX_NUMBER_BYTES, CsvSource.MAX_NAME_BYTES,
            CsvSource.MAX_LINE_BYTES, CsvSource.MAX_COLUMNS);

    /** {@code 1,048,576 bytes (1 MiB)}-style size for messages. */
    static String size(long bytes) {
        String exact = String.format(java.util.Locale.ROOT, "%,d bytes", bytes);
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return exact + " (" + bytes / (1 << 20) + " MiB)";
        }
        if (bytes >= (1 << 10) && bytes % (1 << 10) == 0) {
            return exact + " (" + bytes / (1 << 10) + " KiB)";
        }
        return exact;
    }
}
