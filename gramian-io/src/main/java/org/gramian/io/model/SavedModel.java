package org.gramian.io.model;

import com.fasterxml.jackson.core.JsonLocation;
import org.gramian.UserText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gramian.GramianException;
import org.gramian.design.Design;
import org.gramian.design.ModelSpec;
import org.gramian.numeric.DD;
import org.gramian.stats.Distributions;

/**
 * The part of a model file ({@link ModelJson}) that prediction needs: the kind of model, the model
 * specification and the coefficient estimates w, in design-column order.
 *
 * @param kind      {@code "ols"}, {@code "wls"}, {@code "ridge"} or {@code "logistic"} (family "binomial":
 *                  predictions are probabilities 1/(1 + e^{−xᵀw}), intervals Wald intervals on the link
 *                  scale) ({@link #KINDS}; files written before
 *                  kinds were recorded are least-squares models: "ols", or "wls" when they name weights)
 * @param spec      target, features, degree and intercept
 * @param estimates w, one per {@link ModelSpec#coefficientNames()}
 */
public record SavedModel(String kind, ModelSpec spec, double[] estimates, double[][] covariance,
                         double residualVariance, long residualDf) {

    /**
     * The kinds of model this version predicts from: ŷ = xᵀw, or 1/(1 + e^{−xᵀw}) for logistic. A file of any other kind (say,
     * written by a newer gramian) is refused rather than predicted from by the wrong formula.
     */
    public static final java.util.Set<String> KINDS = java.util.Set.of("ols", "wls", "ridge", "logistic");

    /** A least-squares model (kind "ols"). */
    public SavedModel(ModelSpec spec, double[] estimates, double[][] covariance, double residualVariance,
                      long residualDf) {
        this("ols", spec, estimates, covariance, residualVariance, residualDf);
    }

    /**
     * Reads a model file written by {@code gramian fit --format json}. Its {@code "format"} must be
     * exactly {@link ModelJson#FORMAT}: a file of another (e.g. newer) format is refused rather than
     * read by guesswork.
     */
    public static SavedModel read(Path file) {
        JsonNode root;
        try {
            // bytes, not a String: Jackson then reports a binary or non-UTF-8 file as bad JSON at its
            // line and column (Files.readString said only "Input length = 1")
            try (java.io.InputStream in = Files.newInputStream(file)) {
                root = ModelJson.MAPPER.readTree(in);
            }
        } catch (NoSuchFileException e) {
            throw new GramianException(file + ": no such file", file.toString(), 0, null, null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new GramianException(file + where + ": not valid JSON: " + UserText.clean(UserText.oneLine(e.getOriginalMessage()), 300),
                    file.toString(), at == null ? 0 : at.getLineNr(), null, null);
        } catch (IOException e) {
            throw new GramianException(file + ": cannot read: " + e.getMessage(), file.toString(), 0, null, null);
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "expected a JSON object as written by 'gramian fit --format json'");
        }
        JsonNode format = root.path("format");
        if (!format.isTextual()) {
            throw bad(file, "no 'format' field (expected \"" + ModelJson.FORMAT + "\")");
        }
        if (!ModelJson.FORMAT.equals(format.asText())) {
            throw new GramianException(file + ": unsupported model format \"" + shortened(format.asText())
                    + "\" (this gramian reads \"" + ModelJson.FORMAT + "\")", file.toString(), 0, null, null);
        }
        JsonNode model = root.path("model");
        if (!model.isObject()) {
            throw bad(file, "missing 'model'");
        }
        JsonNode kindNode = model.path("kind");
        String kind;
        if (kindNode.isMissingNode()) {
            kind = model.path("weights").isTextual() ? "wls" : "ols";
        } else if (!kindNode.isTextual()) {
            throw bad(file, "'model.kind' must be a string such as \"ols\"");
        } else {
            kind = kindNode.asText();
            if (!KINDS.contains(kind)) {
                throw new GramianException(file + ": unsupported model kind \"" + shortened(kind)
                        + "\" (this gramian predicts from " + String.join(", ", KINDS.stream().sorted().toList())
                        + ")", file.toString(), 0, null, null);
            }
        }
        String target = text(file, model, "model.target");
        JsonNode feats = model.path("features");
        if (!feats.isArray()) {
            throw bad(file, "'model.features' must be an array of column names");
        }
        List<String> features = new ArrayList<>();
        for (JsonNode f : feats) {
            if (!f.isTextual()) {
                throw bad(file, "'model.features' must be an array of column names");
            }
            features.add(f.asText());
        }
        JsonNode degree = model.path("degree");
        JsonNode intercept = model.path("intercept");
        if (!degree.canConvertToInt() || !degree.isIntegralNumber()) {
            throw bad(file, "'model.degree' must be a whole number");
        }
        if (!intercept.isBoolean()) {
            throw bad(file, "'model.intercept' must be true or false");
        }
        JsonNode family = model.path("family");
        if (!family.isMissingNode() && !family.isNull()) {
            if (!family.isTextual() || !ModelJson.BINOMIAL.equals(family.asText())) {
                throw bad(file, "unknown 'model.family' " + shortened(family.toString()) + " (this gramian knows \""
                        + ModelJson.BINOMIAL + "\", or none for a linear model)");
            }
            JsonNode link = model.path("link");
            if (!link.isMissingNode() && !"logit".equals(link.asText())) {
                throw bad(file, "unknown 'model.link' " + shortened(link.toString()) + " (expected \"logit\")");
            }
            kind = "logistic";
        } else if ("logistic".equals(kind)) {
            throw bad(file, "a logistic model needs 'model.family' \"" + ModelJson.BINOMIAL + "\"");
        }
        ModelSpec spec;
        try {
            spec = new ModelSpec(target, features, degree.asInt(), intercept.asBoolean());
            JsonNode formula = model.path("formula");
            if (!formula.isMissingNode()) {
                if (!formula.isTextual()) {
                    throw bad(file, "'model.formula' must be a formula text");
                }
                spec = ModelSpec.of(org.gramian.design.formula.Formula.parse(formula.asText()))
                        .withLevels(levels(file, model.path("levels")));
                if (!spec.features().equals(features) || !spec.target().equals(target)) {
                    throw bad(file, "'model.features' and 'model.target' do not match 'model.formula'");
                }
            }
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        } catch (org.gramian.design.formula.FormulaException e) {
            throw bad(file, "'model.formula': " + e.getMessage());
        }
        JsonNode coefs = root.path("coefficients");
        // the count first, by arithmetic: a file claiming degree 2,000,000,000 must not make us build
        // two billion coefficient names (the list of a valid file is no longer than the file)
        // (a formula's columns are bounded by its text, at most 4096 characters: count them)
        long count = spec.formula() != null ? spec.coefficientNames().size()
                : (long) spec.features().size() * spec.degree() + (spec.intercept() ? 1 : 0);
        if (!coefs.isArray() || coefs.size() != count) {
            String names = count <= 1000 ? " [" + UserText.list(spec.coefficientNames()) + "]" : "";
            throw bad(file, "'coefficients' must list " + count + " coefficients" + names);
        }
        List<String> names = spec.coefficientNames();
        double[] w = new double[names.size()];
        for (int j = 0; j < w.length; j++) {
            JsonNode c = coefs.get(j);
            if (!names.get(j).equals(c.path("name").asText())) {
                throw bad(file, "coefficient " + (j + 1) + " should be '" + shortened(names.get(j)) + "', found '"
                        + shortened(c.path("name").asText()) + "'");
            }
            JsonNode est = c.path("estimate");
            if (est.isNull() && c.path("aliased").asBoolean(false)) {
                // An aliased column was left out of the fit (R's NA): it contributes nothing.
                w[j] = 0.0;
                continue;
            }
            if (est.isNull() && c.path("diverges").asBoolean(false)) {
                throw bad(file, "coefficient '" + names.get(j) + "' diverges (the data were separated when the model"
                        + " was fitted): there is no finite model to predict with");
            }
            if (!est.isNumber() || !Double.isFinite(est.asDouble())) {
                throw bad(file, "coefficient '" + names.get(j) + "' has no finite estimate");
            }
            w[j] = est.asDouble();
        }
        // Cov(w), s² and df, for intervals (absent in files of earlier versions: then null / NaN / 0)
        JsonNode inf = root.path("inference");
        double[][] cov = null;
        double s2 = Double.NaN;
        long df = 0;
        if (inf.isObject()) {
            JsonNode c = inf.path("covariance");
            if (!c.isArray() || c.size() != w.length) {
                throw bad(file, "'inference.covariance' must be a " + w.length + "×" + w.length + " array");
            }
            cov = new double[w.length][w.length];
            for (int i = 0; i < w.length; i++) {
                JsonNode row = c.get(i);
                if (!row.isArray() || row.size() != w.length) {
                    throw bad(file, "'inference.covariance' must be a " + w.length + "×" + w.length + " array");
                }
                for (int j = 0; j < w.length; j++) {
                    cov[i][j] = row.get(j).isNumber() ? row.get(j).asDouble() : Double.NaN;
                }
            }
            s2 = inf.path("residualVariance").isNumber() ? inf.path("residualVariance").asDouble() : Double.NaN;
            df = inf.path("residualDf").asLong(0);
        }
        return new SavedModel(kind, spec, w, cov, s2, df);
    }

    private static java.util.Map<String, List<String>> levels(Path file, JsonNode node) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isObject()) {
            throw bad(file, "'model.levels' must map each factor column to its levels");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            List<String> lv = new ArrayList<>();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw bad(file, "'model.levels." + e.getKey() + "' must be an array of level names");
            }
            for (JsonNode l : e.getValue()) {
                if (!l.isTextual()) {
                    throw bad(file, "'model.levels." + e.getKey() + "' must be an array of level names");
                }
                lv.add(l.asText());
            }
            out.put(e.getKey(), lv);
        }
        return out;
    }

    private static String text(Path file, JsonNode parent, String path) {
        JsonNode n = parent.path(path.substring(path.indexOf('.') + 1));
        if (!n.isTextual()) {
            throw bad(file, "missing '" + path + "'");
        }
        return n.asText();
    }

    private static GramianException bad(Path file, String why) {
        return new GramianException(file + ": not a gramian model file: " + why, file.toString(), 0, null, null);
    }

    /** A predictor without intervals. */
    public Predictor predictor() {
        return new Predictor(false, false, Double.NaN);
    }

    /**
     * A predictor that also gives (level·100)% t intervals: for the mean response (confidence,
     * variance xᵀCov(w)x) or for a new observation ({@code prediction}, variance xᵀCov(w)x + s²),
     * ŷ ± q·√variance with q the t quantile on the residual df. Aliased coefficients (left out of
     * the fit) take no part.
     *
     * @throws GramianException when the model file holds no covariance (written before intervals), or
     *                          for a ridge model (biased estimates: t intervals do not apply)
     */
    public Predictor predictor(boolean prediction, double level, Path file) {
        if (logistic()) {
            if (prediction) {
                throw new GramianException(file + ": a logistic model predicts a probability; prediction intervals"
                        + " for a new 0/1 outcome do not exist (use --intervals confidence)", file.toString(), 0, null,
                        null);
            }
            if (covariance == null) {
                throw new GramianException(file + ": the model has no covariance for intervals", file.toString(), 0,
                        null, null);
            }
            return new Predictor(true, false, Distributions.normalCritical(1 - level));
        }
        if ("ridge".equals(kind)) {
            throw new GramianException(file + ": no intervals for a ridge model: its estimates are biased toward"
                    + " zero, so t intervals around its predictions would not have their stated coverage (predict"
                    + " without --intervals)", file.toString(), 0, null, null);
        }
        if (covariance == null || residualDf <= 0) {
            throw new GramianException(file + ": the model has no covariance for intervals (fit it again with"
                    + " this version of gramian)", file.toString(), 0, null, null);
        }
        return new Predictor(true, prediction, Distributions.studentCritical(1 - level, residualDf));
    }

    /**
     * Predictions row after row: the design and the t quantile are formed once, and each row's design
     * vector once for both the prediction and its interval.
     */
    public final class Predictor {
        private final Design design = Design.of(spec);
        private final boolean intervals;
        private final boolean prediction;
        private final double q;

        private Predictor(boolean intervals, boolean prediction, double q) {
            this.intervals = intervals;
            this.prediction = prediction;
            this.q = q;
        }

        /**
         * ŷ = xᵀw for one observation, in double-double: {@code hi[j] + lo[j]} is the value of
         * feature j (the decimal as read, see {@link org.gramian.data.RowBlock#tails()}), so the
         * result, rounded once, is the prediction of these coefficients on this decimal input, free
         * of cancellation between the terms. With intervals: {ŷ, lower, upper}; else {ŷ}.
         */
        public double[] at(double[] hi, double[] lo) {
            DD[] f = new DD[hi.length];
            for (int j = 0; j < f.length; j++) {
                f[j] = DD.of(hi[j], lo[j]);
            }
            return at(f);
        }

        /**
         * As {@link #at(double[], double[])} for feature values in double-double, in
         * {@code spec().features()} order (a factor's value: the index of its level among the model's
         * levels, as {@link Design#inputs} reads it).
         */
        /**
         * The design's {@link Design#plainTerms()} when {@link #atPlain} may stand in for
         * {@link #at} (no intervals, a design of the inputs as they are), else null.
         */
        public int[] plainTerms() {
            return intervals ? null : design.plainTerms();
        }

        /**
         * {@link #at}'s one value for inputs given as double-double parts (see
         * {@link Design#inputsInto}), with the same bits, without objects.
         */
        public double atPlain(int[] plainTerms, double[] hi, double[] lo) {
            double y = Design.combinePlain(estimates, plainTerms, hi, lo);
            return logistic() ? logisticOf(y) : y;
        }

        public double[] at(DD[] f) {
            DD[] x = design.row(f);
            double y = Design.combine(estimates, x).doubleValue();
            if (!intervals) {
                return new double[] {logistic() ? logisticOf(y) : y};
            }
            DD v = DD.ZERO;
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(covariance[i][i])) {
                    continue;
                }
                for (int j = 0; j < x.length; j++) {
                    if (!Double.isNaN(covariance[j][j])) {
                        v = v.add(x[i].multiply(x[j]).multiply(covariance[i][j]));
                    }
                }
            }
            double var = v.doubleValue() + (prediction ? residualVariance : 0.0);
            double half = q * Math.sqrt(Math.max(var, 0.0));
            if (logistic()) {
                // the Wald interval of η = xᵀw mapped through the (increasing) logistic function
                return new double[] {logisticOf(y), logisticOf(y - half), logisticOf(y + half)};
            }
            return new double[] {y, y - half, y + half};
        }
    }

    /** A logistic regression (kind "logistic", family binomial): predictions are probabilities. */
    public boolean logistic() {
        return "logistic".equals(kind);
    }

    /** 1/(1 + e^{−η}), from e^{−|η|} so that neither tail is formed as 1 minus the other. */
    static double logisticOf(double eta) {
        double e = Math.exp(-Math.abs(eta));
        return eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /** The design of this model (unbound: it expands feature values). */
    public Design design() {
        return Design.of(spec);
    }

    /** A value quoted in a message: on one line and at most 60 characters. */
    private static String shortened(String s) {
        String t = UserText.oneLine(s);
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
