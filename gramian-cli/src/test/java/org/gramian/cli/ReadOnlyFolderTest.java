package org.gramian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output into a folder the user may not write (#16, "unwritable outputs"): a clear one-line error,
 * exit 4, nothing left behind. A folder made read-only with {@code chmod 555} does not stop root
 * (root may write anywhere on an ordinary file system), and CI may run as root, so as root the
 * test writes under {@code /sys}, where the kernel refuses to create files for root too
 * (EACCES, checked first: the test fails, rather than passing vacuously, if that is not so); as
 * any other user, a {@code chmod 555} temporary folder.
 */
class ReadOnlyFolderTest {
    @TempDir
    Path tmp;

    private Path readOnlyFolder() throws IOException {
        if ("root".equals(System.getProperty("user.name"))) {
            Path sys = Path.of("/sys");
            assertThat(Files.isDirectory(sys)).as("/sys (a folder root cannot write into)").isTrue();
            Path probe = sys.resolve("gramian-probe-" + ProcessHandle.current().pid());
            try {
                Files.createFile(probe);
                Files.deleteIfExists(probe);
                throw new AssertionError("root could create a file in /sys: no read-only folder to test with");
            } catch (java.nio.file.FileSystemException expected) {
                return sys;   // EACCES, or EROFS where /sys is mounted read-only (containers)
            }
        }
        Path dir = Files.createDirectory(tmp.resolve("readonly"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        return dir;
    }

    private Path data() throws IOException {
        Path csv = tmp.resolve("data.csv");
        Files.writeString(csv, "x,y\n1,2.1\n2,3.9\n3,6.2\n4,7.8\n");
        return csv;
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains("gramian") || n.startsWith("out"))
                    .toList();
        }
    }

    @Test
    void fitOutIntoReadOnlyFolderIsExit4WithOneLineAndNothingLeft() throws IOException {
        Path dir = readOnlyFolder();
        List<String> before = entries(dir);
        Path out = dir.resolve("out-model.json");
        Cli.Result r = Cli.run("fit", data().toString(), "--target", "y", "--format", "json", "--out", out.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("gramian: cannot write " + out).containsAnyOf("permission denied", "Read-only file system");
        assertThat(r.out()).isEmpty();
        assertThat(entries(dir)).isEqualTo(before);
    }

    @Test
    void saveAndPredictIntoReadOnlyFolderAreExit4() throws IOException {
        Path dir = readOnlyFolder();
        List<String> before = entries(dir);
        Path csv = data();
        Cli.Result save = Cli.run("fit", csv.toString(), "--target", "y", "--save", dir.resolve("out.json").toString());
        assertThat(save.code()).isEqualTo(4);
        assertThat(save.errLines()).singleElement().asString().contains("cannot write").containsAnyOf("permission denied", "Read-only file system");

        Path model = tmp.resolve("model.json");
        assertThat(Cli.run("fit", csv.toString(), "--target", "y", "--save", model.toString()).code()).isZero();
        Cli.Result predict = Cli.run("predict", model.toString(), csv.toString(), "--out",
                dir.resolve("out.csv").toString());
        assertThat(predict.code()).isEqualTo(4);
        assertThat(predict.errLines()).singleElement().asString().contains("cannot write").containsAnyOf("permission denied", "Read-only file system");
        assertThat(entries(dir)).isEqualTo(before);
    }
}
