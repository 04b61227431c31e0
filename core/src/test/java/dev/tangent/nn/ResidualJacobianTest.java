package dev.tangent.nn;

import dev.tangent.bench.QuasiLinearResiduals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every column block of J = ∂r/∂θ against central differences in θ. */
class ResidualJacobianTest {
    static final double REL_TOL = 1e-6;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void linearOperatorsAtDepths1To4(Activation act) {
        SplittableRandom rng = new SplittableRandom(act.ordinal() + 1);
        // ReLU^k nets raise activations to the k-th power per layer: beyond depth 2 u spans so many decades that the
        // finite differences drown in round-off (ulp(u)/h), so those activations are checked at depths 1 and 2
        int maxDepth = act.continuousDerivatives() < Activation.MAX_ORDER ? 2 : 4;
        for (int depth = 1; depth <= maxDepth; depth++) {
            int[] hidden = new int[depth];
            for (int l = 0; l < depth; l++) hidden[l] = 2 + rng.nextInt(7);
            MlpSpec spec = MlpSpec.of(2, hidden).withActivation(act);
            List<PointResidual> residuals = List.of(
                    LinearResidual.identity(2, null),
                    LinearResidual.laplacian(2, p -> Math.sin(p[0])),
                    new LinearResidual(2, List.of(MultiIndex.of(1, 0), MultiIndex.of(0, 2)), new double[] {1, -0.25}, null),
                    new LinearResidual(2, List.of(MultiIndex.of(0, 3)), new double[] {1}, null),
                    new LinearResidual(2, List.of(MultiIndex.of(1, 1), MultiIndex.of(4, 0)), new double[] {2, 0.5}, null));
            for (PointResidual res : residuals) {
                checkJacobian(spec, res, 6, depth * 10L + act.ordinal());
            }
        }
    }

    @Test
    void burgersAndKdvResiduals() {
        checkJacobian(MlpSpec.of(2, 8, 8), QuasiLinearResiduals.burgers(0.01 / Math.PI), 7, 1);
        checkJacobian(MlpSpec.of(2, 6, 5, 4), QuasiLinearResiduals.kdv(0.022 * 0.022), 7, 2);
        checkJacobian(MlpSpec.of(2, 9).withParameterization(Parameterization.NTK).withOutputScaling(1.0),
                QuasiLinearResiduals.kdv(1.0), 5, 3);
    }

    /** Asserts each layer's W and b block of J matches central differences, relative to the block's norm. */
    static void checkJacobian(MlpSpec spec, PointResidual residual, int nPoints, long seed) {
        Mlp mlp = new Mlp(spec);
        double[] theta = mlp.initialize(seed);
        double[] x = NetFixtures.randomPoints(nPoints, spec.inputDim(), seed + 100);
        JetEngine engine = new JetEngine(mlp, residual.derivatives());
        int p = mlp.nParams();
        double[] r = new double[nPoints];
        double[] jac = new double[nPoints * p];
        engine.residualJacobian(theta, nPoints, x, residual, r, jac);
        double[] fd = finiteDifferenceJacobian(engine, theta, x, nPoints, residual);
        for (int[] block : blocks(mlp)) {
            double num = 0, den = 0;
            for (int i = 0; i < nPoints; i++) {
                for (int q = block[0]; q < block[1]; q++) {
                    double diff = jac[i * p + q] - fd[i * p + q];
                    num += diff * diff;
                    den += fd[i * p + q] * fd[i * p + q];
                }
            }
            double rel = Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-8);
            assertTrue(rel < REL_TOL, spec + " " + residual.derivatives() + " block " + mlp.describeParameter(block[0])
                    + " rel err " + rel);
        }
    }

    static double[] finiteDifferenceJacobian(JetEngine engine, double[] theta, double[] x, int n, PointResidual residual) {
        int p = theta.length;
        double[] fd = new double[n * p];
        double[] rp = new double[n];
        double[] rm = new double[n];
        for (int q = 0; q < p; q++) {
            double h = 1e-6 * Math.max(1, Math.abs(theta[q]));
            double[] t = theta.clone();
            t[q] = theta[q] + h;
            engine.residualJacobian(t, n, x, residual, rp, null);
            t[q] = theta[q] - h;
            engine.residualJacobian(t, n, x, residual, rm, null);
            for (int i = 0; i < n; i++) fd[i * p + q] = (rp[i] - rm[i]) / (2 * h);
        }
        return fd;
    }

    static List<int[]> blocks(Mlp mlp) {
        List<int[]> out = new ArrayList<>();
        for (int l = 0; l < mlp.layers(); l++) {
            out.add(new int[] {mlp.weightOffset(l), mlp.biasOffset(l)});
            out.add(new int[] {mlp.biasOffset(l), mlp.biasOffset(l) + mlp.fanOut(l)});
        }
        return out;
    }
}
