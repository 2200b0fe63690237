package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gramian.cli.render.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a run that writes {@code --out} or {@code --save} leaves behind when it is stopped part-way:
 * a forked JVM is signalled once its temporary file exists. INT, TERM and HUP leave nothing; kill -9
 * leaves the temporary file, which the next write into the folder removes. {@code predict} on a
 * large input is caught while it streams; the writers of small results ({@code fit --out},
 * {@code fit --save}, {@code logistic --save}, {@code plot --out}, {@code explain --out}) are held
 * with the temporary file open by {@code -Dgramian.faults.pauseAfterTempMs} (a fault-injection
 * switch of AtomicFiles), which is the only way to hit a write that takes milliseconds.
 */
class TempFileCleanupTest {
    private static final long WAIT_MS = 60_000;

    @TempDir
    Path tmp;

    /** A model y = 1 + 2x and a 300,000-row input: predict runs for seconds on it. */
    private Path[] modelAndBigInput() throws Exception {
        Path train = tmp.resolve("train.csv");
        Files.writeString(train, "x,y\n1,3\n2,5\n3,7.001\n");
        Path model = tmp.resolve("model.json");
        Cli.Result r = Cli.run("fit", train.toString(), "--target", "y", "--format", "json", "--out",
                model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path data = tmp.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            w.write("x\n");
            for (int i = 0; i < 300_000; i++) {
                w.write(i + ".0625\n");
            }
        }
        return new Path[] {model, data};
    }

    /** {@code gramian args...} in a new JVM with this test's class path (plain-Java kernel). */
    private static Process fork(Path dir, String... args) throws IOException {
        return fork(dir, List.of(), args);
    }

    /** As {@link #fork(Path, String...)} with extra JVM options. */
    private static Process fork(Path dir, List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-Dgramian.kernel=scalar");
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(GramianCli.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile())
                .start();
    }

