package org.gramian.solve;

/** The least-squares methods Gramian offers. */
public enum SolverKind {
    /**
     * Chooses per problem: the double-precision Gram/Cholesky result when the data is large and
     * well-conditioned enough for it to carry 13+ correct digits, otherwise a second pass with
     * Householder QR in double-double. Switches to {@link #SVD} on rank deficiency.
     */
    AUTO,
    /**
     * The normal equation as written: accumulate XᵀX and Xᵀy in double precision (columns shifted
     * by the first row when there is an intercept) and solve by Cholesky. One pass, n·p²/2 flops,
     * but loses digits in proportion to κ(X)².
     */
    CHOLESKY,
    /**
     * Householder QR of X in double-double arithmetic, streamed in blocks of rows: error in
     * proportion to κ(X)·2⁻¹⁰⁴, about 2n·p² double-double flops.
     */
    QR,
    /**
     * Householder QR in double-double followed by a one-sided Jacobi SVD of R: the minimum-norm
     * solution, also when X is rank-deficient.
     */
    SVD
}
