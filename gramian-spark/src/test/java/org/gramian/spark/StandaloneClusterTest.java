package org.gramian.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gramian.spark.SparkFixtures.sameFit;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gramian.Gramian;
import org.gramian.accumulate.GramAccumulator;
import org.gramian.data.NistDataset;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit against a real standalone cluster on 127.0.0.1: a Master and a Worker started here from
 * the Spark jars of the test class path (a SPARK_HOME whose {@code jars/} links to them), the
 * Worker launching its own executor JVM, so that tasks, accumulator states and exceptions really
 * cross process boundaries by serialization. The application classes (this module and the core)
 * reach the executor as a jar built here and shipped with {@code spark.jars}, as spark-submit ships
 * the application jar.
 */
class StandaloneClusterTest {
    @TempDir
    static Path dir;
    static final List<Process> daemons = new ArrayList<>();
    static SparkSession spark;

    @BeforeAll
    static void startCluster() throws Exception {
        Path home = sparkHome(dir.resolve("spark-home"));
        int port = freePort();
        int ui = freePort();
        String url = "spark://127.0.0.1:" + port;
        daemons.add(launch(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(ui)));
        daemons.add(launch(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", "2", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", dir.resolve("work").toString(), url));
        awaitWorker(ui);
        spark = SparkSession.builder().master(url).appName("gramian-standalone-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.memory", "768m").config("spark.cores.max", "2")
                .config("spark.jars", applicationJar(dir.resolve("gramian-app.jar")).toString())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (spark != null) {
            spark.stop();
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.descendants().forEach(ProcessHandle::destroy);   // the executor JVMs the worker started
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void nistAndGeneratedDataEqualTheLocalFitOnAnExecutorJvm() throws Exception {
        // the tasks run in another JVM than this one
        List<Long> pids = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1, 2), 2).map(i -> ProcessHandle.current().pid()).collect();
        assertThat(pids).doesNotContain(ProcessHandle.current().pid());
        for (String name : List.of("Longley.dat", "Wampler1.dat", "Norris.dat")) {
            NistDataset nist = NistDataset.read(SparkFixtures.nistDir().resolve(name));
            FittedModel local = Gramian.fit(nist.data(), nist.spec());
            Dataset<Row> df = SparkFixtures.frame(spark, nist.data(), 3, true);
            sameFit(SparkLeastSquares.fit(df, nist.spec()), local, 1e-13, nist.name() + " on the cluster");
        }
        int n = 200_000;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            // near-orthogonal once shifted by the first row (where each feature is at its mean):
            // data on which auto keeps the Gram path (with a column 1e4 + 50·sin instead, measured
            // here, auto's condition number was too large and it took the QR path)
            double x1 = Math.sin(i * 0.37);
            double x2 = Math.sin(i * 0.011) * 50;
            double x3 = ((i + n / 2) % n) / (double) n - 0.5;
            rows[i] = new double[] {2 + 3 * x1 - 0.01 * x2 + 5 * x3 + 0.3 * Math.sin(i * 1.7), x1, x2, x3};
        }
        Table table = Table.ofRows(List.of("y", "x1", "x2", "x3"), rows);
        ModelSpec spec = ModelSpec.linear("y", List.of("x1", "x2", "x3"));
        FittedModel local = Gramian.fit(table, spec);
        assertThat(local.solver()).isEqualTo(SolverKind.CHOLESKY);
        FittedModel remote = SparkLeastSquares.fit(SparkFixtures.frame(spark, table, 4, false), spec);
        sameFit(remote, local, 1e-13, SparkLeastSquaresTest.GRAM_STATS_TOL, "200,000 rows on the cluster");
    }

    /**
     * Waits (up to 3 minutes: a loaded CI machine starts a JVM slowly) until the master's status
     * page lists an alive worker; the application would otherwise give up on the master after
     * three 20-second tries.
     */
    static void awaitWorker(int uiPort) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String last = "";
        while (System.nanoTime() < deadline) {
            for (Process p : daemons) {
                assertThat(p.isAlive()).as("a Spark daemon exited early:%n%s", logs()).isTrue();
            }
            try {
                var c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + uiPort + "/json/")
                        .openConnection();
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                try (var in = c.getInputStream()) {
                    last = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                if (last.matches("(?s).*\"aliveworkers\"\\s*:\\s*[1-9].*")) {
                    return;
                }
            } catch (IOException notYet) {
                // the master is not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no worker registered with the master in 3 minutes; master status: " + last
                + System.lineSeparator() + logs());
    }

    private static String logs() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("master", "worker")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
                sb.append("--- ").append(name).append(".log (last lines)").append(System.lineSeparator());
                lines.subList(Math.max(0, lines.size() - 30), lines.size())
                        .forEach(l -> sb.append(l).append(System.lineSeparator()));
            } catch (IOException e) {
                sb.append("--- no ").append(name).append(".log").append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    /** A SPARK_HOME whose jars/ holds (links to) every jar of this JVM's class path. */
    static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        assertThat(classPath()).as("the test class path").anyMatch(e -> e.contains("spark-core_"));
        Set<String> seen = new LinkedHashSet<>();
        for (String entry : classPath()) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && seen.add(p.getFileName().toString())) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        return home;
    }

    /** The test class path (surefire runs the tests through a manifest-only booter jar). */
    static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    /**
     * A jar of the application classes: this module's and the core's (directories or a jar), and
     * this test's (for the lambda that asks the executor its process id).
     */
    static Path applicationJar(Path jar) throws Exception {
        List<Path> roots = new ArrayList<>();
        for (Class<?> c : List.of(SparkLeastSquares.class, GramAccumulator.class, StandaloneClusterTest.class)) {
            roots.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> names = new LinkedHashSet<>();
            for (Path root : roots) {
                if (Files.isRegularFile(root)) {
                    try (var fs = java.nio.file.FileSystems.newFileSystem(root)) {
                        copyTree(fs.getPath("/"), out, names);
                    }
                } else {
                    copyTree(root, out, names);
                }
            }
        }
        return jar;
    }

    private static void copyTree(Path root, JarOutputStream out, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.startsWith("META-INF/MANIFEST") || !names.add(name)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                try (var in = Files.newInputStream(f)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static Process launch(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : System.getProperty("gramian.spark.java17.opens", "").split(" ")) {
            if (!opt.isBlank()) {
                cmd.add(opt);
            }
        }
        cmd.addAll(List.of("-Xmx512m", "-Dspark.master.rest.enabled=false", "-cp", home.resolve("jars") + File.separator + "*", mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
