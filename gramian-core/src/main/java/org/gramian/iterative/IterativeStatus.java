package org.gramian.iterative;

/** How an iterative solver stopped. */
public enum IterativeStatus {
    /** The stopping rule was met: the answer is the least-squares solution to the tolerance asked. */
    CONVERGED,
    /** The iteration limit was reached first: the answer is the last iterate, not yet converged. */
    MAX_ITERATIONS,
    /**
     * The cost became non-finite or grew by orders of magnitude (step size too large): the
     * coefficients are the last iterate before that and are not a solution.
     */
    DIVERGED
}
