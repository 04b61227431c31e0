package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The problem's matrix-free products equal the formed Φ: Φv from the exact JVPs and Φᵀu from the reverse passes,
 * against Φ from {@link WeightedProblem#evaluate} (an independent path: Jacobian rows, not products), with loss
 * weights, a periodic group, causal weights and a network per field.
 */
class MatrixFreeProductsTest {
    static final String BURGERS_PERIODIC = """
            problem:
              domain: {x: [0, 1]}
              time: [0, 1]
              equation: "u_t + u*u_x - 0.1*u_xx = sin(x)"
              conditions:
                - {kind: initial-value, value: "cos(pi*x)", points: 7}
                - {kind: periodic, coord: x, points: 5}
              interior_points: 20
            net: {widths: [6, 5]}
            """;

    @Test
    void burgersWithAPeriodicGroupAndWeights() {
        WeightedProblem wp = problem(BURGERS_PERIODIC, 3);
        wp.weights()[1] = 3.5;
        check(wp, 4);
    }

    @Test
    void causalWeightsScaleTheProductsLikeTheRows() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 8));
        WeightedProblem wp = new WeightedProblem(new Discretization(Catalog.get("heat1d"), mlp, Map.of("pde", 64), 0));
        wp.causal(new CausalWeights(5.0, 8));
        double[] theta = mlp.initialize(3);
        double[] r = new double[wp.nRows()];
        wp.linearize(theta, r);
        double[] rJac = new double[wp.nRows()];
        wp.evaluate(theta, rJac, new double[wp.nRows() * wp.nParams()]);
        for (int i = 0; i < r.length; i++) assertEquals(rJac[i], r[i], 0.0, "linearize refreshes the causal weights, row " + i);
        check(wp, 5);
    }

    @Test
    void aNetworkPerField() {
        check(problem(SystemTrainingTest.coupledPair("separate"), 2), 6);
    }

    static WeightedProblem problem(String yaml, long seed) {
        Config c = Config.parse(yaml);
        var p = ProblemFactory.build(c);
        var mlp = new Mlp(NetFactory.build(c, p));
        return new WeightedProblem(new Discretization(p, mlp, Map.of(), seed));
    }

    private static void check(WeightedProblem wp, long seed) {
        int n = wp.nParams(), rows = wp.nRows();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[n], v = new double[n], u = new double[rows];
        for (int i = 0; i < n; i++) {
            theta[i] = rng.nextGaussian() * 0.5;
            v[i] = rng.nextGaussian();
        }
        for (int i = 0; i < rows; i++) u[i] = rng.nextGaussian();
        double[] jac = new double[rows * n];
        wp.evaluate(theta, new double[rows], jac);
        double[] jv = new double[rows], jtu = new double[n];
        wp.jvp(theta, v, jv);
        wp.vjp(theta, u, jtu);
        for (int i = 0; i < rows; i++) {
            double s = 0, scale = 0;
            for (int q = 0; q < n; q++) {
                s += jac[i * n + q] * v[q];
                scale += Math.abs(jac[i * n + q] * v[q]);
            }
            assertEquals(s, jv[i], 1e-12 * (1 + scale), "(Φv)_" + i);
        }
        for (int q = 0; q < n; q++) {
            double s = 0, scale = 0;
            for (int i = 0; i < rows; i++) {
                s += jac[i * n + q] * u[i];
                scale += Math.abs(jac[i * n + q] * u[i]);
            }
            assertEquals(s, jtu[q], 1e-12 * (1 + scale), "(Φᵀu)_" + q);
        }
    }
}
