package org.gramian.solve;

/**
 * The 2-norm condition number κ₂(A) = σ_max(A)/σ_min(A) = ‖A‖₂·‖A⁻¹‖₂ of a p×p matrix given
 * together with its inverse, both norms by power iteration on AᵀA (O(p²) per step).
 *
 * <p>For a least-squares problem A is the triangular factor R₁ of X (RᵀR = XᵀX, so R and X have
 * the same singular values), and its inverse is the one the solver forms anyway in double-double;
 * no O(p³) decomposition is needed. Power iteration converges to the largest singular value from
 * below at the rate (σ₂/σ₁)²; when σ₂ is close to σ₁ the iterate is already within their gap, so
 * stopping when the estimate changes by less than 10⁻¹⁰ per step leaves a relative error well
 * below what four printed digits show. The inverse is used rather than inverse iteration with
 * triangular solves in double because an inverse computed in double-double is accurate where a
 * double solve would lose κ·2⁻⁵³ of σ_min.
 */
public final class ConditionNumber {
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-10;

    private ConditionNumber() {
    }

    /** κ₂ = ‖a‖₂·‖inverse‖₂; NaN when an entry is not finite. */
    public static double of(double[][] a, double[][] inverse) {
        return product(norm2(a), norm2(inverse));
    }

    /** κ₂ from ‖A‖₂ and ‖A⁻¹‖₂: their product, at least 1; NaN when not finite. */
    public static double product(double normA, double normInverse) {
        double k = normA * normInverse;
        return Double.isFinite(k) ? Math.max(1.0, k) : Double.NaN;
    }

    /**
     * {@link #lanczosNorm2} of each matrix (NaN for a null one), the matrices on up to
     * {@code threads} threads at once: each norm is computed as alone, so the results do not depend
     * on the thread count. For the wide path ({@link TriangularSolver#WIDE} columns and more).
     */
    public static double[] norms2(int threads, double[][]... matrices) {
        double[] out = new double[matrices.length];
        Parallel.forEach(matrices.length, threads,
                k -> out[k] = matrices[k] == null ? Double.NaN : lanczosNorm2(matrices[k]));
        return out;
    }

    /** Most Lanczos steps of {@link #lanczosNorm2}. */
    static final int MAX_LANCZOS_STEPS = 400;
    /** Lanczos stops when σ changed by at most this (relative) on two successive steps. */
    static final double LANCZOS_TOLERANCE = 1e-13;

    /**
     * ‖a‖₂ = σ_max(a) by Golub–Kahan–Lanczos bidiagonalization with full reorthogonalization: after
     * k steps, a·V = U·B with B upper bidiagonal (diagonal α, superdiagonal β), and σ_max(B) rises
     * to σ_max(a) from below (interlacing). σ_max(B)² is the largest eigenvalue of the tridiagonal
     * BᵀB, found by Sturm-sequence bisection to full precision. On a wide factor the top singular
     * values are close together (random data: relative gaps of order p^(−2/3)), where power
     * iteration needs thousands of steps to settle to 10⁻¹⁰ and stops at its
     * {@value #MAX_ITERATIONS}-step cap short of it; Lanczos converges at the square root of that
     * rate, in tens to a few hundred steps of the same cost (two passes over a's nonzero entries).
     * Stops when σ changed by at most {@value #LANCZOS_TOLERANCE} (relative) on two successive
     * steps, on breakdown (an invariant subspace: σ is then exact), or after
     * {@value #MAX_LANCZOS_STEPS} steps. NaN when an entry is not finite. The start vector is
     * deterministic (as in {@link #norm2}), so is the result.
     */
    public static double lanczosNorm2(double[][] a) {
        int p = a.length;
        if (p == 0) {
            return 0.0;
        }
        double maxAbs = maxAbs(a);
        if (!(maxAbs > 0)) {
            return maxAbs;   // NaN (an entry not finite) or 0 (the zero matrix)
        }
        double s = Math.scalb(1.0, -Math.getExponent(maxAbs));
        double[][] b = new double[p][];
        int[] from = new int[p];
        for (int i = 0; i < p; i++) {
            double[] ai = a[i];
            int lo = nonzeroFrom(ai, p);
            int hi = nonzeroTo(ai, lo, p);
            from[i] = lo;
            double[] bi = new double[hi];
            for (int j = lo; j < hi; j++) {
                bi[j] = ai[j] * s;
            }
            b[i] = bi;
        }
        // the start vector of norm2: column sums of |b|
        double[] v = new double[p];
        for (int i = 0; i < p; i++) {
            double[] bi = b[i];
            for (int j = from[i]; j < bi.length; j++) {
                v[j] += Math.abs(bi[j]);
            }
        }
        return lanczos(new LinearMap() {
            @Override
            public double[] times(double[] x) {
                return ConditionNumber.times(b, from, x);
            }

            @Override
            public double[] transposeTimes(double[] u) {
                return ConditionNumber.transposeTimes(b, from, u, p);
            }
        }, v) / s;
    }

