package org.gramian.accumulate;

import java.util.Arrays;
import java.util.Random;
import org.gramian.numeric.DD;

/**
 * Run by {@link HouseholderKernelsTest} in a fresh JVM: a Householder accumulation of eight blocks,
 * one row at a time, printing the kernel in use as each block is folded in (s or v) and whether the
 * factor has the bits of the column-by-column oracle ({@link ColumnwiseHouseholder}).
 */
public final class HouseholderKernelProbe {
    private HouseholderKernelProbe() {
    }

    public static void main(String[] args) {
        int p = 20;
        Random r = new Random(3);
        HouseholderAccumulator acc = new HouseholderAccumulator(p);
        ColumnwiseHouseholder oracle = new ColumnwiseHouseholder(p, null);
        StringBuilder kinds = new StringBuilder();
        int n = 8 * HouseholderAccumulator.BLOCK;
        for (int i = 0; i < n; i++) {
            DD[] row = new DD[p + 1];
            for (int k = 0; k <= p; k++) {
                row[k] = DD.sum(1e3 * (k % 5) + r.nextGaussian(), r.nextGaussian() * 1e-14);
            }
            if ((i + 1) % HouseholderAccumulator.BLOCK == 0) {
                kinds.append(HouseholderKernels.current().name().charAt(0));
            }
            acc.add(row);
            oracle.add(row);
        }
        HouseholderAccumulator.State state = acc.state();
        double[][] want = oracle.state();
        boolean same = Arrays.equals(state.rh(), want[0]) && Arrays.equals(state.rl(), want[1]);
        String failure = HouseholderKernels.warmUpFailure();
        System.out.println("blocks " + kinds + (same ? " same bits" : " DIFFERENT BITS")
                + (failure == null ? "" : " (" + failure + ")"));
    }
}
