package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gramian.io.model.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit --weights COLUMN} from the command line. */
class WeightsCommandTest {
    @TempDir
    Path dir;

    @Test
    void weightsColumnIsUsedAndNotAFeature() throws Exception {
        Path f = dir.resolve("w.csv");
        Files.writeString(f, "y,x,w\n1.1,1,1\n2.9,2,2\n5.2,3,1\n6.8,4,0\n9.1,5,3\n");
        Cli.Result r = Cli.run("fit", f.toString(), "--target", "y", "--weights", "w", "--format", "json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(r.out());
        assertThat(root.at("/model/weights").asText()).isEqualTo("w");
        assertThat(root.at("/model/features").toString()).isEqualTo("[\"x\"]");
        assertThat(root.at("/statistics/observations").asLong()).isEqualTo(4); // the zero weight is dropped
        Cli.Result t = Cli.run("fit", f.toString(), "--target", "y", "--weights", "w", "--quiet");
        assertThat(t.out()).startsWith("Weighted least-squares fit (weights: w): y ~ 1 + x");
    }

    @Test
    void aNegativeWeightIsBadInputNamingLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "y,x,w\n1.1,1,1\n2.9,2,-2\n5.2,3,1\n");
        Cli.Result r = Cli.run("fit", f.toString(), "--target", "y", "--weights", "w", "--quiet");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().strip()).contains("bad.csv, line 3").contains("'w'").contains("weight")
                .doesNotContain("\n");
    }

    @Test
    void explainRefusesWeightsForNow() throws Exception {
        Path f = dir.resolve("w.csv");
        Files.writeString(f, "y,x,w\n1,1,1\n2,2,1\n3,3,1\n");
        Cli.Result r = Cli.run("explain", f.toString(), "--target", "y", "--weights", "w");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--weights works with fit, logistic and explain --logistic only");
    }
}
