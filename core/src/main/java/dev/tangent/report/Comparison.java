package dev.tangent.report;

import dev.tangent.train.MetricsTable;
import dev.tangent.train.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Overlays several runs: error against steps and seconds in one PNG each, plus a markdown table. */
public final class Comparison {
    private Comparison() {}

    public record Run(String label, Path dir, MetricsTable metrics, Map<String, Object> summary) {}

    public static Run load(Path dir) {
        Path m = dir.resolve("metrics.csv");
        Path s = dir.resolve("summary.json");
        if (!Files.exists(m)) throw new IllegalArgumentException(dir + " is not a run directory (no metrics.csv)");
        Map<String, Object> summary = Files.exists(s) ? RunSummary.read(s) : Map.of();
        String label = summary.getOrDefault("name", dir.getFileName().toString()).toString();
        return new Run(label, dir, MetricsTable.read(m), summary);
    }

    /** Writes compare_step.png, compare_time.png and compare.md into out; returns the markdown. */
    public static String write(List<Run> runs, Path out, String metric) {
        for (boolean time : new boolean[] {false, true}) {
            List<Charts.Series> s = new ArrayList<>();
            for (Run r : runs) {
                s.add(new Charts.Series(r.label(), r.metrics().series(time ? "seconds" : "step"), r.metrics().series(metric)));
            }
            Charts.line(out.resolve(time ? "compare_time.png" : "compare_step.png"), metric.equals("absolute_rms")
                            ? "absolute RMS error" : metric.equals("relative_l2") ? "relative L2 error" : metric,
                    time ? "training seconds" : "step", metric, s, false, true);
        }
        String md = table(runs);
        dev.tangent.io.AtomicFiles.write(out.resolve("compare.md"), md);
        return md;
    }

    public static String table(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| run | status | steps | seconds | final rel L2 | final abs RMS | s to 1e-4 | s to 1e-6 | s to 1e-7 |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            MetricsTable m = r.metrics();
            double[] last = m.rows().get(m.rows().size() - 1);
            sb.append(String.format("| %s | %s | %.0f | %.2f | %.2e | %.2e | %s | %s | %s |%n", r.label(),
                    r.summary().getOrDefault("status", "?"), last[m.column("step")], last[m.column("seconds")],
                    last[m.column("relative_l2")], last[m.column("absolute_rms")], reach(m, 1e-4), reach(m, 1e-6), reach(m, 1e-7)));
        }
        return sb.toString();
    }

    private static String reach(MetricsTable m, double thr) {
        double t = RunSummary.timeToReach(m, thr);
        return Double.isNaN(t) ? "—" : String.format("%.2f", t);
    }
}
