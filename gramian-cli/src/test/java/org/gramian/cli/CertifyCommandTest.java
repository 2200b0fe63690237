package org.gramian.cli;

import org.gramian.io.model.ModelJson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertifyCommandTest {
    static final List<String> EIGHT = List.of("Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler1",
            "Wampler2", "Wampler3");

    @TempDir
    Path tmp;

    @Test
    void bundledFilesAllPassInNistOrder() {
        Cli.Result r = Cli.run("certify");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> rows = dataRows(r.out());
        assertThat(rows).hasSize(8);
        assertThat(rows.stream().map(l -> l.split("\\s+")[0]).toList()).isEqualTo(EIGHT);
        assertThat(rows).allMatch(l -> l.endsWith("PASS"));
        assertThat(r.out()).contains("8 of 8 datasets pass.");
        // Longley: 16 observations, 7 coefficients
        assertThat(rows.get(4)).matches("Longley\\s+16\\s+7\\s.*");
    }

    @Test
    void bundledFilesAreTheSharedFilesByteForByte() throws Exception {
        for (String name : EIGHT) {
            byte[] shared = Files.readAllBytes(NistFiles.dir().resolve(name + ".dat"));
            try (var in = NistSuite.class.getResourceAsStream("nist/" + name + ".dat")) {
                assertThat(in).as(name).isNotNull();
                assertThat(in.readAllBytes()).as(name).isEqualTo(shared);
            }
        }
    }

    @Test
    void directoryWithATamperedCertifiedValueFails() throws Exception {
        for (Path f : NistFiles.all()) {
            Files.copy(f, tmp.resolve(f.getFileName()));
        }
        Path norris = tmp.resolve("Norris.dat");
        String text = Files.readString(norris, StandardCharsets.ISO_8859_1);
        // the certified slope B1 = 1.00211681802045: change its 12th significant digit
        String tampered = text.replace("1.00211681802045", "1.00211681803045");
        assertThat(tampered).isNotEqualTo(text);
        Files.writeString(norris, tampered, StandardCharsets.ISO_8859_1);

        Cli.Result r = Cli.run("certify", tmp.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.CERTIFICATION_FAILED);
        List<String> rows = dataRows(r.out());
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0)).startsWith("Norris").endsWith("FAIL");
        assertThat(rows.subList(1, 8)).allMatch(l -> l.endsWith("PASS"));
        assertThat(r.out()).contains("7 of 8 datasets pass.");
    }

    @Test
    void jsonParsesAndListsEveryDataset() throws Exception {
        Cli.Result r = Cli.run("certify", "--format", "json", "--solver", "qr");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = ModelJson.MAPPER.readTree(r.out());
        assertThat(root.get("pass").asBoolean()).isTrue();
        assertThat(root.get("solver").asText()).isEqualTo("qr");
        assertThat(root.at("/thresholds/estimates").asDouble()).isEqualTo(13.0);
        List<String> names = new ArrayList<>();
        for (JsonNode d : root.get("datasets")) {
            names.add(d.get("name").asText());
            assertThat(d.at("/lre/estimates").asDouble()).isGreaterThanOrEqualTo(13.0);
            assertThat(d.get("solver").asText()).isIn("qr", "svd");
            assertThat(d.get("pass").asBoolean()).isTrue();
        }
        assertThat(names).isEqualTo(EIGHT);
    }

    @Test
    void otherDatasetsSortAfterNistsAlphabetically() throws Exception {
        Path norris = NistFiles.dir().resolve("Norris.dat");
        String text = Files.readString(norris, StandardCharsets.ISO_8859_1);
        Files.writeString(tmp.resolve("b.dat"), text.replace("Dataset Name:  Norris", "Dataset Name:  Zeta"),
                StandardCharsets.ISO_8859_1);
        Files.writeString(tmp.resolve("a.dat"), text.replace("Dataset Name:  Norris", "Dataset Name:  Alpha"),
                StandardCharsets.ISO_8859_1);
        Files.copy(NistFiles.dir().resolve("Wampler1.dat"), tmp.resolve("Wampler1.dat"));
        Files.copy(norris, tmp.resolve("Norris.dat"));
        Cli.Result r = Cli.run("certify", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dataRows(r.out()).stream().map(l -> l.split("\\s+")[0]).toList())
                .containsExactly("Norris", "Wampler1", "Alpha", "Zeta");
    }

    @Test
    void missingDirectoryIsBadInput() {
        Cli.Result r = Cli.run("certify", tmp.resolve("nothere").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("gramian: ").contains("nothere").contains("no such directory");
    }

    @Test
    void emptyDirectoryIsBadInput() {
        Cli.Result r = Cli.run("certify", tmp.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains(tmp.toString()).contains("no NIST StRD files");
    }

    @Test
    void brokenDatFileIsBadInputNamingIt() throws Exception {
        Files.writeString(tmp.resolve("Broken.dat"), "hello\nworld\n");
        Cli.Result r = Cli.run("certify", tmp.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("Broken.dat").doesNotContain("Exception");
    }

    /** The table's dataset rows: after the header line starting "Dataset", up to the blank line. */
    private static List<String> dataRows(String out) {
        List<String> lines = out.lines().toList();
        int start = 0;
        while (!lines.get(start).startsWith("Dataset")) {
            start++;
        }
        List<String> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }
}
