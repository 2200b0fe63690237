package org.gramian.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.gramian.data.RowSource;

/** Test helpers: write CSV text, read a source back completely. */
final class Rows {
    private Rows() {
    }

    /** Everything one pass delivers: block starts and sizes, values and tails in order. */
    record Pass(List<long[]> blocks, double[] values, double[] tails) {
        int rows() {
            return blocks.stream().mapToInt(b -> (int) b[1]).sum();
        }
    }

    static Pass read(RowSource source, boolean extended) {
        List<long[]> blocks = new ArrayList<>();
        double[][] acc = {new double[0], new double[0]};
        int[] n = {0};
        source.forEachBlock(extended, block -> {
            blocks.add(new long[] {block.firstRow(), block.rows()});
            int len = block.rows() * block.width();
            acc[0] = Arrays.copyOf(acc[0], n[0] + len);
            System.arraycopy(block.values(), 0, acc[0], n[0], len);
            if (extended) {
                acc[1] = Arrays.copyOf(acc[1], n[0] + len);
                System.arraycopy(block.tails(), 0, acc[1], n[0], len);
            } else if (block.tails() != null) {
                throw new AssertionError("tails delivered in a plain pass");
            }
            n[0] += len;
        });
        return new Pass(blocks, acc[0], extended ? acc[1] : null);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    static Path writeGzip(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }
}
