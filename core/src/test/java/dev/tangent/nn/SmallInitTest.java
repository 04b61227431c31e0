package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** parameterization: small, the published ANaGRAM/ENGD network: every weight and bias ~ 0.1·N(0,1), u = W a + b. */
class SmallInitTest {
    private static double std(double[] t, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += t[i] * t[i];
        return Math.sqrt(s / (to - from));
    }

    @Test
    void everyWeightAndBiasHasStandardDeviationOneTenth() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 300, 300).withParameterization(Parameterization.SMALL));
        double[] theta = mlp.initialize(7);
        for (int l = 0; l < mlp.layers(); l++) {
            int w = mlp.weightOffset(l), b = mlp.biasOffset(l), n = mlp.fanIn(l) * mlp.fanOut(l);
            assertEquals(0.1, std(theta, w, w + n), n > 1000 ? 0.005 : 0.03, "W" + (l + 1));
            if (mlp.fanOut(l) > 100) assertEquals(0.1, std(theta, b, b + mlp.fanOut(l)), 0.02, "b" + (l + 1));
        }
        int out = mlp.layers() - 1;
        assertTrue(theta[mlp.biasOffset(out)] != 0, "the output bias is drawn too (standard leaves it at 0)");
        double[] standard = new Mlp(MlpSpec.of(2, 300, 300)).initialize(7);
        assertEquals(0.0, standard[mlp.biasOffset(out)], 0.0);
        assertEquals(1 / Math.sqrt(300), std(standard, mlp.weightOffset(1), mlp.biasOffset(1)), 0.003, "standard: N(0, 1/fan_in)");
    }

    @Test
    void withoutOutputScalingTheNetworkIsPlainWaPlusB() {
        MlpSpec spec = new MlpSpec(1, new int[] {3}, Activation.TANH, 0.0, Parameterization.SMALL);
        Mlp mlp = new Mlp(spec);
        double[] theta = mlp.initialize(3);
        double x = 0.37, u = theta[mlp.biasOffset(1)];
        for (int j = 0; j < 3; j++) {
            double z = theta[mlp.weightOffset(0) + j] * x + theta[mlp.biasOffset(0) + j];
            u += theta[mlp.weightOffset(1) + j] * Math.tanh(z);
        }
        assertEquals(u, new Predictor(mlp).predict(theta, new double[] {x})[0], 1e-15);
    }
}
