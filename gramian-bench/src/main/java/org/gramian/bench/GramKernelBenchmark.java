package org.gramian.bench;

import java.util.concurrent.TimeUnit;
import org.gramian.accumulate.GramAccumulator;
import org.gramian.accumulate.GramKernels;
import org.gramian.accumulate.GramTile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Gram kernel on one thread: accumulate n prepared rows of width m = p + 1 (canonical tiles,
 * each summed from zero and added in order, as {@link org.gramian.accumulate.Accumulation} does).
 * Each method declares its flop count n·m(m+1) as operations per invocation, so JMH's throughput
 * score in ops/s is FLOP/s (divide by 1e9 for GFLOP/s).
 *
 * <p>Both kernels: the forks run with {@code --add-modules jdk.incubator.vector}, and the
 * {@code kernel} parameter sets {@code gramian.kernel} in the fork before the first tile is made,
 * i.e. before {@link GramKernels} chooses ({@code vector}, or {@code scalar} to force the fallback).
 *
 * <p>Run: {@code java -jar gramian-bench/target/benchmarks.jar GramKernelBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class GramKernelBenchmark {

    /** Sets the kernel in this fork (each parameter value gets its own fork). */
    @State(Scope.Benchmark)
    public static class Kernel {
        @Param({"vector", "scalar"})
        public String kernel;

        @Setup
        public void choose() {
            System.setProperty(GramKernels.PROPERTY, kernel);
            if (!GramKernels.current().label().equals(kernel)) {
                throw new IllegalStateException("wanted the " + kernel + " kernel, got " + GramKernels.description());
            }
        }
    }

    @State(Scope.Thread)
    public static class P10 {
        GramTile[] tiles;

        @Setup
        public void setup(Kernel k) {
            tiles = SyntheticData.tiles(100_000, 11, 1);
        }
    }

    @State(Scope.Thread)
    public static class P50 {
        GramTile[] tiles;

        @Setup
        public void setup(Kernel k) {
            tiles = SyntheticData.tiles(100_000, 51, 2);
        }
    }

    @State(Scope.Thread)
    public static class P200 {
        GramTile[] tiles;

        @Setup
        public void setup(Kernel k) {
            tiles = SyntheticData.tiles(20_000, 201, 3);
        }
    }

    static GramAccumulator accumulate(GramTile[] tiles) {
        int m = tiles[0].width();
        GramAccumulator acc = new GramAccumulator(m - 1, null);
        for (GramTile t : tiles) {
            t.compute();
            acc.addTile(t);
        }
        return acc;
    }

    /** n = 1e5, p = 10: 1e5·11·12 flops. */
    @Benchmark
    @OperationsPerInvocation(13_200_000)
    public GramAccumulator n1e5p10(P10 s) {
        return accumulate(s.tiles);
    }

    /** n = 1e5, p = 50: 1e5·51·52 flops. */
    @Benchmark
    @OperationsPerInvocation(265_200_000)
    public GramAccumulator n1e5p50(P50 s) {
        return accumulate(s.tiles);
    }

    /** n = 2e4, p = 200: 2e4·201·202 flops. */
    @Benchmark
    @OperationsPerInvocation(812_040_000)
    public GramAccumulator n2e4p200(P200 s) {
        return accumulate(s.tiles);
    }
}
