package org.gramian.solve;

import java.util.Arrays;
import org.gramian.numeric.DD;
import org.gramian.accumulate.Equilibration;
import org.gramian.numeric.DDVectors;
import org.gramian.accumulate.HouseholderAccumulator;

/**
 * Finishes any {@link TriangularFactor}: detects aliased columns, solves R₁w = z by back
 * substitution on the estimable columns (or takes the minimum-norm SVD solution when asked to),
 * forms (XᵀX)⁻¹ = R₁⁻¹R₁⁻ᵀ, computes κ₂, and undoes the column shift and scale. All in
 * double-double: O(p³) work, negligible next to the O(n·p²) of the factorization, except for a
 * wide double-precision factor of full rank ({@link #wide}), which {@link WideTriangularSolver}
 * finishes in double, blocked and parallel, in three p×p arrays.
 *
 * <p><b>Aliasing.</b> Column j is aliased by the one policy, {@link Aliasing} (or exactly zero, as
 * {@link Cholesky} leaves it). The fit is then that of the remaining r columns, as R's
 * {@code lm} does: the aliased columns are deleted from [R₁ z; 0 ρ] and the r+1 remaining columns
 * are triangularized again by Householder reflections in double-double. Since RᵀR = [X y]ᵀ[X y],
 * deleting columns of R deletes the same columns of X, so this is exactly the factor of the reduced
 * problem: its ρ² is the residual sum of squares of the reduced fit. (Taking ρ² from the full
 * factor would be wrong: the reflection of an aliased column acts on rounding noise and moves part
 * of y into that noise direction, so ρ² would be too small by up to the whole RSS.)
 */
public final class TriangularSolver {
    private TriangularSolver() {
    }

    /**
     * @param f         the augmented factor
     * @param intercept whether column 0 is the intercept (decides centred vs uncentred TSS)
     * @param forceSvd  compute the SVD minimum-norm solution (and pseudo-inverse) instead of the
     *                  solution on the estimable columns
     */
    public static LeastSquaresSolution solve(TriangularFactor f, boolean intercept, boolean forceSvd) {
        int p = f.width();
        double tolerance = Aliasing.tolerance(f.unitRoundoff(), f.squaredCondition());
        if (wide(f)) {
            // A wide double-precision factor of full rank: the O(p³) work in double, blocked and
            // parallel, without p×p arrays of objects (WideTriangularSolver).
            double[][] dr = f.doubleR() != null ? f.doubleR() : hiParts(f.r());
            if (!any(aliasedColumns(dr, p, tolerance))) {
                return WideTriangularSolver.solve(dr, f, intercept);
            }
        }
        DD[][] r = f.ddR();
        double[] scale = f.scale() == null ? Equilibration.none(p + 1) : f.scale();
        boolean[] aliased = aliasedColumns(r, p, tolerance);
        int rank = 0;
        for (boolean a : aliased) {
            rank += a ? 0 : 1;
        }
        int[] kept = new int[rank];
        for (int j = 0, k = 0; j < p; j++) {
            if (!aliased[j]) {
                kept[k++] = j;
            }
        }
        // The factor of the estimable columns (the factor itself when there are no aliased ones).
        DD[][] red = rank < p ? reduce(r, kept) : r;
        DD rss = red[rank][rank].square();
        DD tss = rss;
        for (int i = intercept ? 1 : 0; i < rank; i++) {
            tss = tss.add(red[i][rank].square());
        }
        TriangularInverse inv = TriangularInverse.of(red, rank);
        // (Qᵀy)ⱼ² of each estimable column: the sequential sums of squares of R's anova(lm)
        DD[] effects = new DD[p];
        Arrays.fill(effects, DD.of(Double.NaN));
        for (int a = 0; a < rank; a++) {
            effects[kept[a]] = red[a][rank].square();
        }

        DD[] w = new DD[p];
        DD[][] cov = new DD[p][p];
        DD nan = DD.of(Double.NaN);
        Arrays.fill(w, nan);
        for (DD[] row : cov) {
            Arrays.fill(row, nan);
        }
        if (forceSvd && rank < p) {
            // (with full rank the minimum-norm solution is the unique one: the triangular solve below
            // gives it without the O(p³) double-double Jacobi sweeps)
            minimumNorm(r, p, rank, scale, w, cov);
        } else {
            DD[] wr = inv.times(red, rank);
            for (int a = 0; a < rank; a++) {
                w[kept[a]] = wr[a];
                for (int b = a; b < rank; b++) {
                    DD c = inv.gram(a, b);
                    cov[kept[a]][kept[b]] = c;
                    cov[kept[b]][kept[a]] = c;
                }
            }
        }

        double condition;
        double unscaledCondition;
        double[] columnNorm = null;
        if (rank < p) {
            condition = Double.POSITIVE_INFINITY;
            unscaledCondition = Double.POSITIVE_INFINITY;
        } else {
            double[] sh = f.shift() != null && intercept ? f.shift() : null;
            double[][][] ab = originalFactor(r, inv, sh, scale);
            unscaledCondition = ConditionNumber.of(ab[0], ab[1]);
            condition = scaledCondition(ab[0], ab[1]);
            columnNorm = new double[p];
            for (int j = 0; j < p; j++) {
                double s2 = 0;
                for (int i = 0; i <= j; i++) {
                    s2 = Math.hypot(s2, ab[0][i][j]);
                }
                columnNorm[j] = s2;
            }
        }

        double c = scale[p];
        double[] d = Arrays.copyOf(scale, p);
        if (f.shift() != null && intercept) {
            unshift(f.shift(), d, c, w, cov, aliased);
        }
        // w in original units: wⱼ = w̃ⱼ·dⱼ/c, exact (powers of two)
        int ce = Math.getExponent(c);
        for (int j = 0; j < p; j++) {
            w[j] = w[j].scalb(Math.getExponent(d[j]) - ce);
        }
        double expected = expectedDigits(f, condition, amplification(w, columnNorm));
        DD printedRss = residualSumOfSquares(r, w, f.shift() != null && intercept ? f.shift() : null, d, c);
        // Sums of squares at the rounding level of the factorization relative to ‖y‖² are zero: an
        // exact fit, or a constant response (TSS = 0), not a tiny number made of rounding errors.
        DD yy = DD.ZERO;
        for (int i = 0; i <= p; i++) {
            yy = yy.add(r[i][p].square());
        }
        double noise = (p + 1) * f.unitRoundoff();
        double floor = noise * noise * yy.doubleValue();
        rss = rss.doubleValue() <= floor ? DD.ZERO : rss;
        tss = tss.doubleValue() <= floor ? DD.ZERO : tss;
        printedRss = printedRss.doubleValue() <= floor ? DD.ZERO : printedRss;
        return new LeastSquaresSolution(w, cov, d, c, rank, aliased, rss, printedRss, tss, f.observations(),
                condition, unscaledCondition, expected, forceSvd, effects);
    }

