package org.gramian.nist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gramian.solve.SolverKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.gramian.data.NistDataset;

/** The shared NIST StRD files, fitted with each solver, against their certified values. */
class NistCertifiedTest {

    static Path nistDir() {
        String dir = System.getProperty("gramian.nist.dir", "../../shared/data/nist-strd");
        Path p = Path.of(dir);
        assertThat(p).as("NIST StRD directory (set -Dgramian.nist.dir)").isDirectory();
        return p;
    }

    static Stream<String> shared() {
        return Stream.of("Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1", "Wampler2", "Wampler3");
    }

    static NistDataset load(String name) {
        Path f = nistDir().resolve(name + ".dat");
        assertThat(Files.exists(f)).as(f.toString()).isTrue();
        return NistDataset.read(f);
    }

    @ParameterizedTest
    @MethodSource("shared")
    void autoMeetsCertifiedThresholds(String name) {
        Certification c = Certification.check(load(name), SolverKind.AUTO);
        System.out.printf("%-9s est %5.2f se %5.2f sd %5.2f r2 %5.2f  %s%n", name, c.estimates(), c.standardErrors(),
                c.residualSd(), c.rSquared(), c.model().solverNote());
        assertThat(c.estimates()).as("estimates LRE").isGreaterThanOrEqualTo(13.0);
        assertThat(c.standardErrors()).as("std errors LRE").isGreaterThanOrEqualTo(12.0);
        assertThat(c.residualSd()).as("residual SD LRE").isGreaterThanOrEqualTo(12.0);
        assertThat(c.rSquared()).as("R² LRE").isGreaterThanOrEqualTo(12.0);
    }

    @ParameterizedTest
    @MethodSource("shared")
    void qrAndSvdAlsoCertified(String name) {
        for (SolverKind k : new SolverKind[] {SolverKind.QR, SolverKind.SVD}) {
            Certification c = Certification.check(load(name), k);
            assertThat(c.passes()).as(k + " on " + name + ": " + c).isTrue();
        }
    }

    // The double-precision normal equation is held to the digits it promises by
    // org.gramian.solve.CholeskySolverTest (the generic solver contract).
}