    private static List<Path> temps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Waits (polling) until the process has created its temporary file; returns it. */
    private static Path awaitTemp(Process p, Path dir) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < end) {
            List<Path> t = temps(dir);
            if (!t.isEmpty()) {
                return t.get(0);
            }
            assertThat(p.isAlive()).as("the run ended before its temporary file appeared").isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no temporary file appeared within " + WAIT_MS + " ms");
    }

    /** Whether {@code sig} is ignored by process {@code pid} (then the JVM installs no handler). */
    private static boolean ignores(long pid, int sig) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                return (mask & (1L << (sig - 1))) != 0;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void signalLeavesNoTemporaryAndNoOutputFile(String signal) throws Exception {
        assumeTrue(File.separatorChar == '/', "POSIX signals");
        Path[] in = modelAndBigInput();
        Path outDir = Files.createDirectory(tmp.resolve("out"));
        Path out = outDir.resolve("pred.csv");
        Process p = fork(tmp, "predict", in[0].toString(), in[1].toString(), "--out", out.toString(), "--quiet");
        Path temp = awaitTemp(p, outDir);
        assertThat(temp.getFileName().toString()).startsWith(".pred.csv.gramian-" + p.pid() + "-").endsWith(".tmp");
        if (signal.equals("TERM")) {
            p.destroy(); // SIGTERM on Linux and macOS
        } else {
            int number = signal.equals("INT") ? 2 : 1;
            assumeTrue(!ignores(p.pid(), number), "SIG" + signal + " is ignored in this environment");
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).start();
            assertThat(kill.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(kill.exitValue()).isZero();
        }
        assertThat(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).as("stopped by SIG" + signal).isTrue();
        assertThat(p.exitValue()).as("killed by the signal, not finished").isNotZero();
        assertThat(temps(outDir)).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killNineLeavesATemporaryFileThatTheNextWriteSweeps() throws Exception {
        Path[] in = modelAndBigInput();
        Path outDir = Files.createDirectory(tmp.resolve("out"));
        Path out = outDir.resolve("pred.csv");
        Process p = fork(tmp, "predict", in[0].toString(), in[1].toString(), "--out", out.toString(), "--quiet");
        Path temp = awaitTemp(p, outDir);
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(temp).exists();
        assertThat(out).doesNotExist();

        // a later run writing any file into the same folder removes the leftover and succeeds
        Path small = tmp.resolve("small.csv");
        Files.writeString(small, "x\n1\n2\n");
        Path other = outDir.resolve("other.csv");
        Cli.Result r = Cli.run("predict", in[0].toString(), small.toString(), "--out", other.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(temp).doesNotExist();
        assertThat(temps(outDir)).isEmpty();
        assertThat(Files.readAllLines(other)).hasSize(3);
    }

    /** A command that writes a small result, and the file it writes (relative to the output folder). */
    record WriterCase(String name, String output, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every writer of a small result; {@code IN}, {@code OUT} stand for the input file and the output. */
    static Stream<WriterCase> writers() {
        return Stream.of(
                new WriterCase("fit --out", "fit.txt", "fit", "IN", "--target", "y", "--out", "OUT"),
                new WriterCase("fit --save", "model.json", "fit", "IN", "--target", "y", "--save", "OUT"),
                new WriterCase("logistic --save", "logit.json", "logistic", "IN", "--target", "z", "--features", "x",
                        "--save", "OUT"),
                new WriterCase("plot --out", "plot.png", "plot", "IN", "--target", "y", "--features", "x", "--out", "OUT"),
                new WriterCase("explain --out", "explain.txt", "explain", "IN", "--target", "y", "--out", "OUT"));
    }

    /** Each writer with each signal that runs the shutdown hooks. */
    static Stream<org.junit.jupiter.params.provider.Arguments> writersAndSignals() {
        return writers().flatMap(w -> Stream.of("TERM", "INT", "HUP")
                .map(sig -> org.junit.jupiter.params.provider.Arguments.of(w, sig)));
    }

    /** A small input every writer accepts: y ≈ 1 + 2x with noise, z a 0/1 target that is not separated. */
    private Path smallInput() throws IOException {
        Path in = tmp.resolve("small-in.csv");
        Files.writeString(in, "x,y,z\n1,3.1,0\n2,4.9,1\n3,7.2,0\n4,8.8,1\n5,11.1,1\n6,12.9,0\n7,15.2,1\n");
        return in;
    }

    private static String[] args(WriterCase w, Path in, Path out) {
        return Stream.of(w.args()).map(a -> a.equals("IN") ? in.toString() : a.equals("OUT") ? out.toString() : a)
                .toArray(String[]::new);
    }

    /** Sends {@code signal} (TERM, INT or HUP) to the process. */
    private static void signal(Process p, String signal) throws Exception {
        if (signal.equals("TERM")) {
            p.destroy(); // SIGTERM on Linux and macOS
            return;
        }
        int number = signal.equals("INT") ? 2 : 1;
        assumeTrue(!ignores(p.pid(), number), "SIG" + signal + " is ignored in this environment");
        Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).start();
        assertThat(kill.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static final List<String> HOLD = List.of("-Dgramian.faults.pauseAfterTempMs=120000", "-Xshare:auto",
            "-XX:TieredStopAtLevel=1");

    @ParameterizedTest(name = "{0}, SIG{1}")
    @org.junit.jupiter.params.provider.MethodSource("writersAndSignals")
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyWriterLeavesNothingWhenSignalled(WriterCase w, String signal) throws Exception {
        assumeTrue(File.separatorChar == '/', "POSIX signals");
        Path outDir = Files.createDirectory(tmp.resolve("out"));
        Path out = outDir.resolve(w.output());
        Process p = fork(tmp, HOLD, args(w, smallInput(), out));
        Path temp = awaitTemp(p, outDir);
        assertThat(temp.getFileName().toString()).startsWith("." + w.output() + ".gramian-" + p.pid() + "-");
        signal(p, signal);
        assertThat(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).as("stopped by SIG" + signal).isTrue();
        assertThat(p.exitValue()).as("killed by the signal, not finished").isNotZero();
        assertThat(temps(outDir)).isEmpty();
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files).as("nothing at all in the output folder").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("writers")
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyWriterKilledWithSignalNineLeavesATemporaryFileThatTheNextRunSweeps(WriterCase w) throws Exception {
        Path outDir = Files.createDirectory(tmp.resolve("out"));
        Path out = outDir.resolve(w.output());
        Path in = smallInput();
        Process p = fork(tmp, HOLD, args(w, in, out));
        Path temp = awaitTemp(p, outDir);
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(temp).exists();
        assertThat(out).doesNotExist();

        // the same command run again (in this JVM, no pause) sweeps the leftover and writes its result
        Cli.Result r = Cli.run(args(w, in, out));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(temp).doesNotExist();
        assertThat(temps(outDir)).isEmpty();
        assertThat(out).isRegularFile();
        assertThat(Files.size(out)).isPositive();
    }

    /** The sweep deletes files of dead processes only: never this one's, never another live one's. */
    @Test
    void sweepKeepsTheTemporaryFilesOfLiveProcesses() throws Exception {
        Process done = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(done.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
        long deadPid = done.pid();
        assumeTrue(ProcessHandle.of(deadPid).isEmpty(), "pid reused already");
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);

        Path dead = Files.writeString(tmp.resolve(".a.csv.gramian-" + deadPid + "-123.tmp"), "partial");
        Path mine = Files.writeString(tmp.resolve(".a.csv.gramian-" + self + "-456.tmp"), "in progress");
        Path live = Files.writeString(tmp.resolve(".b.png.gramian-" + parent + "-789.tmp"), "in progress");
        Path unrelated = Files.writeString(tmp.resolve(".a.csv.12345.tmp"), "not ours");
        Path user = Files.writeString(tmp.resolve("notes.gramian-1-1.tmp"), "not hidden: not ours");

        assertThat(AtomicFiles.sweepStale(tmp)).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(mine).exists();
        assertThat(live).exists();
        assertThat(unrelated).exists();
        assertThat(user).exists();
    }
}
