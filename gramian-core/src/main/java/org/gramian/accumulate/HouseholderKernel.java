package org.gramian.accumulate;

/**
 * The two O(b·m) loops of one Householder step of {@link HouseholderAccumulator}, written row by row
 * over a block B (b rows of m columns, row-major with rows w ≥ m apart, leading parts {@code h} and
 * trailing parts {@code l}) so that the m − j independent column sums of a step advance together.
 *
 * <p>Step j needs dₖ = Σᵢ B[i][j]·B[i][k] for every k ≥ j (one double-double dot product per
 * column), then the rank-one update B[i][k] += cₖ·B[i][j] for every k &gt; j. Taken column by column
 * (as {@link org.gramian.numeric.DDVectors#dot} and {@code axpy} did) each dot product is one chain of
 * dependent double-double additions: about 40 cycles of latency per row, whatever the core's width.
 * Taken row by row, row i adds its term to all m − j sums at once; the sums are independent, so
 * the core overlaps them (and C2 can put them in SIMD lanes). <b>Every sum still receives the same
 * terms in the same order through the same operations</b> (the two-product by fused multiply-add,
 * Knuth's two-sum, the accurate double-double addition, in the order of {@code DDVectors}), so the
 * results are the same bits as the column-by-column loops: only the interleaving of independent
 * sums changes. The rank-one update was already independent across k; row by row it reads each row
 * once instead of once per column.
 *
 * <p>Reading the dot products of all columns before updating any of them is exact too: the update of
 * column k &gt; j reads column j, which it does not change, and changes only column k, whose dot
 * product (with column j) was taken from the same values in the column-by-column order.
 */
final class HouseholderKernel {
    private HouseholderKernel() {
    }

    /**
     * dₖ = Σ_{i &lt; rows} B[i][j]·B[i][k] for k ∈ [j, m), in double-double, into (dh[k], dl[k]) as
     * summed, not yet renormalized: {@code DD.of(dh[k], dl[k])} is what
     * {@link org.gramian.numeric.DDVectors#dot} returns. Entries below j are untouched.
     */
    static void columnDots(double[] h, double[] l, int rows, int w, int m, int j, double[] dh, double[] dl) {
        for (int k = j; k < m; k++) {
            dh[k] = 0;
            dl[k] = 0;
        }
        for (int i = 0, row = 0; i < rows; i++, row += w) {
            double x = h[row + j];
            double xl = l[row + j];
            for (int k = j; k < m; k++) {
                double y = h[row + k];
                // two-product of x·y plus the cross terms: DDVectors.dot's order
                double p = x * y;
                double pe = Math.fma(x, y, -p) + (x * l[row + k] + xl * y);
                double ph = p + pe;
                double pl = pe - (ph - p);
                // accurate double-double addition (sh, sl) + (ph, pl)
                double sh = dh[k];
                double sl = dl[k];
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
                double nh = s2 + e;
                dh[k] = nh;
                dl[k] = e - (nh - s2);
            }
        }
    }

    /**
     * B[i][k] += cₖ·B[i][j] for k ∈ (j, m) and i &lt; rows, in double-double, cₖ = (ch[k], cl[k]):
     * per entry exactly {@link org.gramian.numeric.DDVectors#axpy}'s operations.
     */
    static void rankOneUpdate(double[] h, double[] l, int rows, int w, int m, int j, double[] ch, double[] cl) {
        for (int i = 0, row = 0; i < rows; i++, row += w) {
            double u = h[row + j];
            double ul = l[row + j];
            for (int k = j + 1; k < m; k++) {
                double c = ch[k];
                double p = c * u;
                double pe = Math.fma(c, u, -p) + (c * ul + cl[k] * u);
                double ph = p + pe;
                double pl = pe - (ph - p);
                double vh = h[row + k];
                double vl = l[row + k];
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
                h[row + k] = nh;
                l[row + k] = e - (nh - s2);
            }
        }
    }
}
