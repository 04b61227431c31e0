package dev.tangent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heatmap panels: orientation of the raster, and file sizes that do not grow with one element per grid cell. */
class HeatmapsTest {
    @TempDir Path tmp;

    /** Cell (i, j) is pixel (i, n1 − 1 − j): the first coordinate runs right, the second up. */
    @Test
    void theRasterPutsTheFirstCoordinateRightAndTheSecondUp() {
        int n0 = 4, n1 = 3;
        double[] z = new double[n0 * n1];
        z[3 * n1 + 2] = 1; // i = 3 (rightmost), j = 2 (top)
        Heatmaps.Viridis scale = new Heatmaps.Viridis(0, 1);
        BufferedImage img = Heatmaps.raster(n0, n1, z, scale);
        assertEquals(n0, img.getWidth());
        assertEquals(n1, img.getHeight());
        int top = ((java.awt.Color) scale.getPaint(1)).getRGB(), bottom = ((java.awt.Color) scale.getPaint(0)).getRGB();
        assertEquals(top, img.getRGB(3, 0));
        for (int x = 0; x < n0; x++) {
            for (int y = 0; y < n1; y++) if (x != 3 || y != 0) assertEquals(bottom, img.getRGB(x, y), "pixel " + x + "," + y);
        }
    }

    /** A 300 × 300 grid: the SVG holds one embedded image, not 90,000 rectangles, and the PNG shows the field. */
    @Test
    void aLargeGridWritesSmallFiles() throws Exception {
        int n = 300;
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) u[i * n + j] = Math.sin(3.0 * i / n) * Math.cos(2.0 * j / n);
        Path png = tmp.resolve("solution.png");
        Heatmaps.panels(png, "test", new Heatmaps.Grid("x", new double[] {0, 1}, n, "y", new double[] {0, 1}, n),
                new Heatmaps.Field("u", u, false));
        long svgBytes = Files.size(tmp.resolve("solution.svg"));
        assertTrue(svgBytes < 2_000_000, "solution.svg is " + svgBytes + " bytes");
        String svg = Files.readString(tmp.resolve("solution.svg"));
        assertTrue(svg.contains("<image"), "the field is one embedded image");
        BufferedImage img = ImageIO.read(png.toFile());
        // the plot area is not uniform: left and right halves of the panel differ in colour somewhere
        assertNotEquals(img.getRGB(120, 200), img.getRGB(330, 200));
    }
}
