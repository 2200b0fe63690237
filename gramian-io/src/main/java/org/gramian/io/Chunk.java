package org.gramian.io;

/**
 * A run of whole lines of the data: {@code bytes[0, length)} ends with a line feed, except for the
 * last chunk of a file that does not end with one.
 *
 * @param bytes         the text (UTF-8); the array may be longer than {@code length}
 * @param length        bytes in use
 * @param fileBytesRead bytes of the file read when the chunk was cut (for progress)
 */
record Chunk(byte[] bytes, int length, long fileBytesRead) {
}
