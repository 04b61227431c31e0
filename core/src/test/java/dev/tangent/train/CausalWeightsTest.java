package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CausalWeightsTest {
    /** Four slabs with known residuals: w_k = exp(−ε Σ_{j<k} L_j) by hand. */
    @Test
    void weightsFollowTheClosedForm() {
        CausalWeights c = new CausalWeights(2.0, 4);
        double[] t = {0.1, 0.2, 0.3, 0.6, 0.8, 0.95}; // slabs 0, 0, 1, 2, 3, 3 of [0, 1]
        c.bind(t, 0, 1);
        double[] r = {1, 3, 2, 0, 1, 1}; // slab means of r²: 5, 4, 0, 1
        c.update(r, 0);
        double[] expected = {1, 1, Math.exp(-2 * 5), Math.exp(-2 * 9), Math.exp(-2 * 9), Math.exp(-2 * 9)};
        for (int i = 0; i < t.length; i++) assertEquals(expected[i], c.weight(i), 1e-15, "row " + i);
        c.update(new double[6], 0);
        assertEquals(1.0, c.minimum(), "a fitted solution weighs every time equally");
    }

    /** Time-marching: a window opens only once every earlier one is below the tolerance, and closes if they degrade. */
    @Test
    void marchingOpensWindowsInOrder() {
        CausalWeights c = CausalWeights.marching(4, 0.5);
        double[] t = {0.1, 0.2, 0.3, 0.6, 0.8, 0.95}; // windows 0, 0, 1, 2, 3, 3
        c.bind(t, 0, 1);
        c.update(new double[] {1, 3, 0, 0, 0, 0}, 0); // window 0 unfitted: only it counts
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 0}, weights(c, 6), 0.0);
        c.update(new double[] {0.1, 0.1, 0.2, 3, 0, 0}, 0); // 0 and 1 fitted, 2 not: 0..2 count
        assertArrayEquals(new double[] {1, 1, 1, 1, 0, 0}, weights(c, 6), 0.0);
        assertTrue(c.minimum() == 0);
        c.update(new double[] {0.1, 0.1, 0.2, 0.3, 9, 9}, 0); // the last window always counts once the others fit
        assertEquals(1.0, c.minimum());
        c.update(new double[] {2, 0, 0, 0, 0, 0}, 0); // window 0 degraded: back to it alone
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 0}, weights(c, 6), 0.0);
        assertThrows(IllegalArgumentException.class, () -> CausalWeights.marching(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> CausalWeights.marching(4, 0));
    }

    private static double[] weights(CausalWeights c, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = c.weight(i);
        return w;
    }

    /** WeightedProblem scales PDE rows by sqrt(λ/S·w_i), and trial (loss-only) passes reuse the frozen weights. */
    @Test
    void weightedLossAndJacobianUseTheFrozenWeights() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 8));
        Discretization disc = new Discretization(Catalog.get("heat1d"), mlp, Map.of("pde", 64), 0);
        WeightedProblem plain = new WeightedProblem(disc), causal = new WeightedProblem(disc);
        causal.causal(new CausalWeights(5.0, 8));
        double[] theta = mlp.initialize(3);
        int rows = disc.rows(), n = mlp.nParams(), s = disc.groups().get(0).size();
        double[] r0 = new double[rows], j0 = new double[rows * n], r1 = new double[rows], j1 = new double[rows * n];
        double l0 = plain.evaluate(theta, r0, j0);
        double l1 = causal.evaluate(theta, r1, j1);
        double expected = l0;
        for (int i = 0; i < s; i++) {
            double w = causal.causal().weight(i);
            assertEquals(Math.sqrt(w) * r0[i], r1[i], 1e-14 * (1 + Math.abs(r0[i])), "residual row " + i);
            assertEquals(Math.sqrt(w) * j0[i * n + 1], j1[i * n + 1], 1e-14 * (1 + Math.abs(j0[i * n + 1])), "Jacobian row " + i);
            expected += (w - 1) * r0[i] * r0[i];
        }
        assertEquals(expected, l1, 1e-12 * l0);
        assertTrue(causal.causal().minimum() < 1, "an untrained net leaves later times down-weighted");
        double[] moved = theta.clone();
        moved[0] += 0.1;
        double before = causal.causal().weight(s - 1);
        causal.loss(moved, new double[rows]);
        assertEquals(before, causal.causal().weight(s - 1), 0.0, "a loss-only pass keeps the weights");
    }

    @Test
    void steadyProblemsAreRejected() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 4));
        WeightedProblem wp = new WeightedProblem(new Discretization(Catalog.get("laplace2d"), mlp, Map.of(), 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wp.causal(new CausalWeights(1, 8)));
        assertTrue(e.getMessage().contains("time"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CausalWeights(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new CausalWeights(1, 1));
    }
}
