package org.gramian.solve;

import java.util.Arrays;
import org.gramian.accumulate.Accumulation;
import org.gramian.accumulate.Equilibration;
import org.gramian.numeric.DD;
import org.gramian.numeric.DDVectors;

/**
 * {@link TriangularSolver}'s finish of a wide double-precision factor of full rank
 * ({@link TriangularSolver#wide}): the same quantities, with every O(p³) step blocked and parallel
 * in double and at most three p×p arrays alive at once.
 *
 * <p><b>Work.</b> T = R₁⁻¹ ({@link BlockedTriangular#inverse}, p³/3 flops) and
 * (X̃ᵀX̃)⁻¹ = T·Tᵀ ({@link BlockedTriangular#gramOfRowsMirrored}, p³/3); the coefficients by back
 * substitution in double-double (O(p²)); κ₂ by Lanczos on R_X and R_X⁻¹ and their column-scaled
 * forms ({@link MirroredTriangle}, O(p²) per step); the rest O(p²) with allocation-free
 * double-double loops where the old finish made p² objects.
 *
 * <p><b>Memory</b>, in p×p double arrays: (1) the factor's own array, which becomes R_X in place
 * after the coefficients and residual are read from it; (2) T, kept with its transpose in the
 * same array and turned into R_X⁻¹ in place after (3) the inverse T·Tᵀ was formed from it. Only
 * (3) outlives the call (in {@link LeastSquaresSolution#doubleInverse}). The condition numbers of
 * the column-scaled factor apply the scaling to the vectors of the iteration, so they need no
 * copy either.
 */
final class WideTriangularSolver {
    private WideTriangularSolver() {
    }

    /**
     * @param r the augmented factor, m×m, doubles (zeros below the diagonal), full rank; its array is
     *          overwritten
     */
    static LeastSquaresSolution solve(double[][] r, TriangularFactor f, boolean intercept) {
        return solve(r, f, intercept, Accumulation.defaultThreads());
    }

    /** As {@link #solve(double[][], TriangularFactor, boolean)} on {@code threads} threads (the same bits for any). */
    static LeastSquaresSolution solve(double[][] r, TriangularFactor f, boolean intercept, int threads) {
        int p = r.length - 1;
        double[] scale = f.scale() == null ? Equilibration.none(p + 1) : f.scale();
        double[] shift = f.shift() != null && intercept ? f.shift() : null;
        DD rss = DD.of(r[p][p]).square();
        DD tss = rss;
        for (int i = intercept ? 1 : 0; i < p; i++) {
            tss = tss.add(DD.of(r[i][p]).square());
        }
        DD[] effects = new DD[p];
        for (int a = 0; a < p; a++) {
            effects[a] = DD.of(r[a][p]).square();
        }
        DD yy = DD.ZERO;
        for (int i = 0; i <= p; i++) {
            yy = yy.add(DD.of(r[i][p]).square());
        }

        DD[] w = TriangularSolver.backSubstitution(r, p);
        double[][] t = BlockedTriangular.inverse(r, p, threads);
        MirroredTriangle.mirrorUpper(t, p, threads);
        double[][] cov = BlockedTriangular.gramOfRowsMirrored(t, p, threads);

        double c = scale[p];
        double[] d = Arrays.copyOf(scale, p);
        if (shift != null) {
            unshift(shift, d, c, w, cov);
        }
        int ce = Math.getExponent(c);
        for (int j = 0; j < p; j++) {
            w[j] = w[j].scalb(Math.getExponent(d[j]) - ce);
        }
        DD printedRss = residualSumOfSquares(r, w, shift, d, c);

        // κ₂: R_X in r's array, R_X⁻¹ in t's, each with its transpose below the diagonal
        double[] columnNorm = toOriginalFactor(r, p, shift, scale, threads);
        toOriginalInverse(t, p, shift, scale, threads);
        boolean scalable = true;
        double[] inverseNorm = new double[p];
        for (int j = 0; j < p; j++) {
            double norm = columnNorm[j];
            scalable &= norm > 0 && Double.isFinite(norm);
            inverseNorm[j] = 1.0 / norm;
        }
        boolean scaled = scalable;
        // ‖R_X‖ with ‖R_X·S⁻¹‖ (one sweep through r's array for both), ‖R_X⁻¹‖ with ‖S·R_X⁻¹‖ (t's)
        double[][] pairs = new double[2][];
        Parallel.forEach(2, threads, k -> pairs[k] = k == 0
                ? MirroredTriangle.norms2(r, p, null, null, scaled, null, inverseNorm)
                : MirroredTriangle.norms2(t, p, null, null, scaled, columnNorm, null));
        double[] norms = {pairs[0][0], pairs[1][0], pairs[0][1], pairs[1][1]};
        double unscaledCondition = ConditionNumber.product(norms[0], norms[1]);
        double condition = scaled ? ConditionNumber.product(norms[2], norms[3]) : Double.NaN;
        double expected = TriangularSolver.expectedDigits(f, condition,
                TriangularSolver.amplification(w, columnNorm));

        double noise = (p + 1) * f.unitRoundoff();
        double floor = noise * noise * yy.doubleValue();
        rss = rss.doubleValue() <= floor ? DD.ZERO : rss;
        tss = tss.doubleValue() <= floor ? DD.ZERO : tss;
        printedRss = printedRss.doubleValue() <= floor ? DD.ZERO : printedRss;
        return new LeastSquaresSolution(w, null, d, c, p, new boolean[p], rss, printedRss, tss, f.observations(),
                condition, unscaledCondition, expected, false, effects, cov);
    }

