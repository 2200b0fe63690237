package org.gramian.iterative;

/**
 * A wall-clock limit for an iteration loop, cheap to poll: {@link System#nanoTime()} is read only
 * every {@link #stride} iterations, chosen so that those iterations do about 2¹⁶ multiply-adds
 * (every iteration on large problems, every 1024 on tiny ones), so the limit is overshot by at
 * most about that much work.
 */
final class Deadline {
    private final long start;
    private final long budget; // nanoseconds; Long.MAX_VALUE = none
    private final int mask;

    private Deadline(long start, long budget, int mask) {
        this.start = start;
        this.budget = budget;
        this.mask = mask;
    }

    /**
     * A limit of {@code seconds} from now (∞: none) for iterations costing about {@code workPerIteration}
     * multiply-adds each.
     */
    static Deadline after(double seconds, long workPerIteration) {
        long budget = seconds >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE : (long) Math.ceil(seconds * 1e9);
        long every = Math.max(1, Math.min(1024, (1L << 16) / Math.max(1, workPerIteration)));
        return new Deadline(System.nanoTime(), budget, (int) Long.highestOneBit(every) - 1);
    }

    /** Iterations between two reads of the clock (a power of two). */
    int stride() {
        return mask + 1;
    }

    /** Whether the limit has passed; reads the clock only when {@code iteration} is a multiple of the stride. */
    boolean passed(int iteration) {
        return budget != Long.MAX_VALUE && (iteration & mask) == 0 && System.nanoTime() - start >= budget;
    }

    /** Whether the limit has passed, reading the clock now. */
    boolean passedNow() {
        return budget != Long.MAX_VALUE && System.nanoTime() - start >= budget;
    }

    /** Checks a time-limit option: positive, or +∞ for none. */
    static double check(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("time limit must be positive seconds (or infinity for none), got "
                    + seconds);
        }
        return seconds;
    }
}
