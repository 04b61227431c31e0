package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.optim.OptimizerSchedule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optimizer.warm_start}: a first-order phase, then the configured method, resumable across the hand-over. */
class WarmStartTest {
    @TempDir
    Path tmp;

    static Config config(String warm, long steps) {
        return Config.parse("""
                problem: {name: poisson1d, options: {a: 1}}
                net: {widths: [8]}
                points: {pde: 32}
                optimizer: {name: lm, %s}
                train: {steps: %d, time: 0, eval_every: 1, checkpoint_every: 1}
                seed: 5
                """.formatted(warm, steps));
    }

    @Test
    void warmStartRunsThePhasesAndResumesBitIdentically() {
        String warm = "warm_start: adam, warm_start_steps: 3, warm_start_lr: 0.01";
        assertTrue(Optimizers.create(config(warm, 1)) instanceof OptimizerSchedule);
        Trainer.Result full = Trainer.run(config(warm, 8), tmp.resolve("full"), false, null);
        double[] mu = full.metrics().series("mu"), steps = full.metrics().series("step");
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= 1 && steps[i] <= 3) assertTrue(Double.isNaN(mu[i]), "step " + steps[i] + " is an Adam step (no damping)");
            if (steps[i] >= 4) assertTrue(mu[i] > 0, "step " + steps[i] + " is an lm step");
        }
        for (long stop : new long[] {2, 5}) {
            Path dir = tmp.resolve("split" + stop);
            Trainer.run(config(warm, stop), dir, false, null);
            Trainer.Result resumed = Trainer.run(Config.load(dir.resolve("config.yaml")).set("train.steps", 8), dir, true, null);
            assertEquals(full.steps(), resumed.steps());
            assertArrayEquals(full.theta(), resumed.theta(), 0.0, "resumed after step " + stop);
        }
    }

    @Test
    void badWarmStartSettingsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create(config("warm_start: engd", 1)));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create(config("warm_start_steps: 10", 1)));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create(config("warm_start: lbfgs, warm_start_lr: 0.1", 1)));
    }
}
