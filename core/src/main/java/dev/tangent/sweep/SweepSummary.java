package dev.tangent.sweep;

import dev.tangent.report.Charts;
import dev.tangent.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Grouped statistics (mean ± std over the remaining keys, e.g. seeds) and the standard metric-vs-key plots. */
public final class SweepSummary {
    private SweepSummary() {}

    /** Mean, sample standard deviation and count of one metric in one group. */
    public record Stat(double mean, double std, int n) {
        public double relativeStd() {
            return std / Math.abs(mean);
        }
    }

    /** group values (in key order) → metric stats, over rows with status ok and a numeric metric. */
    public static Map<List<String>, Stat> group(List<Map<String, String>> rows, List<String> keys, String metric) {
        Map<List<String>, Stat> out = new LinkedHashMap<>();
        for (Map.Entry<List<String>, List<Double>> e : values(rows, keys, metric).entrySet()) {
            List<Double> v = e.getValue();
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) ss += (x - mean) * (x - mean);
            out.put(e.getKey(), new Stat(mean, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0, v.size()));
        }
        return out;
    }

    /** group values (in key order) → the metric's values, over rows with status ok and a numeric metric. */
    static Map<List<String>, List<Double>> values(List<Map<String, String>> rows, List<String> keys, String metric) {
        Map<List<String>, List<Double>> values = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (!"ok".equals(r.get("status"))) continue;
            double v;
            try {
                v = Double.parseDouble(r.getOrDefault(metric, ""));
            } catch (NumberFormatException e) {
                continue;
            }
            List<String> g = new ArrayList<>();
            for (String k : keys) g.add(r.getOrDefault(k, ""));
            values.computeIfAbsent(g, x -> new ArrayList<>()).add(v);
        }
        return values;
    }

    /** Markdown table: group keys, then mean ± std (n) of each metric. */
    public static String table(List<Map<String, String>> rows, List<String> keys, List<String> metrics) {
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", keys));
        for (String m : metrics) sb.append(" | ").append(m).append(" (mean ± std)");
        sb.append(" | n |\n|").append("---|".repeat(keys.size() + metrics.size() + 1)).append('\n');
        Map<List<String>, Map<String, Stat>> byGroup = new LinkedHashMap<>();
        for (String m : metrics) {
            group(rows, keys, m).forEach((g, s) -> byGroup.computeIfAbsent(g, x -> new LinkedHashMap<>()).put(m, s));
        }
        for (Map.Entry<List<String>, Map<String, Stat>> e : byGroup.entrySet()) {
            sb.append("| ").append(String.join(" | ", e.getKey()));
            int n = 0;
            for (String m : metrics) {
                Stat s = e.getValue().get(m);
                sb.append(s == null ? " | —" : String.format(" | %.3e ± %.1e", s.mean(), s.std()));
                if (s != null) n = s.n();
            }
            sb.append(" | ").append(n).append(" |\n");
        }
        return sb.toString();
    }

    /** Metric (mean over the other keys) against x, one curve per value of curveKey (may be null). */
    public static void plot(Path file, List<Map<String, String>> rows, String x, String curveKey, String metric,
                            boolean logX, boolean logY, boolean relativeStd) {
        List<String> keys = curveKey == null ? List.of(x) : List.of(curveKey, x);
        Map<List<String>, Stat> g = group(rows, keys, metric);
        Map<String, TreeMap<Double, double[]>> curves = new LinkedHashMap<>(); // x → {value, lower, upper}
        for (Map.Entry<List<String>, Stat> e : g.entrySet()) {
            String curve = curveKey == null ? metric : curveKey + " = " + e.getKey().get(0);
            double xv = Double.parseDouble(e.getKey().get(keys.size() - 1));
            Stat st = e.getValue();
            double[] v = relativeStd ? new double[] {st.relativeStd(), Double.NaN, Double.NaN}
                    : new double[] {st.mean(), st.mean() - st.std(), st.mean() + st.std()}; // band: mean ± std over seeds
            curves.computeIfAbsent(curve, k -> new TreeMap<>()).put(xv, v);
        }
        List<Charts.Series> series = new ArrayList<>();
        curves.forEach((name, pts) -> series.add(new Charts.Series(name + (relativeStd ? "" : " (mean ± std)"),
                pts.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                pts.values().stream().mapToDouble(v -> v[0]).toArray(),
                pts.values().stream().mapToDouble(v -> v[1]).toArray(),
                pts.values().stream().mapToDouble(v -> v[2]).toArray())));
        Charts.line(file, (relativeStd ? "relative std over seeds of " : "") + metric + " vs " + x, x,
                relativeStd ? "std/mean of " + metric : metric, series, logX, logY);
    }

    /** Least-squares slope of log y against log x. */
    public static double logLogSlope(double[] x, double[] y) {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0 && y[i] > 0)) continue;
            double a = Math.log(x[i]), b = Math.log(y[i]);
            sx += a;
            sy += b;
            sxx += a * a;
            sxy += a * b;
            n++;
        }
        return n < 2 ? Double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    public static void writeTable(Path file, String markdown) {
        AtomicFiles.write(file, markdown);
    }
}
