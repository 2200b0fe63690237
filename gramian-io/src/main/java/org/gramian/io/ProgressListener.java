package org.gramian.io;

/**
 * Told how far a pass over the input has got. {@link CsvSource} calls it on the thread that
 * consumes the rows, after each parsed chunk has been delivered, and calls {@link #finished()} once
 * at the end of every pass (also when the pass ends with an error).
 */
public interface ProgressListener {
    /**
     * @param bytesRead  bytes of the file read so far (compressed bytes for a gzip file)
     * @param totalBytes the file's size in bytes
     * @param rowsSoFar  data rows delivered so far in this pass
     */
    void progress(long bytesRead, long totalBytes, long rowsSoFar);

    /** The pass is over. */
    default void finished() {
    }

    /** A listener that ignores everything. */
    ProgressListener NONE = (bytesRead, totalBytes, rowsSoFar) -> {
    };
}
