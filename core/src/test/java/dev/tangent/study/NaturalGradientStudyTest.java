package dev.tangent.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.report.Comparison;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published laplace2d grid and cutoff at fixed step budgets (no wall-clock budget, so machine load cannot change
 * it), with Tangent's default network and rows instead of the published 0.1·N(0,1) initialisation and raw rows:
 * the published transient of small steps lasts hundreds of steps, more than a unit test should run.
 */
class NaturalGradientStudyTest {
    @TempDir
    Path tmp;

    static final long ANAGRAM_STEPS = 150;
    static final long ADAM_STEPS = 1500;

    @Test
    void laplaceAnagramBeatsAdamByAtLeast100xAtFixedStepBudgets() throws Exception {
        NaturalGradientStudy.Setup s = NaturalGradientStudy.SETUPS.get("laplace2d");
        Trainer.Result anagram = run(s, s.anagram(), ANAGRAM_STEPS, "anagram");
        Trainer.Result adam = run(s, NaturalGradientStudy.optimizer("adam", "lr", 1e-3), ADAM_STEPS, "adam");
        assertEquals(ADAM_STEPS, adam.steps(), "Adam runs its whole step budget");
        assertTrue(anagram.steps() <= ANAGRAM_STEPS, "ANaGRAM stays within its step budget");
        double a = anagram.errors().absoluteRms(), b = adam.errors().absoluteRms();
        assertTrue(a * 100 <= b, "ANaGRAM " + a + " after " + anagram.steps() + " steps vs Adam " + b + " after " + ADAM_STEPS);
        List<Comparison.Run> runs = List.of(Comparison.load(tmp.resolve("anagram")), Comparison.load(tmp.resolve("adam")));
        Comparison.write(runs, tmp, "absolute_rms");
        for (String f : new String[] {"compare_step.png", "compare_time.png"}) assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        assertTrue(Comparison.table(runs).contains("anagram"));
    }

    private Trainer.Result run(NaturalGradientStudy.Setup s, java.util.Map<String, Object> optimizer, long steps, String name) throws Exception {
        var config = NaturalGradientStudy.config(s, optimizer, steps, 0, name) // time 0: no wall-clock budget
                .set("net.parameterization", "standard").set("net.s", 0.5);
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Trainer.Result r = Trainer.run(config, dir, false, null);
        RunSummary.write(dir.resolve("summary.json"), RunSummary.summary(config, r));
        return r;
    }
}
