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
 * The choice of kernel: the one this test JVM was configured for (the build runs the tests with
 * {@code --add-modules jdk.incubator.vector -Dgramian.kernel=vector}, and gramian-core's kernel
 * tests a second time with {@code -Dgramian.kernel=scalar}; {@code gramian.kernel.expect} says
 * which), and what a user gets in a fresh JVM: without the module the scalar kernel, silently;
 * with it, in the default {@code auto} mode, the scalar kernel until the Gram work has taken
 * {@code gramian.kernel.warmAfterMs}, then the warmed-up vector kernel with the same bits, and
 * nothing on stderr but the JDK's own one-line incubator warning.
 */
class GramKernelsTest {
    private static final String VECTOR_DESCRIPTION = "vector \\(jdk\\.incubator\\.vector, \\d+-bit, \\d+ doubles\\)";

    @Test
    void theKernelIsTheConfiguredOne() {
        String expect = System.getProperty("gramian.kernel.expect");
        assumeTrue(expect != null, "not run by the build's surefire configuration");
        assertThat(GramKernels.current().label()).as(GramKernels.description()).isEqualTo(expect);
        // The module itself is always given to the test JVMs: the scalar run is forced by the property.
        assertThat(GramKernels.vectorAvailable()).isTrue();
        if (expect.equals("scalar")) {
            assertThat(GramKernels.description()).isEqualTo("scalar (-Dgramian.kernel=scalar)");
        } else {
            assertThat(GramKernels.description()).matches(VECTOR_DESCRIPTION);
        }
    }

    @Test
    void newTilesAreLaidOutForWhicheverKernelMayRun() {
        GramTile t = new GramTile(11);
        assertThat(t.row(0).length).isEqualTo(GramKernels.vectorAvailable() && !"scalar".equals(
                System.getProperty(GramKernels.PROPERTY)) ? GramKernels.impl(GramKernels.Kind.VECTOR).rowWidth(11) : 11);
        assertThat(t.width()).isEqualTo(11);
    }

    @Test
    void withoutTheModuleALibraryUserGetsTheScalarKernelSilently() throws Exception {
        Probe p = probe(List.of(), "accumulate");
        assertThat(p.out).isEqualTo("scalar false scalar (jdk.incubator.vector not enabled;"
                + " java --add-modules jdk.incubator.vector enables it)\n"
                + "tiles ssssss same bits\n"
                + "scalar scalar (jdk.incubator.vector not enabled; java --add-modules jdk.incubator.vector enables it)");
        assertThat(p.err).isEmpty();
        assertThat(p.code).isZero();
    }

    @Test
    void withTheModuleAutoWarmsTheVectorKernelUpAndKeepsTheBits() throws Exception {
        Probe p = probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel.warmAfterMs=0"), "accumulate");
        String[] lines = p.out.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("scalar true " + VECTOR_DESCRIPTION
                + " once Gram work has taken 0 ms \\(JIT warm-up\\); scalar until then");
        // The first tile is summed by the scalar kernel, which then warms the vector kernel up
        // (the time limit is generous: only a badly overloaded machine would miss it).
        assertThat(lines[1]).isEqualTo("tiles svvvvv same bits");
        assertThat(lines[2]).matches("vector " + VECTOR_DESCRIPTION + ", warmed up");
        assertThat(p.err).isEqualTo("WARNING: Using incubator modules: jdk.incubator.vector\n");
        assertThat(p.code).isZero();
    }

    @Test
    void withTheModuleAutoStaysScalarForShortJobs() throws Exception {
        Probe d = probe(List.of("--add-modules", "jdk.incubator.vector"));
        assertThat(d.out).endsWith(" once Gram work has taken 1000 ms (JIT warm-up); scalar until then");
        Probe p = probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel.warmAfterMs=600000"),
                "accumulate");
        assertThat(p.out).contains("tiles ssssss same bits\nscalar vector (");
    }

    @Test
    void thePropertyForcesEitherKernel() throws Exception {
        Probe s = probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel=scalar"), "accumulate");
        assertThat(s.out).startsWith("scalar true scalar (-Dgramian.kernel=scalar)\ntiles ssssss same bits\n");
        Probe v = probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel=vector"), "accumulate");
        assertThat(v.out).matches("(?s)vector true " + VECTOR_DESCRIPTION + "\ntiles vvvvvv same bits\n.*");
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
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", cp, KernelProbe.class.getName()));
        cmd.addAll(List.of(args));
        Process proc = new ProcessBuilder(cmd).start();
        byte[] out = proc.getInputStream().readAllBytes();
        byte[] err = proc.getErrorStream().readAllBytes();
        assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Probe(proc.exitValue(), new String(out, StandardCharsets.UTF_8).strip().replace("\r\n", "\n"),
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
