package org.gramian.accumulate;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HouseholderKernel}'s two loops with the JDK's Vector API ({@code jdk.incubator.vector}):
 * L = {@link #L} consecutive columns k of a row in one vector, <b>the same bits as the scalar
 * kernel</b>. Lane k performs exactly the scalar kernel's operations on exactly its operands:
 * {@code lanewise} add, subtract and multiply are IEEE 754 operations rounded to nearest like
 * Java's {@code +}, {@code -}, {@code *}, and {@link DoubleVector#fma} is a true fused multiply-add
 * like {@link Math#fma}; no operation mixes lanes. So the vector width and the machine change
 * nothing but speed.
 *
 * <p><b>Layout.</b> The loops read and write whole vectors starting at column j (or j + 1), so the
 * last vector of a row may reach L − 1 columns past m: rows must be at least m + L − 1 apart
 * ({@link #padding()}); those padding columns get values that are never read into a result. The
 * column vectors dh, dl, ch, cl must be as long as a row; ch and cl must be zero from m on.
 *
 * <p>This class links against {@code jdk.incubator.vector}; it is only loaded (reflectively, by
 * {@link HouseholderKernels}) when that module is in the boot layer.
 */
final class VectorHouseholderKernel implements HouseholderKernels.Impl {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector. */
    static final int L = S.length();

    VectorHouseholderKernel() {
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int padding() {
        return L - 1;
    }

    @Override
    public void columnDots(double[] h, double[] l, int rows, int w, int m, int j, double[] dh, double[] dl) {
        DoubleVector zero = DoubleVector.zero(S);
        for (int k = j; k < m; k += L) {
            zero.intoArray(dh, k);
            zero.intoArray(dl, k);
        }
        for (int i = 0, row = 0; i < rows; i++, row += w) {
            DoubleVector x = DoubleVector.broadcast(S, h[row + j]);
            DoubleVector xl = DoubleVector.broadcast(S, l[row + j]);
            for (int k = j; k < m; k += L) {
                DoubleVector y = DoubleVector.fromArray(S, h, row + k);
                DoubleVector yl = DoubleVector.fromArray(S, l, row + k);
                DoubleVector p = x.mul(y);
                DoubleVector pe = x.fma(y, p.neg()).add(x.mul(yl).add(xl.mul(y)));
                DoubleVector ph = p.add(pe);
                DoubleVector pl = pe.sub(ph.sub(p));
                DoubleVector sh = DoubleVector.fromArray(S, dh, k);
                DoubleVector sl = DoubleVector.fromArray(S, dl, k);
                DoubleVector s = sh.add(ph);
                DoubleVector bb = s.sub(sh);
                DoubleVector e = sh.sub(s.sub(bb)).add(ph.sub(bb));
                DoubleVector t = sl.add(pl);
                DoubleVector tb = t.sub(sl);
                DoubleVector f = sl.sub(t.sub(tb)).add(pl.sub(tb));
                e = e.add(t);
                DoubleVector s2 = s.add(e);
                e = e.sub(s2.sub(s));
                e = e.add(f);
                DoubleVector nh = s2.add(e);
                nh.intoArray(dh, k);
                e.sub(nh.sub(s2)).intoArray(dl, k);
            }
        }
    }

    @Override
    public void rankOneUpdate(double[] h, double[] l, int rows, int w, int m, int j, double[] ch, double[] cl) {
        for (int i = 0, row = 0; i < rows; i++, row += w) {
            DoubleVector u = DoubleVector.broadcast(S, h[row + j]);
            DoubleVector ul = DoubleVector.broadcast(S, l[row + j]);
            for (int k = j + 1; k < m; k += L) {
                DoubleVector c = DoubleVector.fromArray(S, ch, k);
                DoubleVector p = c.mul(u);
                DoubleVector pe = c.fma(u, p.neg()).add(c.mul(ul).add(DoubleVector.fromArray(S, cl, k).mul(u)));
                DoubleVector ph = p.add(pe);
                DoubleVector pl = pe.sub(ph.sub(p));
                DoubleVector vh = DoubleVector.fromArray(S, h, row + k);
                DoubleVector vl = DoubleVector.fromArray(S, l, row + k);
                DoubleVector s = vh.add(ph);
                DoubleVector bb = s.sub(vh);
                DoubleVector e = vh.sub(s.sub(bb)).add(ph.sub(bb));
                DoubleVector t = vl.add(pl);
                DoubleVector tb = t.sub(vl);
                DoubleVector f = vl.sub(t.sub(tb)).add(pl.sub(tb));
                e = e.add(t);
                DoubleVector s2 = s.add(e);
                e = e.sub(s2.sub(s));
                e = e.add(f);
                DoubleVector nh = s2.add(e);
                nh.intoArray(h, row + k);
                e.sub(nh.sub(s2)).intoArray(l, row + k);
            }
        }
    }
}
