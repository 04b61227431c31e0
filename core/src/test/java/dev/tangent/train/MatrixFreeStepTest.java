package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.linalg.DampedLeastSquares;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.optim.LevenbergMarquardtOptimizer;
import dev.tangent.optim.MatrixFreeSettings;
import dev.tangent.optim.StepReport;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The matrix-free LM step (CG over exact JVPs/VJPs, Nyström preconditioner) against the dense SVD step on a small
 * net: from the same θ and μ, with CG run to convergence, the same update, the same accept/reject decisions and the
 * same new μ. The acceleration's second solve is compared too.
 */
class MatrixFreeStepTest {
    @ParameterizedTest
    @CsvSource({"laplace2d, true", "laplace2d, false", "burgers-periodic, true"})
    void aConvergedMatrixFreeStepIsTheDenseStep(String problem, boolean acceleration) {
        WeightedProblem wp;
        if (problem.equals("laplace2d")) {
            Mlp mlp = new Mlp(MlpSpec.of(2, 8, 6));
            wp = new WeightedProblem(new Discretization(Catalog.get(problem), mlp, Map.of("pde", 60), 1));
        } else {
            wp = MatrixFreeProductsTest.problem(MatrixFreeProductsTest.BURGERS_PERIODIC, 1); // nonlinear, a periodic group
        }
        double[] theta0 = wp.discretization().mlp().initialize(2);
        int rows = wp.nRows(), n = wp.nParams();
        double[] jac = new double[rows * n];
        wp.evaluate(theta0, new double[rows], jac);
        double frob = 0;
        for (double v : jac) frob += v * v;
        LevenbergMarquardtOptimizer.Settings base = LevenbergMarquardtOptimizer.Settings.defaults().withAcceleration(acceleration);
        LevenbergMarquardtOptimizer dense = new LevenbergMarquardtOptimizer(base.withRoute(DampedLeastSquares.Route.SVD)
                .withMatrixFree(MatrixFreeSettings.defaults().withMode(MatrixFreeSettings.Mode.DENSE)));
        LevenbergMarquardtOptimizer free = new LevenbergMarquardtOptimizer(base.withMatrixFree(
                MatrixFreeSettings.defaults().withMode(MatrixFreeSettings.Mode.CG).withCg(1e-14, 2000, 8)));
        double[] a = theta0.clone(), b = theta0.clone();
        for (int step = 0; step < 3; step++) {
            double mu = step == 0 ? 1e-3 * frob : dense.damping();
            dense.restore(Map.of("lm.mu", new double[] {mu}, "lm.nu", new double[] {2}));
            free.restore(Map.of("lm.mu", new double[] {mu}, "lm.nu", new double[] {2}));
            StepReport rd = dense.step(a, wp);
            StepReport rf = free.step(b, wp);
            assertEquals("svd", dense.route());
            assertEquals("cg", free.route());
            double scale = 0;
            for (int i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i] - theta0[i]));
            assertTrue(scale > 0, "the dense step moved");
            assertArrayEquals(a, b, 1e-8 * scale, "step " + step + " θ");
            assertEquals(rd.loss(), rf.loss(), 1e-8 * rd.loss(), "step " + step + " loss");
            assertEquals(dense.damping(), free.damping(), 1e-8 * dense.damping(), "step " + step + " μ");
            assertEquals(rd.evaluations(), rf.evaluations(), "step " + step + " trials");
        }
        MatrixFreeDampedSolveStats.check(free);
    }

    /** AUTO goes matrix-free exactly when S·P·8 bytes exceeds the budget, and never forms Φ then. */
    @Test
    void autoSwitchesByTheMemoryBudget() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 8));
        WeightedProblem wp = new WeightedProblem(new Discretization(Catalog.get("laplace2d"), mlp, Map.of("pde", 40), 1));
        double bytes = (double) wp.nRows() * wp.nParams() * 8, mb = bytes / (1 << 20);
        LevenbergMarquardtOptimizer below = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()
                .withMatrixFree(MatrixFreeSettings.defaults().withMemoryBudget(mb * 1.01)));
        LevenbergMarquardtOptimizer above = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()
                .withMatrixFree(MatrixFreeSettings.defaults().withMemoryBudget(mb * 0.99)));
        double[] t1 = mlp.initialize(0), t2 = t1.clone();
        StepReport r1 = below.step(t1, wp), r2 = above.step(t2, wp);
        assertEquals("svd", below.route());
        assertEquals("cg", above.route());
        assertTrue(r2.loss() < wp.loss(mlp.initialize(0), new double[wp.nRows()]), "the matrix-free step decreases the loss");
        assertTrue(r1.loss() > 0 && above.matrixFreeStats().iterations() > 0);
    }

    /** One seed, the same bits: two matrix-free runs of three steps agree exactly. */
    @Test
    void matrixFreeStepsAreBitIdentical() {
        double[][] out = new double[2][];
        for (int k = 0; k < 2; k++) {
            Mlp mlp = new Mlp(MlpSpec.of(2, 10));
            WeightedProblem wp = new WeightedProblem(new Discretization(Catalog.get("laplace2d"), mlp, Map.of("pde", 50), 3));
            LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()
                    .withMatrixFree(MatrixFreeSettings.defaults().withMode(MatrixFreeSettings.Mode.CG)));
            out[k] = mlp.initialize(4);
            for (int s = 0; s < 3; s++) lm.step(out[k], wp);
        }
        assertArrayEquals(out[0], out[1], 0.0);
    }

    /** The counters are filled and the CG converged on the well-posed small case. */
    private static final class MatrixFreeDampedSolveStats {
        static void check(LevenbergMarquardtOptimizer lm) {
            var s = lm.matrixFreeStats();
            assertNotNull(s);
            assertTrue(s.solves() > 0 && s.iterations() >= s.solves() && s.jvps() > s.iterations() && s.vjps() > s.iterations(), s.toString());
            assertTrue(s.last().converged(), s.toString());
        }
    }
}
