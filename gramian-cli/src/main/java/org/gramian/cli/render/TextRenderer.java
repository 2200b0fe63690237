package org.gramian.cli.render;

import org.gramian.report.Numbers;

import java.util.ArrayList;
import java.util.List;

/** Plain-text explanation: numbered headings, then each matrix as an aligned, labelled table. */
public final class TextRenderer {
    private TextRenderer() {
    }

    public static String render(String title, List<Step> steps) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        int k = 1;
        for (Step s : steps) {
            sb.append('\n').append(k++).append(". ").append(s.heading()).append('\n');
            if (s.value().isScalar()) {
                sb.append("   ").append(s.symbol()).append(" = ").append(Numbers.exact(s.value().values()[0][0]))
                        .append('\n');
            } else {
                table(sb, s.value());
            }
        }
        return sb.toString();
    }

    static void table(StringBuilder sb, Block b) {
        Window win = Window.of(b);
        int cols = win.cols() + (win.colsCut() ? 1 : 0);
        List<String[]> lines = new ArrayList<>();
        boolean header = !b.colLabels().isEmpty();
        if (header) {
            String[] h = new String[cols + 1];
            h[0] = "";
            for (int j = 0; j < win.cols(); j++) {
                h[j + 1] = b.colLabels().get(j);
            }
            if (win.colsCut()) {
                h[cols] = "…";
            }
            lines.add(h);
        }
        for (int i = 0; i < win.rows(); i++) {
            String[] row = new String[cols + 1];
            row[0] = b.rowLabels().isEmpty() ? "" : b.rowLabels().get(i);
            for (int j = 0; j < win.cols(); j++) {
                row[j + 1] = Numbers.exact(b.values()[i][j]);
            }
            if (win.colsCut()) {
                row[cols] = "…";
            }
            lines.add(row);
        }
        if (win.rowsCut()) {
            String[] row = new String[cols + 1];
            row[0] = "⋮";
            for (int j = 1; j <= cols; j++) {
                row[j] = "⋮";
            }
            lines.add(row);
        }
        int[] width = new int[cols + 1];
        for (String[] l : lines) {
            for (int j = 0; j < l.length; j++) {
                width[j] = Math.max(width[j], l[j].codePointCount(0, l[j].length()));
            }
        }
        for (String[] l : lines) {
            StringBuilder line = new StringBuilder("   ");
            line.append(pad(l[0], width[0], false));
            for (int j = 1; j < l.length; j++) {
                line.append("  ").append(pad(l[j], width[j], true));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (!win.whole()) {
            sb.append("   (").append(b.rows()).append('×').append(b.cols()).append(": showing the top-left ")
                    .append(win.rows()).append('×').append(win.cols()).append(" corner)\n");
        }
    }

    private static String pad(String s, int w, boolean right) {
        int n = w - s.codePointCount(0, s.length());
        String fill = " ".repeat(Math.max(0, n));
        return right ? fill + s : s + fill;
    }
}
