package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jets and Jacobians of several fields (u, v, p), from one network with three outputs and from three networks:
 * every derivative against finite differences in x, every Jacobian entry against central differences in θ, the
 * gradient path and J·v against J.
 */
class SystemJetsTest {
    private static final int N = 7;

    /** A steady Navier–Stokes momentum row in (x, y): u u_x + v u_y + p_x − (u_xx + u_yy)/Re, fields u=0, v=1, p=2. */
    static final class Momentum implements PointResidual {
        private final double re = 40;

        @Override
        public int inputDim() {
            return 2;
        }

        @Override
        public List<MultiIndex> derivatives() {
            return List.of(MultiIndex.of(0, 0), MultiIndex.of(1, 0), MultiIndex.of(0, 1), MultiIndex.of(0, 0),
                    MultiIndex.of(1, 0), MultiIndex.of(2, 0), MultiIndex.of(0, 2), MultiIndex.of(1, 1));
        }

        @Override
        public int[] fields() {
            return new int[] {0, 0, 0, 1, 2, 0, 0, 1};   // u, u_x, u_y, v, p_x, u_xx, u_yy, v_xy
        }

        @Override
        public void evaluate(int n, double[] x, double[] v, double[] r, double[] p) {
            for (int i = 0; i < n; i++) {
                double u = v[i], ux = v[n + i], uy = v[2 * n + i], w = v[3 * n + i], px = v[4 * n + i];
                double uxx = v[5 * n + i], uyy = v[6 * n + i], vxy = v[7 * n + i];
                r[i] = u * ux + w * uy + px - (uxx + uyy) / re + 0.3 * vxy * vxy;
                p[i] = ux;
                p[n + i] = u;
                p[2 * n + i] = w;
                p[3 * n + i] = uy;
                p[4 * n + i] = 1;
                p[5 * n + i] = -1 / re;
                p[6 * n + i] = -1 / re;
                p[7 * n + i] = 0.6 * vxy;
            }
        }
    }

    /** Reads only the pressure: p − sin x (a point condition on one field). */
    static final class PressureOnly implements PointResidual {
        @Override
        public int inputDim() {
            return 2;
        }

        @Override
        public List<MultiIndex> derivatives() {
            return List.of(MultiIndex.of(0, 0), MultiIndex.of(0, 1));
        }

        @Override
        public int[] fields() {
            return new int[] {2, 2};
        }

        @Override
        public void evaluate(int n, double[] x, double[] v, double[] r, double[] p) {
            for (int i = 0; i < n; i++) {
                r[i] = v[i] * v[n + i] - Math.sin(x[2 * i]);
                p[i] = v[n + i];
                p[n + i] = v[i];
            }
        }
    }

    static MlpSpec spec(NetLayout layout) {
        return MlpSpec.of(2, 6, 5).withFields(3, layout);
    }

    @ParameterizedTest
    @EnumSource(NetLayout.class)
    void fieldDerivativesMatchFiniteDifferencesInX(NetLayout layout) {
        Mlp mlp = new Mlp(spec(layout));
        double[] theta = mlp.initialize(11);
        double[] x = NetFixtures.randomPoints(N, 2, 12);
        MultiIndex value = MultiIndex.of(0, 0);
        List<MultiIndex> ds = List.of(MultiIndex.of(1, 0), MultiIndex.of(0, 2), MultiIndex.of(1, 1), MultiIndex.of(1, 0),
                MultiIndex.of(0, 2), MultiIndex.of(1, 1), MultiIndex.of(1, 0), MultiIndex.of(0, 2), MultiIndex.of(1, 1));
        int[] fields = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        double[] jets = new JetEngine(mlp, ds, fields).derivatives(theta, N, x, new double[ds.size() * N]);
        JetEngine values = new JetEngine(mlp, List.of(value, value, value), new int[] {0, 1, 2});
        double h = 1e-4;
        for (int k = 0; k < ds.size(); k++) {
            int[] a = ds.get(k).alpha();
            int f = fields[k];
            for (int i = 0; i < N; i++) {
                double fd;
                if (a[0] == 1 && a[1] == 0) {
                    fd = (at(values, theta, x, i, h, 0, f) - at(values, theta, x, i, -h, 0, f)) / (2 * h);
                } else if (a[1] == 2) {
                    fd = (at(values, theta, x, i, h, 1, f) - 2 * at(values, theta, x, i, 0, 1, f)
                            + at(values, theta, x, i, -h, 1, f)) / (h * h);
                } else {
                    double hh = 1e-3;
                    fd = (at2(values, theta, x, i, hh, hh, f) - at2(values, theta, x, i, hh, -hh, f)
                            - at2(values, theta, x, i, -hh, hh, f) + at2(values, theta, x, i, -hh, -hh, f)) / (4 * hh * hh);
                }
                assertEquals(fd, jets[k * N + i], 2e-5 * Math.max(1, Math.abs(fd)), layout + " field " + f + " " + ds.get(k));
            }
        }
    }

