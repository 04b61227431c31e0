package dev.tangent.cli;

import dev.tangent.sweep.LocalSweep;
import dev.tangent.sweep.SweepEngine;
import dev.tangent.sweep.SweepResults;
import dev.tangent.sweep.SweepSpec;
import dev.tangent.sweep.SweepSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent sweep}: run a sweep locally, or summarize a finished one. */
@Command(name = "sweep", description = {"Run a sweep over config keys on all local cores (resumable), or summarize one.",
        "Example: tangent sweep --summarize DIR --x net.width --curve net.s --metric absolute_rms --log"})
final class SweepCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "Sweep YAML.") Path specFile;
    @Option(names = "--out", description = "Sweep directory (default: sweeps/<spec name>).") Path out;
    @Mixin ConfigSets sets;
    @Option(names = "--workers", description = "Parallel points (default: all cores).") Integer workers;
    @Option(names = "--engine", defaultValue = "local", description = "local, or an engine on the class path: spark (tangent-spark.jar with Spark, see README).") String engine;
    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master when --engine spark (local[2], spark://host:7077, yarn). Default: ${DEFAULT-VALUE}.") String master;
    @Option(names = "--summarize", paramLabel = "DIR", description = "Summarize DIR/results.csv instead of running.") Path summarize;
    @Option(names = "--x", description = "Key on the x axis of the summary plot.") String x;
    @Option(names = "--curve", description = "One curve per value of this key.") String curve;
    @Option(names = "--metric", description = "Metric to plot.") String metric;
    @Option(names = "--group", split = ",", description = "Keys to group by in the table (default: all keys except seed).") List<String> group;
    @Option(names = "--log", description = "Log axes.") boolean log;

    @Override
    public Integer call() throws Exception {
        if (summarize != null) return summarize(summarize);
        if (specFile == null) throw new IllegalArgumentException("give a sweep spec (SPEC) or --summarize DIR");
        SweepEngine remote = engine.equals(SweepEngine.LOCAL) ? null : SweepEngine.find(engine);
        SweepSpec spec = SweepSpec.load(specFile);
        if (!sets.list().isEmpty()) spec = spec.withBase(sets::applyTo);   // --set changes the base; every point is checked again
        String name = specFile.getFileName().toString().replaceAll("\\\\.ya?ml$", "");
        Path dir = out != null ? out : Path.of("sweeps", name);
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        System.out.printf("sweep %s: %d points, unit %s, %d workers → %s%n", name, spec.points().size(), spec.run(), w, dir);
        long t0 = System.nanoTime();
        SweepResults r = remote != null ? remote.run(spec, dir, master)
                : LocalSweep.run(spec, dir, w, p -> System.out.printf("%d/%d done (%.0f s, ETA %.0f s) %s: %s%n",
                p.done(), p.total(), p.elapsed(), p.eta(), p.lastId(), p.lastStatus()));
        long failed = r.rows().stream().filter(row -> !"ok".equals(row.get("status"))).count();
        System.out.printf("finished in %.1f s: %d rows in %s (%d failed)%n", (System.nanoTime() - t0) / 1e9, r.rows().size(),
                dir.resolve("results.csv"), failed);
        return failed == 0 ? ExitCodes.OK : ExitCodes.STOPPED;
    }

    private int summarize(Path dir) {
        Path file = dir.resolve("results.csv");
        if (!Files.exists(file)) throw new IllegalArgumentException(dir + " has no results.csv");
        List<Map<String, String>> rows = new SweepResults(file).rows();
        if (rows.isEmpty()) throw new IllegalArgumentException(file + " has no rows");
        List<String> cols = new ArrayList<>(rows.get(0).keySet());
        int st = cols.indexOf("status");
        List<String> keys = new ArrayList<>(cols.subList(1, st));
        List<String> metrics = new ArrayList<>(cols.subList(st + 2, cols.size()));
        List<String> by = group != null ? group : keys.stream().filter(k -> !k.equals("seed")).toList();
        for (String k : by) if (!keys.contains(k)) throw new IllegalArgumentException("--group key '" + k + "' is not a sweep key; keys: " + keys);
        List<String> numeric = metrics.stream().filter(m -> rows.stream().anyMatch(r -> isNumber(r.get(m)))).toList();
        String md = SweepSummary.table(rows, by, numeric);
        SweepSummary.writeTable(dir.resolve("summary.md"), md);
        System.out.print(md);
        if (x != null) {
            if (!keys.contains(x)) throw new IllegalArgumentException("--x '" + x + "' is not a sweep key; keys: " + keys);
            if (curve != null && !keys.contains(curve)) throw new IllegalArgumentException("--curve '" + curve + "' is not a sweep key; keys: " + keys);
            String m = metric != null ? metric : numeric.get(0);
            if (!numeric.contains(m)) throw new IllegalArgumentException("--metric '" + m + "' is not a numeric metric; metrics: " + numeric);
            Path png = dir.resolve("summary_" + m + "_vs_" + x + ".png");
            SweepSummary.plot(png, rows, x, curve, m, log, log, false);
            System.out.println("wrote " + png);
        }
        System.out.println("wrote " + dir.resolve("summary.md"));
        return ExitCodes.OK;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
