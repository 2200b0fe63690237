package org.gramian.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of a command that reports a fitted model: {@code --level}, {@code --format},
 * {@code --out}, {@code --save} ({@code fit} and {@code logistic}). The help texts of
 * {@code --level} and {@code --save} say what they mean for the command: they come from the
 * command's resource bundle ({@code FitCommand.properties}, {@code LogisticCommand.properties},
 * keys {@code level}, {@code save}, {@code save.label}).
 */
final class ReportOptions {
    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L", descriptionKey = "level")
    double level;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the result to FILE (atomically: a temporary file, then renamed) instead of "
                    + "standard output.")
    Path out;

    @Option(names = "--save", paramLabel = "${bundle:save.label}", descriptionKey = "save")
    Path save;
}
