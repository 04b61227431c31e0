package dev.tangent.report;

import dev.tangent.io.AtomicFiles;
import dev.tangent.train.MetricsTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained report.html (no scripts, no external resources; charts as embedded SVG, plots of the run
 * directory as embedded PNG) per run or comparison: curves, solution, singular values and kept rank per step,
 * damping or cutoff per step, and the NTK diagnostics when recorded, each with a generated reading.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** Section ids, in page order (a comparison adds "comparison" first). */
    public static final List<String> SECTIONS = List.of("summary", "curves", "solution", "spectrum", "damping", "ntk");

    /** Writes report.html for one run into its directory and returns the file. */
    public static Path writeRun(Path runDir) {
        Comparison.Run run = Comparison.load(runDir);
        Path file = runDir.resolve("report.html");
        AtomicFiles.write(file, page("Tangent run report: " + run.label(), List.of(run), false));
        return file;
    }

    /** Writes one comparison report over several runs into file. */
    public static Path writeComparison(List<Path> runDirs, Path file) {
        List<Comparison.Run> runs = new ArrayList<>();
        for (Path d : runDirs) runs.add(Comparison.load(d));
        AtomicFiles.write(file, page("Tangent comparison of " + runs.size() + " runs", runs, true));
        return file;
    }

    static String page(String title, List<Comparison.Run> runs, boolean comparison) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1000px;margin:1.5em auto;color:#222;line-height:1.4}")
                .append("h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}")
                .append("img{max-width:100%;display:block;margin:.6em 0}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}p.reading{background:#f4f6fa;")
                .append("border-left:4px solid #0072B2;padding:.4em .8em}.missing{color:#777;font-style:italic}</style>\n")
                .append("</head><body>\n<h1>").append(esc(title)).append("</h1>\n");
        if (comparison) comparisonSection(h, runs);
        for (Comparison.Run r : runs) runSections(h, r, comparison);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void comparisonSection(StringBuilder h, List<Comparison.Run> runs) {
        h.append("<section id=\"comparison\"><h2>Comparison</h2>\n");
        for (boolean time : new boolean[] {false, true}) {
            List<Charts.Series> s = new ArrayList<>();
            for (Comparison.Run r : runs) {
                s.add(new Charts.Series(r.label(), r.metrics().series(time ? "seconds" : "step"), r.metrics().series("absolute_rms")));
            }
            chart(h, "Absolute RMS error vs " + (time ? "training time" : "step") + " (" + runs.size() + " runs)",
                    time ? "training time [s]" : "step", "absolute RMS error", s, Double.NaN);
        }
        Comparison.Run best = null;
        for (Comparison.Run r : runs) {
            Readings.Span e = Readings.span(r.metrics(), "absolute_rms");
            if (e != null && (best == null || e.last() < Readings.span(best.metrics(), "absolute_rms").last())) best = r;
        }
        if (best != null) {
            reading(h, "Lowest final absolute RMS error: " + best.label() + " (" + Ticks.sci(Readings.span(best.metrics(), "absolute_rms").last()) + ").");
        }
        h.append("<pre>").append(esc(Comparison.table(runs))).append("</pre></section>\n");
    }

    private static void runSections(StringBuilder h, Comparison.Run r, boolean comparison) {
        MetricsTable m = r.metrics();
        String id = comparison ? "-" + slug(r.label()) : "";
        String what = r.summary().getOrDefault("problem", "?") + ", " + r.summary().getOrDefault("optimizer", "?");
        List<String> groups = groups(m);

        h.append("<section id=\"summary").append(id).append("\"><h2>Run ").append(esc(r.label())).append("</h2>\n<table>");
        for (String k : List.of("problem", "optimizer", "net", "parameters", "rows", "status", "message", "steps", "seconds",
                "relative_l2", "absolute_rms", "max_abs", "seed")) {
            Object v = r.summary().get(k);
            if (v != null) h.append("<tr><th>").append(k).append("</th><td>").append(esc(fmt(v))).append("</td></tr>");
        }
        if (r.summary().get("provenance") instanceof Map<?, ?> p) {
            StringBuilder sb = new StringBuilder();
            p.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(' ').append(v));
            h.append("<tr><th>provenance</th><td>").append(esc(sb.toString())).append("</td></tr>");
        }
        h.append("</table></section>\n");

        h.append("<section id=\"curves").append(id).append("\"><h2>Loss and error</h2>\n");
        double[] steps = m.series("step");
        chart(h, "Loss and test error vs step (" + what + ")", "step", "loss, error on the test grid", List.of(
                new Charts.Series("loss (weighted)", steps, m.series("loss")),
                new Charts.Series("relative L2 error", steps, m.series("relative_l2")),
                new Charts.Series("absolute RMS error", steps, m.series("absolute_rms"))), Double.NaN);
        reading(h, Readings.curves(m));
        h.append("</section>\n");

        h.append("<section id=\"solution").append(id).append("\"><h2>Solution</h2>\n");
        image(h, r.dir().resolve("solution.png"), "solution plot", "no solution.png in the run directory (run without --no-plots)");
        image(h, r.dir().resolve("error.png"), "pointwise error", null);
        image(h, r.dir().resolve("unknowns.png"), "unknown coefficients during training", null);
        if (r.summary().get("max_abs") != null) reading(h, "The largest pointwise error on the test grid is " + Ticks.sci(num(r.summary().get("max_abs"))) + ".");
        h.append("</section>\n");

        h.append("<section id=\"spectrum").append(id).append("\"><h2>Singular values and kept rank</h2>\n");
        image(h, r.dir().resolve("singular_values.png"), "singular values at the last step", "no singular-value spectrum (this optimizer computes no SVD)");
        if (Readings.span(m, "rank") != null) {
            double[] rank = m.series("rank").clone();
            for (int i = 0; i < rank.length; i++) if (rank[i] < 0) rank[i] = Double.NaN;
            chart(h, "Kept rank per step (" + what + ")", "step", "kept rank", List.of(new Charts.Series("kept rank", steps, rank)), -1);
            chart(h, "Largest and smallest kept singular value per step (" + what + ")", "step", "singular value", List.of(
                    new Charts.Series("σ_max", steps, m.series("sigma_max")),
                    new Charts.Series("smallest kept σ", steps, m.series("sigma_min_kept"))), Double.NaN);
        }
        reading(h, Readings.rank(m));
        h.append("</section>\n");

        h.append("<section id=\"damping").append(id).append("\"><h2>Damping, step length and cutoff per step</h2>\n");
        List<Charts.Series> d = new ArrayList<>();
        if (Readings.span(m, "mu") != null) d.add(new Charts.Series("damping μ", steps, m.series("mu")));
        if (Readings.span(m, "eta") != null) d.add(new Charts.Series("step length η", steps, m.series("eta")));
        if (!d.isEmpty()) chart(h, "Damping and step length per step (" + what + ")", "step", "μ, η", d, Double.NaN);
        reading(h, Readings.damping(m));
        h.append("</section>\n");

        h.append("<section id=\"ntk").append(id).append("\"><h2>NTK diagnostics</h2>\n");
        ntk(h, r, m, groups, what, steps);
        h.append("</section>\n");
    }

    private static void ntk(StringBuilder h, Comparison.Run r, MetricsTable m, List<String> groups, String what, double[] steps) {
        Map<String, List<double[]>> spectra = spectra(r.dir().resolve("spectra.csv"));
        if (!spectra.isEmpty()) {
            List<Charts.Series> s = new ArrayList<>();
            double floor = Double.NaN, top = 0, bottom = Double.POSITIVE_INFINITY;
            String topName = "", bottomName = "";
            for (Map.Entry<String, List<double[]>> e : spectra.entrySet()) {
                double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray(), y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
                s.add(new Charts.Series(e.getKey(), x, y));
                double max = 0;
                for (double v : y) max = Math.max(max, v);
                double f = y.length * Math.ulp(1.0) * max;
                if (f > 0 && !(f <= floor)) floor = f;
                if (e.getKey().equals("K")) continue; // the whole kernel is no block to compare
                if (max > top) { top = max; topName = e.getKey(); }
                if (max > 0 && max < bottom) { bottom = max; bottomName = e.getKey(); }
            }
            chart(h, "NTK block eigenvalues (" + what + ")", "index j", "eigenvalue λ_j", s, floor, true);
            if (!topName.equals(bottomName)) {
                reading(h, "The largest eigenvalue of the " + topName + " block exceeds that of the " + bottomName + " block by "
                        + Ticks.decade((int) Math.round(Math.log10(top / bottom))) + "; the dashed line is the rounding floor n·ε·λ_max.");
            }
        } else {
            h.append("<p class=\"missing\">No block spectra in the run directory (write them with <code>tangent ntk --run ")
                    .append(esc(r.dir().toString())).append(" --out ").append(esc(r.dir().toString())).append("</code>).</p>\n");
        }
        if (Readings.span(m, "ntk_drift") != null) {
            List<Charts.Series> t = new ArrayList<>();
            for (String g : groups) if (m.columns().contains("ntk_trace_" + g)) t.add(new Charts.Series("tr K_" + g, steps, m.series("ntk_trace_" + g)));
            chart(h, "NTK block traces over training (" + what + ")", "step", "trace of the block", t, Double.NaN);
            reading(h, Readings.traces(m, groups));
            chart(h, "NTK drift ‖K(θ_t) − K(θ_0)‖_F / ‖K(θ_0)‖_F (" + what + ")", "step", "relative drift",
                    List.of(new Charts.Series("drift", steps, m.series("ntk_drift"))), Double.NaN);
            reading(h, Readings.drift(m));
        } else {
            h.append("<p class=\"missing\">No NTK traces or drift recorded (train with <code>--ntk-every K</code>).</p>\n");
        }
        List<Charts.Series> w = new ArrayList<>();
        for (String g : groups) if (m.columns().contains("lambda_" + g)) w.add(new Charts.Series("λ_" + g, steps, m.series("lambda_" + g)));
        if (!w.isEmpty()) chart(h, "Loss weights over training (" + what + ")", "step", "weight λ", w, Double.NaN);
        reading(h, Readings.weights(m, groups));
    }

    /** Loss groups, from the loss_* columns. */
    static List<String> groups(MetricsTable m) {
        List<String> g = new ArrayList<>();
        for (String c : m.columns()) if (c.startsWith("loss_")) g.add(c.substring(5));
        return g;
    }

    /** spectra.csv (block,index,eigenvalue) → block → (index, eigenvalue) pairs; empty when absent. */
    static Map<String, List<double[]>> spectra(Path csv) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        if (!Files.exists(csv)) return out;
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] p = lines.get(i).split(",");
                if (p.length == 3) out.computeIfAbsent(p[0], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read " + csv + " (block,index,eigenvalue): " + e.getMessage());
        }
        return out;
    }

    private static void chart(StringBuilder h, String title, String x, String y, List<Charts.Series> s, double floor) {
        chart(h, title, x, y, s, floor, false);
    }

    /** floor < 0 = linear y axis; NaN = log axis without noise floor. */
    private static void chart(StringBuilder h, String title, String x, String y, List<Charts.Series> s, double floor, boolean logX) {
        boolean logY = !(floor < 0);
        String svg = Charts.svg(Charts.chart(title, x, y, s, logX, logY, floor), 900, 480);
        h.append("<img alt=\"").append(esc(title)).append("\" src=\"data:image/svg+xml;base64,")
                .append(Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))).append("\">\n");
    }

    private static void image(StringBuilder h, Path png, String alt, String missing) {
        if (!Files.exists(png)) {
            if (missing != null) h.append("<p class=\"missing\">").append(esc(missing)).append("</p>\n");
            return;
        }
        try {
            h.append("<img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\">\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + png, e);
        }
    }

    private static void reading(StringBuilder h, String text) {
        h.append("<p class=\"reading\">").append(esc(text)).append("</p>\n");
    }

    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String fmt(Object v) {
        return v instanceof Double d ? Ticks.sci(d) : String.valueOf(v);
    }

    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
