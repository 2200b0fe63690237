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
 * Which Householder kernel runs: the one the test JVM is configured for, and what a user gets in a
 * fresh JVM (the same switches as the Gram kernel): without the module the scalar kernel; with it,
 * in {@code auto} mode, the scalar kernel until the Householder work has taken
 * {@code gramian.kernel.warmAfterMs}, then the warmed-up vector kernel, with the same bits
 * throughout; {@code -Dgramian.kernel} forces either.
 */
class HouseholderKernelsTest {
    @Test
    void theKernelIsTheConfiguredOne() {
        String expect = System.getProperty("gramian.kernel.expect");
        assumeTrue(expect != null, "not run by the build's surefire configuration");
        assertThat(HouseholderKernels.current().name()).isEqualTo(expect);
    }

    @Test
    void theVectorKernelWarmsUpAndAgreesWithTheScalarKernel() {
        assumeTrue(HouseholderKernels.VECTOR != null, "jdk.incubator.vector not in this JVM");
        assertThat(HouseholderKernels.warmUp(HouseholderKernels.VECTOR, 120_000_000_000L)).isNull();
    }

    @Test
    void withoutTheModuleTheScalarKernelRuns() throws Exception {
        assertThat(probe(List.of())).isEqualTo("blocks ssssssss same bits");
        assertThat(probe(List.of("-Dgramian.kernel=vector"))).isEqualTo("blocks ssssssss same bits");
    }

    @Test
    void autoSwitchesAfterTheWarmUpThresholdAndKeepsTheBits() throws Exception {
        // the first block is folded in by the scalar kernel, whose time crosses 0 ms: warm-up, switch
        assertThat(probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel.warmAfterMs=0")))
                .isEqualTo("blocks svvvvvvv same bits");
        // a short job stays scalar (default threshold: 1000 ms of Householder kernel time)
        assertThat(probe(List.of("--add-modules", "jdk.incubator.vector")))
                .isEqualTo("blocks ssssssss same bits");
    }

    @Test
    void thePropertyForcesEitherKernel() throws Exception {
        assertThat(probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel=vector",
                "-Dgramian.kernel.warmAfterMs=0"))).isEqualTo("blocks vvvvvvvv same bits");
        assertThat(probe(List.of("--add-modules", "jdk.incubator.vector", "-Dgramian.kernel=scalar",
                "-Dgramian.kernel.warmAfterMs=0"))).isEqualTo("blocks ssssssss same bits");
    }

    /** Runs {@link HouseholderKernelProbe} in a fresh JVM with the given options; its stdout. */
    private static String probe(List<String> options) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = location(HouseholderKernels.class) + File.pathSeparator + location(HouseholderKernelProbe.class);
        // a generous warm-up limit: a machine loaded by other builds can take over 5 s to compile
        List<String> cmd = new ArrayList<>(List.of(java, "-Dgramian.kernel.warmUpLimitMs=120000"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", cp, HouseholderKernelProbe.class.getName()));
        Process proc = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(proc.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8).strip();
    }

    private static String location(Class<?> c) throws IOException {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
