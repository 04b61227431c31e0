package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.train.Config;
import dev.tangent.train.NetFactory;
import dev.tangent.train.ProblemFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Fourier-feature first layer: jets against finite differences in x, the Jacobian against differences in θ. */
class FourierFeaturesTest {
    @Test
    void jetsMatchFiniteDifferencesAndTheFirstLayerIsSin() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 5), 0, new FourierFeatures(6, 2.0));
        assertEquals(2 * 6 + 6 + 6 * 5 + 5 + 5 + 1, mlp.nParams());
        assertEquals(Activation.SIN, mlp.activation(0));
        assertEquals(Activation.TANH, mlp.activation(1));
        double[] theta = mlp.initialize(3);
        int n = 5;
        double[] x = NetFixtures.randomPoints(n, 2, 4);
        double h = 1e-5;
        for (int k = 0; k < 2; k++) {
            for (int m = 1; m <= 3; m++) {
                double[] exact = NetFixtures.derivative(mlp, theta, x, n, MultiIndex.pure(2, k, m));
                double[] xp = x.clone(), xm = x.clone();
                for (int i = 0; i < n; i++) {
                    xp[i * 2 + k] += h;
                    xm[i * 2 + k] -= h;
                }
                double[] fp = NetFixtures.derivative(mlp, theta, xp, n, MultiIndex.pure(2, k, m - 1));
                double[] fm = NetFixtures.derivative(mlp, theta, xm, n, MultiIndex.pure(2, k, m - 1));
                double[] fd = new double[n];
                for (int i = 0; i < n; i++) fd[i] = (fp[i] - fm[i]) / (2 * h);
                double err = NetFixtures.relError(exact, fd, 1e-3);
                assertTrue(err < 1e-5, "order " + m + " along x" + k + ": rel err " + err);
            }
        }
        // the first layer computes sin(W x + b): u of a net whose later layers are the identity map would show it,
        // so check the value directly against a hand-written forward pass
        double[] u = NetFixtures.derivative(mlp, theta, x, n, MultiIndex.value(2));
        for (int i = 0; i < n; i++) assertEquals(forward(mlp, theta, x[2 * i], x[2 * i + 1]), u[i], 1e-13);
    }

    @Test
    void residualJacobianMatchesFiniteDifferencesInTheta() {
        Config c = Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  equation: u_xx + u*u_x = sin(x)
                  conditions: [{kind: dirichlet, value: 0, points: 2}]
                  interior_points: 6
                net: {widths: [4], fourier: {features: 3, scale: 1.5}}
                """);
        var p = ProblemFactory.build(c);
        Mlp mlp = NetFactory.network(c, p);
        assertTrue(mlp.fourier() != null && mlp.fanOut(0) == 3);
        Discretization d = new Discretization(p, mlp, Map.of(), 1);
        LossGroup g = d.groups().get(0);
        int np = mlp.nParams(), rows = g.size();
        double[] theta = mlp.initialize(7), r = new double[rows], jac = new double[rows * np];
        g.evaluate(theta, r, jac, 0);
        double h = 1e-6;
        for (int q = 0; q < np; q++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[q] += h;
            tm[q] -= h;
            double[] rp = new double[rows], rm = new double[rows];
            g.evaluate(tp, rp, null, 0);
            g.evaluate(tm, rm, null, 0);
            for (int i = 0; i < rows; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                assertEquals(fd, jac[i * np + q], 1e-6 * Math.max(1, Math.abs(fd)), mlp.describeParameter(q) + " row " + i);
            }
        }
    }

    /** sin layer, tanh layer, linear output with N^-1/2, written out. */
    private static double forward(Mlp mlp, double[] th, double x0, double x1) {
        double[] a = {x0, x1};
        for (int l = 0; l < mlp.layers(); l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            double[] z = new double[nOut];
            for (int o = 0; o < nOut; o++) {
                double s = 0;
                for (int j = 0; j < nIn; j++) s += th[mlp.weightOffset(l) + j * nOut + o] * a[j];
                z[o] = mlp.layerScale(l) * s + mlp.biasScale(l) * th[mlp.biasOffset(l) + o];
                if (l == 0) z[o] = Math.sin(z[o]);
                else if (l < mlp.layers() - 1) z[o] = Math.tanh(z[o]);
            }
            a = z;
        }
        return a[0];
    }
}
