package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * One-sided Jacobi SVD (Hestenes) of a small square matrix A in double-double arithmetic:
 * plane rotations V are applied until the columns of W = A·V are mutually orthogonal; then
 * σᵢ = ‖Wᵢ‖ and A = U·Σ·Vᵀ with Uᵢ = Wᵢ/σᵢ. About 2p³ flops per sweep, typically 6–10 sweeps.
 * Jacobi is chosen for its high relative accuracy on small singular values.
 *
 * @param w     A·V (columns of length p), in descending order of norm
 * @param v     the right singular vectors as columns, same order
 * @param sigma singular values, descending
 */
public record JacobiSvd(DD[][] w, DD[][] v, DD[] sigma) {

    private static final int MAX_SWEEPS = 60;

    public static JacobiSvd of(DD[][] a) {
        int p = a.length;
        DD[][] w = new DD[p][p];
        DD[][] v = new DD[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                w[i][j] = a[i][j];
                v[i][j] = i == j ? DD.ONE : DD.ZERO;
            }
        }
        double tol = 1e-30;
        double frobenius2 = 0;
        for (DD[] row : a) {
            for (DD x : row) {
                frobenius2 += x.hi * x.hi;
            }
        }
        // A column this small is a zero singular value in the making; rotating it further only
        // drives it into subnormal numbers.
        double negligible = 1e-60 * frobenius2;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int j = 0; j < p - 1; j++) {
                for (int k = j + 1; k < p; k++) {
                    DD alpha = DD.ZERO;
                    DD beta = DD.ZERO;
                    DD gamma = DD.ZERO;
                    for (int i = 0; i < p; i++) {
                        alpha = alpha.add(w[i][j].square());
                        beta = beta.add(w[i][k].square());
                        gamma = gamma.add(w[i][j].multiply(w[i][k]));
                    }
                    if (alpha.hi <= negligible || beta.hi <= negligible) {
                        continue;
                    }
                    if (gamma.isZero() || Math.abs(gamma.hi) <= tol * Math.sqrt(alpha.hi) * Math.sqrt(beta.hi)) {
                        continue;
                    }
                    rotated = true;
                    DD zeta = beta.subtract(alpha).divide(gamma.multiply(2.0));
                    DD t;
                    if (Math.abs(zeta.hi) > 1e100) {
                        t = DD.ONE.divide(zeta.multiply(2.0)); // tan θ ≈ 1/(2ζ); ζ² would overflow
                    } else {
                        t = DD.ONE.divide(zeta.abs().add(DD.ONE.add(zeta.square()).sqrt()));
                        if (zeta.signum() < 0) {
                            t = t.negate();
                        }
                    }
                    DD c = DD.ONE.divide(DD.ONE.add(t.square()).sqrt());
                    DD s = c.multiply(t);
                    rotate(w, j, k, c, s);
                    rotate(v, j, k, c, s);
                }
            }
            if (!rotated) {
                break;
            }
        }
        DD[] sigma = new DD[p];
        for (int j = 0; j < p; j++) {
            DD s = DD.ZERO;
            for (int i = 0; i < p; i++) {
                s = s.add(w[i][j].square());
            }
            sigma[j] = s.sqrt();
        }
        // sort columns by descending sigma
        Integer[] order = new Integer[p];
        for (int i = 0; i < p; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> sigma[y].compareTo(sigma[x]));
        DD[][] w2 = new DD[p][p];
        DD[][] v2 = new DD[p][p];
        DD[] s2 = new DD[p];
        for (int c = 0; c < p; c++) {
            s2[c] = sigma[order[c]];
            for (int i = 0; i < p; i++) {
                w2[i][c] = w[i][order[c]];
                v2[i][c] = v[i][order[c]];
            }
        }
        return new JacobiSvd(w2, v2, s2);
    }

    private static void rotate(DD[][] m, int j, int k, DD c, DD s) {
        for (int i = 0; i < m.length; i++) {
            DD a = m[i][j];
            DD b = m[i][k];
            m[i][j] = c.multiply(a).subtract(s.multiply(b));
            m[i][k] = s.multiply(a).add(c.multiply(b));
        }
    }
}
