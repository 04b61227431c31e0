package dev.tangent.nn;

import dev.tangent.bench.QuasiLinearResiduals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Forward-mode J·v equals the reverse-mode Jacobian (foundation) times v. */
class JvpTest {
    @ParameterizedTest
    @EnumSource(Activation.class)
    void jvpEqualsJacobianTimesV(Activation act) {
        for (PointResidual res : new PointResidual[] {QuasiLinearResiduals.kdv(0.3), QuasiLinearResiduals.burgers(0.1),
                new LinearResidual(2, java.util.List.of(MultiIndex.of(2, 2), MultiIndex.of(1, 1)), new double[] {1, 2}, null)}) {
            Mlp mlp = new Mlp(MlpSpec.of(2, 7, 5).withActivation(act));
            double[] theta = mlp.initialize(3);
            int n = 6;
            double[] x = NetFixtures.randomPoints(n, 2, 4);
            double[] v = NetFixtures.randomPoints(mlp.nParams(), 1, 5);
            JetEngine e = new JetEngine(mlp, res.derivatives());
            double[] jac = new double[n * mlp.nParams()];
            e.residualJacobian(theta, n, x, res, new double[n], jac);
            double[] jv = new double[n];
            e.jvp(theta, v, n, x, res, new double[n], jv);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int p = 0; p < mlp.nParams(); p++) s += jac[i * mlp.nParams() + p] * v[p];
                assertEquals(s, jv[i], 1e-11 * Math.max(1, Math.abs(s)), act + " " + res.derivatives() + " row " + i);
            }
        }
    }
}
