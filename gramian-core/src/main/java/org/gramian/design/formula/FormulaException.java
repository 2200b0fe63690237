package org.gramian.design.formula;

import org.gramian.GramianException;

/**
 * A formula that cannot be read: the message says what was expected and what was found; {@link
 * #caret()} shows the formula with a caret under the position, e.g.
 * <pre>
 *   y ~ x1 + + x2
 *            ^
 * </pre>
 */
public final class FormulaException extends GramianException {
    private static final long serialVersionUID = 1L;

    private final String formula;
    private final int position;

    /**
     * @param problem  what was expected and found, one line
     * @param formula  the formula text
     * @param position the 0-based character position the problem is at
     */
    public FormulaException(String problem, String formula, int position) {
        super("bad formula: " + problem + " (at character " + (position + 1) + " of "
                + org.gramian.UserText.quote(formula) + ")");
        this.formula = formula;
        this.position = position;
    }

    /** Itself: a formula is not placed in a data file. */
    @Override
    public GramianException inFile(String file) {
        return this;
    }

    public String formula() {
        return formula;
    }

    /** 0-based character position of the problem. */
    public int position() {
        return position;
    }

    /** Two lines: the formula, indented by two spaces, and a caret under the position. */
    public String caret() {
        return "  " + formula + System.lineSeparator() + "  " + " ".repeat(Math.max(0, position)) + "^";
    }
}
