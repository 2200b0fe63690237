package org.gramian.solve;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks 0..count−1 on up to {@code threads} threads. The dense kernels of the
 * wide path ({@link BlockedCholesky}, {@link BlockedTriangular}) hand it tasks that each own a
 * fixed set of output entries and do a fixed sequence of operations on them, so which thread runs
 * which task, and when, cannot change a single bit of the result.
 *
 * <p>The pools are kept, one per thread count, for the life of the JVM (their idle threads end
 * after ForkJoinPool's keep-alive and are made again when needed). A fresh pool per call, as
 * before, cost a few milliseconds each to start its threads on the development machine, and the
 * blocked Cholesky factorization calls this twice per 64 rows: at p = 5000 the panel steps took
 * 0.3–0.6 s on two threads against 0.05 s on one.
 */
final class Parallel {
    private static final ConcurrentHashMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private Parallel() {
    }

    static void forEach(int count, int threads, IntConsumer task) {
        if (threads <= 1 || count <= 1) {
            for (int k = 0; k < count; k++) {
                task.accept(k);
            }
            return;
        }
        ForkJoinPool pool = POOLS.computeIfAbsent(Math.min(threads, count), ForkJoinPool::new);
        pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).join();
    }
}
