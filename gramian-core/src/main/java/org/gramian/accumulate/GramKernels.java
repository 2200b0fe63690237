package org.gramian.accumulate;

import java.util.Locale;

/**
 * Which Gram kernel sums the tiles: the {@linkplain Kind#VECTOR Vector API kernel}
 * ({@code VectorGramKernel}, register-blocked SIMD) when the JDK's incubating module
 * {@code jdk.incubator.vector} is in the boot layer, else the {@linkplain Kind#SCALAR scalar}
 * {@link GramKernel}. Chosen once, when this class is initialized:
 *
 * <ul>
 *   <li>the system property {@value #PROPERTY}{@code =scalar} forces the scalar kernel;</li>
 *   <li>otherwise the vector kernel is used if {@code ModuleLayer.boot()} has
 *       {@code jdk.incubator.vector} (the JVM was started with
 *       {@code --add-modules jdk.incubator.vector}), the preferred vector holds at least 4 doubles
 *       and the JVM is not running interpreted only ({@code -Xint});</li>
 *   <li>else, silently, the scalar kernel.</li>
 * </ul>
 *
 * <p>The choice changes speed only: both kernels give every entry G[i][j] its terms in row order,
 * one fused multiply-add each, from the same starting value, so they give the same bits (see
 * {@link GramKernel} and {@code VectorGramKernel}). The vector kernel's class links against the
 * incubating module and is loaded reflectively, only when the module is present: a library user
 * without the flag never touches it.
 */
public final class GramKernels {
    /** System property: {@code scalar} forces the scalar kernel; anything else (or unset) is automatic. */
    public static final String PROPERTY = "gramian.kernel";
    /** The incubating module the vector kernel needs. */
    public static final String MODULE = "jdk.incubator.vector";

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
         * Adds the tile's sums to an accumulator of {@link #gramRows} × {@link #rowWidth}: entries
         * i ≤ j &lt; m as {@link #update}, the others scratch.
         */
        void accumulate(double[][] rows, int count, int m, double[][] gp);
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
    };

    private static final String UNAVAILABLE_WHY;
    private static final Impl VECTOR;
    private static final Impl ACTIVE;
    private static final String WHY;

    static {
        String[] why = new String[1];
        VECTOR = loadVector(why);
        UNAVAILABLE_WHY = why[0];
        String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("scalar")) {
            ACTIVE = SCALAR;
            WHY = "-D" + PROPERTY + "=scalar";
        } else if (VECTOR == null) {
            ACTIVE = SCALAR;
            WHY = UNAVAILABLE_WHY;
        } else {
            ACTIVE = VECTOR;
            WHY = null;
        }
    }

    private GramKernels() {
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
            java.lang.reflect.Constructor<?> k = c.getDeclaredConstructor();
            return (Impl) k.newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            why[0] = MODULE + " unusable: " + e;
            return null;
        }
    }

    /** The kernel in use. */
    public static Kind active() {
        return ACTIVE == SCALAR ? Kind.SCALAR : Kind.VECTOR;
    }

    /** Whether the vector kernel can run in this JVM (whether or not it was chosen). */
    public static boolean vectorAvailable() {
        return VECTOR != null;
    }

    /**
     * One line for users: e.g. {@code vector (jdk.incubator.vector, 512-bit, 8 doubles)}, or
     * {@code scalar (jdk.incubator.vector not enabled; java --add-modules jdk.incubator.vector enables it)}.
     */
    public static String description() {
        return WHY == null ? ACTIVE.description() : ACTIVE.description() + " (" + WHY + ")";
    }

    /**
     * Runs the given kernel with {@link GramKernel#update}'s contract (adds to the upper triangle of
     * g only), whichever is active: for tests and benchmarks.
     *
     * @throws IllegalStateException if the vector kernel is asked for and cannot run here
     */
    public static void update(Kind kind, double[][] rows, int count, int m, double[][] g) {
        impl(kind).update(rows, count, m, g);
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

    static Impl activeImpl() {
        return ACTIVE;
    }
}
