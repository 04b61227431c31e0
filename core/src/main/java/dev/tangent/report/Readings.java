package dev.tangent.report;

import dev.tangent.train.MetricsTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Short generated sentences that read a run's curves for the HTML report. */
final class Readings {
    private Readings() {}

    /** First and last finite value of a column with their steps, or null when the column has none. */
    record Span(double firstStep, double first, double lastStep, double last, double min, double max) {}

    static Span span(MetricsTable m, String column) {
        if (!m.columns().contains(column)) return null;
        double[] v = m.series(column), s = m.series("step");
        int a = -1, b = -1;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i]) || (column.equals("rank") && v[i] < 0)) continue;
            if (a < 0) a = i;
            b = i;
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        return a < 0 ? null : new Span(s[a], v[a], s[b], v[b], min, max);
    }

    /** "fell from 3.4 to 1.2·10⁻⁶ (6.5 decades)" */
    static String change(double from, double to) {
        String verb = to < from ? "fell" : to > from ? "rose" : "stayed";
        String s = verb + (to == from ? " at " + Ticks.sci(to) : " from " + Ticks.sci(from) + " to " + Ticks.sci(to));
        if (from > 0 && to > 0 && from != to) {
            double dec = Math.abs(Math.log10(to / from));
            if (dec >= 1) s += String.format(Locale.ROOT, " (%.1f decades)", dec);
        }
        return s;
    }

    static String curves(MetricsTable m) {
        List<String> out = new ArrayList<>();
        Span loss = span(m, "loss"), err = span(m, "absolute_rms"), rel = span(m, "relative_l2");
        if (loss != null) out.add("The loss " + change(loss.first(), loss.last()) + " over " + (long) loss.lastStep() + " steps.");
        if (err != null) {
            out.add("The absolute RMS error on the test grid " + change(err.first(), err.last())
                    + (rel != null ? "; the relative L2 error ended at " + Ticks.sci(rel.last()) : "") + ".");
            if (err.min() < err.last() / 3) {
                out.add("Its lowest value, " + Ticks.sci(err.min()) + ", came earlier than the end: the error rose again late in the run.");
            }
        } else {
            out.add("No error is recorded: the problem has no reference solution.");
        }
        return String.join(" ", out);
    }

    static String rank(MetricsTable m) {
        Span r = span(m, "rank");
        if (r == null) return "This optimizer reports no kept rank.";
        String s = r.first() == r.last() ? "The kept rank stayed at " + (long) r.last()
                : "The kept rank " + (r.last() < r.first() ? "fell" : "rose") + " from " + (long) r.first() + " to " + (long) r.last();
        if (r.max() > Math.max(r.first(), r.last())) s += " (at most " + (long) r.max() + ")";
        Span hi = span(m, "sigma_max"), lo = span(m, "sigma_min_kept");
        if (hi != null && lo != null && lo.last() > 0) {
            s += String.format(Locale.ROOT, "; at the last step the kept singular values span %s to %s, a condition number of %s",
                    Ticks.sci(lo.last()), Ticks.sci(hi.last()), Ticks.sci(hi.last() / lo.last()));
        }
        return s + ".";
    }

    static String damping(MetricsTable m) {
        List<String> out = new ArrayList<>();
        Span mu = span(m, "mu"), eta = span(m, "eta");
        if (mu != null) out.add("The damping μ " + change(mu.first(), mu.last()) + " (range " + Ticks.sci(mu.min()) + " to " + Ticks.sci(mu.max()) + ").");
        if (eta != null) out.add("The step length η " + change(eta.first(), eta.last()) + ".");
        Span cut = span(m, "sigma_min_kept");
        if (mu == null && cut != null) out.add("The smallest kept singular value (the cutoff in effect) " + change(cut.first(), cut.last()) + ".");
        return out.isEmpty() ? "This optimizer records neither damping nor step length." : String.join(" ", out);
    }

    /** Which block dominates the kernel, from the last recorded traces. */
    static String traces(MetricsTable m, List<String> groups) {
        String top = null, bottom = null;
        double hi = 0, lo = Double.POSITIVE_INFINITY;
        for (String g : groups) {
            Span s = span(m, "ntk_trace_" + g);
            if (s == null || !(s.last() > 0)) continue;
            if (s.last() > hi) { hi = s.last(); top = g; }
            if (s.last() < lo) { lo = s.last(); bottom = g; }
        }
        if (top == null) return "No block traces were recorded.";
        if (top.equals(bottom)) return "The " + top + " block's trace is " + Ticks.sci(hi) + ".";
        double ratio = hi / lo;
        String by = ratio >= 10 ? Ticks.decade((int) Math.round(Math.log10(ratio))) : String.format(Locale.ROOT, "a factor %.1f", ratio);
        return "At the last measurement the " + top + " block dominates the kernel by " + by + " over the " + bottom
                + " block (traces " + Ticks.sci(hi) + " and " + Ticks.sci(lo) + ").";
    }

    static String drift(MetricsTable m) {
        Span d = span(m, "ntk_drift");
        if (d == null) return "No drift was recorded.";
        String s = "The relative kernel drift reached " + Ticks.sci(d.max()) + " (last " + Ticks.sci(d.last()) + " at step " + (long) d.lastStep() + ")";
        return s + (d.max() < 0.1 ? ": the kernel stayed close to its initial value (lazy regime)." : ": the kernel moved, training left the lazy regime.");
    }

    static String weights(MetricsTable m, List<String> groups) {
        List<String> out = new ArrayList<>();
        for (String g : groups) {
            Span s = span(m, "lambda_" + g);
            if (s != null && s.first() != s.last()) out.add("λ_" + g + " " + change(s.first(), s.last()));
        }
        return out.isEmpty() ? "The loss weights stayed fixed." : "Loss weights: " + String.join("; ", out) + ".";
    }
}