    /**
     * Undoes the shift ({@link TriangularSolver}'s unshift, all columns estimable) with the inverse
     * as doubles: row and column 0 of C ← T C Tᵀ, summed in double-double (row k of the symmetric C
     * is its column k) and rounded once.
     */
    private static void unshift(double[] shift, double[] d, double c, DD[] w, double[][] cov) {
        int p = w.length;
        double d0 = d[0];
        double[] s = new double[p];
        for (int j = 1; j < p; j++) {
            s[j] = shift[j] * d[j] / d0;
        }
        DD w0 = w[0].add(shift[p] * c / d0);
        for (int j = 1; j < p; j++) {
            w0 = w0.subtract(w[j].multiply(s[j]));
        }
        w[0] = w0;
        double[] zero = new double[p];
        double[] rowH = new double[p];
        double[] rowL = new double[p];
        for (int k = 0; k < p; k++) {
            // c0k = C0k − Σ_{j≥1} s̃ⱼCⱼₖ
            DD v = DD.of(cov[k][0]).subtract(DDVectors.dot(cov[k], zero, 1, s, zero, 1, 1, p - 1));
            rowH[k] = v.hi;
            rowL[k] = v.lo;
        }
        DD c00 = DD.of(rowH[0], rowL[0]).subtract(DDVectors.dot(rowH, rowL, 1, s, zero, 1, 1, p - 1));
        for (int k = 1; k < p; k++) {
            double v = rowH[k] + rowL[k];
            cov[0][k] = v;
            cov[k][0] = v;
        }
        cov[0][0] = c00.doubleValue();
    }

