package org.gramian.numeric;

/**
 * Double-double vector kernels on split arrays (leading parts and trailing parts kept in separate
 * {@code double[]}), written out with the error-free transformations so the O(p³) loops of the
 * solvers allocate nothing per element.
 */
public final class DDVectors {
    private DDVectors() {
    }

    /** Σ_{k ∈ [from, to)} a[k]·b[k] in double-double, a = (ah, al), b = (bh, bl). */
    public static DD dot(double[] ah, double[] al, double[] bh, double[] bl, int from, int to) {
        double sh = 0;
        double sl = 0;
        for (int k = from; k < to; k++) {
            double x = ah[k];
            double y = bh[k];
            double p = x * y;
            double pe = Math.fma(x, y, -p) + (x * bl[k] + al[k] * y);
            double ph = p + pe;
            double pl = pe - (ph - p);
            double s = sh + ph;
            double bb = s - sh;
            double e = (sh - (s - bb)) + (ph - bb);
            double t = sl + pl;
            double tb = t - sl;
            double f = (sl - (t - tb)) + (pl - tb);
            e += t;
            double s2 = s + e;
            e = e - (s2 - s);
            e += f;
            sh = s2 + e;
            sl = e - (sh - s2);
        }
        return DD.of(sh, sl);
    }
}
