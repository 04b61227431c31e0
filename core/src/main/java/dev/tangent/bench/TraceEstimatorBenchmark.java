package dev.tangent.bench;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.ntk.TraceEstimator;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.train.LossWeighting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Relative error and cost of one draw of the sampled mean-trace estimators against rows and probes, on the wave1d
 * NTK-weights setup (2-64-64-1, 512/64/64/128 rows) at initialisation: per group the RMS over draws of (t̂ − T)/T
 * with T the exact mean diagonal, then the mean and the worst over groups.
 */
public final class TraceEstimatorBenchmark {
    private TraceEstimatorBenchmark() {}

    public record Row(String estimator, int rows, int probes, double ms, double meanRelError, double worstRelError) {}

    public static Discretization waveSetup() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 64, 64));
        return new Discretization(Catalog.get("wave1d"), mlp, Map.of("pde", 512, "initial", 64, "initial-velocity", 64, "boundary", 128), 0);
    }

    public static List<Row> run(Discretization d, int draws) {
        double[] theta = d.mlp().initialize(0);
        List<LossGroup> groups = d.groups();
        long t0 = System.nanoTime();
        double[] exact = LossWeighting.meanTraces(groups, theta);
        List<Row> out = new ArrayList<>(List.of(new Row("exact", 0, 0, (System.nanoTime() - t0) / 1e6, 0, 0)));
        int[][] settings = {{8, 1}, {32, 1}, {128, 1}, {32, 4}, {32, 16}};
        for (TraceEstimator e : List.of(TraceEstimator.ROWS, TraceEstimator.SKETCH)) {
            for (int[] st : settings) {
                if (e == TraceEstimator.ROWS && st[1] > 1) continue; // no probes
                SplittableRandom rng = new SplittableRandom(7);
                double[] se = new double[groups.size()];
                long t = System.nanoTime();
                for (int k = 0; k < draws; k++) {
                    for (int g = 0; g < groups.size(); g++) {
                        double rel = e.meanDiagonal(groups.get(g), theta, st[0], st[1], rng) / exact[g] - 1;
                        se[g] += rel * rel / draws;
                    }
                }
                double ms = (System.nanoTime() - t) / 1e6 / draws, mean = 0, worst = 0;
                for (double v : se) {
                    mean += Math.sqrt(v) / se.length;
                    worst = Math.max(worst, Math.sqrt(v));
                }
                out.add(new Row(e.name().toLowerCase(java.util.Locale.ROOT), st[0], e == TraceEstimator.ROWS ? 0 : st[1], ms, mean, worst));
            }
        }
        return out;
    }
}
