package org.gramian.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.gramian.GramianException;
import org.gramian.design.formula.Formula;
import org.gramian.design.formula.FormulaException;

/**
 * Fuzz target for the formula parser ({@link Formula#parse}) and R's term expansion
 * ({@link Formula#terms()}): any bytes, decoded as UTF-8.
 *
 * <p>Oracle: either a {@link GramianException} with a one-line message (a {@link FormulaException}
 * also with its caret inside the text, position 0 … length), or a formula whose terms expand;
 * anything else (another exception, a stack overflow on deep nesting) is a finding.
 */
class FormulaFuzzTest {
    @org.junit.jupiter.api.Timeout(10)   // per input: a hang is a finding (see gramian-io/pom.xml)
    @FuzzTest(maxDuration = "30s")
    void formula(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Formula f;
        try {
            f = Formula.parse(text);
            // '.' stands for the data's other columns: expand it against some, as a fit does
            (f.hasDot() ? f.withColumns(java.util.List.of("a", "b", "c"), null) : f).terms();
        } catch (FormulaException e) {
            FuzzChecks.wellFormed(e);
            if (e.position() < 0 || e.position() > text.length()) {
                throw new AssertionError("caret at " + e.position() + " outside '" + text + "'", e);
            }
        } catch (GramianException e) {
            FuzzChecks.wellFormed(e);
        }
    }
}
