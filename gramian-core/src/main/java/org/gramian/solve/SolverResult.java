package org.gramian.solve;

/**
 * A solved problem and the record of how: the method whose answer it is and why that method was
 * used (for {@code auto}) or what happened (a rank-deficient fit leaves the aliased columns out).
 *
 * @param solution the solution, before statistics
 * @param method   the method whose answer this is
 * @param reason   why, in words
 */
public record SolverResult(LeastSquaresSolution solution, SolverKind method, String reason) {

    /** The result, with the rank-deficiency note added when the solution needed it. */
    public static SolverResult of(LeastSquaresSolution solution, SolverKind method, String reason) {
        if (solution.rankDeficient() && !solution.usedSvd()) {
            reason = reason + "; rank-deficient: aliased columns left out";
        }
        return new SolverResult(solution, method, reason);
    }
}
