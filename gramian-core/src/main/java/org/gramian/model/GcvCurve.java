package org.gramian.model;

import java.util.List;
import org.gramian.solve.GcvPoint;

/**
 * How {@code --ridge auto} chose λ: the GCV score on the grid and the refined minimum.
 *
 * @param grid   the grid points, λ ascending ({@value GcvSearch#GRID_POINTS} of them, log-spaced)
 * @param chosen the refined minimum (golden-section search between the grid neighbours of the
 *               grid's minimum)
 * @param note   a remark when the minimum lies at an end of the grid (empty otherwise)
 */
public record GcvCurve(List<GcvPoint> grid, GcvPoint chosen, String note) {
    public GcvCurve {
        grid = List.copyOf(grid);
    }
}
