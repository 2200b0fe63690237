package org.gramian.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gramian.solve.GcvPoint;
import org.gramian.solve.RidgeSpectrum;

/**
 * Chooses the ridge penalty by generalized cross-validation (Golub, Heath and Wahba 1979),
 * GCV(λ) = n·RSS(λ)/(n − tr H(λ))², evaluated in closed form from one SVD ({@link RidgeSpectrum}):
 * no refit per λ.
 *
 * <p>The search: {@value #GRID_POINTS} values of λ evenly spaced in log λ from
 * max(σ²_min/100, σ²_max·10⁻²⁰) to 100·σ²_max (σ the singular values of the centred X in its own
 * units: below σ²_min/100 every coefficient is within 1% of least squares, above 100·σ²_max every
 * slope is shrunk by over 99%); then a golden-section search for the minimum of GCV over log λ
 * between the two grid neighbours of the grid's smallest score, to a relative width of 10⁻¹².
 * GCV need not be unimodal: the grid picks the valley, the refinement its bottom. When the smallest
 * grid score is the first and the centred X has full rank, λ = 0 (least squares) is compared too and
 * chosen if it scores no worse. Everything is deterministic (StrictMath for the grid).
 */
public final class GcvSearch {
    /** The number of grid points. */
    public static final int GRID_POINTS = 200;

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private GcvSearch() {
    }

    /** The GCV-optimal λ for a spectrum, with the grid it was found on. */
    public static GcvCurve search(RidgeSpectrum s) {
        double top = s.largestSquare();
        if (!(top > 0)) {
            return new GcvCurve(List.of(), s.point(0.0),
                    "no penalized column varies: the penalty changes nothing, λ = 0");
        }
        double lo = Math.max(s.smallestSquare() / 100, top * 1e-20);
        double hi = top * 100;
        double a = StrictMath.log(lo);
        double step = (StrictMath.log(hi) - a) / (GRID_POINTS - 1);
        double[] t = new double[GRID_POINTS];
        double[] score = new double[GRID_POINTS];
        List<GcvPoint> grid = new ArrayList<>(GRID_POINTS);
        int best = -1;
        for (int k = 0; k < GRID_POINTS; k++) {
            t[k] = a + k * step;
            double mu = StrictMath.exp(t[k]);
            score[k] = s.scaledGcv(mu);
            grid.add(s.point(mu));
            if (score[k] < Double.POSITIVE_INFINITY && (best < 0 || score[k] < score[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return new GcvCurve(grid, s.point(StrictMath.exp(t[GRID_POINTS - 1])),
                    "GCV is undefined on the whole grid (n ≤ tr H): too few observations for the columns");
        }
        double left = t[Math.max(best - 1, 0)];
        double right = t[Math.min(best + 1, GRID_POINTS - 1)];
        double bestT = t[best];
        double bestScore = score[best];
        // golden section on [left, right]
        double x1 = right - GOLDEN * (right - left);
        double x2 = left + GOLDEN * (right - left);
        double f1 = s.scaledGcv(StrictMath.exp(x1));
        double f2 = s.scaledGcv(StrictMath.exp(x2));
        while (right - left > 1e-12 * Math.max(1.0, Math.abs(left))) {
            if (f1 <= f2) {
                right = x2;
                x2 = x1;
                f2 = f1;
                x1 = right - GOLDEN * (right - left);
                f1 = s.scaledGcv(StrictMath.exp(x1));
            } else {
                left = x1;
                x1 = x2;
                f1 = f2;
                x2 = left + GOLDEN * (right - left);
                f2 = s.scaledGcv(StrictMath.exp(x2));
            }
        }
        double refinedT = f1 <= f2 ? x1 : x2;
        double refined = Math.min(f1, f2);
        if (refined < bestScore) {
            bestT = refinedT;
        }
        GcvPoint chosen = s.point(StrictMath.exp(bestT));
        String note = "";
        if (best == 0 && s.fullRank() && s.scaledGcv(0.0) <= s.scaledGcv(StrictMath.exp(bestT))) {
            chosen = s.point(0.0);
            note = "GCV keeps falling toward λ = 0 below the grid and is smallest at λ = 0: no shrinkage, the"
                    + " least-squares fit";
        } else if (best == 0) {
            note = String.format(Locale.ROOT, "GCV is smallest at the low end of the grid (λ = %.3g, every coefficient"
                    + " within 1%% of least squares): the data ask for little or no shrinkage", grid.get(0).lambda());
        } else if (best == GRID_POINTS - 1) {
            note = String.format(Locale.ROOT, "GCV is smallest at the high end of the grid (λ = %.3g, every slope shrunk"
                    + " by over 99%%): by GCV the features do not help predict y", grid.get(best).lambda());
        }
        return new GcvCurve(grid, chosen, note);
    }
}
