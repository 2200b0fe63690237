package org.gramian.solve;

/**
 * The one inner loop of the dense p×p kernels: acc[c] ← acc[c] + Σ aₜ·bₜ[c] as a chain of fused
 * multiply-adds, t in the order given (acc + a₀b₀ first). Four terms per pass over acc (one load and
 * store of acc per four FMAs); a chain of four single {@code fma} is exactly four separate updates in
 * that order, so how terms are grouped never changes a bit. HotSpot's C2 compiles these loops to
 * vector FMAs (separate {@code double[]} rows indexed by the loop variable, at most five arrays,
 * as in {@link org.gramian.accumulate.GramKernel}).
 */
final class Fma {
    private Fma() {
    }

    static void axpy4(double[] acc, double a0, double[] b0, double a1, double[] b1, double a2, double[] b2,
                      double a3, double[] b3, int from, int to) {
        for (int c = from; c < to; c++) {
            acc[c] = Math.fma(a3, b3[c], Math.fma(a2, b2[c], Math.fma(a1, b1[c], Math.fma(a0, b0[c], acc[c]))));
        }
    }

    static void axpy1(double[] acc, double a, double[] b, int from, int to) {
        for (int c = from; c < to; c++) {
            acc[c] = Math.fma(a, b[c], acc[c]);
        }
    }

    /** acc1[c] ← fma(a1, b[c], acc1[c]) and acc2[c] ← fma(a2, b[c], acc2[c]): two axpy1 sharing one read of b. */
    static void axpy1x2(double[] acc1, double a1, double[] acc2, double a2, double[] b, int from, int to) {
        for (int c = from; c < to; c++) {
            double bc = b[c];
            acc1[c] = Math.fma(a1, bc, acc1[c]);
            acc2[c] = Math.fma(a2, bc, acc2[c]);
        }
    }
}
