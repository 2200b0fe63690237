package org.gramian.accumulate;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which Gram kernel sums the tiles: the {@linkplain Kind#VECTOR Vector API kernel}
 * ({@code VectorGramKernel}, register-blocked SIMD) or the {@linkplain Kind#SCALAR scalar}
 * {@link GramKernel}. Both give every entry G[i][j] its terms in row order, one fused multiply-add
 * each, from the same starting value, so <b>they give the same bits</b>: the choice changes speed
 * only, and may even change in the middle of an accumulation.
 *
 * <p><b>Whether the vector kernel can run</b> is decided once, when this class is initialized: the
 * JVM must have {@code jdk.incubator.vector} in its boot layer (it was started with
 * {@code --add-modules jdk.incubator.vector}), its preferred vectors must hold at least 4 doubles
 * and it must not be interpreting only ({@code -Xint}). The vector kernel's class links against the
 * incubating module and is loaded reflectively, only then: a library user without the flag never
 * touches it and gets the scalar kernel silently.
 *
 * <p><b>When it runs</b> is set by the system property {@value #PROPERTY}:
 * <ul>
 *   <li>{@code scalar}: never.</li>
 *   <li>{@code vector}: from the first tile (tests and benchmarks).</li>
 *   <li>{@code auto} or unset (the default): once it is compiled. In a fresh JVM the Vector API
 *       runs interpreted or C1-compiled, 10-100× slower than the scalar kernel, until C2 has
 *       compiled it (measured: the first 1000-row tile at m = 21 took 280 ms instead of 4 ms, and
 *       2 million rows at m = 11 took 1.5 s instead of 0.17 s). So tiles are summed by the scalar
 *       kernel until this JVM's Gram work has taken {@value #WARM_AFTER_PROPERTY} (default
 *       {@value #DEFAULT_WARM_AFTER_MS}) ms of scalar kernel time; the worker thread that crosses
 *       that line then warms the vector kernel up on small synthetic tiles (about 0.8 s, checking it
 *       bit for bit against the scalar kernel) and, if that succeeds within
 *       {@value #WARM_UP_LIMIT_MS} ms, every later tile uses it. Short jobs (a CLI fit of a CSV of
 *       a million rows and 20 columns is about 25 ms of kernel time) never pay for the warm-up;
 *       long ones pay it once, having already spent about as much (the rent-or-buy rule: at most
 *       about twice the better choice's kernel time, whatever the job's length).</li>
 * </ul>
 *
 * <p><b>Width.</b> In every mode, tiles wider than the vector kernel's {@code widest()} are summed
 * by the scalar kernel: with 256-bit vectors (AVX2) the vector kernel is faster only up to m = 384
 * (measured, see {@code VectorGramKernel.WIDEST_256_BIT}); with 512-bit vectors at every width.
 * Such tiles do not count towards the {@code auto} warm-up.
 */
public final class GramKernels {
    /** System property: {@code scalar}, {@code vector} or {@code auto} (default). */
    public static final String PROPERTY = "gramian.kernel";
    /** System property: milliseconds of scalar kernel time after which {@code auto} warms the vector kernel up. */
    public static final String WARM_AFTER_PROPERTY = "gramian.kernel.warmAfterMs";
    /** The incubating module the vector kernel needs. */
    public static final String MODULE = "jdk.incubator.vector";
    static final long DEFAULT_WARM_AFTER_MS = 1000;
    static final long WARM_UP_LIMIT_MS = 5000;

    /** The two kernels. */
    public enum Kind {
        SCALAR, VECTOR;

        /** Lower-case name, as in {@value GramKernels#PROPERTY}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A kernel and the tile layout it wants. */
    interface Impl {
        String name();

        String description();

        /** Length of tile rows the kernel reads without copying (≥ m). */
        int rowWidth(int m);

        /** Rows of the accumulator {@link #accumulate} works on (≥ m); its rows are {@link #rowWidth} long. */
        int gramRows(int m);

        /** As {@link GramKernel#update}: adds to the upper triangle of the m×m g, nothing else. */
        void update(double[][] rows, int count, int m, double[][] g);

        /**
         * Adds the tile's sums to an accumulator of at least {@link #gramRows} × {@link #rowWidth}:
         * entries i ≤ j &lt; m as {@link #update}, the others scratch.
         */
        void accumulate(double[][] rows, int count, int m, double[][] gp);

        /**
         * As {@link #accumulate(double[][], int, int, double[][])} for rows [from, to): consecutive
         * ranges give exactly the bits of one call over their union (row order per entry is kept).
         */
        void accumulate(double[][] rows, int from, int to, int m, double[][] gp);

        /** Makes the kernel fast (JIT) and checks it; null when done, else why it failed. */
        String warmUp(long limitNanos);

        /**
         * The widest m for which this kernel is faster than the scalar one; wider tiles are summed
         * by the scalar kernel (same bits) whatever the mode.
         */
        default int widest() {
            return Integer.MAX_VALUE;
        }

        /** Column-block width of {@link #blockUpdate}; 0 when the kernel has none. */
        default int blockColumns() {
            return 0;
        }

        /** See {@link GramKernels#blockUpdate}. */
        default void blockUpdate(double[][] ri, double[][] rj, int kb, int ke, double[][] g, int i0, int i1, int j0,
                                 int j1) {
            throw new UnsupportedOperationException("no block update in the " + name() + " kernel");
        }
    }

    private static final Impl SCALAR = new Impl() {
        @Override
        public String name() {
            return "scalar";
        }

        @Override
        public String description() {
            return "scalar";
        }

        @Override
        public int rowWidth(int m) {
            return m;
        }

        @Override
        public int gramRows(int m) {
            return m;
        }

        @Override
        public void update(double[][] rows, int count, int m, double[][] g) {
            GramKernel.update(rows, count, m, g);
        }

        @Override
        public void accumulate(double[][] rows, int count, int m, double[][] gp) {
            GramKernel.update(rows, count, m, gp);
        }

        @Override
        public void accumulate(double[][] rows, int from, int to, int m, double[][] gp) {
            GramKernel.update(rows, from, to, m, gp);
        }

        @Override
        public String warmUp(long limitNanos) {
            return null;
        }
    };

    private enum Mode { SCALAR, VECTOR, AUTO }

    private static final Impl VECTOR;
    private static final String UNAVAILABLE_WHY;
    private static final Mode MODE;
    private static final long WARM_AFTER_NANOS;
    private static final AtomicLong SCALAR_NANOS = new AtomicLong();
    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static volatile Impl current;
    private static volatile String warmUpFailure;

    static {
        String[] why = new String[1];
        VECTOR = loadVector(why);
        UNAVAILABLE_WHY = why[0];
        String p = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (VECTOR == null || p.equals("scalar")) {
            MODE = Mode.SCALAR;
        } else if (p.equals("vector")) {
            MODE = Mode.VECTOR;
        } else {
            MODE = Mode.AUTO;
        }
        current = MODE == Mode.VECTOR ? VECTOR : SCALAR;
        WARM_AFTER_NANOS = nanosProperty(WARM_AFTER_PROPERTY, DEFAULT_WARM_AFTER_MS);
    }

    private GramKernels() {
    }

    /**
     * A duration given in milliseconds by system property {@code name} ({@code defaultMs} when it
     * is absent or not a whole number; negative counts as 0), in nanoseconds.
     */
    static long nanosProperty(String name, long defaultMs) {
        long ms = defaultMs;
        try {
            ms = Long.parseLong(System.getProperty(name, Long.toString(ms)).trim());
        } catch (NumberFormatException e) {
            // keep the default
        }
        return Math.max(0, ms) * 1_000_000L;
    }

    private static Impl loadVector(String[] why) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            why[0] = MODULE + " not enabled; java --add-modules " + MODULE + " enables it";
            return null;
        }
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
            why[0] = "interpreter only (-Xint)";
            return null;
        }
        try {
            Class<?> c = Class.forName("org.gramian.accumulate.VectorGramKernel");
            if (c.getDeclaredField("L").getInt(null) < 4) {
                why[0] = "vectors of fewer than 4 doubles";
                return null;
            }
            return (Impl) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            why[0] = MODULE + " unusable: " + e;
            return null;
        }
    }

    /** The kernel that sums new tiles now (in {@code auto} mode: scalar until the vector kernel is warm). */
    public static Kind current() {
        return current == SCALAR ? Kind.SCALAR : Kind.VECTOR;
    }

    /** Whether the vector kernel can run in this JVM (whether or not it is in use yet). */
    public static boolean vectorAvailable() {
        return VECTOR != null;
    }

    /**
     * One line for users, e.g. {@code vector (jdk.incubator.vector, 512-bit, 8 doubles) once Gram work
     * has taken 1000 ms (JIT warm-up); scalar until then}, {@code vector (…)} when forced or warm, or
     * {@code scalar (jdk.incubator.vector not enabled; java --add-modules jdk.incubator.vector enables it)}.
     */
    public static String description() {
        if (VECTOR == null) {
            return "scalar (" + UNAVAILABLE_WHY + ")";
        }
        switch (MODE) {
            case SCALAR:
                return "scalar (-D" + PROPERTY + "=scalar)";
            case VECTOR:
                return VECTOR.description();
            default:
                if (current == VECTOR) {
                    return VECTOR.description() + ", warmed up";
                }
                String failure = warmUpFailure;
                if (failure != null) {
                    return "scalar (" + failure + ")";
                }
                return VECTOR.description() + " once Gram work has taken " + WARM_AFTER_NANOS / 1_000_000
                        + " ms (JIT warm-up); scalar until then";
        }
    }

    /**
     * Runs the given kernel with {@link GramKernel#update}'s contract (adds to the upper triangle of
     * g only), whatever the mode: for tests and benchmarks.
     *
     * @throws IllegalStateException if the vector kernel is asked for and cannot run here
     */
    public static void update(Kind kind, double[][] rows, int count, int m, double[][] g) {
        impl(kind).update(rows, count, m, g);
    }

    /**
     * The column-block width W of {@link #blockUpdate} for an update whose rows are {@code width}
     * long, or 0 when the vector kernel is not in use now (not available, not yet warm in
     * {@code auto} mode, or slower than the scalar kernel at this width): callers then run their
     * own scalar loops, which give the same bits. W is a multiple of 8.
     */
    public static int blockColumns(int width) {
        Impl k = current;
        return k == SCALAR || width > k.widest() ? 0 : k.blockColumns();
    }

    /**
     * The rank-k update of the blocked factorizations on the vector kernel's register blocks: for
     * each column block [jb, jb + W) with jb = j0, j0 + W, … &lt; j1, and each row i in
     * [i0, min(i1, jb + W)), every entry gets
     * <pre>  g[i][j] ← fma(ri[k][i], rj[k][j], g[i][j])   for k = kb, kb+1, …, ke−1 in this order,</pre>
     * one fused multiply-add per term, exactly as a scalar loop over k would give it: about
     * 2·(ke − kb) flops per entry. With {@code ri = rj} this is the Gram kernel's own sum
     * (G += AᵀA on the rows); with {@code ri} the rows negated, the trailing update of a
     * right-looking Cholesky factorization (a SYRK with a minus sign); with {@code i1} bounding the
     * rows, a product of a transposed block and rows (a GEMM). Entries of a block below its
     * diagonal (i &gt; j) are computed too: the caller must not need their old values.
     * Requirements: W = {@link #blockColumns} &gt; 0; {@code j1 − j0} a multiple of W; i0 ≤ j0 and
     * each block's row count a multiple of 8 ({@code j0 − i0} a multiple of 8, and so
     * {@code i1 − i0} when i1 bounds a block); rows ri[k], rj[k] and g[i] long enough for the
     * indices named.
     */
    public static void blockUpdate(double[][] ri, double[][] rj, int kb, int ke, double[][] g, int i0, int i1,
                                   int j0, int j1) {
        if (VECTOR == null) {
            throw new IllegalStateException("vector Gram kernel unavailable: " + UNAVAILABLE_WHY);
        }
        VECTOR.blockUpdate(ri, rj, kb, ke, g, i0, i1, j0, j1);
    }

    static Impl impl(Kind kind) {
        if (kind == Kind.SCALAR) {
            return SCALAR;
        }
        if (VECTOR == null) {
            throw new IllegalStateException("vector Gram kernel unavailable: " + UNAVAILABLE_WHY);
        }
        return VECTOR;
    }

    /** The layout new tiles get: the vector kernel's whenever it may be used, so that either kernel can sum them. */
    static Impl layout() {
        return MODE == Mode.SCALAR ? SCALAR : VECTOR;
    }

    /** Sums a tile (partial in {@link #layout()}'s shape) with the current kernel; see the class comment for {@code auto}. */
    static void accumulateTile(double[][] rows, int count, int m, double[][] partial) {
        accumulateRows(rows, 0, count, m, partial);
    }

    /**
     * Sums rows [from, to) of a tile into its partial with the current kernel: a tile summed in
     * consecutive ranges (as {@link GramTile#sumPending} does, panel by panel while the rows are
     * still in cache) gets the bits of one call, whichever kernel sums which range.
     */
    static void accumulateRows(double[][] rows, int from, int to, int m, double[][] partial) {
        if (VECTOR != null && m > VECTOR.widest()) {
            SCALAR.accumulate(rows, from, to, m, partial);   // the vector kernel does not pay here
            return;
        }
        Impl k = current;
        if (k != SCALAR || MODE != Mode.AUTO) {
            k.accumulate(rows, from, to, m, partial);
            return;
        }
        long t0 = System.nanoTime();
        SCALAR.accumulate(rows, from, to, m, partial);
        long spent = SCALAR_NANOS.addAndGet(System.nanoTime() - t0);
        if (spent >= WARM_AFTER_NANOS && WARMING.compareAndSet(false, true)) {
            String failure = VECTOR.warmUp(WARM_UP_LIMIT_MS * 1_000_000L);
            if (failure == null) {
                current = VECTOR;
            } else {
                warmUpFailure = failure;
            }
        }
    }
}
