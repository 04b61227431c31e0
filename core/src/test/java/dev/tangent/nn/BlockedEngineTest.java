package dev.tangent.nn;

import dev.tangent.bench.QuasiLinearResiduals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blocked, multi-threaded engine on batches of many blocks: identical bits for any number of workers, rows equal
 * to point-by-point evaluation, and forward passes reused only when θ and the points are exactly the same.
 */
class BlockedEngineTest {
    private static final List<PointResidual> RESIDUALS = List.of(LinearResidual.laplacian(2, p -> Math.sin(p[0])),
            QuasiLinearResiduals.kdv(0.022 * 0.022), LinearResidual.identity(2, null));

    @Test
    void resultsDoNotDependOnTheNumberOfWorkers() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 24, 17));
        double[] theta = mlp.initialize(3);
        int n = 301;   // several blocks and a ragged last one
        double[] x = NetFixtures.randomPoints(n, 2, 4);
        for (int i = 0; i < n; i += 7) x[2 * i] = 0.0;   // exact zeros in the input jets
        for (PointResidual res : RESIDUALS) {
            double[] r1 = new double[n], j1 = new double[n * mlp.nParams()];
            new JetEngine(mlp, res.derivatives(), 1).residualJacobian(theta, n, x, res, r1, j1);
            for (int workers : new int[] {2, 3, 8}) {
                double[] r = new double[n], j = new double[n * mlp.nParams()];
                new JetEngine(mlp, res.derivatives(), workers).residualJacobian(theta, n, x, res, r, j);
                assertArrayEquals(r1, r, 0.0, res.derivatives() + " residual, workers " + workers);
                assertArrayEquals(j1, j, 0.0, res.derivatives() + " Jacobian, workers " + workers);
            }
        }
    }

    /** J·v and Jᵀu over many blocks: the same bits for any number of workers, and equal to J·v and Jᵀu from J. */
    @Test
    void productsOverManyBlocksMatchTheJacobian() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 24, 17));
        double[] theta = mlp.initialize(3);
        int n = 301, p = mlp.nParams();
        double[] x = NetFixtures.randomPoints(n, 2, 4), v = NetFixtures.randomPoints(p, 1, 5), u = NetFixtures.randomPoints(n, 1, 6);
        for (PointResidual res : RESIDUALS) {
            double[] jac = new double[n * p];
            new JetEngine(mlp, res.derivatives(), 1).residualJacobian(theta, n, x, res, new double[n], jac);
            double[] jv1 = new double[n], jtu1 = new double[p];
            JetEngine one = new JetEngine(mlp, res.derivatives(), 1);
            one.jvp(theta, v, n, x, res, new double[n], jv1);
            one.vjp(theta, u, n, x, res, new double[n], jtu1);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int q = 0; q < p; q++) s += jac[i * p + q] * v[q];
                assertTrue(Math.abs(s - jv1[i]) <= 1e-12 * Math.max(1, Math.abs(s)), res.derivatives() + " (Jv)_" + i);
            }
            for (int q = 0; q < p; q++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += jac[i * p + q] * u[i];
                assertTrue(Math.abs(s - jtu1[q]) <= 1e-11 * Math.max(1, Math.abs(s)), res.derivatives() + " (Jᵀu)_" + q);
            }
            for (int workers : new int[] {2, 3}) {
                double[] jv = new double[n], jtu = new double[p];
                JetEngine e = new JetEngine(mlp, res.derivatives(), workers);
                e.jvp(theta, v, n, x, res, new double[n], jv);
                e.vjp(theta, u, n, x, res, new double[n], jtu);
                assertArrayEquals(jv1, jv, 0.0, res.derivatives() + " J·v, workers " + workers);
                assertArrayEquals(jtu1, jtu, 0.0, res.derivatives() + " Jᵀu, workers " + workers);
            }
        }
    }

    @Test
    void rowsMatchPointByPointEvaluation() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 20, 20, 20));
        double[] theta = mlp.initialize(5);
        int n = 130, p = mlp.nParams();
        double[] x = NetFixtures.randomPoints(n, 2, 6);
        for (PointResidual res : RESIDUALS) {
            JetEngine batch = new JetEngine(mlp, res.derivatives());
            double[] r = new double[n], jac = new double[n * p];
            batch.residualJacobian(theta, n, x, res, r, jac);
            JetEngine single = new JetEngine(mlp, res.derivatives(), 1);
            double[] r1 = new double[1], row = new double[p];
            for (int i = 0; i < n; i++) {
                single.residualJacobian(theta, 1, new double[] {x[2 * i], x[2 * i + 1]}, res, r1, row);
                assertTrue(Math.abs(r1[0] - r[i]) <= 1e-13 * Math.max(1, Math.abs(r[i])), "residual " + i);
                double[] got = java.util.Arrays.copyOfRange(jac, i * p, (i + 1) * p);
                assertTrue(NetFixtures.relError(got, row, 1e-300) < 1e-13, res.derivatives() + " row " + i);
            }
        }
    }

    @Test
    void forwardPassesAreReusedOnlyForTheSameThetaAndPoints() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 16, 16));
        PointResidual res = RESIDUALS.get(0);
        int n = 90, p = mlp.nParams();
        double[] x = NetFixtures.randomPoints(n, 2, 8), y = NetFixtures.randomPoints(n, 2, 9);
        double[][] thetas = {mlp.initialize(1), mlp.initialize(2), mlp.initialize(3)};
        JetEngine kept = new JetEngine(mlp, res.derivatives());
        // θ1, θ2, θ1 (reused), θ3 (evicts θ2), θ2 (recomputed), θ2 on other points, θ1 changed in place
        int[] order = {0, 1, 0, 2, 1, 1, 0};
        for (int step = 0; step < order.length; step++) {
            double[] theta = thetas[order[step]];
            double[] pts = step == 5 ? y : x;
            if (step == 6) theta[3] += 1e-3;
            double[] r = new double[n], jac = new double[n * p], rf = new double[n], jf = new double[n * p];
            kept.residualJacobian(theta, n, pts, res, r, jac);
            new JetEngine(mlp, res.derivatives()).residualJacobian(theta, n, pts, res, rf, jf);
            assertArrayEquals(rf, r, 0.0, "residual at step " + step);
            assertArrayEquals(jf, jac, 0.0, "Jacobian at step " + step);
            double[] values = kept.derivatives(theta, n, pts, new double[2 * n]);
            assertArrayEquals(new JetEngine(mlp, res.derivatives()).derivatives(theta, n, pts, new double[2 * n]), values, 0.0);
        }
    }
}
