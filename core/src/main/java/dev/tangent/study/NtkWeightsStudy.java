package dev.tangent.study;

import dev.tangent.report.Charts;
import dev.tangent.sweep.LocalSweep;
import dev.tangent.sweep.Quartiles;
import dev.tangent.sweep.SweepResults;
import dev.tangent.sweep.SweepSpec;
import dev.tangent.sweep.SweepSummary;
import dev.tangent.io.AtomicFiles;
import dev.tangent.train.Config;
import dev.tangent.train.MetricsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The NTK-weighting comparison: no weights vs exact trace weights vs sketched weights, several seeds, run as a
 * sweep of {@code train} points. Writes error-vs-step and weight-vs-step plots (seed 0 of each setting) and a
 * table of final relative L2 error and wall time per step (mean ± std over seeds).
 */
public final class NtkWeightsStudy {
    private NtkWeightsStudy() {}

    /** Every weighting updates every {@code every} steps, so the comparison is of estimators, not of schedules. */
    public record Settings(String name, String base, int seeds, String conditionGroup, int every, Map<String, Integer> sizes) {}

    /** Exact traces are logged along every run (the NTK monitor) this often, to compare with the sampled weights. */
    static final int MONITOR_EVERY = 200;

    /**
     * The train section: a step budget, or (seconds > 0) an equal wall-time budget per run, so that the estimators'
     * cost shows in the error they reach.
     */
    static String trainSection(int steps, double seconds) {
        if (seconds > 0) return "train: {steps: 100000000, time: %s, eval_every: 100, checkpoint_every: 0}".formatted(seconds);
        return "train: {steps: %d, time: 0, eval_every: %d, checkpoint_every: 0}".formatted(steps, Math.max(1, steps / 50));
    }

    public static Settings wave(int steps, double seconds, int width, int seeds) {
        return new Settings("wave1d", """
                problem: wave1d
                net: {widths: [%d, %d]}
                points: {pde: 512, initial: 64, initial-velocity: 64, boundary: 128}
                sampler: {interior: sobol, conditions: sobol}
                optimizer: {name: adam, lr: 1e-3, decay_rate: 0.9, decay_steps: 1000}
                %s
                """.formatted(width, width, trainSection(steps, seconds)), seeds, "boundary", 10,
                Map.of("pde", 512, "initial", 64, "initial-velocity", 64, "boundary", 128));
    }

    public static Settings poisson(int steps, double seconds, int width, int seeds) {
        return new Settings("poisson1d", """
                problem: {name: poisson1d, options: {a: 4}}
                net: {widths: [%d]}
                points: {pde: 128, boundary: 2}
                sampler: {interior: grid, conditions: grid}
                optimizer: {name: gd, lr: 1e-5}
                %s
                """.formatted(width, trainSection(steps, seconds)), seeds, "boundary", 10, Map.of("pde", 128, "boundary", 2));
    }

    /** The sweep: the four weightings × seeds on the base config, exact traces monitored along every run. */
    static SweepSpec spec(Settings s, List<String> sets) {
        Config base = Config.parse(s.base()).set("ntk", new LinkedHashMap<>(Map.of("every", MONITOR_EVERY, "max_points", 8)));
        base.setAll(sets);
        List<Map<String, Object>> points = List.of(
                point("weights.kind", "none"),
                point("weights.kind", "ntk", "weights.every", s.every()),
                point("weights.kind", "ntk-rows", "weights.every", s.every(), "weights.sketch", 32),
                point("weights.kind", "ntk-sketch", "weights.every", s.every(), "weights.sketch", 32, "weights.probes", 1));
        List<Object> seeds = new ArrayList<>();
        for (long i = 0; i < s.seeds(); i++) seeds.add(i);
        return SweepSpec.of("train", base, Map.of("seed", seeds), points,
                List.of("relative_l2", "absolute_rms", "seconds_per_step", "weights_seconds", "steps"));
    }

