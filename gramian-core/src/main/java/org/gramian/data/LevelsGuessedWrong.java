package org.gramian.data;

/**
 * Thrown by a pass of a source whose categorical levels were guessed from its first rows
 * ({@link RowSource#withGuessedLevels()}) when a row it would deliver holds a level not among them.
 * Not an error in the data: the caller fits again on the source with its exact levels. The rows
 * delivered before it were coded correctly, but the design (its columns) was made for the wrong
 * levels, so nothing computed from the pass may be kept.
 */
public final class LevelsGuessedWrong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LevelsGuessedWrong(String column) {
        super("column '" + column + "' has a level not among those guessed from the first rows", null, false, false);
    }
}
