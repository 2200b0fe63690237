package org.gramian.accumulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The choice of kernel: the one this test JVM was configured for (surefire runs gramian-core's
 * tests with {@code --add-modules jdk.incubator.vector}, and the kernel tests a second time with
 * {@code -Dgramian.kernel=scalar}; {@code gramian.kernel.expect} says which), and what a library
 * user gets in a fresh JVM with and without the module: the scalar fallback silently, or the
 * vector kernel with only the JDK's own one-line incubator warning on stderr.
 */
class GramKernelsTest {

    @Test
    void theActiveKernelIsTheConfiguredOne() {
        String expect = System.getProperty("gramian.kernel.expect");
        assumeTrue(expect != null, "not run by the build's surefire configuration");
        assertThat(GramKernels.active().label()).as(GramKernels.description()).isEqualTo(expect);
        assertThat(GramKernels.description()).startsWith(expect);
        // The module itself is always given to the test JVMs: the scalar run is forced by the property.
        assertThat(GramKernels.vectorAvailable()).isTrue();
        if (expect.equals("scalar")) {
            assertThat(GramKernels.description()).isEqualTo("scalar (-Dgramian.kernel=scalar)");
        } else {
            assertThat(GramKernels.description()).matches("vector \\(jdk\\.incubator\\.vector, \\d+-bit, \\d+ doubles\\)");
        }
    }

    @Test
    void newTilesUseTheActiveKernelsLayout() {
        GramTile t = new GramTile(11);
        assertThat(t.row(0).length).isEqualTo(GramKernels.activeImpl().rowWidth(11));
        assertThat(t.width()).isEqualTo(11);
    }

    @Test
    void withoutTheModuleALibraryUserGetsTheScalarKernelSilently() throws Exception {
        Probe p = probe(List.of());
        assertThat(p.out).isEqualTo("scalar false scalar (jdk.incubator.vector not enabled;"
                + " java --add-modules jdk.incubator.vector enables it)");
        assertThat(p.err).isEmpty();
        assertThat(p.code).isZero();
    }

    @Test
    void withTheModuleTheVectorKernelAndOnlyTheJdksWarning() throws Exception {
        Probe p = probe(List.of("--add-modules", "jdk.incubator.vector"));
        assertThat(p.out).startsWith("vector true vector (jdk.incubator.vector, ");
        assertThat(p.err).isEqualTo("WARNING: Using incubator modules: jdk.incubator.vector\n");
        assertThat(p.code).isZero();
    }

    @Test
    void thePropertyForcesTheScalarKernel() throws Exception {
        Probe p = probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel=scalar"));
        assertThat(p.out).isEqualTo("scalar true scalar (-Dgramian.kernel=scalar)");
    }

    @Test
    void askingForAnUnavailableKernelIsAnError() throws Exception {
        Probe p = probe(List.of(), "update-vector");
        assertThat(p.out).isEqualTo("IllegalStateException: vector Gram kernel unavailable:"
                + " jdk.incubator.vector not enabled; java --add-modules jdk.incubator.vector enables it");
    }

    private record Probe(int code, String out, String err) {
    }

    /** Runs {@link KernelProbe} in a fresh JVM with the given options. */
    private static Probe probe(List<String> options, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = location(GramKernels.class) + File.pathSeparator + location(KernelProbe.class);
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:auto"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", cp, KernelProbe.class.getName()));
        cmd.addAll(List.of(args));
        Process proc = new ProcessBuilder(cmd).start();
        byte[] out = proc.getInputStream().readAllBytes();
        byte[] err = proc.getErrorStream().readAllBytes();
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Probe(proc.exitValue(), new String(out, StandardCharsets.UTF_8).strip(),
                new String(err, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    private static String location(Class<?> c) throws IOException {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
