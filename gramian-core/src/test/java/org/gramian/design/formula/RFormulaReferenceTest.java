package org.gramian.design.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gramian.Gramian;
import org.gramian.data.Table;
import org.gramian.design.ModelSpec;
import org.gramian.model.FittedModel;
import org.gramian.solve.SolverKind;
import org.gramian.stats.Anova;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Formula fits against R's {@code lm} on data sets that ship with R (warpbreaks, mtcars, iris,
 * ToothGrowth), exported by {@code write.csv(..., row.names = FALSE)} into
 * {@code src/test/resources/r/} and read back in R by {@code read.csv(f, stringsAsFactors = TRUE)}
 * (so R's factor levels are sorted, as ours are). The reference values were printed by R 4.2.2 with
 * {@code sprintf("%.17g")}: coefficients, standard errors, residual sum of squares and df, and the
 * sequential ANOVA table (type I sums of squares and p-values of {@code anova(fit)}). R's NA (an
 * aliased coefficient) is NaN.
 *
 * <p>Names are R's but for two documented differences: {@code poly(x, k)} columns are named
 * {@code x}, {@code x^2} (as {@code --degree}), and {@code C(g, ref = 'b')} is named as written
 * where R's equivalent is {@code relevel(g, ref = "b")}.
 */
class RFormulaReferenceTest {

    record Reference(String data, String formula, List<String> names, double[] estimates, double[] se, double rss,
                     long df, List<String> terms, long[] termDf, double[] termSs, double[] termP) {
        @Override
        public String toString() {
            return data + ": " + formula;
        }
    }

