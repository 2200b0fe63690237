package org.gramian.accumulate;

import java.util.Locale;

/**
 * Which kernel runs the Householder pass's loops: the scalar {@link HouseholderKernel} or the Vector
 * API {@code VectorHouseholderKernel}; both give the same bits (see each), so the choice changes
 * speed only.
 */
final class HouseholderKernels {
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

    static final Impl VECTOR = load();
    private static final Impl CURRENT;

    static {
        String p = System.getProperty(GramKernels.PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        CURRENT = VECTOR != null && p.equals("vector") ? VECTOR : SCALAR;
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

    static Impl current() {
        return CURRENT;
    }

    /** Padding every block gets, so that either kernel can work on it. */
    static int padding() {
        return VECTOR == null ? 0 : VECTOR.padding();
    }
}
