package dev.tangent.pde;

import dev.tangent.pde.catalog.Catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.sampling.ResidualSampling;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidualResamplingTest {
    private static double meanSquare(LossGroup g, double[] theta) {
        double[] r = new double[g.size()];
        g.evaluate(theta, r, null, 0);
        double s = 0;
        for (double v : r) s += v * v;
        return s / r.length;
    }

    /** Points kept by the residual rule have a larger mean squared residual than a fresh uniform draw. */
    @Test
    void keptPointsSitWhereTheResidualIsLarge() {
        Mlp mlp = new Mlp(MlpSpec.of(1, 8));
        Discretization disc = new Discretization(Catalog.get("poisson1d", Map.of("a", 4.0)), mlp, Map.of("pde", 64), 0);
        LossGroup pde = disc.groups().get(0);
        double[] theta = mlp.initialize(1);
        pde.resample(11);
        double uniform = meanSquare(pde, theta);
        pde.resampleByResidual(theta, new ResidualSampling(2, 0), 8, 11);
        assertEquals(64, pde.size());
        double adaptive = meanSquare(pde, theta);
        assertTrue(adaptive > 1.25 * uniform, "RAD mean r² " + adaptive + " vs uniform " + uniform);
        double[] again = pde.points().clone();
        pde.resampleByResidual(theta, new ResidualSampling(2, 0), 8, 11);
        assertArrayEquals(again, pde.points(), 0.0, "deterministic for a seed");
        for (double x : again) assertTrue(x >= 0 && x <= 1, "inside the domain: " + x);
    }
}
