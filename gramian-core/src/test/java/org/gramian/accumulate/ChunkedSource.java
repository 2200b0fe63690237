package org.gramian.accumulate;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.gramian.data.RowBlock;
import org.gramian.data.RowSource;

/**
 * Test source: row-major data delivered in blocks whose sizes cycle through a given list, from one
 * reused buffer that is overwritten with NaN after each callback (so a consumer that keeps a
 * reference to the block instead of copying would read garbage).
 */
final class ChunkedSource implements RowSource {
    private final List<String> names;
    private final double[][] rows;
    private final int[] sizes;

    ChunkedSource(List<String> names, double[][] rows, int... sizes) {
        this.names = names;
        this.rows = rows;
        this.sizes = sizes;
    }

    @Override
    public List<String> columns() {
        return names;
    }

    @Override
    public void forEachBlock(boolean extended, Consumer<RowBlock> consumer) {
        int w = names.size();
        int max = Arrays.stream(sizes).max().orElse(1);
        double[] buf = new double[max * w];
        int start = 0;
        int s = 0;
        while (start < rows.length) {
            int count = Math.min(sizes[s++ % sizes.length], rows.length - start);
            for (int i = 0; i < count; i++) {
                System.arraycopy(rows[start + i], 0, buf, i * w, w);
            }
            consumer.accept(new RowBlock(start, count, w, buf));
            Arrays.fill(buf, Double.NaN);
            start += count;
        }
    }
}