    /**
     * {@link #lanczosNorm2(double[][])} of a map known by its products, {@code b} = s·A with s a
     * power of two that brings A's largest entry near 1 (so that σ² neither overflows nor
     * underflows), started from {@code v} = the column sums of |b| (overwritten): σ_max(b).
     */
    static double lanczos(LinearMap b, double[] v) {
        Lanczos run = new Lanczos(v);
        while (!run.done()) {
            if (run.acceptTimes(b.times(run.vector()))) {
                run.acceptTransposeTimes(b.transposeTimes(run.leftVector()));
            }
        }
        return run.result();
    }

    /**
     * The state of one Golub–Kahan–Lanczos iteration of {@link #lanczos}, driven from outside so
     * that several iterations over the same matrix can share each sweep through it
     * ({@link MirroredTriangle#norms2}); the operations on each iteration's vectors are the same as
     * when it runs alone.
     */
    static final class Lanczos {
        private final int steps;
        private final double[][] vs;
        private final double[][] us;
        private final double[] alpha;
        private final double[] beta;
        private double[] v;
        private double[] u;
        private double sigma;
        private int settled;
        private int k;
        private boolean done;
        private double result;

        /** @param start the column sums of |b| (overwritten) */
        Lanczos(double[] start) {
            int p = start.length;
            steps = Math.min(p, MAX_LANCZOS_STEPS);
            vs = new double[steps + 1][];
            us = new double[steps][];
            alpha = new double[steps];
            beta = new double[steps];
            // plus a deterministic perturbation (as in norm2)
            for (int j = 0; j < p; j++) {
                start[j] += 1.0 / (j + 2.0);
            }
            normalize(start);
            v = start;
            done = steps == 0;
        }

        boolean done() {
            return done;
        }

        /** σ_max(b) once {@link #done}. */
        double result() {
            return result;
        }

        /** The vector to multiply by b next. */
        double[] vector() {
            return v;
        }

        /** The vector to multiply by bᵀ next (after {@link #acceptTimes} returned true). */
        double[] leftVector() {
            return u;
        }

        /** Takes b·{@link #vector()}; true when bᵀ·{@link #leftVector()} is wanted next. */
        boolean acceptTimes(double[] bv) {
            vs[k] = v;
            if (k > 0) {
                axpy(-beta[k - 1], us[k - 1], bv);
            }
            reorthogonalize(bv, us, k);
            double ak = norm(bv);
            alpha[k] = ak;
            if (ak == 0) {
                finish(Math.max(sigma, topSingular(alpha, beta, k)));
                return false;
            }
            scale(bv, 1.0 / ak);
            us[k] = bv;
            u = bv;
            return true;
        }

