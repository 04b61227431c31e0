package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.optim.OptimizerSchedule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training aids of a run (warm start, time-marching, residual-based resampling): each trains and resumes bit-identically. */
class TrainingAidsTest {
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

    /** Time-marching on heat1d: the run trains, resumes bit-identically (the window is read off the residuals). */
    @Test
    void timeMarchingTrainsAndResumes() {
        java.util.function.LongFunction<Config> cfg = steps -> Config.parse("""
                problem: {name: heat1d}
                net: {widths: [8]}
                points: {pde: 64, initial: 16, boundary: 16}
                time_marching: {windows: 4, tolerance: 1e-3}
                train: {steps: %d, time: 0, eval_every: 1, checkpoint_every: 1}
                seed: 2
                """.formatted(steps));
        Trainer.Result full = Trainer.run(cfg.apply(10), tmp.resolve("tm-full"), false, null);
        double[] loss = full.metrics().series("loss");
        assertTrue(full.loss() < loss[0], "loss falls: " + loss[0] + " -> " + full.loss());
        Path dir = tmp.resolve("tm-split");
        Trainer.run(cfg.apply(4), dir, false, null);
        Trainer.Result resumed = Trainer.run(Config.load(dir.resolve("config.yaml")).set("train.steps", 10), dir, true, null);
        assertArrayEquals(full.theta(), resumed.theta(), 0.0);
        Config both = cfg.apply(1).set("causal.epsilon", 1.0);
        assertThrows(IllegalArgumentException.class, () -> Trainer.run(both, tmp.resolve("both"), false, null));
    }

    /** Residual-based resampling: points chosen from θ are checkpointed, so a resume after a redraw is bit-identical. */
    @Test
    void residualResamplingResumesBitIdentically() {
        java.util.function.LongFunction<Config> cfg = steps -> Config.parse("""
                problem: {name: poisson1d, options: {a: 2}}
                net: {widths: [8]}
                points: {pde: 32}
                sampler: {interior: sobol, resample_every: 3, resample_by: residual, residual_k: 2, candidates: 4}
                train: {steps: %d, time: 0, eval_every: 1, checkpoint_every: 1}
                seed: 4
                """.formatted(steps));
        Trainer.Result full = Trainer.run(cfg.apply(9), tmp.resolve("rad-full"), false, null);
        Path dir = tmp.resolve("rad-split");
        Trainer.run(cfg.apply(5), dir, false, null);
        Trainer.Result resumed = Trainer.run(Config.load(dir.resolve("config.yaml")).set("train.steps", 9), dir, true, null);
        assertArrayEquals(full.theta(), resumed.theta(), 0.0, "resumed between two redraws");
        Config noEvery = cfg.apply(1).set("sampler.resample_every", 0);
        assertThrows(IllegalArgumentException.class, () -> Trainer.run(noEvery, tmp.resolve("rad-bad"), false, null));
        Config stray = Config.parse("problem: {name: poisson1d}\nsampler: {residual_k: 2}\ntrain: {steps: 1, time: 0}\n");
        assertThrows(IllegalArgumentException.class, () -> Trainer.run(stray, tmp.resolve("rad-stray"), false, null));
    }

    @Test
    void badWarmStartSettingsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create(config("warm_start: engd", 1)));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create(config("warm_start_steps: 10", 1)));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create(config("warm_start: lbfgs, warm_start_lr: 0.1", 1)));
    }
}
