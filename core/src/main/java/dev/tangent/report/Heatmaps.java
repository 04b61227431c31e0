package dev.tangent.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Side-by-side heatmaps of fields on a tensor grid (prediction, reference, |error|), drawn directly with
 * Java2D: one pixel block per grid node, a viridis-like colour scale and a labelled colour bar per panel.
 */
public final class Heatmaps {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Heatmaps() {}

    /** A field on an ny × nx grid (row-major, rows = first coordinate, drawn bottom to top). */
    public record Field(String title, double[] values, boolean logScale) {}

    public static void panels(Path file, String title, int ny, int nx, String yLabel, double[] yRange, String xLabel,
                              double[] xRange, Field... fields) {
        int panelW = 300, panelH = 260, margin = 60, bar = 14;
        int width = fields.length * (panelW + margin + 50) + margin;
        int height = panelH + 2 * margin + 20;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font("SansSerif", Font.BOLD, 14));
        g.drawString(title, margin, 22);
        for (int f = 0; f < fields.length; f++) {
            Field fld = fields[f];
            int x0 = margin + f * (panelW + margin + 50);
            int y0 = margin;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double v : fld.values()) {
                double t = transform(v, fld.logScale());
                if (Double.isFinite(t)) {
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
            if (!(hi > lo)) hi = lo + 1;
            for (int i = 0; i < ny; i++) {
                for (int j = 0; j < nx; j++) {
                    double t = transform(fld.values()[i * nx + j], fld.logScale());
                    g.setColor(Double.isFinite(t) ? colour((t - lo) / (hi - lo)) : Color.GRAY);
                    int px = x0 + j * panelW / nx, px2 = x0 + (j + 1) * panelW / nx;
                    int py = y0 + panelH - (i + 1) * panelH / ny, py2 = y0 + panelH - i * panelH / ny;
                    g.fillRect(px, py, Math.max(1, px2 - px), Math.max(1, py2 - py));
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, y0, panelW, panelH);
            g.setFont(new Font("SansSerif", Font.BOLD, 12));
            g.drawString(fld.title(), x0, y0 - 8);
            g.setFont(new Font("SansSerif", Font.PLAIN, 11));
            g.drawString(xLabel + " ∈ [" + fmt(xRange[0]) + ", " + fmt(xRange[1]) + "]", x0 + 60, y0 + panelH + 18);
            g.drawString(yLabel, x0 - 20, y0 + panelH / 2);
            g.drawString(fmt(yRange[0]), x0 - 45, y0 + panelH);
            g.drawString(fmt(yRange[1]), x0 - 45, y0 + 10);
            int bx = x0 + panelW + 10;
            for (int k = 0; k < panelH; k++) {
                g.setColor(colour(1 - (double) k / panelH));
                g.fillRect(bx, y0 + k, bar, 1);
            }
            g.setColor(Color.BLACK);
            g.drawString(label(hi, fld.logScale()), bx - 5, y0 - 2);
            g.drawString(label(lo, fld.logScale()), bx - 5, y0 + panelH + 14);
        }
        g.dispose();
        Charts.save(file, img);
    }

    private static double transform(double v, boolean log) {
        return log ? Math.log10(Math.abs(v)) : v;
    }

    private static String label(double v, boolean log) {
        return log ? String.format("1e%.1f", v) : fmt(v);
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1e-2 && Math.abs(v) < 1e4 || v == 0 ? String.format("%.3g", v) : String.format("%.2e", v);
    }

    /** A perceptually ordered blue–green–yellow scale (viridis anchors). */
    static Color colour(double t) {
        t = Math.max(0, Math.min(1, t));
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
