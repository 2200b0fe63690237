package org.gramian.numeric;

/**
 * Double-double vector kernels on split arrays (leading parts and trailing parts kept in separate
 * {@code double[]}), written out with the error-free transformations (FMA two-product, Knuth
 * two-sum, the accurate "IEEE" double-double addition) so that the O(n·p²) and O(p³) loops of the
 * solvers allocate nothing per element.
 */
public final class DDVectors {
    private DDVectors() {
    }

    /** Σ_{k ∈ [from, to)} a[k]·b[k] in double-double, a = (ah, al), b = (bh, bl). */
    public static DD dot(double[] ah, double[] al, double[] bh, double[] bl, int from, int to) {
        return dot(ah, al, from, bh, bl, from, 1, to - from);
    }

    /**
     * Σ_{i < count} a[aStart + i·stride]·b[bStart + i·stride] in double-double: a dot product of
     * two columns of a row-major matrix when {@code stride} is its row length.
     */
    public static DD dot(double[] ah, double[] al, int aStart, double[] bh, double[] bl, int bStart, int stride,
                         int count) {
        double sh = 0;
        double sl = 0;
        for (int i = 0, a = aStart, b = bStart; i < count; i++, a += stride, b += stride) {
            double x = ah[a];
            double y = bh[b];
            double p = x * y;
            double pe = Math.fma(x, y, -p) + (x * bl[b] + al[a] * y);
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

    /**
     * x[xStart + i·stride] += c·a[aStart + i·stride] for i &lt; count, in double-double
     * (an axpy down a column of a row-major matrix when {@code stride} is its row length).
     */
    public static void axpy(DD c, double[] ah, double[] al, int aStart, double[] xh, double[] xl, int xStart,
                            int stride, int count) {
        double ch = c.hi;
        double cl = c.lo;
        for (int i = 0, a = aStart, x = xStart; i < count; i++, a += stride, x += stride) {
            double u = ah[a];
            double p = ch * u;
            double pe = Math.fma(ch, u, -p) + (ch * al[a] + cl * u);
            double ph = p + pe;
            double pl = pe - (ph - p);
            double vh = xh[x];
            double vl = xl[x];
            double s = vh + ph;
            double bb = s - vh;
            double e = (vh - (s - bb)) + (ph - bb);
            double t = vl + pl;
            double tb = t - vl;
            double f = (vl - (t - tb)) + (pl - tb);
            e += t;
            double s2 = s + e;
            e = e - (s2 - s);
            e += f;
            double nh = s2 + e;
            xh[x] = nh;
            xl[x] = e - (nh - s2);
        }
    }

    /**
     * (h[j], l[j]) += x[j]² for j ∈ [from, to), in double-double: the same operations as
     * {@code DD.of(h, l).add(DD.of(x[j]).square())} (column sums of squares of a row-major matrix,
     * row by row, without objects).
     */
    public static void addSquares(double[] x, int from, int to, double[] h, double[] l) {
        for (int j = from; j < to; j++) {
            double v = x[j];
            double p = v * v;
            double pe = Math.fma(v, v, -p) + (v * 0.0 + 0.0 * v);
            double ph = p + pe;
            double pl = pe - (ph - p);
            double vh = h[j];
            double vl = l[j];
            double s = vh + ph;
            double bb = s - vh;
            double e = (vh - (s - bb)) + (ph - bb);
            double t = vl + pl;
            double tb = t - vl;
            double f = (vl - (t - tb)) + (pl - tb);
            e += t;
            double s2 = s + e;
            e = e - (s2 - s);
            e += f;
            double nh = s2 + e;
            h[j] = nh;
            l[j] = e - (nh - s2);
        }
    }
}