        /** Takes bᵀ·{@link #leftVector()}. */
        void acceptTransposeTimes(double[] w) {
            axpy(-alpha[k], v, w);
            reorthogonalize(w, vs, k + 1);
            double bk = norm(w);
            beta[k] = bk;
            double next = topSingular(alpha, beta, k + 1);
            if (bk == 0) {
                finish(next);
                return;
            }
            scale(w, 1.0 / bk);
            v = w;
            settled = Math.abs(next - sigma) <= LANCZOS_TOLERANCE * next ? settled + 1 : 0;
            sigma = next;
            k++;
            if (settled >= 2 || k == steps) {
                finish(sigma);
            }
        }

        private void finish(double value) {
            result = value;
            done = true;
        }
    }

    /** A square linear map known by its products with vectors (new arrays). */
    interface LinearMap {
        double[] times(double[] v);

        double[] transposeTimes(double[] u);
    }

    /** b·v for rows with nonzero range [from[i], b[i].length); four partial sums per row. */
    static double[] times(double[][] b, int[] from, double[] v) {
        int p = b.length;
        double[] u = new double[p];
        for (int i = 0; i < p; i++) {
            double[] bi = b[i];
            int j = from[i];
            int e = bi.length;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (; j + 4 <= e; j += 4) {
                s0 = Math.fma(bi[j], v[j], s0);
                s1 = Math.fma(bi[j + 1], v[j + 1], s1);
                s2 = Math.fma(bi[j + 2], v[j + 2], s2);
                s3 = Math.fma(bi[j + 3], v[j + 3], s3);
            }
            for (; j < e; j++) {
                s0 = Math.fma(bi[j], v[j], s0);
            }
            u[i] = (s0 + s1) + (s2 + s3);
        }
        return u;
    }

    /** bᵀu. */
    static double[] transposeTimes(double[][] b, int[] from, double[] u, int p) {
        double[] w = new double[p];
        for (int i = 0; i < b.length; i++) {
            double ui = u[i];
            double[] bi = b[i];
            for (int j = from[i], e = bi.length; j < e; j++) {
                w[j] = Math.fma(bi[j], ui, w[j]);
            }
        }
        return w;
    }

