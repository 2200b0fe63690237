package org.gramian.accumulate;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which kernel runs the loops of the double-double Householder pass: the scalar
 * {@link HouseholderKernel} or the Vector API {@code VectorHouseholderKernel}. Both give every
 * entry the same operations on the same operands in the same order, so <b>they give the same
 * bits</b>, and the choice may change in the middle of a pass.
 *
 * <p>The choice follows the Gram kernel's ({@link GramKernels}) switches, so that one setting
 * governs both: the vector kernel can run only where {@link GramKernels#vectorAvailable()} (the JVM
 * has {@code jdk.incubator.vector}); {@code -Dgramian.kernel=scalar} never uses it,
 * {@code =vector} uses it from the first block, and {@code auto} (the default) uses the scalar
 * kernel until this JVM's Householder work has taken {@code gramian.kernel.warmAfterMs} (default
 * 1000) ms of scalar kernel time, then warms the vector kernel up (C2 must compile it before it is
 * fast: measured in a fresh JVM, a 2e5 × 20 QR fit took 3.4-4.0 s of CPU with the vector kernel from
 * the first block against 2.0-2.7 s with the scalar one, and 0.19 s against 0.51 s once compiled)
 * on synthetic blocks, checking it bit for bit against the scalar kernel, and switches if that
 * succeeds within {@value #WARM_UP_LIMIT_MS} ms ({@value #WARM_UP_LIMIT_PROPERTY}). Short jobs never
 * pay for the warm-up; long ones pay it once, having already spent about as much (the rent-or-buy
 * rule of {@link GramKernels}).
 */
final class HouseholderKernels {
    /** System property: the most milliseconds the warm-up may take before {@code auto} stays scalar (default 5000). */
    static final String WARM_UP_LIMIT_PROPERTY = "gramian.kernel.warmUpLimitMs";
    static final long WARM_UP_LIMIT_MS = 5000;

    /** The loops of one Householder step, as {@link HouseholderKernel} documents them. */
    interface Impl {
        String name();

        /** Columns a block row needs past m (rows are at least m + padding() apart). */
        int padding();

        void columnDots(double[] h, double[] l, int rows, int w, int m, int j, double[] dh, double[] dl);

        void rankOneUpdate(double[] h, double[] l, int rows, int w, int m, int j, double[] ch, double[] cl);
    }

    static final Impl SCALAR = new Impl() {
        @Override
        public String name() {
            return "scalar";
        }

        @Override
        public int padding() {
            return 0;
        }

        @Override
        public void columnDots(double[] h, double[] l, int rows, int w, int m, int j, double[] dh, double[] dl) {
            HouseholderKernel.columnDots(h, l, rows, w, m, j, dh, dl);
        }

        @Override
        public void rankOneUpdate(double[] h, double[] l, int rows, int w, int m, int j, double[] ch,
                                  double[] cl) {
            HouseholderKernel.rankOneUpdate(h, l, rows, w, m, j, ch, cl);
        }
    };

    private enum Mode { SCALAR, VECTOR, AUTO }

    /** The vector kernel, or null where it cannot run. */
    static final Impl VECTOR = load();
    private static final Mode MODE;
    private static final long WARM_AFTER_NANOS;
    private static final long WARM_UP_LIMIT_NANOS;
    private static final AtomicLong SCALAR_NANOS = new AtomicLong();
    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static volatile Impl current;
    private static volatile String warmUpFailure;

    static {
        String p = System.getProperty(GramKernels.PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (VECTOR == null || p.equals("scalar")) {
            MODE = Mode.SCALAR;
        } else if (p.equals("vector")) {
            MODE = Mode.VECTOR;
        } else {
            MODE = Mode.AUTO;
        }
        current = MODE == Mode.VECTOR ? VECTOR : SCALAR;
        WARM_AFTER_NANOS = GramKernels.nanosProperty(GramKernels.WARM_AFTER_PROPERTY,
                GramKernels.DEFAULT_WARM_AFTER_MS);
        WARM_UP_LIMIT_NANOS = GramKernels.nanosProperty(WARM_UP_LIMIT_PROPERTY, WARM_UP_LIMIT_MS);
    }

    private HouseholderKernels() {
    }

    private static Impl load() {
        if (!GramKernels.vectorAvailable()) {
            return null;
        }
        try {
            Class<?> c = Class.forName("org.gramian.accumulate.VectorHouseholderKernel");
            return (Impl) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** The kernel for the next block. */
    static Impl current() {
        return current;
    }

    /** Whether the caller should time its scalar blocks and report them to {@link #scalarTime}. */
    static boolean timing(Impl kernel) {
        return kernel == SCALAR && MODE == Mode.AUTO;
    }

    /**
     * Counts scalar kernel time in {@code auto} mode; the thread that crosses the threshold warms the
     * vector kernel up and switches to it (other threads go on with the scalar kernel meanwhile).
     */
    static void scalarTime(long nanos) {
        long spent = SCALAR_NANOS.addAndGet(nanos);
        if (spent >= WARM_AFTER_NANOS && WARMING.compareAndSet(false, true)) {
            String failure = warmUp(VECTOR, WARM_UP_LIMIT_NANOS);
            if (failure == null) {
                current = VECTOR;
            } else {
                warmUpFailure = failure;
            }
        }
    }

    /** Why {@code auto} stayed scalar after trying the vector kernel, or null. */
    static String warmUpFailure() {
        return warmUpFailure;
    }

    /** Padding every block gets, so that either kernel can work on it. */
    static int padding() {
        return VECTOR == null ? 0 : VECTOR.padding();
    }

    /**
     * Makes a kernel fast and checks it: calls it on a small block (4 rows, 2L + 1 columns) in
     * batches until a batch takes no longer than the scalar kernel's three times in a row (C2 has
     * compiled it: small calls reach the compile thresholds soonest, since until then every vector
     * operation is a slow library call), then runs both kernels through whole triangularizations
     * of 64-row blocks of several widths and compares every result bit for bit. Null when done,
     * else why not.
     */
    static String warmUp(Impl kernel, long limitNanos) {
        long deadline = System.nanoTime() + limitNanos;
        int m = 2 * kernel.padding() + 3;
        int w = m + kernel.padding();
        double[][] small = synthetic(4, m, w);
        double[] dh = new double[w];
        double[] dl = new double[w];
        double[] c = new double[w];
        double[] cl = new double[w];
        coefficients(c, cl, m);
        int fast = 0;
        while (fast < 3) {
            if (System.nanoTime() - deadline > 0) {
                return "JIT warm-up of the vector Householder kernel took longer than " + limitNanos / 1_000_000 + " ms";
            }
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 100; rep++) {
                kernel.columnDots(small[0], small[1], 4, w, m, rep % 3, dh, dl);
                kernel.rankOneUpdate(small[0], small[1], 4, w, m, rep % 3, c, cl);
            }
            long t1 = System.nanoTime();
            for (int rep = 0; rep < 100; rep++) {
                SCALAR.columnDots(small[0], small[1], 4, w, m, rep % 3, dh, dl);
                SCALAR.rankOneUpdate(small[0], small[1], 4, w, m, rep % 3, c, cl);
            }
            long t2 = System.nanoTime();
            fast = t1 - t0 <= t2 - t1 ? fast + 1 : 0;
        }
        return sameBits(kernel);
    }

    /** Both kernels through whole triangularizations of synthetic blocks; null when every bit agrees. */
    private static String sameBits(Impl kernel) {
        int rows = HouseholderAccumulator.BLOCK;
        for (int m : new int[]{24, 13, 7, 3}) {
            int w = m + kernel.padding();
            double[][] v = synthetic(rows, m, w);
            double[][] s = synthetic(rows, m, w);
            double[] c = new double[w];
            double[] cl = new double[w];
            coefficients(c, cl, m);
            for (int j = 0; j < m; j++) {
                kernel.columnDots(v[0], v[1], rows, w, m, j, v[2], v[3]);
                SCALAR.columnDots(s[0], s[1], rows, w, m, j, s[2], s[3]);
                kernel.rankOneUpdate(v[0], v[1], rows, w, m, j, c, cl);
                SCALAR.rankOneUpdate(s[0], s[1], rows, w, m, j, c, cl);
                for (int k = j; k < m; k++) {
                    if (differ(v[2][k], s[2][k]) || differ(v[3][k], s[3][k])) {
                        return "the vector Householder kernel's dot products disagreed with the scalar kernel's at m = " + m;
                    }
                }
                for (int i = 0; i < rows; i++) {
                    for (int k = 0; k < m; k++) {
                        if (differ(v[0][i * w + k], s[0][i * w + k]) || differ(v[1][i * w + k], s[1][i * w + k])) {
                            return "the vector Householder kernel disagreed with the scalar kernel at m = " + m;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean differ(double a, double b) {
        return Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b);
    }

    /** Leading parts, trailing parts (varied low bits, large offsets, tails) and two scratch rows. */
    private static double[][] synthetic(int rows, int m, int w) {
        double[][] b = {new double[rows * w], new double[rows * w], new double[w], new double[w]};
        long seed = 0x9E3779B97F4A7C15L + m;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < m; k++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                double v = (seed >> 11) * 0x1.0p-40 + 1000.0 * k;
                b[0][i * w + k] = v;
                b[1][i * w + k] = Math.ulp(v) * ((seed & 0xff) / 512.0 - 0.25);
            }
        }
        return b;
    }

    private static void coefficients(double[] c, double[] cl, int m) {
        for (int k = 0; k < m; k++) {
            c[k] = -0.001 * (k + 1);
            cl[k] = c[k] * 0x1p-60;
        }
    }
}
