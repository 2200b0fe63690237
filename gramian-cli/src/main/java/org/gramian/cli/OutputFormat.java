package org.gramian.cli;

/** The {@code --format} values. */
enum OutputFormat {
    /** Aligned text for people. */
    table,
    /** Structured, full-precision JSON for programs. */
    json
}
