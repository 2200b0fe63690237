package org.gramian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.gramian.accumulate.GramKernels;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the project version, from {@code version.properties} (filled in by the Maven
 * build), and which Gram kernel this JVM uses (the Vector API one needs
 * {@code --add-modules jdk.incubator.vector}, which {@code ./gramian} passes; both give the same bits).
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"gramian " + version(), "Gram kernel: " + GramKernels.description()};
    }

    /** The project version, or {@code "unknown"} when the resource is missing. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
