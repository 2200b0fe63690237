package org.gramian.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * JSON explanation: {@code {"title", "steps": [{"key", "symbol", "heading", "shape": [r, c],
 * "complete": bool, "value": …}]}}. Values are numbers (shortest round-trip form), a vector is an
 * array, a matrix an array of rows, a scalar a number; a large matrix carries its top-left corner
 * and {@code "complete": false}.
 */
public final class JsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {
    }

    public static String render(String title, List<Step> steps) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", title);
        ArrayNode arr = root.putArray("steps");
        for (Step s : steps) {
            ObjectNode o = arr.addObject();
            o.put("key", s.key());
            o.put("symbol", s.symbol());
            o.put("heading", s.heading());
            Block b = s.value();
            Window w = Window.of(b);
            o.putArray("shape").add(b.rows()).add(b.cols());
            o.put("complete", w.whole());
            if (b.isScalar()) {
                number(o, b.values()[0][0]);
            } else if (b.cols() == 1 && b.colLabels().isEmpty()) {
                ArrayNode v = o.putArray("value");
                for (int i = 0; i < w.rows(); i++) {
                    add(v, b.values()[i][0]);
                }
            } else {
                ArrayNode v = o.putArray("value");
                for (int i = 0; i < w.rows(); i++) {
                    ArrayNode row = v.addArray();
                    for (int j = 0; j < w.cols(); j++) {
                        add(row, b.values()[i][j]);
                    }
                }
            }
            if (!b.rowLabels().isEmpty() && !b.rowLabels().get(0).equals("1")) {
                ArrayNode l = o.putArray("rowLabels");
                b.rowLabels().subList(0, w.rows()).forEach(l::add);
            }
            if (!b.colLabels().isEmpty() && !b.colLabels().get(0).equals("1")) {
                ArrayNode l = o.putArray("columnLabels");
                b.colLabels().subList(0, w.cols()).forEach(l::add);
            }
        }
        return write(root);
    }

    /** Integers as integers (3, not 3.0); everything else in shortest round-trip form. */
    private static void add(ArrayNode a, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            a.add((long) v);
        } else {
            a.add(v);
        }
    }

    private static void number(ObjectNode o, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put("value", (long) v);
        } else {
            o.put("value", v);
        }
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of numbers and strings", e);
        }
    }
}
