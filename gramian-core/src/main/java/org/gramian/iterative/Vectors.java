package org.gramian.iterative;

/** The few dense vector kernels the iterative solvers need. */
final class Vectors {
    private Vectors() {
    }

    /** aᵀb, with four partial sums so the JIT can pipeline the loop. */
    static double dot(double[] a, double[] b) {
        int n = a.length;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y ← y + a·x. */
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** ‖v‖₂, scaled so that it neither overflows nor underflows for finite input. */
    static double norm(double[] v) {
        double scale = 0;
        for (double t : v) {
            scale = Math.max(scale, Math.abs(t));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double t : v) {
            double u = t / scale;
            s += u * u;
        }
        return scale * Math.sqrt(s);
    }

    static void scale(double a, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= a;
        }
    }
}
