package org.gramian.solve;

import org.gramian.numeric.DD;
import org.gramian.numeric.DDVectors;

/**
 * The one triangular inverse: R₁⁻¹ of the leading q×q block of an upper-triangular double-double
 * matrix, by back substitution column by column (q³/3 double-double multiply-adds), kept as rows
 * in split arrays (leading and trailing parts) so the products that follow run over contiguous
 * memory: w = R₁⁻¹z and (XᵀX)⁻¹ = R₁⁻¹R₁⁻ᵀ.
 *
 * @param ih leading parts of the rows of R₁⁻¹
 * @param il trailing parts
 */
public record TriangularInverse(double[][] ih, double[][] il) {

    public static TriangularInverse of(DD[][] r1, int q) {
        // R₁⁻¹ column by column (stored transposed so each dot product runs over contiguous
        // memory), all in double-double.
        double[][] rh = new double[q][q];
        double[][] rl = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int k = i; k < q; k++) {
                rh[i][k] = r1[i][k].hi;
                rl[i][k] = r1[i][k].lo;
            }
        }
        double[][] th = new double[q][q];   // th[j][i] = (R₁⁻¹)ᵢⱼ
        double[][] tl = new double[q][q];
        for (int j = 0; j < q; j++) {
            DD d = DD.ONE.divide(r1[j][j]);
            th[j][j] = d.hi;
            tl[j][j] = d.lo;
            for (int i = j - 1; i >= 0; i--) {
                DD v = DDVectors.dot(rh[i], rl[i], th[j], tl[j], i + 1, j + 1).negate().divide(r1[i][i]);
                th[j][i] = v.hi;
                tl[j][i] = v.lo;
            }
        }
        double[][] ih = new double[q][q];   // rows of R₁⁻¹
        double[][] il = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int k = i; k < q; k++) {
                ih[i][k] = th[k][i];
                il[i][k] = tl[k][i];
            }
        }
        return new TriangularInverse(ih, il);
    }

    public int size() {
        return ih.length;
    }

    /** w = R₁⁻¹z, z = column q of the factor. */
    public DD[] times(DD[][] r, int q) {
        double[] zh = new double[q];
        double[] zl = new double[q];
        for (int k = 0; k < q; k++) {
            zh[k] = r[k][q].hi;
            zl[k] = r[k][q].lo;
        }
        DD[] w = new DD[q];
        for (int i = 0; i < q; i++) {
            w[i] = DDVectors.dot(ih[i], il[i], zh, zl, i, q);
        }
        return w;
    }

    /** (R₁⁻¹R₁⁻ᵀ)ᵢⱼ for i ≤ j. */
    public DD gram(int i, int j) {
        return DDVectors.dot(ih[i], il[i], ih[j], il[j], j, ih.length);
    }

    public DD get(int i, int k) {
        return DD.of(ih[i][k], il[i][k]);
    }
}
