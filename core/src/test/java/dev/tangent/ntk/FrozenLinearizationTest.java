package dev.tangent.ntk;

import dev.tangent.bench.QuasiLinearResiduals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.bench.QuasiLinearResiduals;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenLinearizationTest {
    private final Mlp mlp = new Mlp(MlpSpec.of(2, 9, 7));
    private final double[] x = {0.1, -0.5, 0.4, 0.2, 0.8, 0.9, 0.3, -0.1, 0.6, 0.5};
    private final int n = 5, p = mlp.nParams();
    private final double[] theta0 = mlp.initialize(1);
    private final double[] theta1 = mlp.initialize(2);
    private final PointResidual kdv = QuasiLinearResiduals.kdv(0.04);

    private double[] jacobian(PointResidual op, double[] theta) {
        double[] jac = new double[n * p];
        new JetEngine(mlp, op.derivatives()).residualJacobian(theta, n, x, op, new double[n], jac);
        return jac;
    }

    private double[] frozenRows(PointResidual op, double[] theta) {
        dev.tangent.pde.LossGroup f = FrozenLinearization.group("f", op, x, mlp, theta0);
        double[] jac = new double[(n + 2) * p];
        f.evaluate(theta, new double[n + 2], jac, 2); // at a row offset, as when groups are stacked
        return java.util.Arrays.copyOfRange(jac, 2 * p, (n + 2) * p);
    }

    @Test
    void atTheta0TheRowsAreTheOperatorsJacobian() {
        double[] a = frozenRows(kdv, theta0), b = jacobian(kdv, theta0);
        for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-12 * Math.max(1, Math.abs(b[i])));
    }

    @Test
    void elsewhereTheyAreTheDerivativeJacobiansWeightedByTheCoefficientsAtTheta0() {
        // coefficients of KdV at θ₀: ∂F/∂u = u_x, ∂F/∂u_x = u, ∂F/∂u_t = 1, ∂F/∂u_xxx = δ²; derivative Jacobians at θ₁
        List<MultiIndex> ds = kdv.derivatives();
        double[] values = new JetEngine(mlp, ds).derivatives(theta0, n, x, new double[ds.size() * n]);
        double[] coeff = new double[ds.size() * n];
        kdv.evaluate(n, x, values, new double[n], coeff);
        double[] expected = new double[n * p];
        for (int k = 0; k < ds.size(); k++) {
            double[] jk = jacobian(new LinearResidual(2, List.of(ds.get(k)), new double[] {1}, null), theta1);
            for (int i = 0; i < n; i++) for (int q = 0; q < p; q++) expected[i * p + q] += coeff[k * n + i] * jk[i * p + q];
        }
        double[] got = frozenRows(kdv, theta1), full = jacobian(kdv, theta1);
        double diffFull = 0, scale = 0;
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-12 * Math.max(1, Math.abs(expected[i])));
            diffFull = Math.max(diffFull, Math.abs(full[i] - got[i]));
            scale = Math.max(scale, Math.abs(full[i]));
        }
        assertTrue(diffFull > 1e-3 * scale, "KdV is nonlinear: freezing its coefficients must change the rows");
    }

    @Test
    void aLinearOperatorIsUnchangedByFreezing() {
        PointResidual heat = new LinearResidual(2, List.of(MultiIndex.of(1, 0), MultiIndex.of(0, 2)), new double[] {1, -0.25}, q -> 1.0);
        double[] a = frozenRows(heat, theta1), b = jacobian(heat, theta1);
        for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-12 * Math.max(1, Math.abs(b[i])));
    }
}
