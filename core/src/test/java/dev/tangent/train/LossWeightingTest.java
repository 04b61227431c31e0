package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.ntk.GroupFixtures;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossWeightingTest {
    @TempDir
    Path tmp;

    private final Discretization wave = new Discretization(Catalog.get("wave1d"), new Mlp(MlpSpec.of(2, 12, 12)),
            Map.of("pde", 30, "initial", 8, "initial-velocity", 8, "boundary", 10), 4);

    @Test
    void exactWeightsAreTraceRatiosOfMeanDiagonalsOfK() {
        double[] theta = wave.mlp().initialize(5);
        WeightedProblem wp = new WeightedProblem(wave);
        LossWeighting w = LossWeighting.of(RunSpec.weighting(Config.parse("weights: ntk")), wp, 0);
        assertTrue(w.update(theta, 0));
        // direct: the full K = J Jᵀ, each diagonal block's mean diagonal T_g, λ_g = Σ_h T_h / T_g
        List<LossGroup> groups = wave.groups();
        double[] k = new KernelBlocks(wave.mlp(), theta, 7).full(groups);
        int n = KernelBlocks.size(groups);
        double[] mean = new double[groups.size()];
        double total = 0;
        int off = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (int i = off; i < off + groups.get(g).size(); i++) mean[g] += k[i + i * n] / groups.get(g).size();
            off += groups.get(g).size();
            total += mean[g];
        }
        for (int g = 0; g < groups.size(); g++) {
            assertEquals(total / mean[g], wp.weights()[g], 1e-9 * total / mean[g], groups.get(g).name());
        }
    }

    @Test
    void weightsAreInvariantToDuplicatingEveryRowOfAGroup() {
        Discretization d = GroupFixtures.withPeriodicGroup(3);
        double[] theta = d.mlp().initialize(4);
        double[] base = LossWeighting.ratio(LossWeighting.meanTraces(d.groups(), theta));
        for (int g = 0; g < d.groups().size(); g++) {
            List<LossGroup> dup = new ArrayList<>(d.groups());
            dup.set(g, GroupFixtures.duplicated(d.groups().get(g)));
            assertEquals(2 * d.groups().get(g).size(), dup.get(g).size());
            double[] lambda = LossWeighting.ratio(LossWeighting.meanTraces(dup, theta));
            assertArrayEquals(base, lambda, 1e-12 * max(base), "duplicating " + d.groups().get(g).name());
            // summed traces (the old normalisation) double, which is what made λ depend on the row count
            double sum = dev.tangent.ntk.TraceEstimator.trace(dup.get(g), theta, 64);
            double single = dev.tangent.ntk.TraceEstimator.trace(d.groups().get(g), theta, 64);
            assertEquals(2 * single, sum, 1e-12 * sum);
        }
    }

    @Test
    void sketchedWeightsStartFromTheExactOnes() {
        double[] theta = wave.mlp().initialize(6);
        double[] exact = LossWeighting.ratio(LossWeighting.meanTraces(wave.groups(), theta));
        WeightedProblem wp = new WeightedProblem(wave);
        LossWeighting.of(RunSpec.weighting(Config.parse("weights: {kind: ntk-sketch, sketch: 4, probes: 1}")), wp, 0).update(theta, 0);
        assertArrayEquals(exact, wp.weights(), 1e-12 * max(exact));
        // from one one-probe draw instead, the first weights are off
        WeightedProblem noisy = new WeightedProblem(wave);
        LossWeighting.of(RunSpec.weighting(Config.parse("weights: {kind: ntk-sketch, sketch: 4, probes: 1, start: sample}")), noisy, 0).update(theta, 0);
        double worst = 0;
        for (int g = 0; g < exact.length; g++) worst = Math.max(worst, Math.abs(noisy.weights()[g] / exact[g] - 1));
        assertTrue(worst > 0.05, "a single draw should be visibly off, worst relative error " + worst);
    }

    @Test
    void sampledWeightsTrainAndResumeBitIdentically() {
        for (String kind : List.of("ntk-sketch", "ntk-rows")) {
            String yaml = """
                    problem: wave1d
                    net: {widths: [16]}
                    points: {pde: 64, initial: 16, initial-velocity: 16, boundary: 16}
                    optimizer: {name: adam, lr: 0.005}
                    weights: {kind: %s, sketch: 8, probes: 1}
                    train: {steps: %d, time: 0, eval_every: 2, checkpoint_every: 2}
                    """;
            Trainer.Result full = Trainer.run(Config.parse(yaml.formatted(kind, 12)), tmp.resolve(kind + "-full"), false, null);
            Path dir = tmp.resolve(kind + "-split");
            Trainer.run(Config.parse(yaml.formatted(kind, 6)), dir, false, null);
            Trainer.Result resumed = Trainer.run(Config.load(dir.resolve("config.yaml")).set("train.steps", 12), dir, true, null);
            assertArrayEquals(full.theta(), resumed.theta(), 0.0, kind + ": resumed θ differs");
            assertArrayEquals(full.metrics().series("lambda_boundary"), resumed.metrics().series("lambda_boundary"), 0.0);
            double[] lambda = full.metrics().series("lambda_boundary");
            assertTrue(lambda[lambda.length - 1] > 1, kind + ": boundary weight " + lambda[lambda.length - 1]);
            assertTrue(full.weightSeconds() > 0);
        }
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
