package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reverse-pass gradient equals 2Φᵀr̃ from the exact Jacobian, for point groups and a periodic group. */
class GradientTest {
    @TempDir
    Path tmp;

    @Test
    void reversePassGradientEqualsJacobianTransposeResidual() {
        Config c = Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  equation: "u_t + u*u_x - 0.1*u_xx = sin(x)"
                  conditions:
                    - {kind: initial-value, value: "cos(pi*x)", points: 7}
                    - {kind: periodic, coord: x, points: 5}
                  interior_points: 20
                net: {widths: [6, 5]}
                """);
        var p = ProblemFactory.build(c);
        var mlp = new dev.tangent.nn.Mlp(NetFactory.build(c, p));
        var d = new dev.tangent.pde.Discretization(p, mlp, java.util.Map.of(), 3);
        WeightedProblem wp = new WeightedProblem(d);
        wp.weights()[1] = 3.5;
        double[] theta = mlp.initialize(4);
        double[] g = new double[wp.nParams()];
        double[] r1 = new double[wp.nRows()];
        double loss1 = wp.gradient(theta, r1, g);
        double[] expected = new double[wp.nParams()];
        double[] r2 = new double[wp.nRows()];
        double loss2 = defaultGradient(wp, theta, r2, expected);
        assertEquals(loss2, loss1, 1e-12 * loss2);
        assertArrayEquals(r2, r1, 1e-13);
        for (int q = 0; q < g.length; q++) assertEquals(expected[q], g[q], 1e-10 * Math.max(1, Math.abs(expected[q])), "θ" + q);
    }

    /** 2Φᵀr̃ from the Jacobian, the interface's default path. */
    private static double defaultGradient(WeightedProblem wp, double[] theta, double[] r, double[] grad) {
        int n = wp.nParams(), rows = wp.nRows();
        double[] jac = new double[rows * n];
        double loss = wp.evaluate(theta, r, jac);
        for (int i = 0; i < rows; i++) for (int q = 0; q < n; q++) grad[q] += 2 * r[i] * jac[i * n + q];
        return loss;
    }
}
