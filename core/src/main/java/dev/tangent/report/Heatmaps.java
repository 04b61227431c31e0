package dev.tangent.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Side-by-side heatmaps of fields on a plain tensor grid (prediction, reference, |error|), each a JFreeChart plot
 * with both axes ticked and a colour bar (viridis; decades 10ⁿ on log fields), written as PNG and SVG.
 */
public final class Heatmaps {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Heatmaps() {}

    /**
     * An n0 × n1 grid of evenly spaced nodes, ends included; values are row-major with rows = the first coordinate
     * (value {@code i * n1 + j} at coordinate 0 = lo0 + i·h0, coordinate 1 = lo1 + j·h1). The first coordinate is
     * drawn horizontally.
     *
     * @param label0 name of the first coordinate
     * @param range0 its [lo, hi]
     * @param n0     its node count
     * @param label1 name of the second coordinate
     * @param range1 its [lo, hi]
     * @param n1     its node count
     */
    public record Grid(String label0, double[] range0, int n0, String label1, double[] range1, int n1) {}

    /** A field on the grid; logScale colours by log10 |value| (for errors). */
    public record Field(String title, double[] values, boolean logScale) {}

    /** Panels in the older argument order (ny × nx, rows = first coordinate = y): the same picture as the Grid form. */
    public static void panels(Path file, String title, int ny, int nx, String yLabel, double[] yRange, String xLabel,
                              double[] xRange, Field... fields) {
        panels(file, title, new Grid(yLabel, yRange, ny, xLabel, xRange, nx), fields);
    }

    public static void panels(Path file, String title, Grid grid, Field... fields) {
        int panelW = 430, panelH = 400, top = 34;
        int width = panelW * fields.length, height = panelH + top;
        JFreeChart[] charts = new JFreeChart[fields.length];
        for (int f = 0; f < fields.length; f++) charts[f] = chart(grid, fields[f]);
        Charts.save(file, width, height, g -> {
            g.setColor(Color.BLACK);
            g.setFont(new Font("SansSerif", Font.BOLD, 15));
            g.drawString(title, 12, 22);
            for (int f = 0; f < charts.length; f++) charts[f].draw(g, new Rectangle2D.Double(f * panelW, top, panelW, panelH));
        });
    }

    /** One heatmap with ticked axes and a colour bar on its right. */
    static JFreeChart chart(Grid grid, Field field) {
        int n0 = grid.n0(), n1 = grid.n1();
        double h0 = (grid.range0()[1] - grid.range0()[0]) / Math.max(1, n0 - 1);
        double h1 = (grid.range1()[1] - grid.range1()[0]) / Math.max(1, n1 - 1);
        double[] z = new double[n0 * n1];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n0 * n1; k++) {
            z[k] = field.logScale() ? Math.log10(Math.abs(field.values()[k])) : field.values()[k];
            if (Double.isFinite(z[k])) {
                lo = Math.min(lo, z[k]);
                hi = Math.max(hi, z[k]);
            }
        }
        if (!(hi >= lo)) lo = hi = 0;
        if (field.logScale()) lo = Math.max(lo, hi - 12); // exact zeros (log = −∞) take the bottom colour
        if (!(hi > lo)) hi = lo + 1;
        Viridis scale = new Viridis(lo, hi);
        NumberAxis xa = axis(grid.label0(), grid.range0(), h0);
        NumberAxis ya = axis(grid.label1(), grid.range1(), h1);
        XYPlot plot = new XYPlot(null, xa, ya, new XYLineAndShapeRenderer(false, false));
        // one raster image in data coordinates, cells centred on the nodes: a vector file stays small (an SVG of one
        // rectangle per cell was 70 MB for a 100k-node grid and took seconds to write)
        double w0 = h0 > 0 ? h0 : 1, w1 = h1 > 0 ? h1 : 1;
        plot.addAnnotation(new XYDataImageAnnotation(raster(n0, n1, z, scale), grid.range0()[0] - w0 / 2, grid.range1()[0] - w1 / 2,
                (grid.range0()[1] - grid.range0()[0]) + w0, (grid.range1()[1] - grid.range1()[0]) + w1));
        plot.setBackgroundPaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(field.title(), new Font("SansSerif", Font.BOLD, 13), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis barAxis = new NumberAxis(field.logScale() ? "|value|" : null);
        barAxis.setRange(lo, hi);
        barAxis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        if (field.logScale()) {
            barAxis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil((hi - lo) / 8))));
            barAxis.setNumberFormatOverride(new DecadeFormat());
        }
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setSubdivisionCount(128);
        bar.setStripWidth(14);
        bar.setAxisOffset(4);
        bar.setMargin(new RectangleInsets(4, 6, 40, 4));
        chart.addSubtitle(bar);
        if (!field.logScale()) chart.addSubtitle(new TextTitle(" "));
        return chart;
    }

    /** Cell (i, j) of the n0 × n1 grid (z row-major, i = first coordinate) as pixel (i, n1 − 1 − j): y grows upwards. */
    static BufferedImage raster(int n0, int n1, double[] z, Viridis scale) {
        BufferedImage img = new BufferedImage(n0, n1, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n0; i++) {
            for (int j = 0; j < n1; j++) img.setRGB(i, n1 - 1 - j, ((Color) scale.getPaint(z[i * n1 + j])).getRGB());
        }
        return img;
    }

    private static NumberAxis axis(String label, double[] range, double h) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(range[0] - h / 2, range[1] + h / 2); // the blocks are centred on the nodes
        a.setLabelFont(new Font("SansSerif", Font.PLAIN, 13));
        a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        return a;
    }

    /** The viridis colour map over [lo, hi]; NaN is grey. */
    static final class Viridis implements PaintScale {
        private final double lo, hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) return Color.GRAY;
            return colour((v - lo) / (hi - lo));
        }
    }

    /** Exponent k → "10ᵏ" (colour bars of log fields). */
    private static final class DecadeFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long k = Math.round(number);
            return Math.abs(number - k) < 1e-9 ? to.append(Ticks.decade((int) k)) : to.append(Ticks.sci(Math.pow(10, number)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(Ticks.decade((int) number));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }

    /** A perceptually ordered blue–green–yellow scale (viridis anchors). */
    static Color colour(double t) {
        t = Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double s = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) s);
        double f = s - i;
        int r = (int) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int gr = (int) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return new Color(r, gr, b);
    }
}
