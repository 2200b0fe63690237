package org.gramian.solve;

import org.gramian.accumulate.Equilibration;
import org.gramian.numeric.DD;

/**
 * The whole ridge path in closed form from one singular value decomposition, so that λ can be
 * chosen without refitting. With the centred factor B = [[R₂, z], [0, ρ]] ({@link RidgeProblem})
 * and R₂ = UΣVᵀ (one-sided Jacobi in double-double, {@link JacobiSvd}, on R₂ with its columns
 * brought to comparable size by powers of two), ζ = Uᵀz:
 * <pre>
 *   tr H(λ) = i + Σⱼ σⱼ²/(σⱼ² + λ)                     (i = 1 with an intercept, 0 without)
 *   RSS(λ)  = ρ² + ‖z − UUᵀz‖² + Σⱼ (λ/(σⱼ² + λ))²·ζⱼ²
 *   GCV(λ)  = n·RSS(λ)/(n − tr H(λ))²
 * </pre>
 * (σⱼ are the singular values of the centred X in its own units; the ‖z − UUᵀz‖² term is the part
 * of y along centred columns that are exactly dependent, zero for a full-rank design).
 *
 * <p>Internally λ is kept as μ = λ·g², g the largest column scale, in which units the columns of R₂
 * have norms near 1; {@link #lambda} and {@link #mu} convert exactly (powers of two).
 */
public final class RidgeSpectrum {
    private final DD[] sigma2;     // σⱼ² in μ units, descending; zero-σ columns left out
    private final DD[] zeta2;      // ζⱼ²
    private final DD rest;         // ρ² + ‖z − UUᵀz‖² (scaled)
    private final int offset;
    private final long n;
    private final int muExponent;  // λ = μ·2^muExponent
    private final int rssExponent;
    private final int q;

    private RidgeSpectrum(DD[] sigma2, DD[] zeta2, DD rest, int offset, long n, int muExponent, int rssExponent,
                          int q) {
        this.q = q;
        this.sigma2 = sigma2;
        this.zeta2 = zeta2;
        this.rest = rest;
        this.offset = offset;
        this.n = n;
        this.muExponent = muExponent;
        this.rssExponent = rssExponent;
    }

    static RidgeSpectrum of(DD[][] b, int q, int offset, double[] d, long n) {
        int rssExponent = -2 * Math.getExponent(d[d.length - 1]);
        DD rho2 = b[q][q].square();
        if (q == 0) {
            return new RidgeSpectrum(new DD[0], new DD[0], rho2, offset, n, 0, rssExponent, 0);
        }
        double g = 0;
        for (int j = 0; j < q; j++) {
            g = Math.max(g, d[offset + j]);
        }
        // A = R₂·diag(g/dⱼ) = g·(the factor of the centred X in original units): exact scaling
        DD[][] a = new DD[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                a[i][j] = b[i][j].multiply(g / d[offset + j]);
            }
        }
        JacobiSvd svd = JacobiSvd.of(a);
        double top = svd.sigma()[0].doubleValue();
        // singular values at the rounding level of the double-double factor are zero (dependent columns)
        double zero = q * TriangularFactor.DD_ROUNDOFF * 16 * top;
        int k = 0;
        while (k < q && svd.sigma()[k].doubleValue() > zero) {
            k++;
        }
        DD[] s2 = new DD[k];
        DD[] z2 = new DD[k];
        DD[] fitted = new DD[q];
        java.util.Arrays.fill(fitted, DD.ZERO);
        for (int c = 0; c < k; c++) {
            DD sigma = svd.sigma()[c];
            s2[c] = sigma.square();
            DD wz = DD.ZERO;
            for (int i = 0; i < q; i++) {
                wz = wz.add(svd.w()[i][c].multiply(b[i][q]));
            }
            DD zeta = wz.divide(sigma);   // Uⱼ = Wⱼ/σⱼ
            z2[c] = zeta.square();
            if (k < q) {
                for (int i = 0; i < q; i++) {
                    fitted[i] = fitted[i].add(svd.w()[i][c].multiply(zeta).divide(sigma));
                }
            }
        }
        DD rest = rho2;
        if (k < q) {
            for (int i = 0; i < q; i++) {
                rest = rest.add(b[i][q].subtract(fitted[i]).square());
            }
        }
        return new RidgeSpectrum(s2, z2, rest, offset, n, -2 * Math.getExponent(g), rssExponent, q);
    }

    /** λ in original units for μ. */
    public double lambda(double mu) {
        return Math.scalb(mu, muExponent);
    }

    /** μ for λ in original units. */
    public double mu(double lambda) {
        return Math.scalb(lambda, -muExponent);
    }

    /** The number of nonzero singular values (the rank of the centred X). */
    public int rank() {
        return sigma2.length;
    }

    /** The largest σ², in μ units (0 when no column varies). */
    public double largestSquare() {
        return sigma2.length == 0 ? 0.0 : sigma2[0].doubleValue();
    }

    /** The smallest nonzero σ², in μ units (0 when no column varies). */
    public double smallestSquare() {
        return sigma2.length == 0 ? 0.0 : sigma2[sigma2.length - 1].doubleValue();
    }

    /** Whether the centred X has full column rank q (so λ = 0 is ordinary least squares). */
    public boolean fullRank() {
        return sigma2.length == q;
    }

    /** tr H at μ: the intercept plus Σ σ²/(σ² + μ). */
    public double df(double mu) {
        DD s = DD.of(offset);
        for (DD x : sigma2) {
            s = s.add(x.divide(x.add(mu)));
        }
        return s.doubleValue();
    }

    /** RSS at μ, in scaled units. */
    public DD scaledRss(double mu) {
        DD s = rest;
        if (mu == 0) {
            return s;
        }
        for (int j = 0; j < sigma2.length; j++) {
            DD shrink = DD.of(mu).divide(sigma2[j].add(mu));
            s = s.add(shrink.square().multiply(zeta2[j]));
        }
        return s;
    }

    /** n·RSS/(n − tr H)² in scaled units; +∞ when n ≤ tr H (GCV undefined: never chosen). */
    public double scaledGcv(double mu) {
        double resid = n - df(mu);
        if (!(resid > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return scaledRss(mu).multiply((double) n).divide(DD.of(resid).square()).doubleValue();
    }

    /** The point of the path at μ, in original units. */
    public GcvPoint point(double mu) {
        double df = df(mu);
        double resid = n - df;
        DD rss = scaledRss(mu);
        double gcv = resid > 0 ? rss.multiply((double) n).divide(DD.of(resid).square()).doubleValue() : Double.NaN;
        // λ outside the range of normal doubles (data of magnitude 1e±200) is NaN, not a wrong number
        return new GcvPoint(mu == 0 ? 0.0 : Equilibration.unscale(mu, muExponent), df,
                Equilibration.unscale(rss.doubleValue(), rssExponent),
                Double.isNaN(gcv) ? Double.NaN : Equilibration.unscale(gcv, rssExponent));
    }

    /**
     * κ₂ of the penalized system [X_c; √λ·I] (columns as given): √((σ_max² + λ)/(σ_min² + λ)),
     * σ_min = 0 for dependent columns (∞ at λ = 0 then).
     */
    public double penalizedConditionNumber(double mu) {
        if (q == 0) {
            return 1.0;
        }
        double hi = largestSquare() + mu;
        double lo = (fullRank() ? smallestSquare() : 0.0) + mu;
        return lo > 0 ? Math.sqrt(hi / lo) : Double.POSITIVE_INFINITY;
    }
}
