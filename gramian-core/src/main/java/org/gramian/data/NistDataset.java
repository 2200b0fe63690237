package org.gramian.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gramian.GramianException;
import org.gramian.design.ModelSpec;

/**
 * A NIST StRD linear least-squares reference file (format: the {@code .dat} files published by
 * NIST's Statistical Engineering Division): its data and certified values.
 *
 * <p>The header layouts differ slightly between files (a model written over several lines for
 * Filip, a wrong parameter count in Longley's header, a missing file-name suffix in Pontius), so
 * the model is derived from robust facts instead of the prose: the intercept is present iff the
 * certified table lists B0; with one predictor column the model is the polynomial whose degree
 * matches the number of certified slope parameters; with several predictor columns it is linear
 * in them (x1 … xk). The data lines come from the "Data (lines a to b)" range in the header.
 *
 * @param name                 dataset name, e.g. {@code Longley}
 * @param spec                 the model, over columns named y, x (or y, x1 … xk)
 * @param data                 the observations
 * @param estimates            certified B0 (or B1) … Bk
 * @param standardErrors       certified standard deviations of the estimates
 * @param residualSd           certified residual standard deviation
 * @param rSquared             certified R² (uncentred without intercept)
 * @param regressionSs         certified regression sum of squares
 * @param residualSs           certified residual sum of squares
 * @param fStatistic           certified F (+∞ for exact fits)
 */