    static Stream<Reference> references() {
        return Stream.of(
            // R 4.2.2: d <- read.csv("warpbreaks.csv", stringsAsFactors = TRUE); fit <- lm(breaks ~ wool * tension, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("warpbreaks", "breaks ~ wool * tension",
                    List.of("(Intercept)", "woolB", "tensionL", "tensionM", "woolB:tensionL", "woolB:tensionM"),
                    new double[] {24.55555555555555, -5.7777777777777732, 20.000000000000004, -0.55555555555554892, -10.555555555555562, 10.555555555555546},
                    new double[] {3.646761345736405, 5.1572993538783836, 5.1572993538783827, 5.1572993538783827, 7.2935226914728091, 7.2935226914728091},
                    5745.1111111111095, 48,
                    List.of("wool", "tension", "wool:tension"),
                    new long[] {1, 2, 2},
                    new double[] {450.6666666666672, 2034.2592592592607, 1002.7777777777778},
                    new double[] {0.058212975959559654, 0.00069262093671343785, 0.021044190727863028}),
            // R 4.2.2: d <- read.csv("warpbreaks.csv", stringsAsFactors = TRUE); fit <- lm(breaks ~ tension:wool, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("warpbreaks", "breaks ~ tension:wool",
                    List.of("(Intercept)", "tensionH:woolA", "tensionL:woolA", "tensionM:woolA", "tensionH:woolB", "tensionL:woolB", "tensionM:woolB"),
                    new double[] {28.777777777777775, -4.222222222222217, 15.777777777777784, -4.7777777777777732, -9.9999999999999982, -0.55555555555555003, Double.NaN},
                    new double[] {3.6467613457364054, 5.1572993538783836, 5.1572993538783836, 5.1572993538783853, 5.1572993538783836, 5.1572993538783836, Double.NaN},
                    5745.1111111111104, 48,
                    List.of("tension:wool"),
                    new long[] {5},
                    new double[] {3487.7037037037048},
                    new double[] {0.00027719640434769195}),
            // R 4.2.2: d <- read.csv("warpbreaks.csv", stringsAsFactors = TRUE); fit <- lm(breaks ~ 0 + wool + tension, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("warpbreaks", "breaks ~ 0 + wool + tension",
                    List.of("woolA", "woolB", "tensionL", "tensionM"),
                    new double[] {24.555555555555554, 18.777777777777779, 14.722222222222221, 4.7222222222222223},
                    new double[] {3.1617831089408295, 3.1617831089408295, 3.8723776471278351, 3.8723776471278351},
                    6747.8888888888896, 50,
                    List.of("wool", "tension"),
                    new long[] {2, 2},
                    new double[] {43235.851851851854, 2034.2592592592596},
                    new double[] {1.8133397866370875e-22, 0.0013777775226284982}),
            // R 4.2.2: d <- read.csv("mtcars.csv", stringsAsFactors = TRUE); fit <- lm(mpg ~ wt + factor(cyl) + log(hp), d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("mtcars", "mpg ~ wt + factor(cyl) + log(hp)",
                    List.of("(Intercept)", "wt", "factor(cyl)6", "factor(cyl)8", "log(hp)"),
                    new double[] {56.056271540626753, -3.0378275144210427, -2.3048630320147474, -1.5742683136689475, -5.1207850990376302},
                    new double[] {8.1604055765251839, 0.68049218649740284, 1.4320571960812141, 2.2028233493615521, 1.8523923118918595},
                    142.67603389268967, 27,
                    List.of("wt", "factor(cyl)", "log(hp)"),
                    new long[] {1, 2, 1},
                    new double[] {847.72524995665697, 95.263289874965736, 40.382613775687993},
                    new double[] {7.1419383868038098e-13, 0.0010033324816267504, 0.010150144330308373}),
            // R 4.2.2: d <- read.csv("iris.csv", stringsAsFactors = TRUE); fit <- lm(Sepal.Length ~ Species * Petal.Length, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("iris", "Sepal.Length ~ Species * Petal.Length",
                    List.of("(Intercept)", "Speciesversicolor", "Speciesvirginica", "Petal.Length", "Speciesversicolor:Petal.Length", "Speciesvirginica:Petal.Length"),
                    new double[] {4.2131682230342449, -1.8056451176738009, -3.1535091321251549, 0.54229259710380107, 0.28598836407919359, 0.45344603925983556},
                    new double[] {0.40742086103960506, 0.59842835883768597, 0.63407405549986995, 0.27676668158597267, 0.29506241259835697, 0.29014553632814494},
                    16.300681715831743, 144,
                    List.of("Species", "Petal.Length", "Species:Petal.Length"),
                    new long[] {2, 1, 2},
                    new double[] {63.212133333333306, 22.274541195918108, 0.3809770882501613},
                    new double[] {2.8011860110854545e-50, 1.0085822215729755e-28, 0.18949179212695802}),
            // R 4.2.2: d <- read.csv("iris.csv", stringsAsFactors = TRUE); fit <- lm(Sepal.Length ~ Species:Petal.Width + Petal.Length, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("iris", "Sepal.Length ~ Species:Petal.Width + Petal.Length",
                    List.of("(Intercept)", "Petal.Length", "Speciessetosa:Petal.Width", "Speciesversicolor:Petal.Width", "Speciesvirginica:Petal.Width"),
                    new double[] {3.5356161489071112, 0.73176669420868545, 1.4608476745960175, -0.52790003952031161, -0.48675184243669101},
                    new double[] {0.17089482721065047, 0.073651386547146591, 0.46093752312797237, 0.17449424695988272, 0.15410243960314682},
                    20.106771397874372, 145,
                    List.of("Petal.Length", "Species:Petal.Width"),
                    new long[] {1, 3},
                    new double[] {77.643299567501572, 4.418262367957384},
                    new double[] {1.1983489889950767e-51, 2.3505949689486917e-06}),
            // R 4.2.2: d <- read.csv("iris.csv", stringsAsFactors = TRUE); fit <- lm(Sepal.Length ~ (Sepal.Width + Petal.Length + Petal.Width)^2, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("iris", "Sepal.Length ~ (Sepal.Width + Petal.Length + Petal.Width)^2",
                    List.of("(Intercept)", "Sepal.Width", "Petal.Length", "Petal.Width", "Sepal.Width:Petal.Length", "Sepal.Width:Petal.Width", "Petal.Length:Petal.Width"),
                    new double[] {1.3983676986330484, 0.8481192925003036, 1.157558685855252, -1.6621890470038665, -0.1677236278614419, 0.2762584547911156, 0.066953408214563609},
                    new double[] {0.60966010926180392, 0.18324020217213075, 0.44793635136170884, 1.1271430622575349, 0.14804459368679684, 0.36643040635897223, 0.033238259136320399},
                    13.844424276790702, 143,
                    List.of("Sepal.Width", "Petal.Length", "Petal.Width", "Sepal.Width:Petal.Length", "Sepal.Width:Petal.Width", "Petal.Length:Petal.Width"),
                    new long[] {1, 1, 1, 1, 1, 1},
                    new double[] {1.4122375358373127, 84.42733161326727, 1.8833592705376956, 0.15852600779332598, 0.049621865151970694, 0.39283276395509342},
                    new double[] {0.00019883860518748894, 9.965475132036452e-63, 2.0138745961849924e-05, 0.20275122813514893, 0.47520552420694795, 0.045848193278133595}),
            // R 4.2.2: d <- read.csv("iris.csv", stringsAsFactors = TRUE); fit <- lm(Sepal.Length ~ . - Petal.Width, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("iris", "Sepal.Length ~ . - Petal.Width",
                    List.of("(Intercept)", "Sepal.Width", "Petal.Length", "Speciesversicolor", "Speciesvirginica"),
                    new double[] {2.3903891403225872, 0.43221720877198683, 0.77562945828115082, -0.95581230089869229, -1.3940978715874244},
                    new double[] {0.26226815323553454, 0.081389819077474598, 0.064245662454852415, 0.21519853375086034, 0.28566053125132346},
                    13.965514286047808, 145,
                    List.of("Sepal.Width", "Petal.Length", "Species"),
                    new long[] {1, 1, 2},
                    new double[] {1.4122375358373127, 84.42733161326727, 2.36324989818098},
                    new double[] {0.00019073110085074122, 2.3990122789074406e-63, 1.1953970551091833e-05}),
            // R 4.2.2: d <- read.csv("ToothGrowth.csv", stringsAsFactors = TRUE); fit <- lm(len ~ supp * poly(dose, 2, raw = TRUE), d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("ToothGrowth", "len ~ supp * poly(dose, 2)",
                    List.of("(Intercept)", "suppVC", "poly(dose, 2, raw = TRUE)1", "poly(dose, 2, raw = TRUE)2", "suppVC:poly(dose, 2, raw = TRUE)1", "suppVC:poly(dose, 2, raw = TRUE)2"),
                    new double[] {-1.4333333333333398, -2.1133333333333297, 34.520000000000024, -10.386666666666683, -8.730000000000036, 4.9133333333333491},
                    new double[] {3.8469352346495835, 5.4403879824123615, 7.4421785938139262, 2.864495876330496, 10.52482990097438, 4.0510089176683888},
                    712.10600000000011, 54,
                    List.of("supp", "poly(dose, 2, raw = TRUE)", "supp:poly(dose, 2, raw = TRUE)"),
                    new long[] {1, 2, 2},
                    new double[] {205.35000000000016, 2426.4343333333354, 108.3190000000001},
                    new double[] {0.00023118280977342366, 4.0462911959921633e-18, 0.021860268964790947}),
            // R 4.2.2: d <- read.csv("ToothGrowth.csv", stringsAsFactors = TRUE); fit <- lm(len ~ relevel(supp, ref = 'VC') + I(dose^2) + sqrt(dose) + exp(-dose/2), d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("ToothGrowth", "len ~ C(supp, ref = 'VC') + I(dose^2) + sqrt(dose) + exp(-dose/2)",
                    List.of("(Intercept)", "relevel(supp, ref = \"VC\")OJ", "I(dose^2)", "sqrt(dose)", "exp(-dose/2)"),
                    new double[] {-18.555203324453611, 3.6999999999999953, -3.3757723784153169, 39.815975702868947, Double.NaN},
                    new double[] {5.4593753676429513, 0.98827952957218923, 1.3112882905338237, 7.3237431806763809, Double.NaN},
                    820.42499999999939, 56,
                    List.of("relevel(supp, ref = \"VC\")", "I(dose^2)", "sqrt(dose)"),
                    new long[] {1, 1, 1},
                    new double[] {205.34999999999999, 1993.4228928571431, 433.0114404761926},
                    new double[] {0.00042927927678530965, 1.2894323262709872e-16, 1.2294739129806914e-06}),
            // R 4.2.2: d <- read.csv("ToothGrowth.csv", stringsAsFactors = TRUE); fit <- lm(len ~ supp/dose, d); coef(fit);
            //          summary(fit)$coefficients[, 2]; deviance(fit); anova(fit)  (printed with %.17g)
            new Reference("ToothGrowth", "len ~ supp/dose",
                    List.of("(Intercept)", "suppVC", "suppOJ:dose", "suppVC:dose"),
                    new double[] {11.549999999999986, -8.254999999999999, 7.8114285714285758, 11.71571428571429},
                    new double[] {1.5813942722761314, 2.2364292273120365, 1.1954217054813172, 1.1954217054813172},
                    933.63492857142899, 56,
                    List.of("supp", "supp:dose"),
                    new long[] {1, 2},
                    new double[] {205.35000000000016, 2313.224404761907},
                    new double[] {0.00089364515887245836, 6.9820231051025955e-16}));
    }

    private static double worst;

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.printf(java.util.Locale.ROOT, "R references: largest relative difference %.2e%n", worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void matchesR(Reference r) {
        for (SolverKind solver : List.of(SolverKind.AUTO, SolverKind.QR, SolverKind.CHOLESKY)) {
            FittedModel m = Gramian.fit(load(r.data()), ModelSpec.of(Formula.parse(r.formula())), solver);
            List<String> rNames = r.names().stream()
                    .map(n -> n.replace("poly(dose, 2, raw = TRUE)1", "dose").replace("poly(dose, 2, raw = TRUE)2", "dose^2")
                            .replace("relevel(supp, ref = \"VC\")", "C(supp, ref = \"VC\")"))
                    .toList();
            assertThat(m.spec().coefficientNames()).as(solver + " names").isEqualTo(rNames);
            for (int j = 0; j < rNames.size(); j++) {
                close(m.coefficients().get(j).estimate(), r.estimates()[j], solver + " estimate " + rNames.get(j));
                close(m.coefficients().get(j).standardError(), r.se()[j], solver + " SE " + rNames.get(j));
            }
            close(m.anova().residualSumOfSquares(), r.rss(), solver + " RSS");
            assertThat(m.anova().residualDf()).isEqualTo(r.df());
            List<Anova.TermRow> rows = m.anova().terms();
            assertThat(rows.stream().map(Anova.TermRow::term).toList()).as("ANOVA terms")
                    .isEqualTo(r.terms().stream().map(t -> t.replace("poly(dose, 2, raw = TRUE)", "poly(dose, 2)")
                            .replace("relevel(supp, ref = \"VC\")", "C(supp, ref = \"VC\")")).toList());
            double ssTerms = 0;
            for (int k = 0; k < rows.size(); k++) {
                assertThat(rows.get(k).df()).as("df of " + rows.get(k).term()).isEqualTo(r.termDf()[k]);
                close(rows.get(k).sumOfSquares(), r.termSs()[k], solver + " SS of " + rows.get(k).term());
                // p-values far in the tail are relatively accurate in both; compare relatively
                close(rows.get(k).fPValue(), r.termP()[k], solver + " p of " + rows.get(k).term());
                ssTerms += rows.get(k).sumOfSquares();
            }
            if (m.spec().intercept()) {
                // the sequential sums of squares add up to the regression sum of squares
                close(ssTerms, m.anova().regressionSumOfSquares(), "Σ SS = regression SS");
            }
        }
    }

    /** Agreement to 1e-9 relative (R's double-precision QR is itself good to ~1e-13 here); NaN matches NaN. */
    static void close(double actual, double expected, String what) {
        if (!Double.isNaN(expected) && expected != 0) {
            worst = Math.max(worst, Math.abs(actual - expected) / Math.abs(expected));
        }
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs R " + expected)
                .isLessThanOrEqualTo(1e-9 * Math.max(Math.abs(expected), 1e-300) + 1e-12);
    }

    /** Reads a CSV written by R's write.csv: a header, quoted text cells (categorical), bare numbers. */
    static Table load(String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = RFormulaReferenceTest.class.getResourceAsStream("/r/" + name + ".csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(line.strip().split(","));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] header = rows.get(0);
        Table.Builder b = Table.builder();
        for (int j = 0; j < header.length; j++) {
            String col = header[j].replace("\"", "");
            boolean text = rows.get(1)[j].startsWith("\"");
            if (text) {
                String[] v = new String[rows.size() - 1];
                for (int i = 1; i < rows.size(); i++) {
                    v[i - 1] = rows.get(i)[j].replace("\"", "");
                }
                b.text(col, v);
            } else {
                double[] v = new double[rows.size() - 1];
                for (int i = 1; i < rows.size(); i++) {
                    v[i - 1] = Double.parseDouble(rows.get(i)[j]);
                }
                b.numeric(col, v);
            }
        }
        return b.build();
    }
}
