package dev.tangent.bench;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.ntk.TraceEstimator;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.train.LossWeighting;
import dev.tangent.train.WeightedProblem;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cost of one NTK weight update on wave1d (2-256-256-256-1, 2000 points): exact block traces against the sketch,
 * with one residual + Jacobian pass for scale. Medians over the repeats, after one warm-up.
 */
public final class WeightUpdateBenchmark {
    private WeightUpdateBenchmark() {}

    public record Result(String net, int nParams, int rows, int groups, double exactMs, double sketchMs, double stepMs) {}

    public static Result run(int sketch, int probes, int repeats) {
        Mlp mlp = new Mlp(MlpSpec.of(2, 256, 256, 256));
        Discretization d = new Discretization(Catalog.get("wave1d"), mlp,
                Map.of("pde", 1400, "initial", 200, "initial-velocity", 200, "boundary", 200), 0);
        WeightedProblem wp = new WeightedProblem(d);
        double[] theta = mlp.initialize(0);
        SplittableRandom rng = new SplittableRandom(1);
        double[] exactMs = new double[repeats], sketchMs = new double[repeats], stepMs = new double[repeats];
        double[] r = new double[wp.nRows()];
        double[] jac = new double[wp.nRows() * wp.nParams()];
        for (int k = -1; k < repeats; k++) {
            long t0 = System.nanoTime();
            LossWeighting.meanTraces(d.groups(), theta);
            long t1 = System.nanoTime();
            for (LossGroup g : d.groups()) TraceEstimator.SKETCH.meanDiagonal(g, theta, sketch, probes, rng);
            long t2 = System.nanoTime();
            wp.evaluate(theta, r, jac);
            long t3 = System.nanoTime();
            if (k < 0) continue;
            exactMs[k] = (t1 - t0) / 1e6;
            sketchMs[k] = (t2 - t1) / 1e6;
            stepMs[k] = (t3 - t2) / 1e6;
        }
        return new Result(mlp.spec().shape(), mlp.nParams(), wp.nRows(), d.groups().size(), median(exactMs), median(sketchMs),
                median(stepMs));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
