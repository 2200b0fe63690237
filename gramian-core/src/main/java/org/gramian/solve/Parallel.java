package org.gramian.solve;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks 0..count−1 on up to {@code threads} threads. The dense kernels of the
 * wide path ({@link BlockedCholesky}, {@link BlockedTriangular}) hand it tasks that each own a
 * fixed set of output entries and do a fixed sequence of operations on them, so which thread runs
 * which task, and when, cannot change a single bit of the result.
 */
final class Parallel {
    private Parallel() {
    }

    static void forEach(int count, int threads, IntConsumer task) {
        if (threads <= 1 || count <= 1) {
            for (int k = 0; k < count; k++) {
                task.accept(k);
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(Math.min(threads, count));
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).join();
        } finally {
            pool.shutdown();
        }
    }
}
