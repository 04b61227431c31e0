package dev.tangent.report;

import dev.tangent.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Line charts (JFreeChart, headless) written as PNG and SVG side by side, atomically. Log axes carry decade ticks
 * labelled 10ⁿ; a series named after an optimizer has that optimizer's colour and marker in every figure
 * ({@link SeriesStyle}); a series with lower/upper bounds gets a shaded band; a noise floor is drawn as a dashed line
 * and the axis stops two decades below it.
 */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** Pixel size of a chart. */
    static final int WIDTH = 900, HEIGHT = 560;

    /**
     * One named curve; lower/upper (may be null) bound a band around it, e.g. mean ± std over seeds.
     * Non-finite values, and non-positive ones on log axes, are skipped.
     *
     * @param name  legend entry (an optimizer's name selects its fixed style)
     * @param x     abscissae
     * @param y     values
     * @param lower lower edge of the band, or null
     * @param upper upper edge of the band, or null
     */
    public record Series(String name, double[] x, double[] y, double[] lower, double[] upper) {
        /** A curve without a band. */
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, null, null);
        }
    }

    /** A line chart with no noise floor. */
    public static void line(Path file, String title, String xLabel, String yLabel, List<Series> series,
                            boolean logX, boolean logY) {
        line(file, title, xLabel, yLabel, series, logX, logY, Double.NaN);
    }

    /**
     * A line chart; {@code noiseFloor} (NaN for none) is drawn as a labelled dashed line, and values more than two
     * decades below it are not shown (they are rounding noise).
     */
    public static void line(Path file, String title, String xLabel, String yLabel, List<Series> series,
                            boolean logX, boolean logY, double noiseFloor) {
        save(file, chart(title, xLabel, yLabel, series, logX, logY, noiseFloor));
    }

    /** The chart itself (also embedded by the HTML report). */
    static JFreeChart chart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY,
                            double noiseFloor) {
        boolean floor = logY && noiseFloor > 0 && Double.isFinite(noiseFloor);
        double cut = floor ? noiseFloor / 100 : 0;
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.2f);
        int shown = 0;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            YIntervalSeries xy = new YIntervalSeries(s.name(), false, true);
            for (int k = 0; k < s.x().length; k++) {
                double x = s.x()[k], y = s.y()[k];
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                if ((logX && x <= 0) || (logY && y <= cut)) continue;
                double lo = bound(s.lower(), k, y), hi = bound(s.upper(), k, y);
                if (logY && lo <= 0) lo = y; // a band reaching zero cannot be drawn on a log axis: drop its lower edge
                xy.add(x, y, Math.min(lo, y), Math.max(hi, y));
            }
            data.addSeries(xy);
            SeriesStyle st = SeriesStyle.of(s.name(), i);
            r.setSeriesPaint(i, st.colour());
            r.setSeriesFillPaint(i, st.colour());
            r.setSeriesStroke(i, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, st.dash(), 0f));
            r.setSeriesShape(i, st.marker());
            // markers only where they stay readable (an optimizer's curve, or few points)
            r.setSeriesShapesVisible(i, st.fixed() || xy.getItemCount() <= 40);
            if (xy.getItemCount() > 0) shown++;
        }
        // a log axis over less than a decade would show no decade tick at all: such data gets a linear axis
        // (a constant series keeps its log axis: the linear one would repeat one label down the axis)
        XYPlot plot = new XYPlot(data, axis(xLabel, logX && !underADecade(decades(data, true))),
                axis(yLabel, logY && !underADecade(decades(data, false))), r);
        style(plot);
        if (plot.getDomainAxis() instanceof NumberAxis x && wholeNumbers(data)) x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (floor) {
            ValueMarker m = new ValueMarker(noiseFloor, new Color(0x555555), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            m.setLabel("noise floor " + Ticks.sci(noiseFloor));
            m.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, series.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        if (shown == 0) chart.addSubtitle(new org.jfree.chart.title.TextTitle("(no finite values to show)"));
        return chart;
    }

    /** Decades spanned by the positive x (domain) or y values of the data; +∞ when there are none. */
    static double decades(YIntervalSeriesCollection data, boolean domain) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = domain ? data.getXValue(s, i) : data.getYValue(s, i);
                if (v > 0) {
                    lo = Math.min(lo, domain ? v : Math.min(v, data.getStartYValue(s, i) > 0 ? data.getStartYValue(s, i) : v));
                    hi = Math.max(hi, domain ? v : Math.max(v, data.getEndYValue(s, i)));
                }
            }
        }
        return hi > 0 ? Math.log10(hi / lo) : Double.POSITIVE_INFINITY;
    }

    /** Whether every x is a whole number (steps, indices): such an axis gets no fractional ticks. */
    private static boolean wholeNumbers(YIntervalSeriesCollection data) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) if (data.getXValue(s, i) != Math.rint(data.getXValue(s, i))) return false;
        }
        return true;
    }

    private static boolean underADecade(double decades) {
        return decades > 1e-9 && decades < 1;
    }

    private static double bound(double[] b, int k, double y) {
        return b == null || k >= b.length || !Double.isFinite(b[k]) ? y : b[k];
    }

    /** A log axis with decade ticks labelled 10ⁿ, or a linear axis that does not force zero into range. */
    static ValueAxis axis(String label, boolean log) {
        Font tick = new Font("SansSerif", Font.PLAIN, 12);
        Font lab = new Font("SansSerif", Font.PLAIN, 13);
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setBase(10);
            a.setBaseSymbol("10"); // labels as powers: 10 with a superscript exponent
            a.setSmallestValue(1e-300);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // exponents step by whole decades
            a.setMinorTickCount(9);
            a.setMinorTickMarksVisible(true);
            a.setTickLabelFont(tick);
            a.setLabelFont(lab);
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setTickLabelFont(tick);
        a.setLabelFont(lab);
        return a;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0x888888));
    }

    /** Writes chart.png and chart.svg (the same drawing) next to each other. */
    static void save(Path png, JFreeChart chart) {
        save(png, WIDTH, HEIGHT, g -> chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT)));
    }

    /** Draws one picture into a PNG and an SVG file of the same name. */
    static void save(Path png, int width, int height, Consumer<Graphics2D> draw) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        draw.accept(g);
        g.dispose();
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        draw.accept(svg);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            AtomicFiles.write(png, out.toByteArray());
            AtomicFiles.write(svgOf(png), svg.getSVGDocument());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /** A chart as a standalone SVG document (for embedding in HTML). */
    static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        return svg.getSVGDocument();
    }

    /** chart.png → chart.svg */
    static Path svgOf(Path png) {
        String n = png.getFileName().toString();
        return png.resolveSibling((n.endsWith(".png") ? n.substring(0, n.length() - 4) : n) + ".svg");
    }
}