    private static double at(JetEngine e, double[] theta, double[] x, int i, double h, int axis, int f) {
        return at2(e, theta, x, i, axis == 0 ? h : 0, axis == 1 ? h : 0, f);
    }

    private static double at2(JetEngine e, double[] theta, double[] x, int i, double hx, double hy, int f) {
        double[] pt = {x[2 * i] + hx, x[2 * i + 1] + hy};
        return e.derivatives(theta, 1, pt, new double[3])[f];
    }

    @ParameterizedTest
    @EnumSource(NetLayout.class)
    void jacobianMatchesCentralDifferencesForEveryField(NetLayout layout) {
        for (PointResidual res : List.of(new Momentum(), new PressureOnly())) {
            Mlp mlp = new Mlp(spec(layout));
            double[] theta = mlp.initialize(5);
            double[] x = NetFixtures.randomPoints(N, 2, 6);
            JetEngine engine = new JetEngine(mlp, res.derivatives(), res.fields());
            int p = mlp.nParams();
            double[] r = new double[N];
            double[] jac = new double[(N + 2) * p];
            java.util.Arrays.fill(jac, Double.NaN);   // blocks of unread fields must be written (zeros), not left
            engine.residualJacobian(theta, N, x, res, r, jac, 2);
            double[] fd = ResidualJacobianTest.finiteDifferenceJacobian(engine, theta, x, N, res);
            double num = 0, den = 0;
            for (int i = 0; i < N; i++) {
                for (int q = 0; q < p; q++) {
                    double diff = jac[(i + 2) * p + q] - fd[i * p + q];
                    num += diff * diff;
                    den += fd[i * p + q] * fd[i * p + q];
                    if (fd[i * p + q] == 0 && layout == NetLayout.SEPARATE) assertEquals(0.0, jac[(i + 2) * p + q], 1e-12);
                }
            }
            assertTrue(Math.sqrt(num / den) < 1e-6, layout + " " + res.getClass().getSimpleName() + " rel " + Math.sqrt(num / den));
            assertTrue(Double.isNaN(jac[0]) && Double.isNaN(jac[2 * p - 1]), "rows before jacRow are not touched");

            // the gradient path and J·v agree with J
            double[] grad = new double[p];
            engine.residualGradient(theta, N, x, res, 0.5, new double[N], grad);
            double[] v = NetFixtures.randomPoints(p, 1, 9);
            double[] jv = new double[N];
            engine.jvp(theta, v, N, x, res, new double[N], jv);
            for (int q = 0; q < p; q++) {
                double s = 0;
                for (int i = 0; i < N; i++) s += 0.5 * r[i] * jac[(i + 2) * p + q];
                assertEquals(s, grad[q], 1e-11 * Math.max(1, Math.abs(s)), layout + " gradient " + mlp.describeParameter(q));
            }
            for (int i = 0; i < N; i++) {
                double s = 0;
                for (int q = 0; q < p; q++) s += jac[(i + 2) * p + q] * v[q];
                assertEquals(s, jv[i], 1e-11 * Math.max(1, Math.abs(s)), layout + " J·v row " + i);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void separateNetworksAreTheirPartsSideBySide() {
        Mlp mlp = new Mlp(spec(NetLayout.SEPARATE));
        Mlp[] parts = mlp.parts();
        double[] theta = mlp.initialize(3);
        double[] x = NetFixtures.randomPoints(N, 2, 4);
        MultiIndex lap = MultiIndex.of(0, 2);
        double[] all = new JetEngine(mlp, List.of(lap, lap, lap), new int[] {0, 1, 2}).derivatives(theta, N, x, new double[3 * N]);
        for (int f = 0; f < 3; f++) {
            double[] block = java.util.Arrays.copyOfRange(theta, mlp.partOffset(f), mlp.partOffset(f) + parts[f].nParams());
            double[] alone = new JetEngine(parts[f], List.of(lap)).derivatives(block, N, x, new double[N]);
            assertArrayEquals(alone, java.util.Arrays.copyOfRange(all, f * N, (f + 1) * N), 0.0, "field " + f);
        }
        assertEquals(3 * parts[0].nParams(), mlp.nParams());
        assertTrue(mlp.describeParameter(mlp.partOffset(2)).startsWith("net3."), mlp.describeParameter(mlp.partOffset(2)));
    }

    @org.junit.jupiter.api.Test
    void aFieldBeyondTheNetworkIsAnError() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 4).withFields(2, NetLayout.SHARED));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new JetEngine(mlp, List.of(MultiIndex.of(0, 0)), new int[] {2}));
        assertTrue(e.getMessage().contains("field 2") && e.getMessage().contains("2 field(s)"), e.getMessage());
    }
}
