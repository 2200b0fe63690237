package org.gramian.cli.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.gramian.cli.OutputException;

/**
 * Writes output files whole or not at all: to a temporary file in the same folder, then renamed.
 *
 * <p>The temporary file is {@code .NAME.gramian-<pid>-<random>.tmp} (hidden, next to NAME, named
 * after the writing process). Nothing of it is left behind by a run that ends early:
 * <ul>
 *   <li>a failed write deletes it;</li>
 *   <li>INT, TERM and HUP (Ctrl-C, {@code kill}, a closed terminal) run the JVM's shutdown hooks,
 *       and one hook deletes every temporary file still pending;</li>
 *   <li>after {@code kill -9} (no hook runs) it stays, and the next write into the same folder
 *       deletes it: before creating its own temporary file, every write sweeps the files of this
 *       pattern whose process no longer exists. A file of a live process is never touched.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** {@code .NAME.gramian-<pid>-<digits>.tmp}; group 1 is the pid. */
    static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.gramian-(\\d+)-\\d*\\.tmp");

    private static final long PID = ProcessHandle.current().pid();

    /** Temporary files created and not yet renamed or deleted: what the shutdown hook removes. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    private static boolean hookInstalled;

    private AtomicFiles() {
    }

    /** Writes {@code image} as PNG to {@code target}. @throws OutputException naming the file on failure */
    public static void writePng(BufferedImage image, Path target) {
        Path abs = target.toAbsolutePath();
        if (isSpecial(abs)) {
            // a device or a named pipe: write into it (renaming would replace it with a plain file)
            try (OutputStream o = Files.newOutputStream(abs, StandardOpenOption.WRITE)) {
                if (!ImageIO.write(image, "png", o)) {
                    throw new IOException("no PNG writer available");
                }
            } catch (IOException e) {
                throw new OutputException("cannot write " + target + ": " + describe(e), e);
            }
            return;
        }
        requireWritableTarget(target, abs);
        Path tmp = null;
        boolean done = false;
        try {
            tmp = createTemp(abs);
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            commit(tmp, abs);
            done = true;
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + describe(e), e);
        } finally {
            if (!done && tmp != null) {
                discard(tmp);
            }
        }
    }

    /**
     * Whether {@code target} exists and is neither a regular file nor a folder: a device
     * ({@code /dev/null}, {@code /dev/full}) or a named pipe. Such a target is written in place:
     * renaming a temporary file over it would replace the device by a plain file.
     */
    public static boolean isSpecial(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    /**
     * Fails at once, before any work, when {@code target} cannot be the name of a file: it is a
     * folder, or its folder does not exist or is not a folder.
     *
     * @param shown  the name as the user gave it (for the message)
     * @param target the absolute path
     * @throws OutputException naming the file
     */
    public static void requireWritableTarget(Path shown, Path target) {
        if (Files.isDirectory(target)) {
            throw new OutputException("cannot write " + shown + ": it is a folder; give a file name", null);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.exists(dir)) {
            throw new OutputException("cannot write " + shown + ": the folder " + dir + " does not exist", null);
        }
        if (!Files.isDirectory(dir)) {
            throw new OutputException("cannot write " + shown + ": " + dir + " is not a folder", null);
        }
    }

    /**
     * A short reason for an I/O failure, without the exception's class name (that would look like
     * a crash) and without the temporary file's name (the user never asked for it).
     */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }

    /**
     * Creates the temporary file for {@code target} (an absolute path) in its folder, after
     * sweeping that folder of temporary files left by killed runs, and registers it for deletion
     * should the JVM be stopped by a signal. Pass it to {@link #commit} or {@link #discard}.
     */
    public static Path createTemp(Path target) throws IOException {
        Path dir = target.getParent();
        sweepStale(dir);
        installHook();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".gramian-" + PID + "-", ".tmp");
        PENDING.add(tmp);
        pauseForFaultTests();
        return tmp;
    }

    /**
     * Fault injection for the signal tests: with {@code -Dgramian.faults.pauseAfterTempMs=N} every
     * write waits N ms once its temporary file exists, so that a test can stop the process while a
     * small result (a fit's table, a model file, a PNG) is being written. Off (0) by default.
     */
    private static void pauseForFaultTests() {
        long ms = Long.getLong("gramian.faults.pauseAfterTempMs", 0L);
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Renames the finished {@code tmp} over {@code target}, atomically where the file system can. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        PENDING.remove(tmp);
    }

    /** Deletes an unfinished temporary file; a failure to delete is ignored (the original error matters). */
    public static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure is the one to report
        } finally {
            PENDING.remove(tmp);
        }
    }

    /**
     * Deletes the temporary files in {@code dir} whose writer (the pid in the name) no longer runs:
     * leftovers of a run killed with SIGKILL (or a crash). Files of live processes, this one
     * included, are kept; a pid that has been reused by another process keeps its file until that
     * process ends too. Unreadable folders and undeletable files are skipped silently.
     *
     * @return how many files were deleted
     */
    public static int sweepStale(Path dir) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.gramian-*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMP_NAME.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == PID || ProcessHandle.of(pid).isPresent() || !Files.isRegularFile(f)) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(f)) {
                        deleted++;
                    }
                } catch (IOException ignored) {
                    // not ours to insist on: leave it
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the folder cannot be listed: creating the temporary file will say what is wrong
        }
        return deleted;
    }

    private static synchronized void installHook() {
        if (hookInstalled) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deletePending, "gramian-temp-cleanup"));
            hookInstalled = true;
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: nothing will be renamed any more
        }
    }

    /** The shutdown hook: deletes every temporary file not yet renamed. */
    private static void deletePending() {
        for (Path tmp : PENDING) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // best effort: the next write into this folder sweeps it
            }
        }
    }
}
