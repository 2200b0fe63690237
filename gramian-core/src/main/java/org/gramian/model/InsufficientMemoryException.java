package org.gramian.model;

import java.util.Locale;
import org.gramian.GramianException;
import org.gramian.solve.SolverKind;

/**
 * The p×p matrices of the normal equation cannot fit in this JVM's heap: refused before the pass
 * over the data (after only the cheap count of the first p rows, so that too few rows is said
 * first), instead of an {@link OutOfMemoryError} after minutes of work.
 *
 * <p>The bound is a lower bound, so the refusal is never wrong: with m = p + 1, the solvers hold
 * at least {@link #matrices(SolverKind)} m×m matrices of doubles at once (Cholesky: the Gram
 * matrix, its factor and the inverse; QR, SVD and auto: the double-double factor [R z] (two
 * matrices), its double-double inverse (two), the covariance and, for auto, the Gram matrix of the
 * first pass), that is {@code matrices·8·m²} bytes; the heap is {@link Runtime#maxMemory()}. Beyond
 * the matrices a fit also holds the rows being read (a few blocks of 4,096 rows × m values and
 * their decimal tails per thread), so a fit can still run out of memory below this bound; the CLI
 * then reports that in one line.
 */
public final class InsufficientMemoryException extends GramianException {
    private static final long serialVersionUID = 1L;

    private InsufficientMemoryException(String message) {
        super(message);
    }

    /** How many m×m matrices of doubles the solver holds at least (see the class comment). */
    public static int matrices(SolverKind solver) {
        return solver == SolverKind.CHOLESKY ? 3 : 6;
    }

    /** The least memory the solver needs for p coefficients: matrices·8·(p+1)² bytes. */
    public static long leastBytes(int p, SolverKind solver) {
        long m = p + 1L;
        return matrices(solver) * 8L * m * m;
    }

    /**
     * Throws when {@code p} coefficients cannot fit in {@code maxMemory} bytes of heap.
     *
     * @throws InsufficientMemoryException naming p, the bound and the heap, and suggesting LSQR
     */
    public static void requireFits(int p, SolverKind solver, long maxMemory) {
        long need = leastBytes(p, solver);
        if (need <= maxMemory) {
            return;
        }
        throw new InsufficientMemoryException(String.format(Locale.ROOT,
                "%d coefficients are too many for this Java heap: the %s solver holds at least %d matrices of"
                        + " (p+1)² doubles, %s, and the heap is %s; give java more memory (-Xmx), fit fewer"
                        + " columns, or solve iteratively with LSQR in O(p) memory beyond the data"
                        + " (org.gramian.iterative.Lsqr; 'gramian compare' runs it on data that fits in memory)",
                p, solver.name().toLowerCase(Locale.ROOT), matrices(solver), size(need), size(maxMemory)));
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }
}
