package org.gramian.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.gramian.io.model.ModelJson;

/**
 * {@code --save FILE.json}: writes a model file, whatever model it is (least squares, ridge, or any
 * other estimator whose JSON {@link ModelJson} or its neighbour builds), atomically: a temporary file
 * in the same folder, renamed when complete ({@link Output}), so {@code predict} never reads half a
 * model and a failed write keeps the previous file. Independent of {@code --format} and
 * {@code --out}: the summary still goes where they say.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * Writes {@code model} to {@code file}.
     *
     * @throws OutputException (exit 4) when it cannot be written
     */
    static void save(Path file, ObjectNode model) {
        String text = ModelJson.text(model);
        Output.write(file, null, w -> w.write(text));
    }
}
