package org.gramian.accumulate;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.gramian.GramianException;

/**
 * Runs tasks on a small worker pool and hands their results to {@code retire} on the submitting
 * thread, strictly in submission order. At most 2·threads tasks are pending: submitting one more
 * first waits for and retires the oldest, which bounds memory. With one thread there is no pool:
 * each task runs and is retired at once on the caller's thread, in the same order.
 *
 * <p>The one ordered pool of the project: the Gram tiles, the Householder chunks and the CSV
 * parser all run on it.
 *
 * <p>A task's exception is rethrown on the submitting thread when its turn to be retired comes, so
 * the first failure in submission order is the one reported.
 */
public final class OrderedPool<T> implements AutoCloseable {
    private final ExecutorService pool;
    private final int window;
    private final Consumer<T> retire;
    private final ArrayDeque<Future<T>> pending = new ArrayDeque<>();

    public OrderedPool(int threads, String threadName, Consumer<T> retire) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.window = 2 * threads;
        this.retire = retire;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void submit(Callable<T> task) {
        if (pool == null) {
            retire.accept(call(task));
            return;
        }
        if (pending.size() >= window) {
            retire.accept(await(pending.poll()));
        }
        pending.add(pool.submit(task));
    }

    /** Waits for every pending task and retires it, in order. */
    public void drain() {
        while (!pending.isEmpty()) {
            retire.accept(await(pending.poll()));
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GramianException("interrupted while reading the data");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether no task is pending: every task submitted has been retired. */
    public boolean idle() {
        return pending.isEmpty();
    }

    /** Stops the workers (pending tasks are abandoned when an error cut the pass short). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