    /** x ← x − Σ (qᵢ·x) qᵢ over the first k vectors of q, twice (classical Gram–Schmidt, twice is enough). */
    private static void reorthogonalize(double[] x, double[][] q, int k) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < k; i++) {
                double[] qi = q[i];
                double d = 0;
                for (int j = 0; j < x.length; j++) {
                    d = Math.fma(qi[j], x[j], d);
                }
                axpy(-d, qi, x);
            }
        }
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.fma(c, x[j], y[j]);
        }
    }

    private static void scale(double[] x, double c) {
        for (int j = 0; j < x.length; j++) {
            x[j] *= c;
        }
    }

    /**
     * σ_max of the k×k upper bidiagonal B (diagonal α₀..α_{k−1}, superdiagonal β₀..β_{k−2}): the
     * square root of the largest eigenvalue of the tridiagonal BᵀB (diagonal αᵢ² + β_{i−1}²,
     * off-diagonal α_{i−1}β_{i−1}), by bisection on the Sturm count.
     */
    static double topSingular(double[] alpha, double[] beta, int k) {
        if (k == 0) {
            return 0.0;
        }
        double[] d = new double[k];
        double[] e = new double[k]; // e[i] couples i−1 and i
        double hi = 0;
        for (int i = 0; i < k; i++) {
            double bPrev = i > 0 ? beta[i - 1] : 0.0;
            d[i] = alpha[i] * alpha[i] + bPrev * bPrev;
            e[i] = i > 0 ? alpha[i - 1] * beta[i - 1] : 0.0;
        }
        for (int i = 0; i < k; i++) {
            double r = Math.abs(e[i]) + (i + 1 < k ? Math.abs(e[i + 1]) : 0.0);
            hi = Math.max(hi, d[i] + r);
        }
        double lo = 0;
        for (int it = 0; it < 200 && hi - lo > 0x1p-52 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (countBelow(d, e, mid) == k) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.sqrt(hi);
    }

    /** Number of eigenvalues of the tridiagonal (d, e) below x (Sturm sequence of LDLᵀ pivots). */
    private static int countBelow(double[] d, double[] e, double x) {
        int count = 0;
        double q = 1;
        for (int i = 0; i < d.length; i++) {
            double ei = e[i];
            q = d[i] - x - (i > 0 ? ei * ei / q : 0.0);
            if (q == 0) {
                q = -0x1p-1000 * (Math.abs(x) + 1);
            }
            if (q < 0) {
                count++;
            }
        }
        return count;
    }

    /** ‖a‖₂ = σ_max(a) by power iteration on aᵀa; NaN when an entry is not finite. */
    public static double norm2(double[][] a) {
        int p = a.length;
        if (p == 0) {
            return 0.0;
        }
        double maxAbs = maxAbs(a);
        if (!(maxAbs > 0)) {
            return maxAbs;   // NaN (an entry not finite) or 0 (the zero matrix)
        }
        // Work on a/maxAbs (a power of two) so that squares neither overflow nor underflow.
        double s = Math.scalb(1.0, -Math.getExponent(maxAbs));
        double[][] b = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                b[i][j] = a[i][j] * s;
            }
        }
        // Start from the row sums of |b| plus a deterministic perturbation: not orthogonal to the top
        // singular vector for any matrix met in practice.
        double[] v = new double[p];
        for (int j = 0; j < p; j++) {
            double c = 0;
            for (int i = 0; i < p; i++) {
                c += Math.abs(b[i][j]);
            }
            v[j] = c + 1.0 / (j + 2.0);
        }
        normalize(v);
        // Each row's nonzero range [from, to): a triangular factor has half its entries zero, and
        // a term 0·v adds nothing (at most the sign of a zero sum, which no norm sees), so skipping
        // them gives the same σ for half the work.
        int[] from = new int[p];
        int[] to = new int[p];
        for (int i = 0; i < p; i++) {
            from[i] = nonzeroFrom(b[i], p);
            to[i] = nonzeroTo(b[i], from[i], p);
        }
        double[] u = new double[p];
        double sigma = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // u = b v, σ ≈ ‖u‖; v = bᵀu / ‖bᵀu‖
            for (int i = 0; i < p; i++) {
                double t = 0;
                double[] bi = b[i];
                for (int j = from[i], e = to[i]; j < e; j++) {
                    t += bi[j] * v[j];
                }
                u[i] = t;
            }
            double next = norm(u);
            if (next == 0) {
                break;
            }
            java.util.Arrays.fill(v, 0.0);
            for (int i = 0; i < p; i++) {
                double ui = u[i];
                double[] bi = b[i];
                for (int j = from[i], e = to[i]; j < e; j++) {
                    v[j] += bi[j] * ui;
                }
            }
            double nv = norm(v);
            // ‖bᵀu‖/‖u‖ is also a lower bound of σ_max, and a better one.
            next = Math.max(next, nv / next);
            for (int j = 0; j < p; j++) {
                v[j] /= nv;
            }
            boolean done = Math.abs(next - sigma) <= TOLERANCE * next;
            sigma = next;
            if (done) {
                break;
            }
        }
        return sigma / s;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void normalize(double[] x) {
        double n = norm(x);
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
    }

    /** max |aᵢⱼ|, or NaN when an entry is not finite (the shared guard of both norm iterations). */
    private static double maxAbs(double[][] a) {
        double maxAbs = 0;
        for (double[] row : a) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        return maxAbs;
    }

    /** The first index of {@code row[0, p)} holding a nonzero (p when there is none). */
    private static int nonzeroFrom(double[] row, int p) {
        int lo = 0;
        while (lo < p && row[lo] == 0) {
            lo++;
        }
        return lo;
    }

    /** One past the last index of {@code row[lo, p)} holding a nonzero ({@code lo} when none). */
    private static int nonzeroTo(double[] row, int lo, int p) {
        int hi = p;
        while (hi > lo && row[hi - 1] == 0) {
            hi--;
        }
        return hi;
    }
}
