package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.pde.Catalog;
import dev.tangent.pde.Discretization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LossWeightingTest {
    @Test
    void exactWeightsMatchADirectComputationOfK() {
        Discretization d = new Discretization(Catalog.get("wave1d"), new Mlp(MlpSpec.of(2, 12, 12)),
                Map.of("pde", 30, "initial", 8, "initial-velocity", 8, "boundary", 10), 4);
        double[] theta = d.mlp().initialize(5);
        WeightedProblem wp = new WeightedProblem(d);
        LossWeighting w = LossWeighting.from(Config.parse("weights: ntk"), wp);
        assertTrue(w.update(theta, 0));
        // direct: the full K = J Jᵀ, its diagonal blocks' traces, λ_g = tr(K)/tr(K_gg)
        List<KernelBlocks.Side> sides = KernelBlocks.sides(d);
        double[] k = new KernelBlocks(d.mlp(), theta, 7).full(sides);
        int n = sides.stream().mapToInt(KernelBlocks.Side::size).sum();
        double total = 0;
        for (int i = 0; i < n; i++) total += k[i + i * n];
        int off = 0;
        for (int g = 0; g < sides.size(); g++) {
            double tg = 0;
            for (int i = off; i < off + sides.get(g).size(); i++) tg += k[i + i * n];
            off += sides.get(g).size();
            assertEquals(total / tg, wp.weights()[g], 1e-9 * total / tg, sides.get(g).name());
        }
    }
}
