package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's hostile inputs of #16, end to end: CR-only line ends are read; a huge number, a huge
 * header name, a binary or Latin-1 file and a very wide file with too few rows each give exit 3 and
 * one short line naming the file (and line and column), quickly, with no output file. Large inputs
 * are generated here; the timeouts only guard against hangs (these took from 10 s to over 300 s).
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out").resolve("result.txt");
    }

    /** fit FILE --target y --out OUT, expecting bad input; returns the one line. */
    private String badInput(Path file, String... more) throws IOException {
        Files.createDirectories(out().getParent());
        String[] args = Stream.concat(Stream.of("fit", file.toString(), "--target", "y", "--out", out().toString()),
                Stream.of(more)).toArray(String[]::new);
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("gramian: " + file).doesNotContain("Exception").hasSizeLessThan(300);
        assertThat(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0xfffd)).as(line).isTrue();
        try (Stream<Path> left = Files.list(out().getParent())) {
            assertThat(left).as("no output file, no temporary file").isEmpty();
        }
        return line.substring(("gramian: " + file).length());
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void crOnlyLineEndsAreReadLikeLf() throws Exception {
        StringBuilder lf = new StringBuilder("x,y\n");
        Random rnd = new Random(1);
        for (int i = 0; i < 500; i++) {
            lf.append(i).append(',').append(3 + 2 * i + rnd.nextGaussian()).append('\n');
        }
        Path unix = write("unix.csv", lf.toString());
        Path mac = write("mac.csv", lf.toString().replace('\n', '\r'));
        Path dos = write("dos.csv", lf.toString().replace("\n", "\r\n"));
        Cli.Result expected = Cli.run("fit", unix.toString(), "--target", "y");
        assertThat(expected.code()).isZero();
        for (Path p : new Path[] {mac, dos}) {
            Cli.Result r = Cli.run("fit", p.toString(), "--target", "y");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().replace(p.toString(), "F")).isEqualTo(expected.out().replace(unix.toString(), "F"));
        }
        Path bad = write("bad-mac.csv", "x,y\r1,2\r2,3\r\r3,abc\r");
        assertThat(badInput(bad)).isEqualTo(", line 5, column 2 ('y'): expected a number, found 'abc'");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFiftyMegabyteNumberIsRefusedAtItsCell() throws Exception {
        Path p = tmp.resolve("huge-number.csv");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            o.write("x,y\n1,2\n2,3\n3,0.".getBytes(StandardCharsets.US_ASCII));
            byte[] digits = "1234567890".repeat(6554).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50_000_000 / digits.length; i++) {
                o.write(digits);
            }
            o.write("\n4,5\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(badInput(p))
                .isEqualTo(", line 4, column 2 ('y'): a cell of more than 1,048,576 bytes (1 MiB), too long for a number");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFiftyMegabyteColumnNameIsRefused() throws Exception {
        Path p = tmp.resolve("huge-header.csv");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            o.write("x,y,".getBytes(StandardCharsets.US_ASCII));
            byte[] name = "n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50_000_000 / name.length; i++) {
                o.write(name);
            }
            o.write("\n1,2,3\n2,3,4\n3,5,6\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(badInput(p)).isEqualTo(", line 1, column 3: column name longer than 1,048,576 bytes (1 MiB)");
    }

    @Test
    void aBinaryFileIsNotText() throws Exception {
        byte[] elf = new byte[50_000];
        new Random(2).nextBytes(elf);
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        Path p = tmp.resolve("program");
        Files.write(p, elf);
        assertThat(badInput(p)).isEqualTo(": not a text CSV file (found a NUL byte at line 1, column 8)");
    }

    @Test
    void aLatin1FileIsNotUtf8() throws Exception {
        Path p = tmp.resolve("latin1.csv");
        Files.write(p, "x,y\n1,2\n2,3\n\"caf\u00e9\",4\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(badInput(p)).isEqualTo(": not a UTF-8 text CSV file (found the byte 0xE9, which is not UTF-8, at"
                + " line 4, column 5); save it as UTF-8");
    }

    /** y and c1..c{features}, {@code rows} rows of small numbers. */
    private Path wide(int features, int rows) throws IOException {
        Path p = tmp.resolve("wide.csv");
        Random rnd = new Random(3);
        StringBuilder sb = new StringBuilder("y");
        for (int j = 1; j <= features; j++) {
            sb.append(",c").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(rnd.nextInt(100));
            for (int j = 1; j <= features; j++) {
                sb.append(',').append(rnd.nextInt(1000) / 100.0);
            }
            sb.append('\n');
        }
        Files.writeString(p, sb);
        return p;
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void tenThousandColumnsAndThirtyRowsAreTooFewRowsAtOnce() throws Exception {
        // took 10.7 s (and 2.5 GB) to be told, after a Gram pass of 10,001² entries
        Path p = wide(10_000, 30);
        assertThat(badInput(p)).isEqualTo(": only 30 data row(s) for 10001 coefficient(s): need at least as many rows"
                + " as coefficients");
        assertThat(badInput(p, "--solver", "qr")).startsWith(": only 30 data row(s) for 10001 coefficient(s)");
    }

    @Test
    void anUnknownColumnInAWideFileIsAShortLine() throws Exception {
        Path p = wide(10_000, 2);
        Files.createDirectories(out().getParent());
        Cli.Result r = Cli.run("fit", p.toString(), "--target", "z\u001b[2J", "--out", out().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err().strip()).isEqualTo("gramian: " + p + ": unknown column 'z\\x1b[2J'; the columns are: y, c1,"
                + " c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, … (10001 in all)");
        assertThat(out()).doesNotExist();
    }
}
