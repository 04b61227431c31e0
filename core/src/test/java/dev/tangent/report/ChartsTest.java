package dev.tangent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.train.Optimizers;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Charts: decade ticks, one style per optimizer, PNG and SVG files that parse, the noise floor and linear fallbacks. */
class ChartsTest {
    @TempDir
    Path tmp;

    private static double[] geometric(double from, double ratio, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = from * Math.pow(ratio, i);
        return v;
    }

    private static double[] steps(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    /** The major ticks of the chart's range axis after laying it out in a 900×560 drawing. */
    private static List<ValueTick> rangeTicks(JFreeChart chart) {
        BufferedImage img = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, Charts.WIDTH, Charts.HEIGHT));
        XYPlot plot = chart.getXYPlot();
        @SuppressWarnings("unchecked")
        List<ValueTick> ticks = (List<ValueTick>) plot.getRangeAxis().refreshTicks(g, new AxisState(),
                new Rectangle2D.Double(60, 40, 800, 460), RectangleEdge.LEFT);
        g.dispose();
        return ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).toList();
    }

    @Test
    void logAxesTickAtPowersOfTenLabelledAsPowers() {
        JFreeChart chart = Charts.chart("loss of poisson1d", "step", "loss", List.of(new Charts.Series("lm", steps(9),
                geometric(3e2, 1e-1, 9))), false, true, Double.NaN);
        assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
        List<ValueTick> major = rangeTicks(chart);
        assertTrue(major.size() >= 3, "decade ticks over eight decades: " + major.size());
        Set<Double> seen = new HashSet<>();
        for (ValueTick t : major) {
            double e = Math.log10(t.getValue());
            assertEquals(Math.rint(e), e, 1e-9, "major tick at " + t.getValue() + " is not a power of ten");
            assertTrue(seen.add(Math.rint(e)), "repeated tick 10^" + e);
        }
        assertEquals("10⁻³", Ticks.decade(-3));
        assertEquals("10⁰", Ticks.decade(0));
        assertEquals("10¹²", Ticks.decade(12));
        assertEquals("1.2·10⁻⁵", Ticks.sci(1.2e-5));
        assertEquals("1.0·10⁵", Ticks.sci(99_960));   // rounding carries into the exponent
        assertEquals("0.500", Ticks.sci(0.5));
    }

    @Test
    void underADecadeALogAxisBecomesLinearButAConstantOneStaysLog() {
        JFreeChart narrow = Charts.chart("t", "step", "loss", List.of(new Charts.Series("a", steps(5), new double[] {2, 3, 4, 5, 6})),
                false, true, Double.NaN);
        assertInstanceOf(NumberAxis.class, narrow.getXYPlot().getRangeAxis());
        JFreeChart constant = Charts.chart("t", "step", "loss", List.of(new Charts.Series("a", steps(3), new double[] {4, 4, 4})),
                false, true, Double.NaN);
        assertInstanceOf(LogAxis.class, constant.getXYPlot().getRangeAxis());
    }

    @Test
    void everyOptimizerHasOneFixedStyleInEveryFigure() {
        Set<Integer> colours = new HashSet<>();
        for (String name : Optimizers.NAMES) {
            SeriesStyle alone = SeriesStyle.of(name, 0), inSweep = SeriesStyle.of("laplace2d-" + name + " seed 3", 5);
            assertTrue(alone.fixed(), name);
            assertEquals(alone.colour(), inSweep.colour(), name + ": colour depends on the figure");
            assertEquals(alone.marker().getBounds2D(), inSweep.marker().getBounds2D(), name + ": marker depends on the figure");
            assertTrue(colours.add(alone.colour().getRGB()), name + " shares its colour with another optimizer");
        }
        for (int i = 0; i < 16; i++) {
            SeriesStyle other = SeriesStyle.of("boundary " + i, i);
            assertTrue(!other.fixed() && !colours.contains(other.colour().getRGB()), "curve " + i + " takes an optimizer's colour");
        }
        assertEquals(-1, SeriesStyle.optimizerIndex("boundary"));   // "lm" inside a word is not the optimizer
        assertEquals(-1, SeriesStyle.optimizerIndex("helmholtz"));
        // in a chart, lm keeps its colour whether it is the first or the third series
        XYItemRenderer first = Charts.chart("t", "step", "loss", List.of(new Charts.Series("lm", steps(3), new double[] {3, 2, 1})),
                false, false, Double.NaN).getXYPlot().getRenderer();
        XYItemRenderer third = Charts.chart("t", "step", "loss", List.of(new Charts.Series("x", steps(3), new double[] {3, 2, 1}),
                new Charts.Series("adam", steps(3), new double[] {3, 2, 1}), new Charts.Series("lm", steps(3), new double[] {3, 2, 1})),
                false, false, Double.NaN).getXYPlot().getRenderer();
        assertEquals(first.getSeriesPaint(0), third.getSeriesPaint(2));
        assertNotEquals(third.getSeriesPaint(1), third.getSeriesPaint(2));
    }

    @Test
    void pngAndSvgAreWrittenSideBySideAndParse() throws Exception {
        Path png = tmp.resolve("loss.png");
        Charts.line(png, "loss of heat1d", "step", "mean squared residual", List.of(
                new Charts.Series("anagram", steps(6), geometric(1, 0.1, 6), geometric(0.5, 0.1, 6), geometric(2, 0.1, 6)),
                new Charts.Series("lm", steps(6), geometric(2, 0.01, 6))), false, true, 1e-9);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        Path svg = tmp.resolve("loss.svg");
        assertTrue(Files.exists(svg), "no SVG next to the PNG");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);   // SVG 1.1 DOCTYPE, no fetch
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        String text = doc.getDocumentElement().getTextContent();
        for (String want : List.of("loss of heat1d", "step", "anagram", "lm", "noise floor")) {   // (rotated labels are outlines)
            assertTrue(text.contains(want), "SVG lacks '" + want + "': " + text);
        }
        assertTrue(!text.contains("0.2") && text.contains("5"), "a step axis has whole-number ticks: " + text);
    }

    @Test
    void valuesFarBelowTheNoiseFloorAreNotDrawn() {
        JFreeChart chart = Charts.chart("spectrum", "index", "eigenvalue", List.of(new Charts.Series("K", steps(5),
                new double[] {1, 1e-3, 1e-8, 1e-11, 1e-18})), false, true, 1e-10);
        var data = chart.getXYPlot().getDataset();
        assertEquals(4, data.getItemCount(0), "1e-18 lies more than two decades under the floor 1e-10");
        assertTrue(chart.getXYPlot().getRangeAxis().getLowerBound() > 1e-15, "axis reaches " + chart.getXYPlot().getRangeAxis().getLowerBound());
    }
}
