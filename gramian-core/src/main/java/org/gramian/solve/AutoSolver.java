package org.gramian.solve;

import java.util.Locale;
import org.gramian.design.Design;
import org.gramian.accumulate.Passes;
import org.gramian.accumulate.GramAccumulator;
import org.gramian.accumulate.HouseholderAccumulator;

/**
 * Certified digits at the cost of the normal equation where it suffices: one fast Gram pass and
 * Cholesky; if the problem is small (n·(p+1)² ≤ {@value #SMALL_WORK}) or the normal equation
 * would keep fewer than {@value #AUTO_DIGITS} digits (u·κ², u = 2⁻⁵³) or sees the data as
 * rank-deficient, a second pass with the double-double QR ({@link QrSolver}).
 */
public final class AutoSolver implements LeastSquaresSolver {
    /**
     * Problems with at most this many n·(p+1)² units of work are always solved by Householder QR in
     * double-double: at this size it takes well under a second.
     */
    public static final long SMALL_WORK = 4_000_000L;

    /** Digits that the double-precision normal equation must promise for {@code auto} to keep it. */
    public static final double AUTO_DIGITS = 13.5;

    @Override
    public SolverResult solve(Passes data) {
        Design design = data.design();
        int p = design.width();
        GramAccumulator gram = data.equilibratedGram();
        long n = gram.count();
        LeastSquaresSolver.requireRows(n, p);
        long work = n * (long) (p + 1) * (p + 1);
        String why;
        if (work > SMALL_WORK) {
            TriangularFactor chol = GramCholesky.factor(gram);
            LeastSquaresSolution fast = TriangularSolver.solve(chol, design.hasIntercept(), false);
            if (!fast.rankDeficient() && fast.expectedDigits() >= AUTO_DIGITS) {
                return SolverResult.of(fast, SolverKind.CHOLESKY, String.format(Locale.ROOT,
                        "auto: condition number %.2g, normal equation keeps %.1f digits: Cholesky",
                        fast.conditionNumber(), fast.expectedDigits()));
            }
            why = fast.rankDeficient()
                    ? "auto: X looks rank-deficient in double precision: second pass with Householder QR"
                            + " in double-double"
                    : String.format(Locale.ROOT, "auto: condition number %.2g, Cholesky would keep only"
                            + " %.1f digits: second pass with Householder QR in double-double",
                            fast.conditionNumber(), fast.expectedDigits());
        } else {
            why = "auto: small problem, Householder QR in double-double";
        }
        HouseholderAccumulator qr = data.equilibratedHouseholder();
        return SolverResult.of(TriangularSolver.solve(QrSolver.factor(qr), design.hasIntercept(), false),
                SolverKind.QR, why);
    }
}
