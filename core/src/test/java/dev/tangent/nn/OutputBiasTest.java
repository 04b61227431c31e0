package dev.tangent.nn;

import dev.tangent.bench.QuasiLinearResiduals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every output-bias option: the Jacobian against finite differences, J·v and the reverse gradient against J. */
class OutputBiasTest {
    private static final List<PointResidual> RESIDUALS = List.of(LinearResidual.identity(2, null),
            QuasiLinearResiduals.kdv(0.3), QuasiLinearResiduals.burgers(0.1));

    private static List<MlpSpec> specs(OutputBias b) {
        return List.of(MlpSpec.of(2, 7).withOutputScaling(1.0).withOutputBias(b),
                MlpSpec.of(2, 6, 5).withOutputScaling(0.75).withParameterization(Parameterization.NTK).withOutputBias(b));
    }

    @ParameterizedTest
    @EnumSource(OutputBias.class)
    void jacobianMatchesFiniteDifferences(OutputBias b) {
        long seed = 1;
        for (MlpSpec spec : specs(b)) {
            for (PointResidual r : RESIDUALS) ResidualJacobianTest.checkJacobian(spec, r, 6, seed++);
        }
    }

    @ParameterizedTest
    @EnumSource(OutputBias.class)
    void jvpAndReverseGradientAgreeWithTheJacobian(OutputBias b) {
        for (MlpSpec spec : specs(b)) {
            for (PointResidual res : RESIDUALS) {
                Mlp mlp = new Mlp(spec);
                double[] theta = withOutputBias(mlp, mlp.initialize(3), 0.4);
                int n = 5, p = mlp.nParams();
                double[] x = NetFixtures.randomPoints(n, 2, 4);
                double[] v = NetFixtures.randomPoints(p, 1, 5);
                JetEngine e = new JetEngine(mlp, res.derivatives());
                double[] r = new double[n], jac = new double[n * p], jv = new double[n], grad = new double[p];
                e.residualJacobian(theta, n, x, res, r, jac);
                e.jvp(theta, v, n, x, res, new double[n], jv);
                e.residualGradient(theta, n, x, res, 0.7, new double[n], grad);
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int q = 0; q < p; q++) s += jac[i * p + q] * v[q];
                    assertEquals(s, jv[i], 1e-11 * Math.max(1, Math.abs(s)), b + " J·v row " + i);
                }
                for (int q = 0; q < p; q++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += 0.7 * r[i] * jac[i * p + q];
                    assertEquals(s, grad[q], 1e-11 * Math.max(1, Math.abs(s)), b + " gradient " + mlp.describeParameter(q));
                }
            }
        }
    }

    @Test
    void outputShiftsByTheBiasFactorTimesTheBias() {
        MlpSpec base = MlpSpec.of(1, 16).withOutputScaling(0.75);
        double[] x = {-0.5, 0.2, 0.9};
        double shift = 0.37;
        double[] none = values(base.withOutputBias(OutputBias.NONE), x, shift);
        double[] expected = {shift, Math.pow(16, -0.75) * shift, 0.0};
        OutputBias[] opts = {OutputBias.UNSCALED, OutputBias.SCALED, OutputBias.NONE};
        for (int o = 0; o < 3; o++) {
            double[] u = values(base.withOutputBias(opts[o]), x, shift);
            for (int i = 0; i < x.length; i++) assertEquals(expected[o], u[i] - none[i], 1e-15, opts[o] + " at " + x[i]);
        }
    }

    @Test
    void unknownOptionNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputBias.parse("half"));
        assertTrue(e.getMessage().contains("net.output_bias") && e.getMessage().contains("half")
                && e.getMessage().contains("scaled"), e.getMessage());
        assertEquals(OutputBias.SCALED, OutputBias.parse(" Scaled "));
    }

    private static double[] values(MlpSpec spec, double[] x, double bias) {
        Mlp mlp = new Mlp(spec);
        double[] theta = withOutputBias(mlp, mlp.initialize(2), bias);
        return new JetEngine(mlp, List.of(MultiIndex.value(1))).derivatives(theta, x.length, x, new double[x.length]);
    }

    /** θ with the output bias set (it is initialised to 0), so the forward path of b_L is exercised. */
    static double[] withOutputBias(Mlp mlp, double[] theta, double b) {
        theta[mlp.biasOffset(mlp.layers() - 1)] = b;
        return theta;
    }
}
