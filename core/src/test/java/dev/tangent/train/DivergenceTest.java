package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NaN forced in the middle of a run, for every optimizer: the residual is NaN for x > 0.995, and the interior
 * points are redrawn every step, so some step k (the same for every optimizer, set by the seed) lands a point there.
 * The run must stop as diverged at k, keep the finite state of step k − 1 (parameters, weights and every optimizer
 * array) in its checkpoint, and resume from it bit-identically.
 */
class DivergenceTest {
    @TempDir
    Path tmp;

    static final int NAN_STEP = 5; // first step whose redrawn points include one with x > 0.995 (seed 5)

    /** Every registered optimizer, so a new one is tested without editing this list. */
    static java.util.List<String> optimizers() {
        return Optimizers.NAMES;
    }

    static Config nanMidRun(String optimizer) {
        String lr = optimizer.equals("adam") || optimizer.equals("gd") ? ", lr: 0.01" : "";
        return Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  equation: "u_xx + 1e-30*log(0.995 - x) = -1"
                  conditions: [{kind: dirichlet, value: "0", points: 2}]
                  exact: "x*(1 - x)/2"
                  interior_points: 16
                sampler: {interior: uniform, conditions: grid, resample_every: 1}
                net: {widths: [6]}
                optimizer: {name: %s%s}
                train: {steps: 200, time: 0, eval_every: 1, checkpoint_every: 3}
                seed: 5
                """.formatted(optimizer, lr));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aNanMidRunLeavesTheLastGoodStateAndResumesFromIt(String optimizer) {
        Path dir = tmp.resolve(optimizer);
        Trainer.Result r = Trainer.run(nanMidRun(optimizer), dir, false, null);
        assertEquals(RunStatus.DIVERGED, r.status(), r.message());
        assertEquals(NAN_STEP - 1, r.steps(), "kept the state of the step before the NaN: " + r.message());
        Checkpoint cp = Checkpoint.read(dir.resolve("checkpoint"));
        assertTrue(cp.finite(), optimizer + ": every array in the checkpoint is finite");
        assertEquals(r.steps(), cp.step());
        assertArrayEquals(r.theta(), cp.theta(), 0.0);
        if (optimizer.equals("adam")) {
            assertEquals(Math.toIntExact(cp.theta().length), cp.optimizerState().get("m").length, "Adam's moments are kept");
            assertEquals(r.steps(), (long) cp.optimizerState().get("t")[0]);
        }
        if (optimizer.equals("lbfgs")) assertTrue(cp.optimizerState().containsKey("s"), "L-BFGS history is kept");

        // resuming from that checkpoint repeats the run exactly: same rows, same stop, same state
        Trainer.Result again = Trainer.run(Config.load(dir.resolve("config.yaml")), dir, true, null);
        assertEquals(RunStatus.DIVERGED, again.status());
        assertEquals(r.steps(), again.steps());
        assertArrayEquals(r.theta(), again.theta(), 0.0);
        assertArrayEquals(r.metrics().series("loss"), again.metrics().series("loss"), 0.0);
        Checkpoint after = Checkpoint.read(dir.resolve("checkpoint"));
        assertTrue(after.finite());
        assertArrayEquals(cp.theta(), after.theta(), 0.0);
        assertEquals(cp.optimizerState().keySet(), after.optimizerState().keySet());
        for (String k : cp.optimizerState().keySet()) assertArrayEquals(cp.optimizerState().get(k), after.optimizerState().get(k), 0.0, k);
    }
}
