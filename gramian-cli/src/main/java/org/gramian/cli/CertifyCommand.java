package org.gramian.cli;

import org.gramian.io.model.ModelJson;

import org.gramian.report.TextTable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gramian.nist.Certification;
import org.gramian.data.NistDataset;
import org.gramian.model.FittedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gramian certify [DIR]}: fits every NIST StRD linear-regression dataset and compares with
 * the certified values by the log relative error (LRE, correct significant digits).
 */
@Command(name = "certify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Fit the NIST StRD linear least-squares reference datasets and compare with their certified values.",
            "Accuracy is the log relative error LRE = -log10(|computed - certified| / |certified|), the number of "
                + "correct significant digits (at most 15). A dataset passes with LRE >= 13 for every estimate and "
                + ">= 12 for every standard error, the residual standard deviation and R-squared."},
        footer = ExitCodes.FOOTER)
final class CertifyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Directory of NIST StRD .dat files. Default: the 8 files bundled with gramian "
                    + "(Norris, Pontius, NoInt1, NoInt2, Longley, Wampler1-3).")
    Path dir;

    @Option(names = "--solver", defaultValue = "auto", paramLabel = "SOLVER",
            description = "Solver: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    SolverChoice solver;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<NistDataset> sets = dir == null ? NistSuite.bundled() : NistSuite.fromDirectory(dir);
        List<Certification> results = new ArrayList<>();
        for (NistDataset ds : sets) {
            results.add(Certification.check(ds, solver.kind()));
        }
        boolean allPass = results.stream().allMatch(Certification::passes);
        String text = format == OutputFormat.json ? ModelJson.text(json(results, allPass)) : table(results);
        Output.write(null, spec.commandLine().getOut(), w -> w.write(text));
        return allPass ? ExitCodes.OK : ExitCodes.CERTIFICATION_FAILED;
    }

    private String table(List<Certification> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "NIST StRD linear regression, solver %s. LRE = correct significant digits;%n"
                        + "PASS needs LRE >= %.0f for the estimates and >= %.0f for the rest.%n%n",
                solver, Certification.ESTIMATE_THRESHOLD, Certification.STATISTIC_THRESHOLD));
        TextTable t = new TextTable("Dataset", "n", "p", "Estimates", "Std. errors", "Resid. SD", "R-squared",
                "Solver", "Result");
        int passed = 0;
        for (Certification c : results) {
            FittedModel m = c.model();
            t.row(c.dataset(), Long.toString(m.statistics().observations()),
                    Integer.toString(m.statistics().parameters()), lre(c.estimates()), lre(c.standardErrors()),
                    lre(c.residualSd()), lre(c.rSquared()), m.solver().name().toLowerCase(Locale.ROOT),
                    c.passes() ? "PASS" : "FAIL");
            passed += c.passes() ? 1 : 0;
        }
        sb.append(t.render());
        sb.append(String.format(Locale.ROOT, "%n%d of %d datasets pass.%n", passed, results.size()));
        return sb.toString();
    }

    private static String lre(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private ObjectNode json(List<Certification> results, boolean allPass) {
        ObjectNode root = ModelJson.MAPPER.createObjectNode();
        root.put("solver", solver.name());
        ObjectNode th = root.putObject("thresholds");
        th.put("estimates", Certification.ESTIMATE_THRESHOLD);
        th.put("statistics", Certification.STATISTIC_THRESHOLD);
        ArrayNode arr = root.putArray("datasets");
        for (Certification c : results) {
            FittedModel m = c.model();
            ObjectNode o = arr.addObject();
            o.put("name", c.dataset());
            o.put("observations", m.statistics().observations());
            o.put("parameters", m.statistics().parameters());
            ObjectNode lre = o.putObject("lre");
            ModelJson.number(lre, "estimates", c.estimates());
            ModelJson.number(lre, "standardErrors", c.standardErrors());
            ModelJson.number(lre, "residualSd", c.residualSd());
            ModelJson.number(lre, "rSquared", c.rSquared());
            o.put("solver", m.solver().name().toLowerCase(Locale.ROOT));
            o.put("solverNote", m.solverNote());
            o.put("pass", c.passes());
        }
        root.put("pass", allPass);
        return root;
    }
}
