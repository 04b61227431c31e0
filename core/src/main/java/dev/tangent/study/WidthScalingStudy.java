package dev.tangent.study;

import dev.tangent.sweep.LocalSweep;
import dev.tangent.sweep.SweepResults;
import dev.tangent.sweep.SweepSpec;
import dev.tangent.io.AtomicFiles;
import dev.tangent.train.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Study: convergence of the NTK blocks as the width N grows, for output scalings N^{-s}, on an initial-value problem
 * (sine-Gordon) and an initial–boundary-value problem (KdV), in the setting of Zhou &amp; Yan's theorems: output
 * u = N^{-s}·wᵀa with the output bias scaled or absent, GD with η and the horizon T = η·steps fixed across N.
 * Runs as a sweep (unit {@code ntk-width}) over width × s, each point over all seeds ({@link WidthScalingUnit}),
 * then fits and plots ({@link WidthScalingReport}).
 */
public final class WidthScalingStudy {
    private WidthScalingStudy() {}

    /**
     * @param fitFrom      smallest width used in the fits (the theorems are asymptotic)
     * @param measureEvery drift is measured every this many GD steps (sup over those times)
     */
    public record Settings(String problem, int depth, List<Integer> widths, List<Double> scalings, int seeds, int driftSeeds,
                           int steps, int points, String outputBias, int measureEvery, int fitFrom) {
        public Settings {
            if (widths.size() < 2 || seeds < 2 || driftSeeds < 1 || steps < 0 || points < 1 || measureEvery < 1) {
                throw new IllegalArgumentException("width study needs >= 2 widths, >= 2 seeds, >= 1 drift seed, steps >= 0 "
                        + "(0: kernels at initialisation only, no drift), points >= 1, measure_every >= 1");
            }
        }
    }

    /** Base config shared by every point. */
    static Config base(Settings s) {
        Config c = Config.empty().set("problem", s.problem());
        c.set("net", section("depth", s.depth(), "activation", "tanh", "parameterization", "standard", "output_bias", s.outputBias()));
        c.set("ntk", section("steps", s.steps(), "max_points", s.points(), "seeds", s.seeds(), "drift_seeds", s.driftSeeds(),
                "measure_every", s.measureEvery()));
        return c;
    }

    private static Map<String, Object> section(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    /**
     * η per s, fixed across N: 1/max_N λ_max of the loss Hessian at initialisation (seed 0,
     * {@link WidthScalingUnit#hessianLambdaMax}). λ_max scales like N^{1−2s}, so the maximum is at the smallest or the
     * largest width; η·λ_max ≤ 1 &lt; 2 then holds at every width at initialisation.
     */
    public static Map<Double, Double> learningRates(Settings s) {
        return learningRates(s, List.of());
    }

    /** As {@link #learningRates(Settings)} on the base config with {@code KEY=VALUE} settings applied. */
    public static Map<Double, Double> learningRates(Settings s, List<String> sets) {
        Map<Double, Double> lr = new LinkedHashMap<>();
        for (double sc : s.scalings()) {
            if (s.steps() == 0) { // no training, so no step size to choose (the unit still needs a positive one)
                lr.put(sc, 1.0);
                continue;
            }
            double max = 0;
            for (int n : List.of(s.widths().get(0), s.widths().get(s.widths().size() - 1))) {
                Config c = base(s).setAll(sets).set("net.width", n).set("net.s", sc);
                max = Math.max(max, WidthScalingUnit.hessianLambdaMax(c));
            }
            lr.put(sc, 1 / max);
        }
        return lr;
    }

    /** The sweep: width × s, each s with its own fixed η. */
    public static SweepSpec spec(Settings s, List<String> sets, Map<Double, Double> lr) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (double sc : s.scalings()) points.add(section("net.s", sc, "ntk.lr", lr.get(sc)));
        return SweepSpec.of("ntk-width", base(s).setAll(sets), Map.of("net.width", new ArrayList<>(s.widths())), points, List.of());
    }

    public static String run(Settings s, Path out, int workers, Consumer<LocalSweep.Progress> progress) throws Exception {
        return run(s, List.of(), out, workers, progress);
    }

    /**
     * As {@link #run(Settings, Path, int, Consumer)} with {@code KEY=VALUE} settings applied to the base config (before
     * η is chosen); every point is checked before anything runs.
     */
    public static String run(Settings s, List<String> sets, Path out, int workers, Consumer<LocalSweep.Progress> progress) throws Exception {
        Map<Double, Double> lr = learningRates(s, sets);
        SweepSpec spec = spec(s, sets, lr);
        AtomicFiles.write(out.resolve("sweep.yaml"), spec.toYaml());   // exactly what runs (a tangent sweep spec)
        SweepResults results = LocalSweep.run(spec, out, workers, progress);
        Map<List<String>, Path> dirs = new LinkedHashMap<>();
        for (Map<String, Object> p : spec.points()) {
            dirs.put(List.of(String.valueOf(p.get("net.s")), String.valueOf(p.get("net.width"))),
                    out.resolve("points").resolve(Integer.toHexString(spec.id(p).hashCode())));
        }
        return WidthScalingReport.summarize(s, results.rows(), dirs, out);
    }

    /** Widths N_min·2^k up to N_max: every N with 4N in the list has a Cauchy partner. */
    public static List<Integer> doublingWidths(int min, int max) {
        List<Integer> w = new ArrayList<>();
        for (long n = min; n <= max; n *= 2) w.add((int) n);
        return w;
    }
}
