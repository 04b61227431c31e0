package dev.tangent.ntk;

import dev.tangent.bench.QuasiLinearResiduals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.PointResidual;
import dev.tangent.bench.QuasiLinearResiduals;
import dev.tangent.pde.LossGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The output-bias option changes every kernel block by exactly the bias column's outer product: the bias column
 * of J_T is c_b·∂F/∂u, so K_T,T'(option) − K_T,T'(none) = c_b²·d_T d_T'ᵀ with c_b = 1 (unscaled) or N^{-s} (scaled).
 */
class OutputBiasKernelTest {
    private static final int WIDTH = 24;
    private static final double S = 0.75;

    @Test
    void biasAddsTheOuterProductOfItsColumn() {
        double[] xb = {0.0, -0.4, 0.0, 0.3, 0.0, 0.8}; // (t, x) on the initial line
        double[] xf = {0.2, -0.7, 0.5, 0.1, 0.9, 0.6, 0.35, -0.2};
        PointResidual id = LinearResidual.identity(2, null), kdv = QuasiLinearResiduals.kdv(0.01);
        MlpSpec spec = MlpSpec.of(2, WIDTH).withOutputScaling(S);
        double[] theta = new Mlp(spec).initialize(7); // b_L = 0, so u (and KdV's coefficients) agree across options
        // d = ∂F/∂u at the points, from an independent forward pass: 1 for the identity, u_x for KdV
        double[] ux = new JetEngine(new Mlp(spec), List.of(MultiIndex.pure(2, 1, 1))).derivatives(theta, 4, xf, new double[4]);
        double[][] d = {{1, 1, 1}, ux};
        double[][][] none = blocks(spec.withOutputBias(OutputBias.NONE), theta, id, xb, kdv, xf);
        double[] factors = {1.0, Math.pow(WIDTH, -S)};
        OutputBias[] opts = {OutputBias.UNSCALED, OutputBias.SCALED};
        for (int o = 0; o < opts.length; o++) {
            double[][][] with = blocks(spec.withOutputBias(opts[o]), theta, id, xb, kdv, xf);
            double c2 = factors[o] * factors[o];
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    int na = d[a].length, nb = d[b].length;
                    double scale = 0, change = 0;
                    for (double v : with[a][b]) scale = Math.max(scale, Math.abs(v));
                    for (int i = 0; i < na; i++) {
                        for (int j = 0; j < nb; j++) {
                            double diff = with[a][b][i + j * na] - none[a][b][i + j * na];
                            change = Math.max(change, Math.abs(diff));
                            assertEquals(c2 * d[a][i] * d[b][j], diff, 1e-13 * scale,
                                    opts[o] + " block " + a + "," + b + " entry " + i + "," + j);
                        }
                    }
                    assertTrue(change > 1e-6 * scale, opts[o] + ": the bias must change block " + a + "," + b);
                }
            }
        }
    }

    private static double[][][] blocks(MlpSpec spec, double[] theta, PointResidual opB, double[] xb, PointResidual opF, double[] xf) {
        Mlp mlp = new Mlp(spec);
        KernelBlocks kb = new KernelBlocks(mlp, theta, 2);
        LossGroup b = LossGroup.of("b", opB, xb, mlp), f = LossGroup.of("f", opF, xf, mlp);
        return new double[][][] {{kb.kernel(b, b), kb.kernel(b, f)}, {kb.kernel(f, b), kb.kernel(f, f)}};
    }
}
