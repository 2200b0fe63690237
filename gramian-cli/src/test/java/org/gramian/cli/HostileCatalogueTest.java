package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.gramian.GramianException;
import org.gramian.Gramian;
import org.gramian.data.NistDataset;
import org.gramian.design.InsufficientDataException;
import org.gramian.design.InvalidValueException;
import org.gramian.design.ModelSpec;
import org.gramian.design.UnknownColumnException;
import org.gramian.io.CsvFormatException;
import org.gramian.io.CsvSource;
import org.gramian.io.model.SavedModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of hostile and careless inputs (#16), in one table. Each case writes its files into
 * a fresh folder, runs the real command line in-process and asserts
 * <ul>
 *   <li>the exit status;</li>
 *   <li>for a failure: exactly one line on stderr, starting {@code gramian: }, containing the
 *       expected fragment (which names the file, and line and column where there is one), short,
 *       free of control characters and of anything that looks like a crash; nothing on stdout. For
 *       a success (constant or collinear columns): the fragment on stdout;</li>
 *   <li>that the output folder given to {@code --out} is still empty afterwards: no result file,
 *       no temporary file;</li>
 *   <li>where the case names one, what the library throws for the same file: the documented
 *       {@link GramianException} subtype with its {@code file()}, {@code line()} and
 *       {@code column()}.</li>
 * </ul>
 * Large inputs (50 MB fields, 10,000 columns, CR-only line ends) are in {@link HostileInputTest}
 * and in gramian-io's {@code CsvHostileInputTest}; here the same defects appear at sizes a table can
 * afford (a field and a header name just over the 1 MiB limit, 2,000 columns).
 */
class HostileCatalogueTest {
    @TempDir
    Path tmp;

    /** What the library is asked in a case: fit the CSV (y on every other column) or read the model. */
    enum Call { FIT_CSV, READ_MODEL, READ_NIST }

    /**
     * The library's answer: the exception type and where it places the problem ({@code column}
     * null: not checked. A bad cell's {@code CsvFormatException} names the column in its message
     * but its {@code column()} is null today: the CSV parser, being reworked on the dialects
     * branch, reports only the line to its caller).
     */
    record Lib(Call call, String file, Class<? extends GramianException> type, long line, String column) {
    }

    /**
     * One row of the catalogue. In {@code args}, {@code {dir}/NAME} is a file of the case and
     * {@code {out}} the result file inside the output folder, which must stay empty.
     */
    record Case(String name, Map<String, byte[]> files, List<String> args, int code, String fragment, Lib lib,
                boolean brokenStdout) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Builder {
        final String name;
        final Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> args;
        Lib lib;
        boolean brokenStdout;

        Builder(String name) {
            this.name = name;
        }

        Builder file(String n, String text) {
            files.put(n, text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Builder file(String n, byte[] bytes) {
            files.put(n, bytes);
            return this;
        }

        Builder args(String... a) {
            args = List.of(a);
            return this;
        }

        Builder lib(Call call, String file, Class<? extends GramianException> type, long line, String column) {
            lib = new Lib(call, file, type, line, column);
            return this;
        }

        Builder brokenStdout() {
            brokenStdout = true;
            return this;
        }

        Case expect(int code, String fragment) {
            return new Case(name, files, args, code, fragment, lib, brokenStdout);
        }
    }

    private static Builder c(String name) {
        return new Builder(name);
    }

    /** {@code fit {dir}/d.csv --target y --out {out}} on {@code text}, library: fit y on the rest. */
    private static Builder fit(String name, String text) {
        return c(name).file("d.csv", text).args("fit", "{dir}/d.csv", "--target", "y", "--out", "{out}");
    }

    private static final String GOOD = "x,y\n1,2\n2,4\n3,5.5\n4,8\n";
    private static final String MODEL_OK = "{\"format\":\"gramian-model/1\",\"model\":{\"target\":\"y\",\"features\":[\"x\"],"
            + "\"degree\":1,\"intercept\":true},\"coefficients\":[{\"name\":\"(Intercept)\",\"estimate\":0.5},"
            + "{\"name\":\"x\",\"estimate\":2}]}";

    private static Builder predictWith(String name, String model) {
        return c(name).file("m.json", model).file("new.csv", "x\n1\n2\n")
                .args("predict", "{dir}/m.json", "{dir}/new.csv", "--out", "{out}");
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static String wide(int features, int rows) {
        StringBuilder sb = new StringBuilder("y");
        for (int j = 1; j <= features; j++) {
            sb.append(",c").append(j);
        }
        sb.append('\n');
        Random rnd = new Random(7);
        for (int i = 0; i < rows; i++) {
            sb.append(rnd.nextInt(100));
            for (int j = 1; j <= features; j++) {
                sb.append(',').append(rnd.nextInt(100));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Stream<Case> cases() {
        byte[] random = new byte[20_000];
        new Random(5).nextBytes(random);
        byte[] elf = concat(bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0), random);
        byte[] png = concat(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13), random);
        String huge = "1" + "0".repeat(1 << 20);
        List<Case> all = new ArrayList<>(List.of(
            // --- files that are not there, or empty
            c("missing file").args("fit", "{dir}/nothere.csv", "--target", "y", "--out", "{out}")
                .lib(Call.FIT_CSV, "nothere.csv", GramianException.class, 0, null)
                .expect(ExitCodes.BAD_INPUT, "nothere.csv: no such file"),
            fit("empty file", "").lib(Call.FIT_CSV, "d.csv", CsvFormatException.class, 0, null)
                .expect(ExitCodes.BAD_INPUT, "d.csv: empty file, expected a header row"),
            fit("header only", "x,y\n").lib(Call.FIT_CSV, "d.csv", InsufficientDataException.class, 0, null)
                .expect(ExitCodes.BAD_INPUT, "d.csv: no data rows"),
            fit("blank lines only", "x,y\n\n\n\n").expect(ExitCodes.BAD_INPUT, "d.csv: no data rows"),
            // --- the header
            fit("duplicate column name", "x,x,y\n1,2,3\n2,3,4\n3,4,4\n")
                .lib(Call.FIT_CSV, "d.csv", CsvFormatException.class, 1, null)
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 1: duplicate column name 'x' (columns 1 and 2)"),
            fit("empty column name", "x,,y\n1,2,3\n2,3,4\n3,4,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 1, column 2: empty column name"),
            fit("column name over 1 MiB", "x,y," + "n".repeat((1 << 20) + 1) + "\n1,2,3\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 1, column 3: column name longer than 1,048,576 bytes (1 MiB)"),
            fit("unknown target", GOOD).args("fit", "{dir}/d.csv", "--target", "z", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv: unknown column 'z'; the columns are: x, y"),
            fit("unknown feature", GOOD).args("fit", "{dir}/d.csv", "--target", "y", "--features", "x,w", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "unknown column 'w'"),
            fit("target also a feature", GOOD)
                .args("fit", "{dir}/d.csv", "--target", "y", "--features", "x,y", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "target column 'y'"),
            fit("escape sequence in a column name", GOOD)
                .args("fit", "{dir}/d.csv", "--target", "y\u001b[2J", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "unknown column 'y\\x1b[2J'"),
            // --- cells
            fit("non-numeric cell", "x,y\n1,2\n2,abc\n3,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 2 ('y'): expected a number, found 'abc'"),
            // empty and NaN cells are missing values (#13): rows dropped as R's na.omit, or with
            // --missing fail an error at the cell
            fit("empty cell, --missing fail", "x,y\n1,2\n,3\n3,4\n")
                .args("fit", "{dir}/d.csv", "--target", "y", "--missing", "fail", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 1 ('x'): expected a number, found an empty cell"),
            fit("NaN cell, --missing fail", "x,y\n1,2\nNaN,3\n3,4\n")
                .args("fit", "{dir}/d.csv", "--target", "y", "--missing", "fail", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 1 ('x'): expected a finite number, found 'NaN'"),
            c("NaN cell dropped as missing").file("d.csv", "x,y\n1,2\nNaN,3\n3,4\n4,5.5\n")
                .args("fit", "{dir}/d.csv", "--target", "y")
                .expect(ExitCodes.OK, "(1 observation deleted due to missingness)"),
            fit("inf cell", "x,y\n1,2\n2,inf\n3,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 2 ('y'): expected a finite number, found 'inf'"),
            fit("1e400 overflows", "x,y\n1,2\n2,3\n3,1e400\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 4, column 2 ('y')"),
            fit("hexadecimal number", "x,y\n1,2\n0x10,3\n3,5\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 1 ('x'): expected a number, found '0x10'"),
            fit("decimal comma in quotes", "x,y\n1,2\n\"1,5\",3\n3,5\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 1 ('x'): expected a number, found '1,5'"),
            fit("stray quote inside a cell", "x,y\n1,2\n2,3\"4\n3,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 2 ('y'): expected a number, found '3\"4'"),
            fit("unterminated quote", "x,y\n1,2\n\"2,3\n3,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 1 ('x'): unterminated quoted field"),
            fit("escape sequence in a cell", "x,y\n1,2\n2,\u001b[2J\n3,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 2 ('y'): expected a number, found '\\x1b[2J'"),
            fit("number over 1 MiB", "x,y\n1,2\n2," + huge + "\n3,4\n")
                .lib(Call.FIT_CSV, "d.csv", CsvFormatException.class, 3, "y")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 2 ('y'): a cell of more than 1,048,576 bytes"),
            // --- rows
            fit("row with too many fields", "x,y\n1,2\n2,3,4\n3,4\n")
                .lib(Call.FIT_CSV, "d.csv", CsvFormatException.class, 3, null)
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3: expected 2 fields, found 3"),
            fit("row with too few fields", "x,y\n1,2\n2\n3,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3: expected 2 fields, found 1"),
            fit("fewer rows than coefficients", "x,y\n1,2\n")
                .lib(Call.FIT_CSV, "d.csv", InsufficientDataException.class, 0, null)
                .expect(ExitCodes.BAD_INPUT, "d.csv: only 1 data row(s) for 2 coefficient(s)"),
            fit("very wide file, too few rows", wide(2000, 10))
                .lib(Call.FIT_CSV, "d.csv", InsufficientDataException.class, 0, null)
                .expect(ExitCodes.BAD_INPUT, "d.csv: only 10 data row(s) for 2001 coefficient(s)"),
            // --- not text, not UTF-8
            c("ELF binary").file("d.csv", elf).args("fit", "{dir}/d.csv", "--target", "y", "--out", "{out}")
                .lib(Call.FIT_CSV, "d.csv", CsvFormatException.class, 1, null)
                .expect(ExitCodes.BAD_INPUT, "d.csv: not a text CSV file (found a NUL byte at line 1, column 8)"),
            c("PNG image").file("d.csv", png).args("fit", "{dir}/d.csv", "--target", "y", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv: not a UTF-8 text CSV file (found the byte 0x89, which is not UTF-8,"
                        + " at line 1, column 1)"),
            fit("NUL byte in a cell", "x,y\n1,2\n2,\u00003\n3,4\n")
                .expect(ExitCodes.BAD_INPUT, "d.csv: not a text CSV file (found a NUL byte at line 3, column 3)"),
            c("Latin-1 file").file("d.csv", "x,y\n1,2\n2,3\n\"caf\u00e9\",4\n".getBytes(StandardCharsets.ISO_8859_1))
                .args("fit", "{dir}/d.csv", "--target", "y", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "not a UTF-8 text CSV file (found the byte 0xE9"),
            c("UTF-16 file").file("d.csv", "\ufeffx,y\n1,2\n2,3\n3,5\n".getBytes(StandardCharsets.UTF_16LE))
                .args("fit", "{dir}/d.csv", "--target", "y", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv: not a UTF-8 text CSV file (it starts with a UTF-16 or UTF-32 byte order mark)"),
            c("corrupt gzip").file("d.csv.gz", bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5))
                .args("fit", "{dir}/d.csv.gz", "--target", "y", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv.gz"),
            // --- numerically hostile data: answered, not refused
            fit("overflowing powers: --degree 400 on 1e300", "x,y\n1e300,1\n2e300,2\n3e300,3\n")
                .args("fit", "{dir}/d.csv", "--target", "y", "--degree", "400", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 2, column 'x': x^2 overflows a double"),
            fit("x^30 overflows at 1e11", "x,y\n1,1\n2,2\n1e11,3\n" + "5,5\n".repeat(40))
                .args("fit", "{dir}/d.csv", "--target", "y", "--degree", "30", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 4, column 'x': x^"),
            c("constant column is aliased").file("d.csv", "x,c,y\n1,5,2\n2,5,4\n3,5,5.5\n4,5,8\n")
                .args("fit", "{dir}/d.csv", "--target", "y")
                .expect(ExitCodes.OK, "c is a linear combination of earlier columns (aliased)"),
            c("collinear column is aliased").file("d.csv", "a,b,y\n1,2,2\n2,4,4\n3,6,5.5\n4,8,8\n")
                .args("fit", "{dir}/d.csv", "--target", "y")
                .expect(ExitCodes.OK, "b is a linear combination of earlier columns (aliased)"),
            c("constant target").file("d.csv", "x,y\n1,3\n2,3\n3,3\n4,3\n").args("fit", "{dir}/d.csv", "--target", "y")
                .expect(ExitCodes.OK, "F-statistic: NA"),
            c("negative weight").file("d.csv", "x,w,y\n1,1,2\n2,-1,3\n3,1,5\n4,1,6\n")
                .args("fit", "{dir}/d.csv", "--target", "y", "--weights", "w", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "d.csv, line 3, column 'w': expected a finite weight ≥ 0, got -1.0"),
            // --- model files
            predictWith("model of format version 2", MODEL_OK.replace("gramian-model/1", "gramian-model/2"))
                .lib(Call.READ_MODEL, "m.json", GramianException.class, 0, null)
                .expect(ExitCodes.BAD_INPUT, "m.json: unsupported model format \"gramian-model/2\""),
            predictWith("model without format", MODEL_OK.replace("\"format\":\"gramian-model/1\",", ""))
                .expect(ExitCodes.BAD_INPUT, "m.json: not a gramian model file: no 'format' field"),
            predictWith("model cut short", MODEL_OK.substring(0, 100))
                .lib(Call.READ_MODEL, "m.json", GramianException.class, 1, null)
                .expect(ExitCodes.BAD_INPUT, "m.json, line 1, column 101: not valid JSON"),
            predictWith("model file empty", "")
                .expect(ExitCodes.BAD_INPUT, "m.json: not a gramian model file: expected a JSON object"),
            predictWith("model is a JSON array", "[1,2,3]")
                .expect(ExitCodes.BAD_INPUT, "m.json: not a gramian model file: expected a JSON object"),
            predictWith("model without target", MODEL_OK.replace("\"target\":\"y\",", ""))
                .expect(ExitCodes.BAD_INPUT, "m.json: not a gramian model file: missing 'model.target'"),
            predictWith("model with one coefficient too few", MODEL_OK.replace(",{\"name\":\"x\",\"estimate\":2}", ""))
                .expect(ExitCodes.BAD_INPUT, "'coefficients' must list 2 coefficients [(Intercept), x]"),
            predictWith("model with a text estimate", MODEL_OK.replace("\"estimate\":2", "\"estimate\":\"2\""))
                .expect(ExitCodes.BAD_INPUT, "coefficient 'x' has no finite estimate"),
            predictWith("model with degree 1.5", MODEL_OK.replace("\"degree\":1", "\"degree\":1.5"))
                .expect(ExitCodes.BAD_INPUT, "'model.degree' must be a whole number"),
            predictWith("model with degree 100000", MODEL_OK.replace("\"degree\":1", "\"degree\":100000"))
                .expect(ExitCodes.BAD_INPUT, "'coefficients' must list 100001 coefficients"),
            predictWith("model is a PNG", "").file("m.json", png)
                .lib(Call.READ_MODEL, "m.json", GramianException.class, 1, null)
                .expect(ExitCodes.BAD_INPUT, "m.json, line 1, column 1: not valid JSON"),
            predictWith("model in Latin-1", "").file("m.json",
                    MODEL_OK.replace("\"y\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1))
                .expect(ExitCodes.BAD_INPUT, "not valid JSON: Invalid UTF-8"),
            predictWith("model file missing", MODEL_OK)
                .args("predict", "{dir}/gone.json", "{dir}/new.csv", "--out", "{out}")
                .expect(ExitCodes.BAD_INPUT, "gone.json: no such file"),
            predictWith("data lacks the model's feature", MODEL_OK).file("new.csv", "z\n1\n")
                .expect(ExitCodes.BAD_INPUT, "new.csv: unknown column 'x'"),
            // --- NIST .dat files
            c("NIST file without certified values").file("Bad.dat", "Dataset Name:  Bad\nnothing here\n")
                .args("certify", "{dir}")
                .lib(Call.READ_NIST, "Bad.dat", GramianException.class, 0, null)
                .expect(ExitCodes.BAD_INPUT, "Bad.dat"),
            // --- outputs that cannot be written
            fit("--out in a missing folder", GOOD).args("fit", "{dir}/d.csv", "--target", "y", "--out", "{out}/../nothere/r.txt")
                .expect(ExitCodes.OUTPUT_ERROR, "cannot write"),
            fit("--out is a folder", GOOD).args("fit", "{dir}/d.csv", "--target", "y", "--out", "{outdir}")
                .expect(ExitCodes.OUTPUT_ERROR, "it is a folder; give a file name"),
            fit("--out under a file", GOOD).args("fit", "{dir}/d.csv", "--target", "y", "--out", "{dir}/d.csv/r.txt")
                .expect(ExitCodes.OUTPUT_ERROR, "d.csv is not a folder"),
            predictWith("predict --out is a folder", MODEL_OK)
                .args("predict", "{dir}/m.json", "{dir}/new.csv", "--out", "{outdir}")
                .expect(ExitCodes.OUTPUT_ERROR, "it is a folder"),
            fit("plot --out is a folder", GOOD).args("plot", "{dir}/d.csv", "--target", "y", "--out", "{outdir}")
                .expect(ExitCodes.OUTPUT_ERROR, "it is a folder"),
            fit("closed standard output", GOOD).args("fit", "{dir}/d.csv", "--target", "y").brokenStdout()
                .expect(ExitCodes.OUTPUT_ERROR, "cannot write to standard output"),
            predictWith("predict to a closed standard output", MODEL_OK)
                .args("predict", "{dir}/m.json", "{dir}/new.csv").brokenStdout()
                .expect(ExitCodes.OUTPUT_ERROR, "cannot write to standard output"),
            fit("explain to a closed standard output", GOOD).args("explain", "{dir}/d.csv", "--target", "y")
                .brokenStdout().expect(ExitCodes.OUTPUT_ERROR, "cannot write to standard output")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void catalogue(Case c) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("case"));
        Path outDir = Files.createDirectory(dir.resolve("out"));
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        String[] args = c.args().stream()
                .map(a -> a.replace("{outdir}", outDir.toString()).replace("{out}", outDir.resolve("result").toString()).replace("{dir}", dir.toString()))
                .toArray(String[]::new);
        Cli.Result r = c.brokenStdout() ? runWithBrokenStdout(args) : Cli.run(args);

        assertThat(r.code()).as(r.err()).isEqualTo(c.code());
        if (c.code() == ExitCodes.OK) {
            assertThat(r.out()).contains(c.fragment());
        } else {
            if (!c.brokenStdout()) {
                assertThat(r.out()).isEmpty();
            }
            assertThat(r.errLines()).as(r.err()).hasSize(1);
            String line = r.errLines().get(0);
            assertThat(line).startsWith("gramian: ").contains(c.fragment()).doesNotContain("Exception")
                    .doesNotContain("\tat ").doesNotContain(".tmp").hasSizeLessThan(400);
            assertThat(line.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f || ch == 0xfffd)).as(line).isTrue();
        }
        try (Stream<Path> left = Files.list(outDir)) {
            assertThat(left).as("no output file, no temporary file").isEmpty();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        if (c.lib() != null) {
            library(c.lib(), dir);
        }
    }

    /** What the library throws for the case's file: type, file, line and column. */
    private static void library(Lib lib, Path dir) {
        Path f = dir.resolve(lib.file());
        Throwable t = catchThrowable(() -> {
            switch (lib.call()) {
                case FIT_CSV -> {
                    CsvSource csv = CsvSource.open(f);
                    List<String> features = new ArrayList<>(csv.columns());
                    features.remove("y");
                    List<String> cols = new ArrayList<>(features);
                    cols.add(0, "y");
                    Gramian.fit(csv.select(cols), ModelSpec.linear("y", features));
                }
                case READ_MODEL -> SavedModel.read(f);
                case READ_NIST -> NistDataset.read(f);
            }
        });
        assertThat(t).as("the library refuses " + f).isInstanceOf(lib.type());
        GramianException e = (GramianException) t;
        if (e instanceof InsufficientDataException) {
            // a property of the data, not of a place in a file: the caller (the CLI) names the file
            assertThat(e.file()).as("file()").isNull();
        } else {
            assertThat(e.getMessage()).contains(lib.file());
            if (lib.call() != Call.READ_NIST) {
                assertThat(e.file()).as("file()").isNotNull().endsWith(lib.file());
            }
        }
        assertThat(e.line()).as("line()").isEqualTo(lib.line());
        if (lib.column() != null) {
            assertThat(e.column()).as("column()").isEqualTo(lib.column());
        }
    }

    /** Runs the command with a standard output whose every write fails, as after {@code | head} exits. */
    private static Cli.Result runWithBrokenStdout(String[] args) {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StringWriter err = new StringWriter();
        int code = GramianCli.run(args, new PrintWriter(broken, false, StandardCharsets.UTF_8), new PrintWriter(err));
        return new Cli.Result(code, "", err.toString());
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasAtLeastFortyCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
        assertThat(cases().map(Case::name).distinct().count()).isEqualTo(cases().count());
    }

    // keep the imports of the documented types in use: they are the library's contract above
    @SuppressWarnings("unused")
    private static final List<Class<?>> DOCUMENTED = List.of(InvalidValueException.class,
            UnknownColumnException.class);
}
