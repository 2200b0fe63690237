package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the machine rather than of the input (#16, item 2): a disk that fills up while a result
 * is written, a standard output on a full device, an output that is a device or a named pipe,
 * several runs at once on one input, and a JVM whose heap is too small. Signals and kill -9 during
 * {@code predict --out} are in {@link TempFileCleanupTest}.
 */
class FaultsTest {
    private static final long WAIT_MS = 120_000;

    @TempDir
    Path tmp;

    /** An output stream that accepts {@code room} bytes and then fails as a full disk does (ENOSPC). */
    private static final class FullDisk extends FilterOutputStream {
        private long room;

        FullDisk(OutputStream out, long room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            if (room-- <= 0) {
                throw new IOException("No space left on device");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                throw new IOException("No space left on device");
            }
            room -= len;
            out.write(b, off, len);
        }
    }

    @Test
    void aDiskThatFillsUpMidWayIsExitFourAndLeavesNoFile() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("out"));
        Path target = dir.resolve("pred.csv");
        Files.writeString(target, "the previous result\n");
        OutputException e = catchThrowableOfType(() -> Output.write(target, new PrintWriter(new StringWriter()),
                w -> {
                    for (int i = 0; i < 100_000; i++) {
                        w.write(i + ",1.5\n");
                    }
                }, p -> new FullDisk(Files.newOutputStream(p), 100_000)), OutputException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("cannot write " + target + ": No space left on device");
        assertThat(new ExitCodes().getExitCode(e)).isEqualTo(ExitCodes.OUTPUT_ERROR);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("the temporary file is gone, the previous result untouched").containsExactly(target);
        }
        assertThat(Files.readString(target)).isEqualTo("the previous result\n");
    }

    /** {@code gramian args...} in a new JVM with this test's class path. */
    private static ProcessBuilder fork(Path dir, String heap, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dgramian.kernel=scalar");
        cmd.add("-Xmx" + heap);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(GramianCli.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile());
    }

    private Path model() throws Exception {
        Path train = Files.writeString(tmp.resolve("train.csv"), "x,y\n1,3\n2,5\n3,7.001\n");
        Path model = tmp.resolve("model.json");
        Cli.Result r = Cli.run("fit", train.toString(), "--target", "y", "--format", "json", "--out", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return model;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void standardOutputOnAFullDeviceIsExitFour() throws Exception {
        Path full = Path.of("/dev/full");
        assertThat(Files.exists(full) && !Files.isRegularFile(full)).as("Linux's /dev/full").isTrue();
        Path data = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n2,4\n3,5.5\n4,8\n");
        Path err = tmp.resolve("err.txt");
        for (String[] args : new String[][] {{"fit", data.toString(), "--target", "y"},
            {"predict", model().toString(), data.toString()},
            {"explain", data.toString(), "--target", "y"}}) {
            Process p = fork(tmp, "128m", args).redirectOutput(full.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(p.exitValue()).as(args[0]).isEqualTo(ExitCodes.OUTPUT_ERROR);
            assertThat(Files.readAllLines(err)).containsExactly("gramian: cannot write to standard output");
        }
        assertThat(Files.isRegularFile(full)).as("/dev/full is still the device").isFalse();
    }

    /**
     * A named pipe given to {@code --out} is written into, not replaced: renaming a temporary file
     * over an existing target would turn a device or a pipe into a plain file (as root, {@code --out
     * /dev/full} did exactly that to /dev/full).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aNamedPipeAsOutIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = tmp.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(mk.exitValue()).isZero();
        Path data = Files.writeString(tmp.resolve("new.csv"), "x\n1\n2\n");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<String> read = reader.submit(() -> Files.readString(fifo));
            Cli.Result r = Cli.run("predict", model().toString(), data.toString(), "--out", fifo.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(read.get(WAIT_MS, TimeUnit.MILLISECONDS)).startsWith("x,predicted_y\n1,").hasLineCount(3);
        } finally {
            reader.shutdownNow();
        }
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    /**
     * Eight runs at once on one input, in one JVM (shared static state would show): fit to one
     * model file from four runs, predict to two files from four runs. Every run succeeds, every
     * result is byte for byte what a run alone writes, and no temporary file is left.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void concurrentRunsOnOneInputDoNotInterfere() throws Exception {
        Path data = tmp.resolve("data.csv");
        try (Writer w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            w.write("x,y\n");
            for (int i = 0; i < 50_000; i++) {
                w.write(i % 977 + "." + i % 13 + "," + (3 + 2 * (i % 977) + (i % 7) * 0.25) + "\n");
            }
        }
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path aloneModel = tmp.resolve("alone.json");
        assertThat(Cli.run("fit", data.toString(), "--target", "y", "--format", "json", "--out", aloneModel.toString())
                .code()).isZero();
        Path alonePred = tmp.resolve("alone.csv");
        assertThat(Cli.run("predict", aloneModel.toString(), data.toString(), "--out", alonePred.toString()).code())
                .isZero();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Cli.Result>> runs = new ArrayList<>();
        try {
            for (int k = 0; k < 8; k++) {
                String[] args = k % 2 == 0
                        ? new String[] {"fit", data.toString(), "--target", "y", "--format", "json", "--out",
                            out.resolve("model.json").toString()}
                        : new String[] {"predict", aloneModel.toString(), data.toString(), "--out",
                            out.resolve("pred" + (k % 4) + ".csv").toString()};
                Callable<Cli.Result> run = () -> {
                    start.await();
                    return Cli.run(args);
                };
                runs.add(pool.submit(run));
            }
            start.countDown();
            for (Future<Cli.Result> f : runs) {
                Cli.Result r = f.get(WAIT_MS, TimeUnit.MILLISECONDS);
                assertThat(r.code()).as(r.err()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        // the model file names its data file as given: the same in every run
        assertThat(Files.readString(out.resolve("model.json"))).isEqualTo(Files.readString(aloneModel));
        assertThat(Files.mismatch(out.resolve("pred1.csv"), alonePred)).isEqualTo(-1L);
        assertThat(Files.mismatch(out.resolve("pred3.csv"), alonePred)).isEqualTo(-1L);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("model.json", "pred1.csv", "pred3.csv");
        }
    }

    /**
     * An {@link OutOfMemoryError} on a user-reachable path (a 10000×10000 picture twice over, 800 MB,
     * in a 64 MiB heap) is one line and exit 5, not a 22-line trace with exit 1; the PNG is not
     * written.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void outOfMemoryInAForkedSmallHeapIsOneLine() throws Exception {
        Path data = Files.writeString(tmp.resolve("d.csv"), "x,y\n1,2\n2,4\n3,5.5\n4,8\n");
        Path err = tmp.resolve("err.txt");
        Path png = tmp.resolve("big.png");
        Process p = fork(tmp, "64m", "plot", data.toString(), "--target", "y", "--width", "10000", "--height", "10000",
                "--residuals", "--out", png.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        List<String> lines = Files.readAllLines(err);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("gramian: not enough memory: the Java heap (64 MiB) is too small")
                .contains("-Xmx");
        assertThat(png).doesNotExist();
    }

    /**
     * 1,500 columns (and 1,501 rows) in a 64 MiB heap: refused before the pass over the data, in
     * one line with the bound and the suggestion of LSQR, exit 5. The bound, by hand: m = 1501,
     * 6·8·1501² = 108,144,048 bytes = 103 MiB.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tooManyColumnsForTheHeapAreRefusedBeforeAnyWork() throws Exception {
        StringBuilder sb = new StringBuilder("y");
        for (int j = 1; j <= 1500; j++) {
            sb.append(",c").append(j);
        }
        sb.append('\n');
        String row = "1" + ",2".repeat(1500) + "\n";
        sb.append(row.repeat(1501));
        Path data = Files.writeString(tmp.resolve("wide.csv"), sb);
        Path err = tmp.resolve("err.txt");
        Process p = fork(tmp, "64m", "fit", data.toString(), "--target", "y")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(Files.readAllLines(err)).singleElement().asString()
                .startsWith("gramian: " + data + ": 1501 coefficients are too many for this Java heap: the auto solver"
                        + " holds at least 6 matrices of (p+1)² doubles, 103 MiB, and the heap is 64 MiB")
                .contains("LSQR");
    }
}
