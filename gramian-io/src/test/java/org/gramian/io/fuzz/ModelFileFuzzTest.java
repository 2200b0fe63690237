package org.gramian.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.gramian.GramianException;
import org.gramian.io.model.SavedModel;

/**
 * Fuzz target for the model-file loader ({@link SavedModel#read}): any bytes as a model file.
 *
 * <p>Oracle: the file is refused with a {@link GramianException} and a one-line message, or it is
 * read and then predicts without failing: at x = 1.5 for every feature, the point prediction and
 * (when the file has the inference block) both kinds of interval. Any other exception or error, an
 * {@link OutOfMemoryError} from a size the file claims included, is a finding.
 */
class ModelFileFuzzTest {
    private static final Path FILE = FuzzChecks.scratch("model.json");

    @org.junit.jupiter.api.Timeout(10)   // per input: a hang is a finding (see gramian-io/pom.xml)
    @FuzzTest(maxDuration = "30s")
    void modelFile(byte[] data) {
        FuzzChecks.write(FILE, data);
        SavedModel m;
        try {
            m = SavedModel.read(FILE);
        } catch (GramianException e) {
            FuzzChecks.wellFormed(e);
            return;
        }
        int k = m.spec().features().size();
        double[] x = new double[k];
        java.util.Arrays.fill(x, 1.5);
        double[] tails = new double[k];
        if (m.predictor().at(x, tails).length != 1) {
            throw new AssertionError("a point prediction is one number");
        }
        if (m.covariance() != null) {
            for (boolean prediction : new boolean[] {false, true}) {
                try {
                    m.predictor(prediction, 0.95, FILE).at(x, tails);
                } catch (GramianException e) {
                    FuzzChecks.wellFormed(e); // e.g. no residual degrees of freedom for an interval
                }
            }
        }
    }
}
