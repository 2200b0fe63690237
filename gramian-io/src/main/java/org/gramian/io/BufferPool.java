package org.gramian.io;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Recycles the large arrays of one pass (chunk text, parsed values), so that a pass allocates
 * O(chunks in flight) arrays instead of one set per chunk. Thread-safe.
 */
final class BufferPool {
    private final ConcurrentLinkedQueue<byte[]> bytes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<double[]> doubles = new ConcurrentLinkedQueue<>();

    byte[] bytes(int minLength) {
        byte[] b = bytes.poll();
        return b != null && b.length >= minLength ? b : new byte[minLength];
    }

    double[] doubles(int minLength) {
        double[] d = doubles.poll();
        return d != null && d.length >= minLength ? d : new double[Math.max(minLength, 16)];
    }

    void release(byte[] b) {
        if (b != null) {
            bytes.offer(b);
        }
    }

    void release(double[] d) {
        if (d != null) {
            doubles.offer(d);
        }
    }
}
