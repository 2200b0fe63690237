package org.gramian.cli.render;

import org.gramian.report.Numbers;

import java.util.List;

/**
 * Markdown explanation: a heading per step and each matrix as a LaTeX display,
 * {@code $$X = \begin{bmatrix} … \end{bmatrix}$$}, which GitHub, Jupyter and pandoc render.
 */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    public static String render(String title, List<Step> steps) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(title).append("\n");
        int k = 1;
        for (Step s : steps) {
            sb.append("\n### ").append(k++).append(". ").append(s.heading()).append("\n\n");
            if (!s.value().colLabels().isEmpty() && !s.value().colLabels().get(0).equals("1")) {
                sb.append("Columns: ").append(labels(s.value().colLabels(), Window.of(s.value()).cols()))
                        .append("\n\n");
            } else if (!s.value().rowLabels().isEmpty() && !s.value().rowLabels().get(0).equals("1")) {
                sb.append("Rows: ").append(labels(s.value().rowLabels(), Window.of(s.value()).rows()))
                        .append("\n\n");
            }
            sb.append("$$\n").append(s.latex()).append(" = ");
            if (s.value().isScalar()) {
                sb.append(latexNumber(s.value().values()[0][0]));
            } else {
                bmatrix(sb, s.value());
            }
            sb.append("\n$$\n");
            Window w = Window.of(s.value());
            if (!w.whole()) {
                sb.append("\n(").append(s.value().rows()).append(" × ").append(s.value().cols())
                        .append(": the top-left ").append(w.rows()).append(" × ").append(w.cols())
                        .append(" corner is shown.)\n");
            }
        }
        return sb.toString();
    }

    private static String labels(List<String> l, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append('`').append(l.get(i)).append('`');
        }
        return sb.append(n < l.size() ? ", …" : "").toString();
    }

    static void bmatrix(StringBuilder sb, Block b) {
        Window w = Window.of(b);
        sb.append("\\begin{bmatrix}\n");
        for (int i = 0; i < w.rows(); i++) {
            sb.append("  ");
            for (int j = 0; j < w.cols(); j++) {
                sb.append(j == 0 ? "" : " & ").append(latexNumber(b.values()[i][j]));
            }
            if (w.colsCut()) {
                sb.append(" & \\cdots");
            }
            sb.append(i + 1 < w.rows() || w.rowsCut() ? " \\\\\n" : "\n");
        }
        if (w.rowsCut()) {
            sb.append("  ");
            for (int j = 0; j < w.cols(); j++) {
                sb.append(j == 0 ? "" : " & ").append("\\vdots");
            }
            if (w.colsCut()) {
                sb.append(" & \\ddots");
            }
            sb.append('\n');
        }
        sb.append("\\end{bmatrix}");
    }

    /** 1.2e-16 → 1.2 \times 10^{-16}. */
    static String latexNumber(double v) {
        String s = Numbers.exact(v);
        int e = s.indexOf('e');
        if (e < 0) {
            return s;
        }
        return s.substring(0, e) + " \\times 10^{" + Integer.parseInt(s.substring(e + 1)) + "}";
    }
}