    /**
     * c²·‖y − Xw‖² for the coefficients w <em>as doubles</em> (NaN, aliased, counts as 0), from the
     * full augmented factor: ‖[X y](−w; 1)‖² = ‖R(−w; 1)‖² for any w, in double-double. This is the
     * residual sum of squares of the coefficients a user sees; it equals ρ² of the estimable fit up
     * to the rounding of w to doubles, which only matters when the fit is too ill-conditioned to be
     * written down in double precision.
     */
    static DD residualSumOfSquares(DD[][] r, DD[] w, double[] shift, double[] d, double c) {
        int p = w.length;
        DD[] wf = new DD[p];   // w in the factor's (shifted, scaled) coordinates
        double[] wd = new double[p];
        for (int j = 0; j < p; j++) {
            double v = w[j].doubleValue();
            wd[j] = Double.isNaN(v) ? 0.0 : v;
        }
        int ce = Math.getExponent(c);
        for (int j = 0; j < p; j++) {
            wf[j] = DD.of(Math.scalb(wd[j], ce - Math.getExponent(d[j])));
        }
        if (shift != null) {
            // w̃₀ = (c·(w₀ − s_y) + Σⱼ sⱼdⱼw̃ⱼ)/d₀
            DD t = DD.sum(wd[0], -shift[p]).multiply(c);
            for (int j = 1; j < p; j++) {
                t = t.add(wf[j].multiply(shift[j] * d[j]));
            }
            wf[0] = t.divide(d[0]);
        }
        DD sum = DD.ZERO;
        for (int i = 0; i <= p; i++) {
            DD res = r[i][p];
            for (int j = i; j < p; j++) {
                if (wd[j] != 0) {
                    res = res.subtract(r[i][j].multiply(wf[j]));
                }
            }
            sum = sum.add(res.square());
        }
        return sum;
    }

