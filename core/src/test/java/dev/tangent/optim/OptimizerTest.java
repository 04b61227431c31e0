package dev.tangent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.linalg.Lapack;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    void lbfgsAndAdamSolveAQuadratic() {
        int rows = 12, params = 5;
        double[] a = TestProblems.random(rows * params, 1);
        double[] b = TestProblems.random(rows, 2);
        LeastSquaresProblem p = TestProblems.linear(a, b, rows, params);
        double[] exact = Lapack.leastSquares(rows, params, colMajor(a, rows, params), 1, b, -1).x();
        double[] theta = new double[params];
        Optimizer lbfgs = new LbfgsOptimizer(LbfgsOptimizer.Settings.defaults());
        for (int k = 0; k < 30; k++) lbfgs.step(theta, p);
        assertArrayEquals(exact, theta, 1e-8, "L-BFGS");
        theta = new double[params];
        Optimizer adam = new AdamOptimizer(AdamOptimizer.Settings.defaults().withLr(0.05).withDecay(0.5, 2000));
        for (int k = 0; k < 8000; k++) adam.step(theta, p);
        assertArrayEquals(exact, theta, 1e-5, "Adam");
    }

    @Test
    void lbfgsAndAdamSolveRosenbrock() {
        LeastSquaresProblem p = TestProblems.rosenbrock();
        double[] theta = {-1.2, 1.0};
        Optimizer lbfgs = new LbfgsOptimizer(LbfgsOptimizer.Settings.defaults());
        for (int k = 0; k < 100; k++) lbfgs.step(theta, p);
        assertArrayEquals(new double[] {1, 1}, theta, 1e-6, "L-BFGS");
        theta = new double[] {-1.2, 1.0};
        Optimizer adam = new AdamOptimizer(AdamOptimizer.Settings.defaults().withLr(0.02).withDecay(0.5, 5000));
        for (int k = 0; k < 30000; k++) adam.step(theta, p);
        assertArrayEquals(new double[] {1, 1}, theta, 1e-3, "Adam");
    }

    @Test
    void anagramStepIsThePseudoInverseSolution() {
        int rows = 10, params = 4;
        double[] a = TestProblems.random(rows * params, 3);
        double[] b = TestProblems.random(rows, 4);
        LeastSquaresProblem p = TestProblems.linear(a, b, rows, params);
        double[] theta = TestProblems.random(params, 5);
        double[] r = new double[rows];
        p.evaluate(theta, r, null);
        double[] b0 = b;
        // independent: normal equations (AᵀA) d = Aᵀ r by Cholesky
        double[] ata = new double[params * params];
        double[] atr = new double[params];
        for (int i = 0; i < params; i++) {
            for (int j = 0; j < params; j++) for (int k = 0; k < rows; k++) ata[i + j * params] += a[k * params + i] * a[k * params + j];
            for (int k = 0; k < rows; k++) atr[i] += a[k * params + i] * r[k];
        }
        double[] expected = Lapack.choleskySolve(params, ata, 1, atr);
        AnagramOptimizer opt = new AnagramOptimizer(AnagramOptimizer.Settings.defaults());
        StepReport rep = opt.step(theta, p);
        assertArrayEquals(expected, opt.lastDirection(), 1e-10);
        assertEquals(1.0, rep.eta(), "a linear problem is solved by the full step");
        assertEquals(params, rep.rank());
        double[] solved = Lapack.leastSquares(rows, params, colMajor(a, rows, params), 1, b, -1).x();
        assertEquals(p.loss(solved, new double[rows]), rep.loss(), 1e-12, "one step reaches the least-squares minimum");
    }

    @Test
    void anagramCutoffDropsSmallSingularValues() {
        int rows = 6, params = 3;
        double[] a = new double[rows * params];
        for (int i = 0; i < rows; i++) {
            a[i * params] = 1;
            a[i * params + 1] = i;
            a[i * params + 2] = 1 + 1e-9 * i * i; // nearly the first column
        }
        LeastSquaresProblem p = TestProblems.linear(a, TestProblems.random(rows, 6), rows, params);
        StepReport rep = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.relative(1e-6)))
                .step(new double[params], p);
        assertEquals(2, rep.rank(), "the near-duplicate direction is cut off");
    }

    /** Rows 4, params 3, Φ = diag(σ) on the first three rows, r = Φθ − 1. */
    private static LeastSquaresProblem diagonal(double... sigma) {
        double[] a = new double[4 * 3];
        for (int j = 0; j < 3; j++) a[j * 3 + j] = sigma[j];
        return TestProblems.linear(a, new double[] {1, 1, 1, 1}, 4, 3);
    }

    private static AnagramOptimizer adaptive(double start) {
        return new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-12, start)));
    }

    private static double factor(AnagramOptimizer o) {
        return o.state().get("cutoff.factor")[0];
    }

    /** The search tries factor, factor/10 and 10·factor; on a linear problem the lowest cutoff that adds a direction wins. */
    @Test
    void adaptiveCutoffStartsWhereItIsToldAndFallsWhenALowerOneIsBetter() {
        AnagramOptimizer o = adaptive(1e-5);
        StepReport r = o.step(new double[3], diagonal(1, 0.1, 5e-6));
        assertEquals(3, r.rank(), "1e-6·σ_max keeps 5e-6: the exact solve, lowest loss");
        assertEquals(1e-6, factor(o), 1e-21, "the factor moves to the winning cutoff");
        assertEquals(1.0, r.loss(), 1e-12, "the fourth row is left");
        AnagramOptimizer same = adaptive(1e-2);
        StepReport tie = same.step(new double[3], diagonal(1, 0.1, 0.05));
        assertEquals(3, tie.rank());
        assertEquals(1e-2, factor(same), 1e-18, "1e-3 keeps the same directions: the tie keeps the current cutoff");
    }

    /** A low cutoff whose step a nonlinearity bends loses to a higher one: the factor rises. */
    @Test
    void adaptiveCutoffRisesWhenTheSmallDirectionsBendTheStep() {
        LeastSquaresProblem linear = diagonal(1, 0.1, 1e-3);
        LeastSquaresProblem bent = new LeastSquaresProblem() { // r_1 += θ_3²: the σ = 1e-3 direction's long step blows up
            @Override
            public int nParams() {
                return 3;
            }

            @Override
            public int nRows() {
                return 4;
            }

            @Override
            public double evaluate(double[] theta, double[] r, double[] jac) {
                linear.evaluate(theta, r, jac);
                r[0] += theta[2] * theta[2];
                if (jac != null) jac[2] += 2 * theta[2];
                double l = 0;
                for (int i = 0; i < 4; i++) l += r[i] * r[i];
                return l;
            }
        };
        AnagramOptimizer o = adaptive(1e-4);
        StepReport r = o.step(new double[3], bent);
        assertEquals(2, r.rank(), "dropping σ = 1e-3 gives the better step");
        assertEquals(1e-3, factor(o), 1e-18, "the factor rose tenfold");
        assertEquals(2.0, r.loss(), 1e-12, "rows 1 and 2 solved, 3 and 4 left");
    }

    /** No candidate lowers the loss: the factor rises a hundredfold, and only at the ceiling is it a stall. */
    @Test
    void adaptiveCutoffRisesWhenEveryCandidateFails() {
        int rows = 8, params = 3;
        LeastSquaresProblem linear = TestProblems.linear(TestProblems.random(rows * params, 11), TestProblems.random(rows, 12), rows, params);
        LeastSquaresProblem p = TestProblems.failingTrials(linear, new int[] {-1}); // every trial fails
        AnagramOptimizer o = adaptive(1e-6);
        StepReport failed = o.step(new double[params], p);
        assertEquals(0.0, failed.eta());
        assertEquals(1e-4, factor(o), 1e-19, "a hundredfold");
        assertTrue(!o.stalled(failed), "below the ceiling a failed step is not a stall");
        for (int i = 0; i < 3; i++) failed = o.step(new double[params], p);
        assertEquals(AnagramOptimizer.CEILING, factor(o), 0.0);
        assertTrue(o.stalled(failed), "at the ceiling it is");
    }

    @Test
    void engdGramAndKernelFormsGiveTheSameDirection() {
        for (int[] shape : new int[][] {{5, 9}, {12, 4}}) {
            int rows = shape[0], params = shape[1];
            double[] a = TestProblems.random(rows * params, 7 + rows);
            LeastSquaresProblem p = TestProblems.linear(a, TestProblems.random(rows, 8), rows, params);
            double[] theta = TestProblems.random(params, 9);
            EngdOptimizer gram = new EngdOptimizer(EngdOptimizer.Settings.defaults().withForm(EngdOptimizer.Form.GRAM));
            EngdOptimizer kernel = new EngdOptimizer(EngdOptimizer.Settings.defaults().withForm(EngdOptimizer.Form.KERNEL));
            gram.step(theta.clone(), p);
            kernel.step(theta.clone(), p);
            assertArrayEquals(gram.lastDirection(), kernel.lastDirection(), 1e-8, rows + "x" + params);
            EngdOptimizer auto = new EngdOptimizer(EngdOptimizer.Settings.defaults());
            auto.step(theta.clone(), p);
            assertEquals(rows < params ? EngdOptimizer.Form.KERNEL : EngdOptimizer.Form.GRAM, auto.lastForm());
        }
    }

    private static double[] colMajor(double[] rowMajor, int rows, int cols) {
        double[] c = new double[rows * cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) c[i + j * rows] = rowMajor[i * cols + j];
        return c;
    }
}
