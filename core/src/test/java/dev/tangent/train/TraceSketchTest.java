package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.pde.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceSketchTest {
    @Test
    void sketchedTracesAreUnbiased() {
        Discretization d = new Discretization(Catalog.get("wave1d"), new Mlp(MlpSpec.of(2, 10, 10)),
                Map.of("pde", 60, "initial", 20, "initial-velocity", 20, "boundary", 20), 1);
        double[] theta = d.mlp().initialize(2);
        WeightedProblem wp = new WeightedProblem(d);
        double[] exact = LossWeighting.traces(wp, theta);
        SplittableRandom rng = new SplittableRandom(99);
        int draws = 2000;
        for (int g = 0; g < d.groups().size(); g++) {
            LossGroup grp = d.groups().get(g);
            double sum = 0, sq = 0;
            for (int k = 0; k < draws; k++) {
                double t = TraceSketch.estimate(grp, theta, 8, 1, rng);
                sum += t;
                sq += t * t;
            }
            double mean = sum / draws;
            double se = Math.sqrt((sq / draws - mean * mean) / draws);
            assertTrue(Math.abs(mean - exact[g]) < 4 * se, grp.name() + ": mean " + mean + " vs exact " + exact[g] + " (se " + se + ")");
            assertTrue(se < 0.2 * exact[g], grp.name() + ": the test must be able to fail (se " + se + ")");
        }
    }

    @Test
    void sketchedWeightsTrainAndAreResumable() {
        Config c = Config.parse("""
                problem: wave1d
                net: {widths: [16]}
                points: {pde: 64, initial: 16, initial-velocity: 16, boundary: 16}
                optimizer: {name: adam, lr: 0.005}
                weights: {kind: ntk-sketch, sketch: 8, probes: 1}
                train: {steps: 30, time: 0, eval_every: 10, checkpoint_every: 10}
                """);
        Trainer.Result r = Trainer.run(c, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "tangent-sketch-" + System.nanoTime()), false, null);
        double[] lambda = r.metrics().series("lambda_boundary");
        assertTrue(lambda[lambda.length - 1] > 1, "boundary weight " + lambda[lambda.length - 1]);
        assertTrue(r.weightSeconds() > 0);
    }
}
