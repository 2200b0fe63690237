package org.gramian.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gramian.GramianException;
import org.gramian.data.NistDataset;

/**
 * Fuzz target for the NIST StRD {@code .dat} reader ({@link NistDataset#parse}): any bytes, decoded
 * as ISO-8859-1 (as {@link NistDataset#read} does) and split into lines.
 *
 * <p>Oracle: a {@link GramianException} with a one-line message, or a dataset whose certified
 * values and data agree in size with its model: as many estimates and standard errors as
 * coefficients, and data for the model's columns. Anything else is a finding.
 */
class NistDatFuzzTest {
    @org.junit.jupiter.api.Timeout(10)   // per input: a hang is a finding (see gramian-io/pom.xml)
    @FuzzTest(maxDuration = "30s")
    void nistDat(byte[] data) {
        List<String> lines = new String(data, StandardCharsets.ISO_8859_1).lines().toList();
        NistDataset d;
        try {
            d = NistDataset.parse("Fuzz", lines, "Fuzz.dat");
        } catch (GramianException e) {
            FuzzChecks.wellFormed(e);
            return;
        }
        int p = d.spec().coefficientNames().size();
        if (d.estimates().length != p || d.standardErrors().length != p) {
            throw new AssertionError(p + " coefficients but " + d.estimates().length + " estimates and "
                    + d.standardErrors().length + " standard errors");
        }
        if (!d.data().columns().containsAll(d.spec().inputColumns())) {
            throw new AssertionError("data columns " + d.data().columns() + " lack some of " + d.spec().inputColumns());
        }
    }
}
