package org.gramian.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gramian.Gramian;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 item 3, memory: a wide fit in a heap of a few copies of its p×p matrix. p = 1501
 * (1500 features and the intercept), n = 1600 rows in memory: one p×p array of doubles is 18 MB,
 * the data 19 MB. In a forked JVM on one processor with {@value #HEAP_MB} MB of heap (the data and
 * six copies of p² doubles) the {@code cholesky} fit completes. Measured with this probe: it now
 * fits in 80 MB (out of memory at 72 MB), the data and about 3.4 copies, as the wide finish holds
 * at most three p×p arrays; before the finish kept its matrices as doubles it needed 200–224 MB
 * (out of memory at 192 MB). One processor, because the Gram pass holds a partial sum per tile in
 * flight, so its share of the heap grows with the processors (with two: 160 MB now, 288 before).
 */
class WideFitMemoryTest {
    static final int HEAP_MB = 128;

    @Test
    void aWideFitRunsInAFewCopiesOfItsMatrix() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = location(Gramian.class) + File.pathSeparator + location(WideFitProbe.class);
        Process proc = new ProcessBuilder(List.of(java, "-Xmx" + HEAP_MB + "m", "-XX:ActiveProcessorCount=1", "-cp", cp,
                WideFitProbe.class.getName(), "1600", "1500", "CHOLESKY")).redirectErrorStream(true).start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertThat(proc.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8).strip();
        assertThat(text).as("probe output").startsWith("ok CHOLESKY ");
        // the data were made with coefficient 1 on x2 (noise 0.01): the fit is a fit, not just no error
        assertThat(Double.parseDouble(text.substring("ok CHOLESKY ".length()))).isCloseTo(1.0, within(0.01));
        assertThat(proc.exitValue()).isZero();
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
