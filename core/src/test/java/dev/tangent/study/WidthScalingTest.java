package dev.tangent.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.ntk.KernelBlocks;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.train.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WidthScalingTest {
    @TempDir
    Path tmp;

    private static Config config(int width, double s, int seeds, int steps, double lr) {
        return Config.parse("""
                problem: kdv
                net: {width: %d, depth: 1, s: %s, output_bias: none}
                ntk: {steps: %d, max_points: 8, seeds: %d, measure_every: 2, lr: %s}
                """.formatted(width, s, steps, seeds, lr));
    }

    @Test
    void blocksAgreeWithTheBlockedKernelPath() {
        Discretization d = WidthScalingUnit.discretization(config(12, 0.5, 2, 0, 1));
        double[] theta = d.mlp().initialize(3);
        double[][] k = WidthScalingUnit.blocks(d.groups(), theta);
        KernelBlocks kb = new KernelBlocks(d.mlp(), theta, 3);
        List<LossGroup> b = d.groups().subList(1, d.groups().size()), f = d.groups().subList(0, 1);
        double[][] expected = {kb.full(b), kb.kernel(b, f), kb.full(f)};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i].length, k[i].length);
            for (int j = 0; j < k[i].length; j++) assertEquals(expected[i][j], k[i][j], 1e-12 * Math.max(1, Math.abs(expected[i][j])));
        }
    }

    @Test
    void matrixSpreadOfKbbFallsWithWidthAndDriftVanishesWithoutTraining() throws Exception {
        Map<String, Object> narrow = WidthScalingUnit.run(config(16, 0.5, 6, 4, 1e-14), tmp);
        Map<String, Object> wide = WidthScalingUnit.run(config(256, 0.5, 6, 4, 1e-14), tmp);
        double a = (double) narrow.get("spread_bb"), b = (double) wide.get("spread_bb");
        // the Monte-Carlo rate N^-1/2 predicts a factor 4 over 16×; demand 2
        assertTrue(b < a / 2, "K_bb spread " + a + " at N = 16 vs " + b + " at N = 256");
        assertTrue((double) wide.get("drift_ff") < 1e-9 && (double) wide.get("frozen_drift_ff") < 1e-9, "η = 1e-14 must not move K");
        assertTrue(Files.exists(tmp.resolve("kbar.bin")));
    }

    @Test
    void studyRunsEndToEndAndWritesTheCauchyTable() throws Exception {
        var s = new WidthScalingStudy.Settings("sine-gordon", 1, List.of(8, 32), List.of(0.5, 1.0), 2, 1, 4, 6, "none", 2, 8);
        String md = WidthScalingStudy.run(s, tmp, 1, null);
        assertTrue(md.contains("| 1.0 | K_ff |"), md);
        List<String> cauchy = Files.readAllLines(tmp.resolve("cauchy.csv"));
        assertEquals(1 + 2 * 3, cauchy.size(), "one N/4N pair (8, 32) per s and block"); // header + 2 s × 3 blocks
        assertTrue(Files.exists(tmp.resolve("spread_ff.png")) && Files.exists(tmp.resolve("drift_bb.png")));
    }

    @Test
    void zeroStepsMeasuresKernelsOnlyWithNoDrift() throws Exception {
        var s = new WidthScalingStudy.Settings("kdv", 1, List.of(8, 32), List.of(1.0), 3, 1, 0, 6, "none", 2, 8);
        assertEquals(Map.of(1.0, 1.0), WidthScalingStudy.learningRates(s), "no training, no Hessian power iteration");
        String md = WidthScalingStudy.run(s, tmp, 1, null);
        assertTrue(md.contains("| 1.0 | K_ff |"), md);
        List<Map<String, String>> rows = new dev.tangent.sweep.SweepResults(tmp.resolve("results.csv")).rows();
        for (Map<String, String> r : rows) {
            assertEquals(0.0, Double.parseDouble(r.get("drift_ff")), 0, "no steps, no drift");
            assertTrue(Double.parseDouble(r.get("spread_ff")) > 0, "spread over 3 seeds is measured");
        }
    }
}
