package dev.tangent.report;

import dev.tangent.train.Optimizers;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * Colour, marker and dash of a curve. Each optimizer of {@link Optimizers#NAMES} has one fixed style in every
 * figure, chosen when a word of the series name is the optimizer's name ("lm", "laplace2d-anagram", "adam seed 1");
 * other curves take the remaining colours in order.
 *
 * @param colour line and band colour
 * @param marker marker shape
 * @param dash   dash pattern (null = solid)
 * @param fixed  whether the style belongs to an optimizer
 */
record SeriesStyle(Color colour, Shape marker, float[] dash, boolean fixed) {
    /** Optimizer colours (Okabe–Ito, distinguishable with colour-vision deficiencies), in Optimizers.NAMES order. */
    private static final Color[] OPTIMIZER_COLOURS = {
            new Color(0x000000), new Color(0xD55E00), new Color(0x0072B2), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442)};
    /** Colours for other curves: none of them is an optimizer's. */
    private static final Color[] OTHER_COLOURS = {
            new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}};

    static SeriesStyle of(String seriesName, int index) {
        int opt = optimizerIndex(seriesName);
        if (opt >= 0) {
            return new SeriesStyle(OPTIMIZER_COLOURS[opt % OPTIMIZER_COLOURS.length], marker(opt), null, true);
        }
        return new SeriesStyle(OTHER_COLOURS[index % OTHER_COLOURS.length], marker(index),
                DASHES[(index / OTHER_COLOURS.length + index) % DASHES.length], false);
    }

    /** The optimizer named by a word of the series name, as an index into Optimizers.NAMES, or -1. */
    static int optimizerIndex(String seriesName) {
        List<String> names = Optimizers.NAMES;
        for (String word : seriesName.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            int i = names.indexOf(word);
            if (i >= 0) return i;
        }
        return -1;
    }

    /** Circle, square, triangle, diamond, down-triangle, cross: one per optimizer. */
    static Shape marker(int k) {
        double s = 7, h = s / 2;
        return switch (k % 6) {
            case 0 -> new Ellipse2D.Double(-h, -h, s, s);
            case 1 -> new Rectangle2D.Double(-h, -h, s, s);
            case 2 -> polygon(0, -h - 1, h + 1, h, -h - 1, h);
            case 3 -> polygon(0, -h - 1, h + 1, 0, 0, h + 1, -h - 1, 0);
            case 4 -> polygon(-h - 1, -h, h + 1, -h, 0, h + 1);
            default -> polygon(-h, -h, 0, -1, h, -h, 1, 0, h, h, 0, 1, -h, h, -1, 0);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }
}
