package dev.tangent.sweep;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Median and interquartile range of a metric per group (over seeds), for comparisons that claim a separation:
 * two settings separate when their interquartile ranges do not overlap. Quantiles interpolate linearly between order
 * statistics (position q·(n−1), the common "type 7" definition), so one value has a zero-width range.
 */
public record Quartiles(double q1, double median, double q3, int n) {

    /** Quantile q ∈ [0, 1] of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    public static Quartiles of(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("quartiles of no values");
        double[] s = values.clone();
        Arrays.sort(s);
        return new Quartiles(quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75), s.length);
    }

    /** True when this range lies entirely below the other's (no overlap, this one lower). */
    public boolean below(Quartiles other) {
        return q3 < other.q1;
    }

    /** group values (in key order) → quartiles of the metric, over ok rows with a numeric metric. */
    public static Map<List<String>, Quartiles> group(List<Map<String, String>> rows, List<String> keys, String metric) {
        Map<List<String>, Quartiles> out = new LinkedHashMap<>();
        SweepSummary.values(rows, keys, metric).forEach((g, v) -> out.put(g, of(v.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    /** Markdown table: group keys, then median [q1, q3] of each metric. */
    public static String table(List<Map<String, String>> rows, List<String> keys, List<String> metrics) {
        StringBuilder sb = new StringBuilder("| " + String.join(" | ", keys));
        for (String m : metrics) sb.append(" | ").append(m).append(" median [q1, q3]");
        sb.append(" | n |\n|").append("---|".repeat(keys.size() + metrics.size() + 1)).append('\n');
        Map<List<String>, Map<String, Quartiles>> byGroup = new LinkedHashMap<>();
        for (String m : metrics) group(rows, keys, m).forEach((g, q) -> byGroup.computeIfAbsent(g, x -> new LinkedHashMap<>()).put(m, q));
        for (Map.Entry<List<String>, Map<String, Quartiles>> e : byGroup.entrySet()) {
            sb.append("| ").append(String.join(" | ", e.getKey()));
            int n = 0;
            for (String m : metrics) {
                Quartiles q = e.getValue().get(m);
                sb.append(q == null ? " | —" : String.format(" | %.3e [%.2e, %.2e]", q.median(), q.q1(), q.q3()));
                if (q != null) n = q.n();
            }
            sb.append(" | ").append(n).append(" |\n");
        }
        return sb.toString();
    }
}
