package dev.tangent.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.MultiIndex;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelBlocksTest {
    private final Mlp mlp = new Mlp(MlpSpec.of(1, 12, 9));
    private final double[] theta = mlp.initialize(4);
    private final double[] xs = {-0.8, -0.3, 0.1, 0.45, 0.9};
    private final KernelBlocks kb = new KernelBlocks(mlp, theta, 2); // tiny blocks exercise the blocking

    private LossGroup side(String name, MultiIndex mi) {
        return LossGroup.of(name, new LinearResidual(1, List.of(mi), new double[] {1}, null), xs, mlp);
    }

    @Test
    void kernelEqualsJacobianTimesJacobianTransposeComputedNaively() {
        LossGroup u = side("u", MultiIndex.value(1));
        LossGroup uxx = side("u_xx", MultiIndex.pure(1, 0, 2));
        double[] ju = kb.jacobian(u), jxx = kb.jacobian(uxx);
        double[] k = kb.kernel(u, uxx);
        int p = mlp.nParams(), n = xs.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < p; q++) s += ju[i * p + q] * jxx[j * p + q];
                assertEquals(s, k[i + j * n], 1e-12 * Math.max(1, Math.abs(s)));
            }
        }
    }

    @Test
    void operatorKernelEqualsFiniteDifferencesOfTheKernelInBothArguments() {
        // K_T(x, x') with T = d/dx equals ∂x ∂x' K(x, x'), K(x, x') = ∇θu(x)·∇θu(x')
        double h = 1e-4;
        LossGroup ux = side("u_x", MultiIndex.pure(1, 0, 1));
        double[] kt = kb.kernel(ux, ux);
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double fd = (k(xs[i] + h, xs[j] + h) - k(xs[i] + h, xs[j] - h) - k(xs[i] - h, xs[j] + h) + k(xs[i] - h, xs[j] - h)) / (4 * h * h);
                assertEquals(fd, kt[i + j * n], 1e-5 * Math.max(1, Math.abs(fd)), "K_T(" + xs[i] + ", " + xs[j] + ")");
            }
        }
    }

    private double k(double a, double b) {
        int p = mlp.nParams();
        JetEngine e = new JetEngine(mlp, List.of(MultiIndex.value(1)));
        double[] ja = new double[p], jb = new double[p];
        LinearResidual id = LinearResidual.identity(1, null);
        e.residualJacobian(theta, 1, new double[] {a}, id, new double[1], ja);
        e.residualJacobian(theta, 1, new double[] {b}, id, new double[1], jb);
        double s = 0;
        for (int q = 0; q < p; q++) s += ja[q] * jb[q];
        return s;
    }

    @Test
    void fullKernelIsSymmetricPositiveSemidefiniteAndTracesAreJacobianNorms() {
        Discretization d = new Discretization(Catalog.get("heat1d"), new Mlp(MlpSpec.of(2, 16)), Map.of("pde", 40, "initial", 10, "boundary", 10), 1);
        double[] th = d.mlp().initialize(2);
        KernelBlocks blocks = new KernelBlocks(d.mlp(), th, 16);
        List<LossGroup> sides = d.groups();
        double[] k = blocks.full(sides);
        int n = KernelBlocks.size(sides);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) assertEquals(k[i + j * n], k[j + i * n], 1e-10 * Math.abs(k[i + j * n]) + 1e-12);
        NtkSpectrum s = KernelBlocks.spectrum("K", n, k);
        for (double v : s.eigenvalues()) assertTrue(v > -1e-10 * s.eigenvalues()[0], "negative eigenvalue " + v);
        int off = 0;
        for (LossGroup side : sides) {
            double[] j = blocks.jacobian(side);
            double fro = 0;
            for (double v : j) fro += v * v;
            double diag = 0;
            for (int i = off; i < off + side.size(); i++) diag += k[i + i * n];
            assertEquals(fro, blocks.trace(side), 1e-10 * fro);
            assertEquals(fro, diag, 1e-10 * fro);
            off += side.size();
        }
    }

    @Test
    void driftAndRelativeDifferenceMatchClosedForms() {
        double[] k0 = {3, 0, 0, 4};
        assertEquals(0.0, KernelNorms.drift(k0, k0.clone()), 0.0);
        assertEquals(5.0, KernelNorms.frobenius(k0), 1e-15);
        assertEquals(0.1, KernelNorms.drift(k0, new double[] {3.3, 0, 0, 4.4}), 1e-15); // K_t = 1.1·K_0
        assertEquals(Math.sqrt(2) / 5, KernelNorms.drift(k0, new double[] {4, 1, 0, 4}), 1e-15);
    }
}
