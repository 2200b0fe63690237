package org.gramian.io;

/**
 * A run of whole lines of the data: {@code bytes[0, length)} ends with a line end ({@code \n},
 * {@code \r\n} or a lone {@code \r}, never cut between the two bytes of a CRLF), except for the last
 * chunk of a file that does not end with one and for an overlong chunk.
 *
 * @param bytes         the text (UTF-8); the array may be longer than {@code length}
 * @param length        bytes in use
 * @param fileBytesRead bytes of the file read when the chunk was cut (for progress)
 * @param overlong      whether the chunk is the start of a line longer than the line limit, and
 *                      nothing more: the reader stops there, and parsing it reports the error
 */
record Chunk(byte[] bytes, int length, long fileBytesRead, boolean overlong) {
    Chunk(byte[] bytes, int length, long fileBytesRead) {
        this(bytes, length, fileBytesRead, false);
    }
}
