package org.gramian.solve;

import org.gramian.numeric.DD;

/**
 * Streaming Householder QR of the augmented matrix [X y] in double-double arithmetic.
 *
 * <p>Keeps only the m×m upper-triangular factor R (m = p+1). Rows are buffered in blocks of
 * {@value #BLOCK} and folded in by triangularizing the stacked matrix [R; block] with m Householder
 * reflections (about b·m² double-double multiply-adds for a block of b rows). At the end
 * [X y] = Q·R with Q orthogonal, so R = [[R₁, z], [0, ρ]]: the least-squares solution solves
 * R₁w = z, the residual sum of squares is ρ², and the error of w is of order κ(X)·2⁻¹⁰⁴ instead of
 * the κ(X)²·2⁻⁵³ of the double-precision normal equation.
 */
public final class HouseholderAccumulator {
    static final int BLOCK = 64;

    private final int m;
    private final DD[][] r;
    private final DD[][] buffer;
    private int buffered;
    private long n;

    public HouseholderAccumulator(int p) {
        this.m = p + 1;
        this.r = new DD[m][m];
        for (DD[] row : r) {
            java.util.Arrays.fill(row, DD.ZERO);
        }
        this.buffer = new DD[BLOCK][];
    }

    /** Adds one augmented row [x₀ … x_{p−1}, y] (length m); the array is kept, not copied. */
    public void add(DD[] augmentedRow) {
        buffer[buffered++] = augmentedRow;
        n++;
        if (buffered == BLOCK) {
            flush();
        }
    }

    /** Folds another accumulator's rows in (its R stacked under ours). */
    public void merge(HouseholderAccumulator other) {
        flush();
        other.flush();
        DD[][] rows = new DD[m][];
        for (int i = 0; i < m; i++) {
            rows[i] = other.r[i].clone();
        }
        triangularize(rows, m);
        n += other.n;
    }

    private void flush() {
        if (buffered > 0) {
            triangularize(buffer, buffered);
            java.util.Arrays.fill(buffer, null);
            buffered = 0;
        }
    }

    /** Replaces R by the triangular factor of [R; b[0..rows)]; b is overwritten. */
    private void triangularize(DD[][] b, int rows) {
        for (int j = 0; j < m; j++) {
            DD sb = DD.ZERO;
            for (int i = 0; i < rows; i++) {
                sb = sb.add(b[i][j].square());
            }
            if (sb.isZero()) {
                continue; // column already zero below the diagonal
            }
            DD rjj = r[j][j];
            DD alpha = rjj.square().add(sb).sqrt();
            if (rjj.signum() > 0) {
                alpha = alpha.negate();
            }
            DD v0 = rjj.subtract(alpha);           // no cancellation: alpha has the opposite sign
            DD vtv = v0.square().add(sb);
            DD twoOverVtv = DD.of(2.0).divide(vtv);
            for (int k = j + 1; k < m; k++) {
                DD s = v0.multiply(r[j][k]);
                for (int i = 0; i < rows; i++) {
                    s = s.add(b[i][j].multiply(b[i][k]));
                }
                DD f = s.multiply(twoOverVtv);
                r[j][k] = r[j][k].subtract(f.multiply(v0));
                for (int i = 0; i < rows; i++) {
                    b[i][k] = b[i][k].subtract(f.multiply(b[i][j]));
                }
            }
            r[j][j] = alpha;
            for (int i = 0; i < rows; i++) {
                b[i][j] = DD.ZERO;
            }
        }
    }

    public long count() {
        return n;
    }

    /** The augmented triangular factor R (a copy), after folding in any buffered rows. */
    public DD[][] factor() {
        flush();
        DD[][] out = new DD[m][];
        for (int i = 0; i < m; i++) {
            out[i] = r[i].clone();
        }
        return out;
    }
}
