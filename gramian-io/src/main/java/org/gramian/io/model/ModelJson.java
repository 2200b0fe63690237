package org.gramian.io.model;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gramian.stats.Anova;
import org.gramian.stats.Coefficient;
import org.gramian.stats.Conditioning;
import org.gramian.stats.FitStatistics;
import org.gramian.model.FittedModel;
import org.gramian.model.GcvCurve;
import org.gramian.model.RidgeSummary;
import org.gramian.solve.GcvPoint;
import org.gramian.stats.Likelihood;

/**
 * The one JSON shape of a fitted model ({@code gramian fit --format json}, and the model file that
 * {@link SavedModel} reads back for prediction).
 *
 * <p>Numbers are written in full precision: the shortest decimal that reads back as the same
 * double (Jackson's Schubfach writer). A value that is not a number is written as JSON null
 * (undefined, e.g. the standard error of an aliased coefficient) and an infinite value as the string
 * {@code "Infinity"} or {@code "-Infinity"} (e.g. F of an exact fit), because JSON has no
 * literal for either.
 */
public final class ModelJson {
    /** Identifies the file type; {@code predict} checks it. */
    public static final String FORMAT = "gramian-model/1";

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ModelJson() {
    }

    /**
     * The model as a JSON tree; {@code data} names the input file (may be null), {@code version}
     * the Gramian version that wrote it.
     */
    public static ObjectNode of(FittedModel m, String data, String version) {
        return of(m, data, version, 0.95);
    }

    /** As {@link #of(FittedModel, String, String)}, with (level·100)% t-based coefficient intervals. */
    public static ObjectNode of(FittedModel m, String data, String version, double level) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("gramian", version);
        if (data != null) {
            root.put("data", data);
        }
        ObjectNode model = root.putObject("model");
        model.put("kind", m.kind());
        if (m.isRidge()) {
            number(model, "lambda", m.ridge().lambda());
        }
        model.put("target", m.spec().target());
        ArrayNode features = model.putArray("features");
        m.spec().features().forEach(features::add);
        model.put("degree", m.spec().degree());
        model.put("intercept", m.spec().intercept());
        if (m.spec().weights() != null) {
            model.put("weights", m.spec().weights());
        }
        ArrayNode names = model.putArray("coefficientNames");
        m.spec().coefficientNames().forEach(names::add);

        ArrayNode coefs = root.putArray("coefficients");
        java.util.List<FittedModel.Interval> ci = m.confidenceIntervals(level);
        root.put("confidenceLevel", level);
        for (int j = 0; j < m.coefficients().size(); j++) {
            Coefficient c = m.coefficients().get(j);
            ObjectNode o = coefs.addObject();
            o.put("name", c.name());
            number(o, "estimate", c.estimate());
            number(o, "stdError", c.standardError());
            number(o, "t", c.tValue());
            number(o, "p", c.pValue());
            number(o, "ciLower", ci.get(j).lower());
            number(o, "ciUpper", ci.get(j).upper());
            o.put("aliased", c.aliased());
        }

