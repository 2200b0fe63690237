package org.gramian.cli.lab;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The pictures of {@code compare --plot} and {@code plot}, drawn headless with XChart. */
public final class Charts {
    /** Points per drawn series, about: longer histories are thinned after their first quarter of this. */
    static final int MAX_POINTS = 2000;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    private static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setAntiAlias(true);
        return c;
    }

    /**
     * Cost per iteration of each iterative run (log-scale y), with the closed form's cost as a
     * horizontal line.
     */
    public static BufferedImage loss(List<MethodRun> runs, double closedCost, int width, int height, String title) {
        XYChart c = chart(width, height, title, "iteration + 1 (log scale; epochs for SGD)",
                "cost J(w) = ‖Xw − y‖² / 2m (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        // log x as well: standardized runs finish in a handful of iterations, plain ones take thousands
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0.###E0");
        int longest = 1;
        double floor = closedCost > 0 ? closedCost : Double.MAX_VALUE;
        for (MethodRun r : runs) {
            double[] h = r.costHistory();
            if (h.length == 0) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            // on a log x axis the early iterations need every point; later ones are thinned
            int stride = Math.max(1, (h.length + MAX_POINTS - 1) / MAX_POINTS);
            for (int k = 0; k < h.length; k++) {
                if ((k < MAX_POINTS / 4 || k % stride == 0 || k == h.length - 1) && h[k] > 0 && Double.isFinite(h[k])) {
                    xs.add(k + 1.0);
                    ys.add(h[k]);
                    floor = Math.min(floor, h[k]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            longest = Math.max(longest, h.length - 1);
            XYSeries s = c.addSeries(r.method() + " (" + r.status().toLowerCase(java.util.Locale.ROOT) + ")", xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        if (closedCost > 0) {
            XYSeries s = c.addSeries("closed form", new double[] {1, longest + 1.0}, new double[] {closedCost, closedCost});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.BLACK);
            s.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {8f, 6f}, 0f));
        }
        return BitmapEncoder.getBufferedImage(c);
    }

    /**
     * The data as points and the fitted curve ŷ(x) evaluated on {@code gridX}.
     */
    public static XYChart fit(double[] x, double[] y, double[] gridX, double[] gridY, int width, int height,
                              String title, String xName, String yName, String curveName) {
        XYChart c = chart(width, height, title, xName, yName);
        XYSeries data = c.addSeries("data", x, y);
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(SeriesMarkers.CIRCLE);
        XYSeries curve = c.addSeries(curveName, gridX, gridY);
        curve.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineWidth(2f);
        return c;
    }

    /** Residuals against fitted values, with the zero line. */
    public static XYChart residuals(double[] fitted, double[] residuals, int width, int height, String yName) {
        XYChart c = chart(width, height, "Residuals vs fitted", "fitted " + yName, "residual (observed − fitted)");
        XYSeries s = c.addSeries("residuals", fitted, residuals);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double f : fitted) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        XYSeries zero = c.addSeries("zero", new double[] {lo, hi}, new double[] {0, 0});
        zero.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        return c;
    }

    /**
     * The GCV curve of {@code fit --ridge auto}: GCV(λ) against λ (log scale), with the chosen λ
     * marked. Points whose score is not a finite number (n ≤ tr H) are left out.
     *
     * @param lambda  the grid, ascending
     * @param gcv     GCV at each grid point
     * @param chosenLambda the refined minimum and its score
     */
    public static BufferedImage gcv(double[] lambda, double[] gcv, double chosenLambda, double chosenGcv, int width,
                                    int height, String title) {
        XYChart c = chart(width, height, title, "λ (log scale)", "GCV(λ) = n·RSS/(n − tr H)² (log scale)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0.###E0");
        c.getStyler().setPlotGridVerticalLinesVisible(false);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < lambda.length; k++) {
            if (lambda[k] > 0 && Double.isFinite(lambda[k]) && Double.isFinite(gcv[k])) {
                xs.add(lambda[k]);
                ys.add(gcv[k]);
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = c.addSeries("GCV on the grid", xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineWidth(2f);
        }
        if (chosenLambda > 0 && Double.isFinite(chosenGcv)) {
            XYSeries m = c.addSeries(String.format(java.util.Locale.ROOT, "chosen λ = %.4g", chosenLambda),
                    new double[] {chosenLambda}, new double[] {chosenGcv});
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            m.setMarker(SeriesMarkers.DIAMOND);
            m.setMarkerColor(Color.RED);
        }
        return BitmapEncoder.getBufferedImage(c);
    }

    /** Charts side by side in one image. */
    public static BufferedImage sideBySide(List<XYChart> charts) {
        List<BufferedImage> images = new ArrayList<>();
        int w = 0;
        int h = 0;
        for (XYChart c : charts) {
            BufferedImage img = BitmapEncoder.getBufferedImage(c);
            images.add(img);
            w += img.getWidth();
            h = Math.max(h, img.getHeight());
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (BufferedImage img : images) {
            g.drawImage(img, x, 0, null);
            x += img.getWidth();
        }
        g.dispose();
        return out;
    }
}
