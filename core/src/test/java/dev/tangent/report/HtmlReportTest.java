package dev.tangent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tangent.train.Config;
import dev.tangent.train.Trainer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** A short 2D run with NTK monitoring, its plots and a block spectrum file, as `tangent ntk --run` leaves it. */
    static Path run(Path dir, String optimizer) {
        Config c = Config.parse("""
                problem: laplace2d
                net: {widths: [8]}
                points: {pde: 64}
                optimizer: {name: %s}
                train: {steps: 6, time: 0, eval_every: 2}
                ntk: {every: 2}
                seed: 1
                """.formatted(optimizer));
        Trainer.Result r = Trainer.run(c, dir, false, null);
        dev.tangent.train.RunSummary.write(dir.resolve("summary.json"), dev.tangent.train.RunSummary.summary(c, r));
        RunReport.plots(dir, r);
        StringBuilder csv = new StringBuilder("block,index,eigenvalue\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("K_pde,").append(i).append(',').append(1e4 * Math.pow(10, -0.8 * i)).append('\n');
            csv.append("K_boundary,").append(i).append(',').append(10 * Math.pow(10, -0.8 * i)).append('\n');
        }
        dev.tangent.io.AtomicFiles.write(dir.resolve("spectra.csv"), csv.toString());
        return dir;
    }

    @TempDir
    static Path shared;
    private static Path lmRun;

    /** The lm run, trained once for both tests. */
    static synchronized Path lmRun() {
        if (lmRun == null) lmRun = run(shared.resolve("lm"), "lm");
        return lmRun;
    }

    @Test
    void runReportHasEverySectionWithAReadingAndNothingExternal(@TempDir Path tmp) throws Exception {
        Path dir = lmRun();
        String html = Files.readString(HtmlReport.writeRun(dir), StandardCharsets.UTF_8);
        for (String s : HtmlReport.SECTIONS) assertTrue(html.contains("<section id=\"" + s + "\">"), s);
        assertTrue(html.contains("The kept rank "), "rank reading");
        assertTrue(html.contains("dominates the kernel by"), "trace reading");
        assertTrue(html.contains("exceeds that of the K_boundary block by 10³"), "spectra reading: 1e4 vs 10");
        assertTrue(html.contains("The damping μ"), "damping reading");
        assertTrue(html.contains("data:image/png;base64,") && html.contains("data:image/svg+xml;base64,"));
        assertFalse(html.contains("src=\"http") || html.contains("<script") || html.contains("<link"), "self-contained");
        screenshot(tmp, dir.resolve("report.html"), HtmlReport.SECTIONS.size());
    }

    @Test
    void comparisonReportOverlaysRuns(@TempDir Path tmp) throws Exception {
        Path a = lmRun(), b = run(tmp.resolve("b"), "anagram");
        String html = Files.readString(HtmlReport.writeComparison(List.of(a, b), tmp.resolve("cmp.html")), StandardCharsets.UTF_8);
        assertTrue(html.contains("<section id=\"comparison\">"));
        assertTrue(html.contains("Lowest final absolute RMS error: "));
        for (String s : HtmlReport.SECTIONS) assertEquals(2, html.split("<section id=\"" + s + "-", -1).length - 1, s);
    }

    /**
     * Renders the page in headless Chromium (skipped without /usr/bin/chromium; this test installs nothing): no
     * console message or failed load, and the whole page, down to its last section, fits in the screenshot.
     */
    static void screenshot(Path tmp, Path html, int sections) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) { // also on the console: surefire keeps an assumption's message in its XML only
            System.out.println("HtmlReportTest: headless-Chromium check skipped: no /usr/bin/chromium (apt-get install chromium to run it)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no /usr/bin/chromium (apt-get install chromium to run this check)");
        Path png = tmp.resolve("shot.png"), profile = Files.createTempDirectory(tmp, "chromium");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                "--window-size=1100,16000", "--screenshot=" + png, html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.size(png) > 10_000, "screenshot written: " + log);
        for (String line : log.split("\\R")) {
            assertFalse(line.contains("CONSOLE") || line.contains("Failed to load resource") || line.contains("Uncaught"), line);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        int last = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 8) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    last = y;
                    break;
                }
            }
        }
        assertTrue(last > 2000, "a page of " + sections + " sections drawn, content ends at y = " + last);
        assertTrue(last < img.getHeight() - 50, "the whole page, to its last section, is in the screenshot (ends at " + last + ")");
        if (System.getProperty("tangent.screenshot") != null) Files.copy(png, Path.of(System.getProperty("tangent.screenshot")),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
