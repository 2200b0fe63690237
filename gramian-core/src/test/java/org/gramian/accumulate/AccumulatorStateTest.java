package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.gramian.numeric.DD;
import org.junit.jupiter.api.Test;

/**
 * What a distributed caller does: every partition accumulates its rows with the same caller-supplied
 * shift and scale, its accumulator travels serialized, and the driver merges them in partition
 * order. The result is the bits of merging the same accumulators without serialization, and the
 * merged sums agree with one accumulator over all rows.
 */
class AccumulatorStateTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void gramPartitionsTravelAndMerge() throws Exception {
        Random r = new Random(4);
        double[] shift = {0, 5, -3, 0};            // the intercept's column is not shifted
        double[] scale = {1, 0.25, 0.125, 0.5};
        GramAccumulator[] parts = new GramAccumulator[3];
        GramAccumulator all = new GramAccumulator(3, shift, scale);
        for (int k = 0; k < parts.length; k++) {
            parts[k] = new GramAccumulator(3, shift, scale);
            for (int i = 0; i < 1000 + 37 * k; i++) {
                double[] x = {1, 5 + r.nextGaussian(), -3 + 4 * r.nextGaussian()};
                double y = 2 * x[1] - x[2] + r.nextGaussian();
                parts[k].add(x, y);
                all.add(x, y);
            }
        }
        GramAccumulator local = GramAccumulator.of(parts[0].state());
        GramAccumulator remote = roundTrip(parts[0]);
        for (int k = 1; k < parts.length; k++) {
            local.merge(parts[k]);
            remote.merge(roundTrip(parts[k]));
        }
        assertThat(remote.count()).isEqualTo(all.count());
        assertThat(Arrays.deepEquals(remote.gram(), local.gram())).isTrue();
        double[][] g = remote.gram();
        double[][] a = all.gram();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(Math.abs(g[i][j] - a[i][j])).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(a[i][j])));
            }
        }
        assertThat(remote.scale()).containsExactly(scale);
        assertThat(remote.shift()).containsExactly(shift);
    }

    @Test
    void householderPartitionsTravelAndMerge() throws Exception {
        Random r = new Random(5);
        HouseholderAccumulator[] parts = new HouseholderAccumulator[3];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = new HouseholderAccumulator(2);
            for (int i = 0; i < 100 + k; i++) {     // not a multiple of the block: rows still buffered
                double x = r.nextGaussian();
                parts[k].add(new DD[] {DD.ONE, DD.of(x), DD.of(3 * x + r.nextGaussian())});
            }
        }
        HouseholderAccumulator local = HouseholderAccumulator.of(parts[0].state());
        HouseholderAccumulator remote = roundTrip(parts[0]);
        for (int k = 1; k < parts.length; k++) {
            local.merge(parts[k]);
            remote.merge(roundTrip(parts[k]));
        }
        assertThat(remote.count()).isEqualTo(303);
        DD[][] a = local.factor();
        DD[][] b = remote.factor();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(b[i][j]).isEqualTo(a[i][j]);
            }
        }
    }
}
