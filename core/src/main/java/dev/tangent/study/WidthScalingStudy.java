package dev.tangent.study;

import dev.tangent.sweep.LocalSweep;
import dev.tangent.sweep.SweepResults;
import dev.tangent.sweep.SweepSpec;
import dev.tangent.sweep.SweepSummary;
import dev.tangent.train.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Study: convergence of the NTK blocks as the width N grows, for output scalings s, on an initial-value
 * problem (sine-Gordon) and an initial–boundary-value problem (KdV, third order). Runs as a sweep
 * (unit {@code ntk-width}) over width × s × seed, then fits log–log slopes against N of
 * (a) the relative spread over seeds of ‖K‖_F at initialisation, (b) the mean ‖K‖_F, (c) the mean drift.
 */
public final class WidthScalingStudy {
    private WidthScalingStudy() {}

    public record Settings(String problem, int depth, List<Integer> widths, List<Double> scalings, int seeds, int steps,
                           int points) {}

    public static String specYaml(Settings s) {
        return """
                run: ntk-width
                base:
                  problem: %s
                  net: {depth: %d, activation: tanh, parameterization: standard}
                  ntk: {steps: %d, max_points: %d}
                grid:
                  net.width: %s
                  net.s: %s
                  seed: "0..%d"
                """.formatted(s.problem(), s.depth(), s.steps(), s.points(), s.widths(), s.scalings(), s.seeds() - 1);
    }

    public static String run(Settings s, Path out, int workers, Consumer<LocalSweep.Progress> progress) throws Exception {
        SweepSpec spec = SweepSpec.parse(specYaml(s));
        AtomicFiles.write(out.resolve("sweep.yaml"), specYaml(s));
        SweepResults results = LocalSweep.run(spec, out, workers, progress);
        return summarize(s, results.rows(), out);
    }

    static String summarize(Settings s, List<Map<String, String>> rows, Path out) {
        StringBuilder md = new StringBuilder("# NTK width and scaling: " + s.problem() + "\n\n");
        md.append(String.format("inputs (t, x) → %d hidden layer(s) of width N (tanh, standard init) → output scaled by N^-s. "
                + "Widths %s, s ∈ %s, %d seeds, %d points per loss group (fixed across seeds), %d gradient-descent steps "
                + "with η = 1/λ_max. Slopes are least-squares fits of log(quantity) against log N.%n%n",
                s.depth(), s.widths(), s.scalings(), s.seeds(), s.points(), s.steps()));
        md.append("| s | block | slope of spread (std/mean of ‖K‖_F) | slope of mean ‖K‖_F | slope of mean drift | drift at N = " + s.widths().get(s.widths().size() - 1) + " |\n");
        md.append("|---:|---|---:|---:|---:|---:|\n");
        for (String block : new String[] {"bb", "bf", "ff"}) {
            SweepSummary.plot(out.resolve("spread_" + block + ".png"), rows, "net.width", "net.s", "fro_" + block, true, true, true);
            SweepSummary.plot(out.resolve("norm_" + block + ".png"), rows, "net.width", "net.s", "fro_" + block, true, true, false);
            SweepSummary.plot(out.resolve("drift_" + block + ".png"), rows, "net.width", "net.s", "drift_" + block, true, true, false);
        }
        for (double sc : s.scalings()) {
            for (String block : new String[] {"bb", "bf", "ff"}) {
                TreeMap<Double, double[]> byN = new TreeMap<>();
                var fro = SweepSummary.group(rows, List.of("net.s", "net.width"), "fro_" + block);
                var drift = SweepSummary.group(rows, List.of("net.s", "net.width"), "drift_" + block);
                fro.forEach((g, st) -> {
                    if (Double.parseDouble(g.get(0)) == sc) {
                        byN.put(Double.parseDouble(g.get(1)), new double[] {st.relativeStd(), st.mean(), drift.get(g).mean()});
                    }
                });
                double[] n = byN.keySet().stream().mapToDouble(Double::doubleValue).toArray();
                double[] spread = byN.values().stream().mapToDouble(v -> v[0]).toArray();
                double[] mean = byN.values().stream().mapToDouble(v -> v[1]).toArray();
                double[] dr = byN.values().stream().mapToDouble(v -> v[2]).toArray();
                md.append(String.format("| %s | K_%s | %.2f | %.2f | %.2f | %.2e |%n", sc, block,
                        SweepSummary.logLogSlope(n, spread), SweepSummary.logLogSlope(n, mean), SweepSummary.logLogSlope(n, dr),
                        dr.length > 0 ? dr[dr.length - 1] : Double.NaN));
            }
        }
        md.append("\nReading: a block converges as N → ∞ when its spread shrinks (negative slope) and its mean norm "
                + "stays bounded (slope ≈ 0); a negative drift slope means the kernel freezes during training (lazy regime).\n\n");
        md.append(SweepSummary.table(rows, List.of("net.s", "net.width"), List.of("fro_bb", "fro_bf", "fro_ff", "drift_bb", "drift_ff")));
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        return md.toString();
    }

    public static List<Integer> logWidths(int min, int max) {
        List<Integer> w = new ArrayList<>();
        for (double e = Math.log10(min); e <= Math.log10(max) + 1e-9; e += 0.5) w.add((int) Math.round(Math.pow(10, e)));
        return w;
    }
}