    /**
     * {@link TriangularSolver#residualSumOfSquares} from the factor as doubles: c²·‖R(−w̃; 1)‖² for
     * the coefficients w rounded to doubles, each row's sum in double-double.
     */
    private static DD residualSumOfSquares(double[][] r, DD[] w, double[] shift, double[] d, double c) {
        int p = w.length;
        double[] wh = new double[p];
        double[] wl = new double[p];
        double[] wd = new double[p];
        for (int j = 0; j < p; j++) {
            double v = w[j].doubleValue();
            wd[j] = Double.isNaN(v) ? 0.0 : v;
        }
        int ce = Math.getExponent(c);
        for (int j = 0; j < p; j++) {
            wh[j] = Math.scalb(wd[j], ce - Math.getExponent(d[j]));
        }
        if (shift != null) {
            // w̃₀ = (c·(w₀ − s_y) + Σⱼ sⱼdⱼw̃ⱼ)/d₀
            DD t = DD.sum(wd[0], -shift[p]).multiply(c);
            for (int j = 1; j < p; j++) {
                t = t.add(DD.of(wh[j]).multiply(shift[j] * d[j]));
            }
            t = t.divide(d[0]);
            wh[0] = t.hi;
            wl[0] = t.lo;
        }
        double[] zero = new double[p + 1];
        DD sum = DD.ZERO;
        for (int i = 0; i <= p; i++) {
            DD res = DD.of(r[i][p]);
            if (i < p) {
                res = res.subtract(DDVectors.dot(r[i], zero, i, wh, wl, i, 1, p - i));
            }
            sum = sum.add(res.square());
        }
        return sum;
    }

    /**
     * Overwrites the leading p×p block of r with R_X, the factor of X as given
     * ({@link TriangularSolver}'s originalFactor: columns divided by their powers of two, row 0
     * corrected for the shift in double-double), its transpose below the diagonal; returns the
     * column norms ‖R_X eⱼ‖ (hypot in increasing row order).
     */
    private static double[] toOriginalFactor(double[][] r, int p, double[] shift, double[] scale, int threads) {
        double r00 = r[0][0];
        double[] row0 = new double[p];
        for (int j = 0; j < p; j++) {
            DD v = DD.of(r[0][j]).divide(scale[j]);
            if (shift != null && j > 0) {
                v = v.add(DD.of(r00).multiply(shift[j] / scale[0]));
            }
            row0[j] = v.doubleValue();
        }
        Parallel.forEach((p + 63) / 64, threads, blk -> {
            for (int i = Math.max(1, blk * 64), e = Math.min(p, blk * 64 + 64); i < e; i++) {
                double[] ri = r[i];
                for (int j = i; j < p; j++) {
                    ri[j] /= scale[j];   // a power of two: exact
                }
            }
        });
        System.arraycopy(row0, 0, r[0], 0, p);
        MirroredTriangle.mirrorUpper(r, p, threads);
        double[] norm = new double[p];
        for (int j = 0; j < p; j++) {
            double s2 = 0;
            double[] col = r[j];   // column j of R_X: r[j][0..j]
            for (int i = 0; i <= j; i++) {
                s2 = Math.hypot(s2, col[i]);
            }
            norm[j] = s2;
        }
        return norm;
    }

    /**
     * Overwrites T = R₁⁻¹ (with its transpose below the diagonal) by R_X⁻¹ = M⁻¹T: row i times dᵢ
     * (exact), row 0 with the shift d₀T₀ⱼ − Σ_{k=1..j} dₖsₖTₖⱼ in double-double.
     */
    private static void toOriginalInverse(double[][] t, int p, double[] shift, double[] scale, int threads) {
        double[] row0 = new double[p];
        if (shift != null) {
            double[] g = new double[p];
            for (int k = 1; k < p; k++) {
                g[k] = scale[k] * shift[k];
            }
            double[] zero = new double[p];
            for (int j = 0; j < p; j++) {
                // column j of T, rows 1..j, is t[j][1..j]
                DD u = DD.of(t[0][j]).multiply(scale[0]).subtract(DDVectors.dot(t[j], zero, 1, g, zero, 1, 1, j));
                row0[j] = u.doubleValue();
            }
        } else {
            for (int j = 0; j < p; j++) {
                row0[j] = t[0][j] * scale[0];
            }
        }
        Parallel.forEach((p + 63) / 64, threads, blk -> {
            for (int i = Math.max(1, blk * 64), e = Math.min(p, blk * 64 + 64); i < e; i++) {
                double[] ti = t[i];
                double di = scale[i];
                for (int j = i; j < p; j++) {
                    ti[j] *= di;
                }
            }
        });
        System.arraycopy(row0, 0, t[0], 0, p);
        MirroredTriangle.mirrorUpper(t, p, threads);
    }
}
