package org.gramian.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input a careless or hostile user may give the reader (#16): CR-only line ends, huge fields and
 * lines, binary and non-UTF-8 files, many columns. Each gets a one-line error naming file, line and
 * column, or is read correctly; none takes more than linear time. The timeouts only guard against
 * hangs (the inputs took minutes before); nothing here measures speed.
 */
class CsvHostileInputTest {
    /** Small limits, so that the limit checks need no large files. */
    private static final CsvLimits SMALL = new CsvLimits(16, 16, 64, 10);

    @TempDir
    Path dir;

    /** The message of the first error a pass over these columns (all when none are named) reports. */
    private String failure(Path f, CsvLimits limits, boolean extended, int threads, int chunk, String... columns) {
        try {
            CsvSource s = CsvSource.open(f, limits, CsvFormat.STRICT).withThreads(threads).withChunkSize(chunk);
            Rows.read(columns.length == 0 ? s : s.select(List.of(columns)), extended);
        } catch (CsvFormatException e) {
            assertOneLine(e.getMessage());
            return e.getMessage().replace(f.toString(), "<f>");
        }
        throw new AssertionError("no error for " + f);
    }

    private String openFailure(Path f, CsvLimits limits) {
        try {
            CsvSource.open(f, limits);
        } catch (CsvFormatException e) {
            assertOneLine(e.getMessage());
            return e.getMessage().replace(f.toString(), "<f>");
        }
        throw new AssertionError("no error for " + f);
    }

    /** One short line of printable text: no raw bytes, no control characters, no screenful. */
    private static void assertOneLine(String message) {
        assertThat(message.length()).as(message).isLessThan(400);
        assertThat(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == 0xfffd)).as(message).isTrue();
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    // ---- 1. line ends: LF, CRLF and a lone CR (old Mac files) all end a line

    private static String table(int rows, String eol, boolean blankLines) {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("id,x,\"label\",y").append(eol);
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(String.format(Locale.ROOT, "%.17g", rnd.nextGaussian()))
                    .append(",\"row, ").append(i).append("\",").append(String.format(Locale.ROOT, "%.6e",
                            rnd.nextDouble())).append(eol);
            if (blankLines && i % 97 == 3) {
                sb.append("  \t").append(eol).append(eol);
            }
        }
        return sb.toString();
    }

    @Test
    void crOnlyCrlfAndLfFilesReadTheSameForEveryThreadCountAndChunkSize() throws Exception {
        Path lf = Rows.write(dir, "lf.csv", table(3000, "\n", true));
        CsvSource lfSource = CsvSource.open(lf).select(List.of("x", "y"));
        Rows.Pass reference = Rows.read(lfSource.withThreads(1), true);
        assertThat(reference.rows()).isEqualTo(3000);
        for (String eol : new String[] {"\r", "\r\n"}) {
            Path f = Rows.write(dir, "eol.csv", table(3000, eol, true));
            CsvSource base = CsvSource.open(f);
            assertThat(base.fileColumns()).containsExactly("id", "x", "label", "y");
            base = base.select(List.of("x", "y"));
            for (int threads : new int[] {1, 2, 4}) {
                for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, 1 << 20}) {
                    Rows.Pass got = Rows.read(base.withThreads(threads).withChunkSize(chunk), true);
                    String as = "eol " + eol.replace("\r", "CR").replace("\n", "LF") + ", threads " + threads
                            + ", chunk " + chunk;
                    assertThat(got.blocks()).as(as).usingRecursiveComparison().isEqualTo(reference.blocks());
                    assertThat(got.values()).as(as).isEqualTo(reference.values());
                    assertThat(got.tails()).as(as).isEqualTo(reference.tails());
                }
            }
            // physical lines: the blank lines count, whatever ends them
            for (long row : new long[] {0, 3, 4, 2999}) {
                assertThat(base.describeRow(row)).isEqualTo(lfSource.describeRow(row).replace(lf.toString(),
                        f.toString()));
            }
        }
    }

    @Test
    void crOnlyErrorsNameTheRightLine() throws Exception {
        Path f = Rows.write(dir, "cr.csv", "x,y\r1,2\r\r3,abc\r");
        for (int threads : new int[] {1, 2}) {
            for (int chunk : new int[] {1, 4, 1 << 20}) {
                assertThat(failure(f, CsvLimits.DEFAULT, false, threads, chunk))
                        .isEqualTo("<f>, line 4, column 2 ('y'): expected a number, found 'abc'");
            }
        }
        // mixed line ends, as after editing on several systems; a quoted field may hold a CR (here not a number)
        Path mixed = Rows.write(dir, "mixed.csv", "x,y\r\n1,2\r3,4\n5,6\r\n\"7\r\",8\n");
        assertThat(failure(mixed, CsvLimits.DEFAULT, false, 1, 1 << 20))
                .isEqualTo("<f>, line 5, column 1 ('x'): expected a number, found '7\\r'");
        // the header may end with a lone CR too, and a file need not end with a line end
        Path noEnd = Rows.write(dir, "noend.csv", "x,y\r1,2\r3,4");
        assertThat(Rows.read(CsvSource.open(noEnd), false).values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aLargeCrOnlyFileIsReadRowByRow() throws Exception {
        // 300,000 rows without a single LF: was read as one header line of 300,000 names (O(p²): no answer in 300 s)
        StringBuilder sb = new StringBuilder("x,y\r");
        for (int i = 0; i < 300_000; i++) {
            sb.append(i).append(',').append(2 * i + 1).append('\r');
        }
        Path f = Rows.write(dir, "big-cr.csv", sb.toString());
        CsvSource source = CsvSource.open(f);
        assertThat(source.fileColumns()).containsExactly("x", "y");
        Rows.Pass pass = Rows.read(source.withThreads(2).withChunkSize(1 << 16), false);
        assertThat(pass.rows()).isEqualTo(300_000);
        assertThat(pass.values()[2 * 299_999 + 1]).isEqualTo(599_999);
        assertThat(source.countRowsUpTo(Long.MAX_VALUE)).isEqualTo(300_000);
    }

    // ---- 2. huge fields and lines: limits, checked in linear time

    @Test
    void aNumberLongerThanTheLimitIsAnErrorAtItsCell() throws Exception {
        String ok = "1234567890.12345"; // 16 bytes
        Path fine = Rows.write(dir, "fine.csv", "x,y\n1," + ok + "\n2,\"" + ok + "\"\n");
        assertThat(Rows.read(CsvSource.open(fine, SMALL), true).values()).containsExactly(1, 1234567890.12345, 2,
                1234567890.12345);
        for (String cell : new String[] {ok + "1", "\"" + ok + "1\"", "00000000000000001", "1e0000000000000001",
            "abcdefghijklmnopq"}) {
            Path f = Rows.write(dir, "long.csv", "x,y\n1,2\n\n3," + cell + "\n4,5\n");
            for (int threads : new int[] {1, 2}) {
                for (int chunk : new int[] {1, 7, 1 << 20}) {
                    assertThat(failure(f, SMALL, false, threads, chunk)).as(cell).isEqualTo(
                            "<f>, line 4, column 2 ('y'): a cell of more than 16 bytes, too long for a number");
                }
            }
        }
        // in a column that is not selected, a long text is fine (up to the line limit)
        Path text = Rows.write(dir, "text.csv", "id,y\n" + "a".repeat(60) + ",1\n");
        assertThat(Rows.read(CsvSource.open(text, SMALL).select(List.of("y")), false).values()).containsExactly(1);
    }

    @Test
    void aLineLongerThanTheLimitIsAnErrorAtItsLine() throws Exception {
        // 65 bytes of an unselected text field: the line is too long, whether it fits a chunk or not
        Path f = Rows.write(dir, "line.csv", "id,y\nshort,1\n" + "a".repeat(63) + ",1\nshort,2\n");
        Path g = Rows.write(dir, "line2.csv", "id,y\nshort,1\n" + "a".repeat(6000) + ",1\nshort,2\n");
        Path blank = Rows.write(dir, "blank.csv", "id,y\nshort,1\n" + " ".repeat(6000) + "\nshort,2\n");
        Path quote = Rows.write(dir, "quote.csv", "id,y\nshort,1\n\"" + "a".repeat(6000) + "\",1\nshort,2\n");
        for (Path p : List.of(f, g, blank, quote)) {
            for (int threads : new int[] {1, 2}) {
                for (int chunk : new int[] {1, 7, 1 << 20}) {
                    assertThat(failure(p, SMALL, false, threads, chunk, "y"))
                            .as(p + " " + threads + " " + chunk)
                            .isEqualTo("<f>, line 3: line longer than 64 bytes");
                }
            }
        }
        // an overlong line whose long part is a selected cell: the cell is named
        Path cell = Rows.write(dir, "cell.csv", "id,y\nshort,1\nb," + "9".repeat(6000) + "\n");
        assertThat(failure(cell, SMALL, false, 2, 1 << 20, "y"))
                .isEqualTo("<f>, line 3, column 2 ('y'): a cell of more than 16 bytes, too long for a number");
    }

    @Test
    void headerLimits() throws Exception {
        assertThat(openFailure(Rows.write(dir, "h1.csv", "x," + "n".repeat(17) + "\n1,2\n"), SMALL))
                .isEqualTo("<f>, line 1, column 2: column name longer than 16 bytes");
        assertThat(openFailure(Rows.write(dir, "h2.csv", "x,\"" + "n".repeat(17) + "\"\n1,2\n"), SMALL))
                .isEqualTo("<f>, line 1, column 2: column name longer than 16 bytes");
        assertThat(openFailure(Rows.write(dir, "h3.csv", "a,b,c,d,e,f,g,h,i,j,k\n"), SMALL))
                .isEqualTo("<f>, line 1: more than 10 columns");
        assertThat(openFailure(Rows.write(dir, "h4.csv", "a,\"b\"" + " ".repeat(70) + ",c\n"), SMALL))
                .isEqualTo("<f>, line 1: line longer than 64 bytes");
        CsvSource ten = CsvSource.open(Rows.write(dir, "h5.csv", "a,b,c,d,e,f,g,h,i,j\r\n1,2,3,4,5,6,7,8,9,10\r\n"),
                SMALL);
        assertThat(ten.fileColumns()).hasSize(10);
        assertThat(Rows.read(ten, false).values()).hasSize(10);
    }

    /** Writes a CSV whose line {@code 4}, column 2 is {@code prefix} and then {@code digits} nines. */
    private Path hugeCell(String name, String prefix, int digits) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            out.write(("x,y\n1,2\n2,3\n3," + prefix).getBytes(StandardCharsets.US_ASCII));
            byte[] nines = new byte[1 << 16];
            java.util.Arrays.fill(nines, (byte) '1');
            for (int left = digits; left > 0; left -= nines.length) {
                out.write(nines, 0, Math.min(left, nines.length));
            }
            out.write("\n4,5\n".getBytes(StandardCharsets.US_ASCII));
        }
        return f;
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFiftyMegabyteNumberIsAnErrorWithTheDefaultLimits() throws Exception {
        // was: > 300 s without an answer (BigDecimal of 50 MB of digits)
        for (String prefix : new String[] {"", "0."}) {
            Path f = hugeCell("huge" + prefix.length() + ".csv", prefix, 50_000_000);
            for (boolean extended : new boolean[] {false, true}) {
                assertThat(failure(f, CsvLimits.DEFAULT, extended, 2, CsvSource.DEFAULT_CHUNK_SIZE)).isEqualTo(
                        "<f>, line 4, column 2 ('y'): a cell of more than 1,048,576 bytes (1 MiB), too long for a number");
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void numbersOfAMegabyteAreReadInLinearTimeAndExactly() throws Exception {
        // eight cells of 1 MiB of digits each: quadratic BigDecimal parsing took seconds per cell
        StringBuilder sb = new StringBuilder("x,y\n");
        String digits = "1234567890".repeat(104_857); // 1,048,570 digits
        for (int i = 0; i < 8; i++) {
            String cell = i % 2 == 0 ? "0." + digits : digits.substring(0, 300) + "." + digits;
            sb.append(i).append(',').append(cell.substring(0, CsvSource.MAX_NUMBER_BYTES - 4)).append('\n');
        }
        Path f = Rows.write(dir, "mega.csv", sb.toString());
        Rows.Pass pass = Rows.read(CsvSource.open(f).withThreads(2), true);
        assertThat(pass.rows()).isEqualTo(8);
        assertThat(pass.values()[1]).isEqualTo(0.12345678901234568);
        assertThat(pass.values()[3]).isEqualTo(Double.parseDouble(digits.substring(0, 300) + ".1234"));
        assertThat(pass.tails()[1]).isEqualTo(new java.math.BigDecimal(digits.substring(0, 3000)).movePointLeft(
                3000).subtract(new java.math.BigDecimal(0.12345678901234568)).doubleValue());
    }

    @Test
    void longNumbersAreShortenedWithoutChangingTheDoubleOrTheTail() {
        DecimalParser parser = new DecimalParser();
        Random rnd = new Random(11);
        List<String> cases = new ArrayList<>();
        // a midpoint between two doubles, then zeros, then a last digit far beyond the kept ones
        String half = new java.math.BigDecimal(1.0).add(new java.math.BigDecimal(Math.ulp(1.0) / 2)).toPlainString();
        cases.add(half + "0".repeat(2000));
        cases.add(half + "0".repeat(2000) + "1");
        cases.add("-" + half + "0".repeat(3000) + "1e-5");
        String small = new java.math.BigDecimal(Double.MIN_VALUE).toPlainString(); // 0.000…49406… (1,077 places)
        cases.add(small + "0".repeat(1000) + "1");
        cases.add("0." + "0".repeat(400) + "5" + "7".repeat(2000));
        cases.add("9".repeat(309) + "." + "9".repeat(2000)); // overflows
        cases.add("0." + "0".repeat(5000) + "1"); // underflows
        for (int k = 0; k < 60; k++) {
            StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "-" : "");
            int len = 1601 + rnd.nextInt(3000);
            int point = rnd.nextInt(len);
            for (int i = 0; i < len; i++) {
                if (i == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(10))));
            }
            sb.append('e').append(rnd.nextInt(700) - 350 - (len - point));
            cases.add(sb.toString());
        }
        for (String text : cases) {
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            double expected = Double.parseDouble(text);
            int status = parser.parse(b, 0, b.length, true);
            if (Double.isInfinite(expected)) {
                assertThat(status).as(abbreviated(text)).isEqualTo(DecimalParser.NOT_FINITE);
                continue;
            }
            assertThat(status).as(abbreviated(text)).isEqualTo(DecimalParser.OK);
            assertThat(parser.value).as(abbreviated(text)).isEqualTo(expected);
            double tail = new java.math.BigDecimal(text).subtract(new java.math.BigDecimal(expected)).doubleValue();
            assertThat(parser.tail).as(abbreviated(text)).isEqualTo(tail);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 60) + "…(" + text.length() + " characters)";
    }

    // ---- 3. binary and non-UTF-8 files

    @Test
    void aNulByteMeansNotText() throws Exception {
        Path f = Rows.write(dir, "nul.csv", "x,y\n1,2\n3,\0\n");
        assertThat(openFailure(f, CsvLimits.DEFAULT))
                .isEqualTo("<f>: not a text CSV file (found a NUL byte at line 3, column 3)");
    }

    @Test
    void aBinaryFileIsNotReadAsAHeader() throws Exception {
        // the start of an ELF executable, and random bytes: never a screenful of garbage names
        byte[] elf = new byte[20_000];
        new Random(5).nextBytes(elf);
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
        assertThat(openFailure(bytes("a.out", elf), CsvLimits.DEFAULT))
                .isEqualTo("<f>: not a text CSV file (found a NUL byte at line 1, column 8)");
        byte[] noise = new byte[20_000];
        Random rnd = new Random(6);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (1 + rnd.nextInt(255));
        }
        assertThat(openFailure(bytes("noise.bin", noise), CsvLimits.DEFAULT))
                .startsWith("<f>: not a UTF-8 text CSV file (found the byte 0x");
        // compressed, it is found after decompression
        Path gz = dir.resolve("a.out.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(elf);
        }
        assertThat(openFailure(gz, CsvLimits.DEFAULT))
                .isEqualTo("<f>: not a text CSV file (found a NUL byte at line 1, column 8)");
    }

    @Test
    void controlCharactersWithoutNulMeanNotText() throws Exception {
        byte[] b = new byte[3000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 4 == 0 ? 0x1b : 'a' + i % 7);
        }
        b[0] = 'x';
        b[1] = ',';
        assertThat(openFailure(bytes("ctl.csv", b), CsvLimits.DEFAULT)).isEqualTo(
                "<f>: not a text CSV file (749 of the first 3000 characters are control characters, the first 0x1B"
                        + " at line 1, column 5)");
        // a few are fine (a form feed in a comment column, say)
        Path few = Rows.write(dir, "few.csv", "note,y\n\"a\fb\",1\nc,2\n");
        assertThat(Rows.read(CsvSource.open(few).select(List.of("y")), false).values()).containsExactly(1, 2);
        // and fewer than eight never count, however short the file: then a bad cell shows them escaped
        Path tiny = Rows.write(dir, "tiny.csv", "x,y\n1,\u0001\u0002\u0003\u0004\u0005\u0006\u0007\n");
        assertThat(failure(tiny, CsvLimits.DEFAULT, false, 1, 1 << 20)).isEqualTo(
                "<f>, line 2, column 2 ('y'): expected a number, found '\\x01\\x02\\x03\\x04\\x05\\x06\\x07'");
    }

    @Test
    void otherEncodingsAreNamed() throws Exception {
        byte[] latin1 = "caf\u00e9,y\n1,2\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(openFailure(bytes("latin1.csv", latin1), CsvLimits.DEFAULT)).isEqualTo(
                "<f>: not a UTF-8 text CSV file (found the byte 0xE9, which is not UTF-8, at line 1, column 4);"
                        + " save it as UTF-8");
        byte[] utf16 = "\ufeffx,y\n1,2\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(openFailure(bytes("utf16.csv", utf16), CsvLimits.DEFAULT)).isEqualTo(
                "<f>: not a UTF-8 text CSV file (it starts with a UTF-16 or UTF-32 byte order mark); save it as UTF-8");
        // an overlong encoding and an encoded surrogate are not UTF-8 either
        assertThat(openFailure(bytes("overlong.csv", new byte[] {'x', (byte) 0xC0, (byte) 0xAF, ',', 'y', '\n'}),
                CsvLimits.DEFAULT)).contains("found the byte 0xC0").contains("line 1, column 2");
        assertThat(openFailure(bytes("surrogate.csv", new byte[] {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}),
                CsvLimits.DEFAULT)).contains("found the byte 0xED");
        // after the first 8 KB, a header name that is not UTF-8 is still caught
        byte[] late = ("a".repeat(9000) + ",caf\u00e9\n1,2\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(openFailure(bytes("late.csv", late), CsvLimits.DEFAULT))
                .isEqualTo("<f>, line 1, column 2: column name is not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void utf8TextIsFineEvenWhereTheCheckCutsACharacter() throws Exception {
        // "é" is two bytes; after the 3 of the byte order mark, one lies across the end of the checked 8 KB
        String name = "\u00e9".repeat(4095) + "b";
        Path f = Rows.write(dir, "utf8.csv", "\ufeff" + name + ",\u03b2\n1,2\n");
        CsvSource s = CsvSource.open(f);
        assertThat(s.fileColumns()).containsExactly(name, "\u03b2");
        assertThat(Rows.read(s, false).values()).containsExactly(1, 2);
    }

    @Test
    void userTextInMessagesIsCutAndEscaped() throws Exception {
        String longName = "n".repeat(100);
        Path f = Rows.write(dir, "names.csv", "\"a\tb\"," + longName + ",y\n1,2,x\u0007\u001b[31m" + "z".repeat(60)
                + "\n");
        assertThat(failure(f, CsvLimits.DEFAULT, false, 1, 1 << 20)).isEqualTo("<f>, line 2, column 3 ('y'): expected"
                + " a number, found 'x\\x07\\x1b[31m" + "z".repeat(26) + "…'");
        CsvSource s = CsvSource.open(f);
        assertThatThrownBy(() -> s.select(List.of("bad\r\nname"))).hasMessage(f + ": unknown column 'bad\\r\\nname';"
                + " the columns are: a\\tb, " + "n".repeat(39) + "…, y");
        Path wide = Rows.write(dir, "wide.csv", String.join(",", java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> "c" + i).toList()) + "\n");
        assertThatThrownBy(() -> CsvSource.open(wide).select(List.of("y"))).hasMessageEndingWith(
                "the columns are: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18,"
                        + " c19, … (500 in all)");
        Path dup = Rows.write(dir, "dup.csv", longName + "," + longName + "\n");
        assertThat(openFailure(dup, CsvLimits.DEFAULT)).isEqualTo("<f>, line 1: duplicate column name '"
                + "n".repeat(39) + "…' (columns 1 and 2)");
    }

    // ---- 4. counting rows cheaply (the solvers' check for fewer rows than coefficients)

    @Test
    void countRowsUpToCountsNonBlankLinesAndStopsEarly() throws Exception {
        Path f = Rows.write(dir, "count.csv", "x,y\r\n1,2\r\n\r\n  \t\r\n3,4\r5,6\n7,8");
        CsvSource s = CsvSource.open(f);
        assertThat(s.countRowsUpTo(100)).isEqualTo(4);
        assertThat(s.countRowsUpTo(2)).isEqualTo(2);
        assertThat(CsvSource.open(Rows.write(dir, "none.csv", "x,y\n\n")).countRowsUpTo(5)).isZero();
        assertThat(CsvSource.open(Rows.writeGzip(dir, "c.csv.gz", "x,y\n" + "1,2\n".repeat(1000))).countRowsUpTo(
                Long.MAX_VALUE)).isEqualTo(1000);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void manyColumnsCostLinearTime() throws Exception {
        // 200,000 columns: a List.indexOf per column made opening and selecting O(p²)
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append(i == 0 ? "" : ",").append("c").append(i);
        }
        sb.append('\n');
        for (int i = 0; i < 200_000; i++) {
            sb.append(i == 0 ? "" : ",").append(i % 10);
        }
        sb.append('\n');
        Path f = Rows.write(dir, "many.csv", sb.toString());
        CsvSource s = CsvSource.open(f);
        List<String> reversed = new ArrayList<>(s.fileColumns());
        java.util.Collections.reverse(reversed);
        Rows.Pass pass = Rows.read(s.select(reversed), false);
        assertThat(pass.values()).hasSize(200_000);
        assertThat(pass.values()[0]).isEqualTo(199_999 % 10);
        assertThat(s.countRowsUpTo(200_001)).isEqualTo(1);
    }
}
