package org.gramian.cli.render;

/**
 * One step of an explanation.
 *
 * @param symbol  the mathematical name, e.g. {@code XᵀX}
 * @param latex   the same in LaTeX, e.g. {@code X^\top X}
 * @param key     a stable identifier for JSON, e.g. {@code gram}
 * @param heading what it is and why, one line
 * @param value   the quantity
 */
public record Step(String symbol, String latex, String key, String heading, Block value) {
}
