package org.gramian.cli;

import org.gramian.io.model.ModelJson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gramian.nist.Certification;
import org.gramian.nist.Lre;
import org.gramian.data.NistDataset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared NIST StRD file, converted to CSV with its original decimal text, through
 * {@code gramian fit --format json}: the JSON numbers must match the certified values.
 */
class NistFitTest {
    @TempDir
    Path tmp;

    static Stream<Path> datasets() throws Exception {
        return NistFiles.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void fitJsonMatchesCertifiedValues(Path dat) throws Exception {
        NistDataset ds = NistDataset.read(dat);
        Path csv = NistFiles.toCsv(dat, tmp);
        List<String> args = new ArrayList<>(List.of("fit", csv.toString(), "--target", "y",
                "--degree", Integer.toString(ds.spec().degree()), "--format", "json", "--quiet"));
        if (!ds.spec().intercept()) {
            args.add("--no-intercept");
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();

        JsonNode root = ModelJson.MAPPER.readTree(r.out());
        JsonNode coefs = root.get("coefficients");
        assertThat(coefs).hasSize(ds.estimates().length);
        double[] est = new double[coefs.size()];
        double[] se = new double[coefs.size()];
        for (int j = 0; j < est.length; j++) {
            est[j] = coefs.get(j).get("estimate").asDouble();
            se[j] = coefs.get(j).get("stdError").asDouble();
        }
        JsonNode st = root.get("statistics");
        assertThat(Lre.min(est, ds.estimates())).as("LRE of the estimates")
                .isGreaterThanOrEqualTo(Certification.ESTIMATE_THRESHOLD);
        assertThat(Lre.min(se, ds.standardErrors())).as("LRE of the standard errors")
                .isGreaterThanOrEqualTo(Certification.STATISTIC_THRESHOLD);
        assertThat(Lre.of(st.get("residualSd").asDouble(), ds.residualSd())).as("LRE of the residual SD")
                .isGreaterThanOrEqualTo(Certification.STATISTIC_THRESHOLD);
        assertThat(Lre.of(st.get("rSquared").asDouble(), ds.rSquared())).as("LRE of R-squared")
                .isGreaterThanOrEqualTo(Certification.STATISTIC_THRESHOLD);
        assertThat(st.get("observations").asLong()).isEqualTo(ds.data().rowCount());
        assertThat(st.get("rSquaredCentred").asBoolean()).isEqualTo(ds.spec().intercept());
        assertThat(Lre.of(root.at("/anova/residual/sumOfSquares").asDouble(), ds.residualSs()))
                .as("LRE of the residual sum of squares").isGreaterThanOrEqualTo(Certification.STATISTIC_THRESHOLD);
    }
}