        FitStatistics s = m.statistics();
        ObjectNode st = root.putObject("statistics");
        st.put("observations", s.observations());
        st.put("observationsDeleted", m.droppedRows()); // rows left out for a missing value (R's na.omit)
        st.put("parameters", s.parameters());
        st.put("rank", s.rank());
        number(st, "residualSd", s.residualStandardDeviation());
        if (!m.isRidge()) {
            st.put("residualDf", m.anova().residualDf());
        }
        number(st, "rSquared", s.rSquared());
        number(st, "adjustedRSquared", s.adjustedRSquared());
        st.put("rSquaredCentred", s.centred());
        if (m.isRidge()) {
            ridge(root, m.ridge());
        } else {
            Likelihood l = m.likelihood();
            number(st, "logLikelihood", l == null ? Double.NaN : l.logLikelihood());
            if (l == null) {
                st.putNull("logLikelihoodDf");
            } else {
                st.put("logLikelihoodDf", l.df());
            }
            number(st, "aic", l == null ? Double.NaN : l.aic());
            number(st, "bic", l == null ? Double.NaN : l.bic());
            anova(root, m.anova());
        }
        conditioning(root, m);
        if (!m.isRidge()) {
            inference(root, m);
        }
        root.put("solver", m.solver().name().toLowerCase(java.util.Locale.ROOT));
        root.put("solverNote", m.solverNote());
        return root;
    }

    /**
     * The ridge block: λ and how it was chosen, tr H, RSS, σ̂² = RSS/(n − tr H), GCV, and with GCV
     * the whole curve. Ridge models have no ANOVA and no inference block: intervals do not apply.
     */
    private static void ridge(ObjectNode root, RidgeSummary r) {
        ObjectNode o = root.putObject("ridge");
        number(o, "lambda", r.lambda());
        o.put("lambdaChosenBy", r.chosenByGcv() ? "gcv" : "given");
        o.put("penalty", "lambda * sum of squared coefficients of the columns as given; intercept not penalized");
        number(o, "effectiveDf", r.effectiveDf());
        number(o, "residualSumOfSquares", r.residualSumOfSquares());
        number(o, "residualVariance", r.residualVariance());
        o.put("residualVarianceDefinition", "RSS / (n - effectiveDf)");
        number(o, "gcv", r.gcv());
        if (r.chosenByGcv()) {
            GcvCurve c = r.curve();
            if (!c.note().isEmpty()) {
                o.put("gcvNote", c.note());
            }
            ArrayNode grid = o.putArray("gcvCurve");
            for (GcvPoint p : c.grid()) {
                ObjectNode g = grid.addObject();
                number(g, "lambda", p.lambda());
                number(g, "effectiveDf", p.df());
                number(g, "residualSumOfSquares", p.rss());
                number(g, "gcv", p.gcv());
            }
        }
    }

    private static void anova(ObjectNode root, Anova a) {
        ObjectNode an = root.putObject("anova");
        ObjectNode reg = an.putObject("regression");
        reg.put("df", a.regressionDf());
        number(reg, "sumOfSquares", a.regressionSumOfSquares());
        number(reg, "meanSquare", a.regressionMeanSquare());
        ObjectNode res = an.putObject("residual");
        res.put("df", a.residualDf());
        number(res, "sumOfSquares", a.residualSumOfSquares());
        number(res, "meanSquare", a.residualMeanSquare());
        number(an, "f", a.fStatistic());
        number(an, "p", a.fPValue());
    }

    private static void inference(ObjectNode root, FittedModel m) {
        // what intervals on new data need, without a refit: Cov(w) = s²(XᵀX)⁻¹, s² and its df
        ObjectNode inf = root.putObject("inference");
        number(inf, "residualVariance", m.residualVariance());
        inf.put("residualDf", m.residualDf());
        ArrayNode cov = inf.putArray("covariance");
        for (double[] row : m.covariance()) {
            ArrayNode r = cov.addArray();
            for (double v : row) {
                if (Double.isNaN(v)) {
                    r.addNull();
                } else if (Double.isInfinite(v)) {
                    r.add(v > 0 ? "Infinity" : "-Infinity");
                } else {
                    r.add(v);
                }
            }
        }
    }

    private static void conditioning(ObjectNode root, FittedModel m) {
        Conditioning c = m.conditioning();
        ObjectNode co = root.putObject("conditioning");
        if (m.isRidge()) {
            co.put("conditionNumberOf", "the penalized system [X_c; sqrt(lambda) I], columns as given");
        }
        number(co, "conditionNumber", c.conditionNumber());
        number(co, "conditionNumberUnscaled", c.unscaledConditionNumber());
        number(co, "expectedDigits", c.expectedDigits());
        ArrayNode al = co.putArray("aliased");
        c.aliased().forEach(al::add);
        if (c.warning().isEmpty()) {
            co.putNull("warning");
        } else {
            co.put("warning", c.warning());
        }
    }

    /** Puts a double: null for NaN, "Infinity" / "-Infinity" for infinities, the number otherwise. */
    public static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else if (Double.isInfinite(v)) {
            o.put(key, v > 0 ? "Infinity" : "-Infinity");
        } else {
            o.put(key, v);
        }
    }

    /** The JSON text of a tree, ending in a newline. */
    public static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
