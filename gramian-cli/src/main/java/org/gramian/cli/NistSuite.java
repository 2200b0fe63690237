package org.gramian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gramian.GramianException;
import org.gramian.data.NistDataset;

/**
 * The NIST StRD linear-regression datasets that {@code certify} checks: the files of a directory,
 * or the eight bundled in the jar (Norris, Pontius, NoInt1, NoInt2, Longley, Wampler1–3; NIST's
 * Filip, Wampler4 and Wampler5 are not bundled).
 */
final class NistSuite {
    /** NIST's own order: by difficulty, lower then average then higher. */
    static final List<String> NIST_ORDER = List.of("Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
            "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5");

    /** Datasets in NIST order, then any others alphabetically. */
    static final Comparator<NistDataset> ORDER = Comparator
            .comparingInt((NistDataset d) -> {
                int i = NIST_ORDER.indexOf(d.name());
                return i < 0 ? NIST_ORDER.size() : i;
            })
            .thenComparing(NistDataset::name);

    private static final String BUNDLE = "nist/";

    private NistSuite() {
    }

    /** Every {@code *.dat} file in {@code dir}, parsed, in NIST order. */
    static List<NistDataset> fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new GramianException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
        }
        List<NistDataset> sets = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.dat")) {
            for (Path f : files) {
                sets.add(NistDataset.read(f));
            }
        } catch (IOException e) {
            throw new GramianException(dir + ": cannot list the directory: " + e.getMessage());
        }
        if (sets.isEmpty()) {
            throw new GramianException(dir + ": no NIST StRD files (*.dat) in this directory");
        }
        sets.sort(ORDER);
        return sets;
    }

    /** The bundled datasets, read from the class path, in NIST order. */
    static List<NistDataset> bundled() {
        List<NistDataset> sets = new ArrayList<>();
        for (String file : resourceLines(BUNDLE + "index.txt")) {
            String name = file.replaceFirst("\\.dat$", "");
            sets.add(NistDataset.parse(name, resourceLines(BUNDLE + file), "bundled " + file));
        }
        sets.sort(ORDER);
        return sets;
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = NistSuite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            // the .dat files are plain ASCII; ISO-8859-1 as NistDataset.read uses
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.lines().filter(l -> !l.isBlank() || !resource.endsWith("index.txt")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + resource, e);
        }
    }
}