    private static Map<String, Object> point(Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) p.put((String) keyValues[i], keyValues[i + 1]);
        return p;
    }

    /** λ of the condition group from the exact traces the monitor logged (sums), as per-row means: Σ_g T_g / T_b. */
    static double[] exactLambda(MetricsTable t, Settings s) {
        double[] step = t.series("step"), total = new double[step.length];
        for (Map.Entry<String, Integer> e : s.sizes().entrySet()) {
            double[] tr = t.series("ntk_trace_" + e.getKey());
            for (int i = 0; i < step.length; i++) total[i] += tr[i] / e.getValue();
        }
        double[] b = t.series("ntk_trace_" + s.conditionGroup()), out = new double[step.length];
        for (int i = 0; i < step.length; i++) out[i] = total[i] / (b[i] / s.sizes().get(s.conditionGroup()));
        return out;
    }

    /**
     * The comparisons the weighting claims rest on: exact weights against none (separated interquartile ranges, ratio
     * of medians), and each sampled estimator against exact (error ratio of medians at what fraction of the weight cost).
     */
    static String verdict(List<Map<String, String>> rows) {
        Map<List<String>, Quartiles> err = Quartiles.group(rows, List.of("weights.kind"), "relative_l2");
        Map<List<String>, Quartiles> cost = Quartiles.group(rows, List.of("weights.kind"), "weights_seconds");
        Quartiles none = err.get(List.of("none")), exact = err.get(List.of("ntk"));
        if (none == null || exact == null) return "";
        StringBuilder sb = new StringBuilder(String.format("- exact vs none: median rel L2 %.3e vs %.3e (%.2f× lower); interquartile ranges %s%n",
                exact.median(), none.median(), none.median() / exact.median(), exact.below(none) ? "separated" : "overlap"));
        for (String kind : List.of("ntk-rows", "ntk-sketch")) {
            Quartiles e = err.get(List.of(kind)), c = cost.get(List.of(kind)), ce = cost.get(List.of("ntk"));
            if (e == null || c == null || ce == null) continue;
            sb.append(String.format("- %s vs exact: median rel L2 %.2f× the exact one's, at %.1f× lower weight time%n",
                    kind, e.median() / exact.median(), ce.median() / c.median()));
        }
        return sb.toString();
    }

    public static String run(Settings s, Path out, int workers, Consumer<LocalSweep.Progress> progress) throws Exception {
        return run(s, List.of(), out, workers, progress);
    }

    /** As {@link #run(Settings, Path, int, Consumer)} with {@code KEY=VALUE} settings applied to the sweep's base config. */
    public static String run(Settings s, List<String> sets, Path out, int workers, Consumer<LocalSweep.Progress> progress) throws Exception {
        SweepSpec spec = spec(s, sets);   // every point checked before any runs
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("sweep.yaml"), spec.toYaml());   // exactly what runs (a tangent sweep spec)
        SweepResults results = LocalSweep.run(spec, out, workers, progress);
        List<Map<String, String>> rows = results.rows();
        String table = SweepSummary.table(rows, List.of("weights.kind"), List.of("relative_l2", "absolute_rms", "steps", "seconds_per_step", "weights_seconds"));
        // curves of seed 0 per setting, read from the points' run directories
        List<Charts.Series> err = new ArrayList<>(), errTime = new ArrayList<>(), lam = new ArrayList<>();
        for (Map<String, Object> point : spec.points()) {
            if (((Number) point.get("seed")).longValue() != 0) continue;
            Path m = out.resolve("points").resolve(Integer.toHexString(spec.id(point).hashCode())).resolve("metrics.csv");
            if (!Files.exists(m)) continue;
            MetricsTable t = MetricsTable.read(m);
            String kind = String.valueOf(point.get("weights.kind"));
            err.add(new Charts.Series(kind, t.series("step"), t.series("relative_l2")));
            errTime.add(new Charts.Series(kind, t.series("seconds"), t.series("relative_l2")));
            lam.add(new Charts.Series(kind + " λ_" + s.conditionGroup(), t.series("step"), t.series("lambda_" + s.conditionGroup())));
            if (kind.startsWith("ntk-")) lam.add(new Charts.Series(kind + ": exact λ_" + s.conditionGroup() + " at its θ", t.series("step"), exactLambda(t, s)));
        }
        Charts.line(out.resolve("error_vs_step.png"), s.name() + ": relative L2 error (seed 0)", "step", "rel L2", err, false, true);
        // at equal steps the estimators differ in cost; against wall time (weight updates included) they compare fairly
        Charts.line(out.resolve("error_vs_time.png"), s.name() + ": relative L2 error against training time (seed 0)", "seconds", "rel L2",
                errTime, false, true);
        Charts.line(out.resolve("weights_vs_step.png"), s.name() + ": weight of the " + s.conditionGroup() + " loss (λ_pde is the rest)",
                "step", "λ", lam, false, true);
        String md = "# NTK loss weights on " + s.name() + "\n\nBase config:\n\n```yaml\n" + s.base() + "```\n\n"
                + "Settings: none; weights from per-row-mean traces every " + s.every() + " steps: exact; exact row norms on 32 "
                + "sampled rows per group (ntk-rows); a sketch of 32 rows per group with 1 Rademacher probe (ntk-sketch); the sampled "
                + "ones through an EMA (0.9) started from the exact traces. Exact traces are logged every " + MONITOR_EVERY
                + " steps along every run (weights_vs_step.png compares them with the sampled weights). " + s.seeds()
                + " seeds. Mean ± std over seeds:\n\n" + table + "\nMedian and interquartile range over seeds:\n\n"
                + Quartiles.table(rows, List.of("weights.kind"), List.of("relative_l2", "weights_seconds")) + "\n" + verdict(rows);
        AtomicFiles.write(out.resolve("summary.md"), md);
        return md;
    }
}