public record NistDataset(String name, ModelSpec spec, Table data, double[] estimates, double[] standardErrors,
                          double residualSd, double rSquared, double regressionSs, double residualSs,
                          double fStatistic) {

    private static final String NUM = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|Infinity)";
    private static final Pattern NAME = Pattern.compile("^Dataset Name:\\s*(\\S+)");
    private static final Pattern LINES = Pattern.compile("\\(lines\\s+(\\d+)\\s+to\\s+(\\d+)\\)");
    private static final Pattern PARAM = Pattern.compile("^\\s*B(\\d+)\\s+" + NUM + "\\s+" + NUM + "\\s*$");
    private static final Pattern RESID_SD = Pattern.compile("Standard Deviation\\s+" + NUM + "\\s*$");
    private static final Pattern R2 = Pattern.compile("^\\s*R-Squared\\s+" + NUM + "\\s*$");
    private static final Pattern REGRESSION = Pattern.compile(
            "^Regression\\s+(\\d+)\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + "\\s*$");
    private static final Pattern RESIDUAL = Pattern.compile("^Residual\\s+(\\d+)\\s+" + NUM + "\\s+" + NUM + "\\s*$");

    /** Reads and parses one {@code .dat} file. */
    public static NistDataset read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new GramianException(file + ": cannot read: " + e.getMessage(), e);
        }
        String fallback = file.getFileName().toString().replaceFirst("\\.dat$", "");
        return parse(fallback, lines, file.toString());
    }

    /** Parses the lines of a {@code .dat} file; {@code where} names it in error messages. */
    public static NistDataset parse(String fallbackName, List<String> lines, String where) {
        String name = fallbackName;
        List<int[]> ranges = new ArrayList<>();
        List<double[]> params = new ArrayList<>();
        int firstParam = -1;
        double residualSd = Double.NaN;
        double r2 = Double.NaN;
        double ssReg = Double.NaN;
        double ssRes = Double.NaN;
        double f = Double.NaN;
        int headerEnd = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String raw = lines.get(i);
            Matcher m;
            if ((m = NAME.matcher(line)).find()) {
                name = m.group(1);
            }
            if (ranges.size() < 2 && (m = LINES.matcher(line)).find()) {
                ranges.add(new int[] {intOrMax(m.group(1)), intOrMax(m.group(2))});
            }
            if ((m = PARAM.matcher(raw)).matches()) {
                int idx = intOrMax(m.group(1)); // B99999999999: no int, and not B0
                if (firstParam < 0) {
                    firstParam = idx;
                }
                params.add(new double[] {num(m.group(2)), num(m.group(3))});
            } else if ((m = RESID_SD.matcher(line)).find()) {
                residualSd = num(m.group(1));
            } else if ((m = R2.matcher(line)).matches()) {
                r2 = num(m.group(1));
            } else if ((m = REGRESSION.matcher(line)).matches()) {
                ssReg = num(m.group(2));
                f = num(m.group(4));
            } else if ((m = RESIDUAL.matcher(line)).matches()) {
                ssRes = num(m.group(2));
            }
            if (line.startsWith("Data:") && i > 40) {
                headerEnd = i;
            }
        }
        if (ranges.size() < 2) {
            throw new GramianException(where + ": not a NIST StRD file: no 'Data (lines a to b)' range in the header");
        }
        if (params.isEmpty()) {
            throw new GramianException(where + ": no certified parameter values (lines 'B0  estimate  sd')");
        }
        int from = ranges.get(1)[0];
        int to = ranges.get(1)[1];
        if (from < 1 || from > to) {
            throw new GramianException(where + ": the header's data range 'lines " + from + " to " + to
                    + "' is not a range of lines");
        }
        if (to > lines.size()) {
            throw new GramianException(where + ": header says data runs to line " + to + " but the file has "
                    + lines.size() + " lines");
        }
        List<String[]> rows = new ArrayList<>();
        int width = -1;
        for (int ln = from; ln <= to; ln++) {
            String line = lines.get(ln - 1).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] tok = line.split("\\s+");
            if (width < 0) {
                width = tok.length;
            } else if (tok.length != width) {
                throw new GramianException(where + ", line " + ln + ": expected " + width + " numbers, found "
                        + tok.length);
            }
            for (int j = 0; j < width; j++) {
                if (!DECIMAL.matcher(tok[j]).matches()) {
                    throw new GramianException(where + ", line " + ln + ", column " + (j + 1)
                            + ": expected a number, found " + org.gramian.UserText.quote(tok[j]));
                }
            }
            rows.add(tok);
        }
        if (width < 2) {
            throw new GramianException(where + ": data lines need a response and at least one predictor");
        }
        boolean intercept = firstParam == 0;
        int slopes = params.size() - (intercept ? 1 : 0);
        List<String> names = new ArrayList<>();
        names.add("y");
        ModelSpec spec;
        if (width == 2) {
            names.add("x");
            spec = new ModelSpec("y", List.of("x"), Math.max(1, slopes), intercept);
        } else {
            for (int j = 1; j < width; j++) {
                names.add("x" + j);
            }
            if (slopes != width - 1) {
                throw new GramianException(where + ": " + slopes + " certified slopes for " + (width - 1)
                        + " predictor columns");
            }
            spec = new ModelSpec("y", names.subList(1, names.size()), 1, intercept);
        }
        if (params.size() != spec.coefficientNames().size()) {
            // found by fuzzing: a lone certified B0 with one predictor column made a 2-coefficient model
            throw new GramianException(where + ": " + params.size() + " certified parameter(s) for a model with "
                    + spec.coefficientNames().size() + " coefficients " + spec.coefficientNames());
        }
        // Kept to double-double: the certified values are for the decimal data, not its roundings.
        Table table = Table.ofDecimalRows(names, rows);
        double[] est = params.stream().mapToDouble(a -> a[0]).toArray();
        double[] sd = params.stream().mapToDouble(a -> a[1]).toArray();
        return new NistDataset(name, spec, table, est, sd, residualSd, r2, ssReg, ssRes, f);
    }

    /** A number of the header (a line, a parameter index); one too large for an int is no line of any file and no B0. */
    private static int intOrMax(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * A decimal number as the data lines write it. Stricter than {@link Double#parseDouble}, which
     * also takes {@code 1d}, {@code 0x1p3} and {@code NaN}, texts the exact decimal reading of the
     * data then refused with an unchecked exception (found by fuzzing).
     */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static double num(String s) {
        return s.equals("Infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }
}
