package org.gramian.stream;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gramian.GramianException;
import org.gramian.solve.GramAccumulator;
import org.gramian.solve.GramTile;

/**
 * Computes canonical Gram tiles on a small worker pool while the reading thread fills the next
 * ones, and adds the finished tiles to the accumulator strictly in tile order. At most
 * 2·threads tiles exist at once, so memory is O(threads·T·m + m²).
 *
 * <p>With one thread no pool is made: each tile is computed on the caller's thread. Since a tile's
 * partial sum depends only on its rows and the partials are added in the same order either way,
 * the result is the same bits for any thread count.
 */
final class TilePipeline implements AutoCloseable {
    private final int m;
    private final int maxInFlight;
    private final ExecutorService pool;
    private final ArrayDeque<Future<GramTile>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<GramTile> free = new ArrayDeque<>();
    private GramAccumulator acc;
    private GramTile current;

    TilePipeline(int m, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.m = m;
        this.maxInFlight = 2 * threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gramian-gram");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts accumulating into {@code target} (known once the first row fixes the shift). */
    void start(GramAccumulator target) {
        this.acc = target;
    }

    /** The row to fill next; call {@link #commit} after filling it. */
    double[] nextRow() {
        if (current == null) {
            current = free.isEmpty() ? new GramTile(m) : free.pop();
            current.clear();
        }
        return current.row(current.count());
    }

    /** Marks the row returned by {@link #nextRow} as filled; dispatches the tile when full. */
    void commit() {
        current.next();
        if (current.full()) {
            dispatch();
        }
    }

    private void dispatch() {
        GramTile tile = current;
        current = null;
        if (pool == null) {
            tile.compute();
            acc.addTile(tile);
            free.push(tile);
            return;
        }
        if (inFlight.size() >= maxInFlight) {
            retireOldest();
        }
        inFlight.add(pool.submit(() -> {
            tile.compute();
            return tile;
        }));
    }

    private void retireOldest() {
        GramTile done;
        try {
            done = inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GramianException("interrupted while accumulating the Gram matrix");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        acc.addTile(done);
        free.push(done);
    }

    /** Dispatches the last, partial tile and waits for every tile to be added. */
    void finish() {
        if (current != null && current.count() > 0) {
            dispatch();
        }
        while (!inFlight.isEmpty()) {
            retireOldest();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
