package org.gramian.accumulate;

import java.util.Arrays;
import org.gramian.numeric.DD;
import org.gramian.numeric.DDVectors;

/**
 * The Householder accumulator as it was before the row-by-row kernel (commit ebb206e): one
 * column-by-column double-double dot product and one axpy per column pair ({@link DDVectors}). Kept
 * in the tests as the oracle the faster {@link HouseholderAccumulator} must match bit for bit.
 */
final class ColumnwiseHouseholder {
    private final int m;
    private final double[] rh;
    private final double[] rl;
    private final double[] bh;
    private final double[] bl;
    private final double[] scale;
    private final double negligible;
    private int buffered;

    ColumnwiseHouseholder(int p, double[] scale) {
        this.m = p + 1;
        this.scale = scale == null ? Equilibration.none(m) : scale.clone();
        double tol = m * 0x1p-104;
        this.negligible = tol * tol;
        this.rh = new double[m * m];
        this.rl = new double[m * m];
        this.bh = new double[HouseholderAccumulator.BLOCK * m];
        this.bl = new double[HouseholderAccumulator.BLOCK * m];
    }

    void add(DD[] row) {
        int base = buffered * m;
        for (int k = 0; k < m; k++) {
            bh[base + k] = row[k].hi * scale[k];
            bl[base + k] = row[k].lo * scale[k];
        }
        buffered++;
        if (buffered == HouseholderAccumulator.BLOCK) {
            flush();
        }
    }

    void merge(ColumnwiseHouseholder other) {
        flush();
        other.flush();
        triangularize(other.rh.clone(), other.rl.clone(), m);
    }

    /** R's leading and trailing parts, row-major, after folding in the buffered rows. */
    double[][] state() {
        flush();
        return new double[][]{rh.clone(), rl.clone()};
    }

    private void flush() {
        if (buffered > 0) {
            triangularize(bh, bl, buffered);
            Arrays.fill(bh, 0.0);
            Arrays.fill(bl, 0.0);
            buffered = 0;
        }
    }

    private DD r(int i, int j) {
        return DD.of(rh[i * m + j], rl[i * m + j]);
    }

    private void setR(int i, int j, DD v) {
        rh[i * m + j] = v.hi;
        rl[i * m + j] = v.lo;
    }

    private void triangularize(double[] h, double[] l, int rows) {
        for (int j = 0; j < m; j++) {
            DD sb = DDVectors.dot(h, l, j, h, l, j, m, rows);
            if (sb.isZero() || sb.hi <= negligible * columnNorm2(j)) {
                continue;
            }
            DD rjj = r(j, j);
            DD alpha = rjj.square().add(sb).sqrt();
            if (rjj.signum() > 0) {
                alpha = alpha.negate();
            }
            DD v0 = rjj.subtract(alpha);
            DD vtv = v0.square().add(sb);
            DD twoOverVtv = DD.of(2.0).divide(vtv);
            for (int k = j + 1; k < m; k++) {
                DD s = v0.multiply(r(j, k)).add(DDVectors.dot(h, l, j, h, l, k, m, rows));
                DD f = s.multiply(twoOverVtv);
                setR(j, k, r(j, k).subtract(f.multiply(v0)));
                DDVectors.axpy(f.negate(), h, l, j, h, l, k, m, rows);
            }
            setR(j, j, alpha);
            for (int i = 0; i < rows; i++) {
                h[i * m + j] = 0.0;
                l[i * m + j] = 0.0;
            }
        }
    }

    private double columnNorm2(int j) {
        double s = 0;
        for (int i = 0; i <= j; i++) {
            double v = rh[i * m + j];
            s += v * v;
        }
        return s;
    }
}