    private static boolean any(boolean[] b) {
        for (boolean v : b) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /** {@link #aliasedColumns(DD[][], int, double)} of a factor as doubles: the same sums, the same test. */
    static boolean[] aliasedColumns(double[][] r, int p, double tolerance) {
        double[] h = new double[p];
        double[] l = new double[p];
        for (int i = 0; i < p; i++) {
            DDVectors.addSquares(r[i], i, p, h, l);
        }
        boolean[] aliased = new boolean[p];
        for (int j = 0; j < p; j++) {
            double norm = Math.sqrt(h[j] + l[j]);
            aliased[j] = Aliasing.aliased(r[j][j], norm, tolerance);
        }
        return aliased;
    }

    /** The aliasing test ({@link Aliasing}), column by column. */
    static boolean[] aliasedColumns(DD[][] r, int p, double tolerance) {
        boolean[] aliased = new boolean[p];
        for (int j = 0; j < p; j++) {
            DD norm2 = DD.ZERO;
            for (int i = 0; i <= j; i++) {
                norm2 = norm2.add(r[i][j].square());
            }
            double norm = Math.sqrt(norm2.doubleValue());
            aliased[j] = Aliasing.aliased(r[j][j].doubleValue(), norm, tolerance);
        }
        return aliased;
    }

    /**
     * The (r+1)×(r+1) factor of the columns {@code kept} and the response: those columns of the
     * augmented R, triangularized again (Householder in double-double).
     */
    static DD[][] reduce(DD[][] r, int[] kept) {
        int m = r.length;
        int q = kept.length;
        HouseholderAccumulator acc = new HouseholderAccumulator(q);
        DD[] row = new DD[q + 1];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < q; a++) {
                row[a] = r[i][kept[a]];
            }
            row[q] = r[i][m - 1];
            acc.add(row);
        }
        return acc.factor();
    }

    /**
     * κ₂ of X with columns scaled to unit length: σ_max/σ_min of R̂ = R_X·S⁻¹, S = diag(‖R_X eⱼ‖),
     * whose inverse is S·R_X⁻¹ (see {@link ConditionNumber}). Scaling columns to unit length makes
     * it independent of the units and of the equilibration; it is computed from the factor of X as
     * given (not shifted), so every solver reports the same number.
     */
    static double scaledCondition(double[][] a, double[][] b) {
        double[][][] sab = scaledFactor(a, b);
        return sab == null ? Double.NaN : ConditionNumber.of(sab[0], sab[1]);
    }

    /** R̂ = R_X·S⁻¹ and its inverse S·R_X⁻¹ of {@link #scaledCondition}, or null when a column norm is 0 or ∞. */
    static double[][][] scaledFactor(double[][] a, double[][] b) {
        int p = a.length;
        double[][] sa = new double[p][p];
        double[][] sb = new double[p][p];
        for (int j = 0; j < p; j++) {
            double norm = 0;
            for (int i = 0; i <= j; i++) {
                norm = Math.hypot(norm, a[i][j]);
            }
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return null;
            }
            for (int i = 0; i <= j; i++) {
                sa[i][j] = a[i][j] / norm;
            }
            for (int k = j; k < p; k++) {
                sb[j][k] = b[j][k] * norm;
            }
        }
        return new double[][][] {sa, sb};
    }

    /**
     * Whether {@link #solve} takes the wide path: a factor of the double-precision normal equation
     * (every entry a double) with at least {@value #WIDE} columns. Its R⁻¹ and (XᵀX)⁻¹ are then
     * formed in double by {@link BlockedTriangular} (blocked, parallel, the same bits for any thread
     * count) instead of in double-double: the factor carries errors of u·κ² already, and the
     * double-precision inverse adds u·κ. The coefficients are still solved from R in double-double
     * (O(p²)). Narrower factors keep the double-double finish, which costs little there.
     */
    static boolean wide(TriangularFactor f) {
        if (f.unitRoundoff() != TriangularFactor.DOUBLE_ROUNDOFF || f.width() < WIDE) {
            return false;
        }
        if (f.doubleR() != null) {
            return true;
        }
        for (DD[] row : f.r()) {
            for (DD v : row) {
                if (v.lo != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Columns from which a double-precision factor is finished in double ({@link #wide}). */
    public static final int WIDE = 128;

    private static double[][] hiParts(DD[][] r) {
        int m = r.length;
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                out[i][j] = r[i][j].hi;
            }
        }
        return out;
    }

    /**
     * w solving R₁w = z (z = column p of the augmented factor) by back substitution in
     * double-double: wᵢ = (zᵢ − Σ_{k&gt;i} Rᵢₖwₖ)/Rᵢᵢ, R's entries being doubles.
     */
    static DD[] backSubstitution(double[][] r, int p) {
        double[] wh = new double[p];
        double[] wl = new double[p];
        double[] zero = new double[p];
        DD[] w = new DD[p];
        for (int i = p - 1; i >= 0; i--) {
            DD s = DD.of(r[i][p]).subtract(DDVectors.dot(r[i], zero, wh, wl, i + 1, p));
            DD wi = s.divide(r[i][i]);
            w[i] = wi;
            wh[i] = wi.hi;
            wl[i] = wi.lo;
        }
        return w;
    }

    /**
     * The triangular factor R_X of X as given (unshifted, unscaled) and its inverse, as doubles:
     * with X = X̃M for the equilibrated, shifted X̃ (column 0 the intercept), R_X = R₁M and
     * R_X⁻¹ = M⁻¹R₁⁻¹, where M⁻¹ has rows dᵢeᵢᵀ and row 0 (d₀, −d₁s₁, …, −d_{p−1}s_{p−1}).
     * Entries outside the double range come out infinite.
     */
    static double[][][] originalFactor(DD[][] r, TriangularInverse inv, double[] shift, double[] scale) {
        int p = inv.size();
        double[][] a = new double[p][p];
        double[][] b = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                DD v = r[i][j].divide(scale[j]);
                if (shift != null && j > 0) {
                    v = v.add(r[i][0].multiply(shift[j] / scale[0]));
                }
                a[i][j] = v.doubleValue();
                DD u = inv.get(i, j).multiply(scale[i]);
                if (shift != null && i == 0) {
                    for (int k = 1; k <= j; k++) {
                        u = u.subtract(inv.get(k, j).multiply(scale[k]).multiply(shift[k]));
                    }
                }
                b[i][j] = u.doubleValue();
            }
        }
        return new double[][][] {a, b};
    }

    /**
     * The minimum-norm solution, in original units, from the one-sided Jacobi SVD of R₁ with its
     * columns unscaled (R₁·diag(g/dⱼ), g = max dⱼ: a power of two keeping the largest factor 1),
     * keeping the {@code rank} largest singular values; cov receives the pseudo-inverse in the
     * scaled units of {@link LeastSquaresSolution}.
     */
    private static void minimumNorm(DD[][] r, int p, int rank, double[] scale, DD[] w, DD[][] cov) {
        double g = 0;
        for (int j = 0; j < p; j++) {
            g = Math.max(g, scale[j]);
        }
        double[] f = new double[p];
        for (int j = 0; j < p; j++) {
            f[j] = g / scale[j];
        }
        DD[][] a = new DD[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                a[i][j] = r[i][j].multiply(f[j]);
            }
        }
        JacobiSvd d = JacobiSvd.of(a);
        DD[] v = new DD[p];
        Arrays.fill(v, DD.ZERO);
        DD[][] pinv = new DD[p][p];
        for (DD[] row : pinv) {
            Arrays.fill(row, DD.ZERO);
        }
        for (int c = 0; c < rank; c++) {
            DD sigma2 = d.sigma()[c].square();
            DD uz = DD.ZERO;
            for (int i = 0; i < p; i++) {
                uz = uz.add(d.w()[i][c].multiply(r[i][p]));
            }
            DD coef = uz.divide(sigma2);
            for (int i = 0; i < p; i++) {
                v[i] = v[i].add(coef.multiply(d.v()[i][c]));
                DD vi = d.v()[i][c].divide(sigma2);
                for (int j = 0; j < p; j++) {
                    pinv[i][j] = pinv[i][j].add(vi.multiply(d.v()[j][c]));
                }
            }
        }
        // w̃ = diag(f)·v in scaled units; the pseudo-inverse likewise diag(f)·(AᵀA)⁺·diag(f).
        for (int i = 0; i < p; i++) {
            w[i] = v[i].multiply(f[i]);
            for (int j = 0; j < p; j++) {
                cov[i][j] = pinv[i][j].multiply(f[i]).multiply(f[j]);
            }
        }
    }

    /**
     * How much the error bound, which holds normwise for the column-scaled coefficients
     * ŵⱼ = ‖Xeⱼ‖·wⱼ, grows when read back as max|Δwⱼ|/max|wⱼ|: ‖ŵ‖/(minⱼ‖Xeⱼ‖·max|wⱼ|) ≥ 1 when
     * the columns have similar lengths and coefficients similar sizes. A short column with a small
     * coefficient beside a long one (an intercept beside x near 1000, as in NIST Norris) takes the
     * error of the long one: the double-precision normal equation loses 2–3 more digits there than
     * u·κ² says, as the solver contract test measured on the NIST files. 1 when unknown.
     */
    static double amplification(DD[] w, double[] columnNorm) {
        if (columnNorm == null) {
            return 1.0;
        }
        double scaled = 0;
        double maxW = 0;
        double minNorm = Double.POSITIVE_INFINITY;
        for (int j = 0; j < w.length; j++) {
            double wj = w[j].doubleValue();
            if (!Double.isFinite(wj) || !Double.isFinite(columnNorm[j])) {
                return 1.0;
            }
            scaled = Math.hypot(scaled, columnNorm[j] * wj);
            maxW = Math.max(maxW, Math.abs(wj));
            minNorm = Math.min(minNorm, columnNorm[j]);
        }
        if (maxW == 0 || minNorm == 0) {
            return 1.0;
        }
        double a = scaled / (minNorm * maxW);
        return Double.isFinite(a) ? Math.max(1.0, a) : 1.0;
    }

    /**
     * Expected correct significant digits of w (normwise, max|Δwⱼ|/max|wⱼ|): −log₁₀ of the
     * first-order relative error, u·κ for an orthogonal factorization (QR in double-double) and
     * u·κ² for the normal equations, where u is the unit roundoff of the arithmetic and κ the
     * scaled condition number, times the {@link #amplification} of reading the scaled bound back;
     * capped at the 15.95 digits a double can hold. The worst-case least-squares bound adds u·κ²·tan θ for QR
     * (θ the angle between y and the column space), but rounding errors are not adversarial and
     * that term is far from attained in practice: on random degree-10 polynomial fits with
     * κ ≈ 10¹⁵, checked against exact rational arithmetic, the double-double QR keeps all 15 digits
     * where the bound would promise 3. So the estimate reports the first-order term.
     */
    static double expectedDigits(TriangularFactor f, double kappa, double amplification) {
        if (!Double.isFinite(kappa)) {
            return 0.0;
        }
        double u = f.unitRoundoff();
        double err = (f.squaredCondition() ? u * kappa * kappa : u * kappa) * amplification;
        err += 0x1p-53; // the final rounding to double
        return Math.max(0.0, Math.min(15.95, -Math.log10(err)));
    }

    /**
     * Undoes the shift in the units of the equilibrated data. With s̃ⱼ = sⱼdⱼ/d₀ and
     * s̃_y = c·s_y/d₀: w̃₀ ← w̃₀ + s̃_y − Σⱼ s̃ⱼw̃ⱼ and C ← T C Tᵀ for T = I with row 0 =
     * (1, −s̃₁, …, −s̃_{p−1}). Aliased (NaN) columns take no part: their coefficient is absent.
     */
    private static void unshift(double[] shift, double[] d, double c, DD[] w, DD[][] cov, boolean[] aliased) {
        int p = w.length;
        double d0 = d[0];
        double[] s = new double[p];
        for (int j = 1; j < p; j++) {
            s[j] = shift[j] * d[j] / d0;
        }
        DD w0 = w[0].add(shift[p] * c / d0);
        for (int j = 1; j < p; j++) {
            if (!aliased[j]) {
                w0 = w0.subtract(w[j].multiply(s[j]));
            }
        }
        w[0] = w0;
        // row 0 of T·C: c0k = C0k − Σj s̃j Cjk
        DD[] row0 = new DD[p];
        for (int k = 0; k < p; k++) {
            if (aliased[k]) {
                row0[k] = cov[0][k];
                continue;
            }
            DD sum = cov[0][k];
            for (int j = 1; j < p; j++) {
                if (!aliased[j]) {
                    sum = sum.subtract(cov[j][k].multiply(s[j]));
                }
            }
            row0[k] = sum;
        }
        DD c00 = row0[0];
        for (int j = 1; j < p; j++) {
            if (!aliased[j]) {
                c00 = c00.subtract(row0[j].multiply(s[j]));
            }
        }
        for (int k = 1; k < p; k++) {
            cov[0][k] = row0[k];
            cov[k][0] = row0[k];
        }
        cov[0][0] = c00;
    }
}
