package dev.tangent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void adaptiveCutoffStartsWhereItIsTold() {
        int rows = 4, params = 3;
        double[] a = new double[rows * params];
        a[0] = 1; // singular values 1, 0.1, 0.01
        a[params + 1] = 0.1;
        a[2 * params + 2] = 0.01;
        LeastSquaresProblem p = TestProblems.linear(a, new double[] {1, 1, 1, 1}, rows, params);
        StepReport high = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-10, 0.05)))
                .step(new double[params], p);
        assertEquals(2, high.rank(), "start 0.05·σ_max keeps 1 and 0.1");
        StepReport low = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-10)))
                .step(new double[params], p);
        assertEquals(3, low.rank(), "the default start sqrt(ε·P) keeps all three");
    }

    /** The adaptive cutoff rises tenfold after a step that finds no decrease and falls tenfold after poor progress. */
    @Test
    void adaptiveCutoffMovesBothWays() {
        int rows = 8, params = 3;
        LeastSquaresProblem linear = TestProblems.linear(TestProblems.random(rows * params, 11), TestProblems.random(rows, 12), rows, params);
        int[] fail = {-1}; // every trial fails until reset
        LeastSquaresProblem p = TestProblems.failingTrials(linear, fail);
        AnagramOptimizer opt = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-12, 1e-4)));
        double[] theta = new double[params];
        StepReport failed = opt.step(theta, p);
        assertEquals(0.0, failed.eta(), "every trial fails");
        assertEquals(1e-3, opt.state().get("cutoff.factor")[0], 1e-15, "a failed step raises the cutoff tenfold");
        assertTrue(!opt.stalled(failed), "below the ceiling a failed step is not a stall");
        fail[0] = 0;
        opt.step(theta, p); // solves the linear problem: a large decrease keeps the cutoff
        assertEquals(1e-3, opt.state().get("cutoff.factor")[0], 1e-15);
        opt.step(theta, p); // at the minimum: no progress lowers it
        assertEquals(1e-4, opt.state().get("cutoff.factor")[0], 1e-16);
    }

    /** A stuck step (less than 0.1% decrease) that the kept subspace promised more: the cutoff rises. */
    @Test
    void adaptiveCutoffRisesAfterAShortStep() {
        int rows = 8, params = 3;
        LeastSquaresProblem linear = TestProblems.linear(TestProblems.random(rows * params, 11), TestProblems.random(rows, 12), rows, params);
        int[] fail = {12}; // η = 1 … 2^-11 fail; 2^-12 is accepted and lowers the loss by less than 0.1%
        AnagramOptimizer opt = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-12, 1e-4)));
        StepReport shortStep = opt.step(new double[params], TestProblems.failingTrials(linear, fail));
        assertEquals(1.0 / 4096, shortStep.eta(), "the first accepted trial");
        assertEquals(1e-3, opt.state().get("cutoff.factor")[0], 1e-15, "a stuck step the model promised more raises the cutoff tenfold");
        AnagramOptimizer full = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-12, 1e-4)));
        StepReport fullStep = full.step(new double[params], linear);
        assertEquals(1.0, fullStep.eta(), "a linear problem takes the full step");
        assertEquals(1e-4, full.state().get("cutoff.factor")[0], 1e-16, "the model held and the loss fell: the cutoff stays");
    }

    /**
     * The adaptive step shortens only the poorly determined band: r = [10(θ₀ − 1), 0.01·atan(θ₁ − 2)] from θ = 0 has
     * σ = 10 and 0.002. The top direction (θ₀, linear) takes its full step; the band's full Gauss–Newton step
     * overshoots the atan (Δx = atan(2)·5 = 5.54), and the 2^-k search takes η = 1/4 on the band alone. A uniform η
     * (the fixed cutoff) must take η = 1 for θ₀'s sake and overshoots.
     */
    @Test
    void adaptiveStepLineSearchesOnlyTheBand() {
        LeastSquaresProblem p = atanProblem();
        AnagramOptimizer banded = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-10, 1e-5)));
        double[] theta = new double[2];
        StepReport r = banded.step(theta, p);
        double newton = Math.atan(2) * 5; // the band's full step in θ₁
        assertEquals(1.0, theta[0], 1e-14, "the top direction takes its full step");
        assertEquals(newton / 4, theta[1], 1e-12, "the band takes η = 1/4");
        double expected = 1e-4 * Math.pow(Math.atan(newton / 4 - 2), 2);
        assertEquals(expected, r.loss(), 1e-18);
        assertEquals(0.1, banded.state().get("cutoff.trusted")[0], 0.0, "a shortened band leaves the trusted cutoff");
        // σ₂/σ₁ = 2e-4 lies in the band (1e-4, 3.2e-4]: level 6, six half-decades below the ceiling 0.1
        assertEquals(0.25, banded.state().get("cutoff.band_eta")[6], 0.0, "the band remembers its η");
        assertEquals(1, java.util.Arrays.stream(banded.state().get("cutoff.band_eta")).filter(e -> e >= 0).count(), "only that band was searched");
        double[] plain = new double[2];
        StepReport uniform = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.relative(1e-5))).step(plain, p);
        assertEquals(1.0, uniform.eta(), "θ₀'s decrease dominates a uniform η");
        assertTrue(r.loss() < 0.2 * uniform.loss(), "banded " + r.loss() + " vs uniform " + uniform.loss());
    }

    /**
     * A band's search starts at twice the η it took last time: on the atan problem of
     * {@link #adaptiveStepLineSearchesOnlyTheBand} (best η = 1/4 from a start at 1), a remembered η of 1/64 starts the
     * search at 1/32, and since the loss falls monotonically up to η ≈ 1/4, the band takes 1/32.
     */
    @Test
    void adaptiveBandSearchStartsAtTwiceItsLastEta() {
        AnagramOptimizer o = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-10, 1e-5)));
        double[] remembered = new double[64];
        java.util.Arrays.fill(remembered, -1);
        remembered[6] = 1.0 / 64;
        o.restore(java.util.Map.of("cutoff.band_eta", remembered));
        double[] theta = new double[2];
        o.step(theta, atanProblem());
        assertEquals(1.0, theta[0], 1e-14, "the top direction takes its full step");
        assertEquals(Math.atan(2) * 5 / 32, theta[1], 1e-12, "the band takes η = 1/32");
        assertEquals(1.0 / 32, o.state().get("cutoff.band_eta")[6], 0.0);
    }

    /**
     * On a linear problem every band's full step holds: the pseudo-inverse step is taken, the top is trusted half a
     * decade more and the cutoff falls a decade (the lowest band helped).
     */
    @Test
    void adaptiveStepTrustsMoreAfterAFullBand() {
        double[] a = {1, 0, 0, 0, 1e-3, 0, 0, 0, 1e-6}; // σ = 1, 1e-3, 1e-6
        LeastSquaresProblem p = TestProblems.linear(a, new double[] {1, 1, 1}, 3, 3);
        AnagramOptimizer o = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-10, 1e-7)));
        double[] theta = new double[3];
        StepReport r = o.step(theta, p);
        assertEquals(3, r.rank());
        assertArrayEquals(new double[] {1, 1e3, 1e6}, theta, 1e-6, "the pseudo-inverse step");
        assertEquals(0.1 / Math.sqrt(10), o.state().get("cutoff.trusted")[0], 1e-17);
        assertEquals(1e-8, o.state().get("cutoff.factor")[0], 1e-22);
    }

    /** A band that no η helps ends the bands and raises the cutoff half a decade; the top's full step is still taken. */
    @Test
    void adaptiveCutoffRisesWhenTheLowestBandDoesNotHelp() {
        // r = A θ − 1 with A = diag(1, 1e-3): σ = 1 (θ₀, the top) and 1e-3 (θ₁, a band); a trial that moves θ₁ is NaN
        LeastSquaresProblem p = TestProblems.twoByTwo((t, r, jac) -> {
            r[0] = t[0] - 1;
            r[1] = jac == null && t[1] != 0 ? Double.NaN : 1e-3 * t[1] - 1;
            if (jac != null) {
                jac[0] = 1;
                jac[1] = 0;
                jac[2] = 0;
                jac[3] = 1e-3;
            }
        });
        AnagramOptimizer o = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-10, 1e-5)));
        double[] theta = new double[2];
        StepReport r = o.step(theta, p);
        assertArrayEquals(new double[] {1, 0}, theta, 1e-14, "the top alone");
        assertEquals(1.0, r.loss(), 1e-14);
        assertEquals(1e-5 * Math.sqrt(10), o.state().get("cutoff.factor")[0], 1e-19);
    }

    /** At a minimum the adaptive cutoff lowers to its floor and then stalls: the run ends instead of repeating itself. */
    @Test
    void adaptiveCutoffStallsAtAMinimum() {
        double[] a = {1, 0, 0, 1, 0, 0}; // 3 × 2, rank 2; the third row's residual cannot be removed
        LeastSquaresProblem p = TestProblems.linear(a, new double[] {1, 2, 3}, 3, 2);
        AnagramOptimizer o = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-3, 1e-2)));
        double[] theta = {1, 2}; // the minimum: loss 9
        int steps = 0;
        StepReport r;
        do {
            r = o.step(theta, p);
            steps++;
        } while (!o.stalled(r) && steps < 50);
        assertTrue(o.stalled(r), "stalled at the minimum");
        assertEquals(0.0, r.eta());
        assertTrue(steps <= 3, "two lowerings (1e-2 → 1e-3, then the floor holds), took " + steps);
        assertEquals(1e-3, o.state().get("cutoff.factor")[0], 1e-18);
    }

    /** Every trial failing with a cutoff that alternates between promising and not: bounded by the failure count. */
    @Test
    void adaptiveCutoffStallsWhenFailuresCycle() {
        double[] a = {1, 0, 0, 5e-4};
        LeastSquaresProblem p = TestProblems.failingTrials(TestProblems.linear(a, new double[] {0, 1}, 2, 2), new int[] {-1});
        AnagramOptimizer o = new AnagramOptimizer(AnagramOptimizer.Settings.defaults().withCutoff(Cutoff.adaptive(1e-10, 1e-3)));
        int steps = 0;
        StepReport r;
        do {
            r = o.step(new double[2], p);
            steps++;
        } while (!o.stalled(r) && steps < 100);
        assertTrue(o.stalled(r), "a cycle of failed steps ends");
        assertTrue(steps <= 12, "at most one failure per decade between floor and ceiling plus one, took " + steps);
    }

    @Test
    void adaptiveCutoffBoundsAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cutoff.adaptive(0)).getMessage().contains("optimizer.cutoff"));
        assertThrows(IllegalArgumentException.class, () -> Cutoff.adaptive(0.5));
        String m = assertThrows(IllegalArgumentException.class, () -> Cutoff.adaptive(1e-3, 1e-5)).getMessage();
        assertTrue(m.contains("optimizer.cutoff_start") && m.contains("1.0E-5"), m);
        assertEquals(1e-3, Cutoff.adaptive(1e-3).startFactor(1000), 0.0, "the default start sqrt(ε·P) ≈ 4.7e-7 is raised to the floor");
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

    /** r = [10(θ₀ − 1), 0.01·atan(θ₁ − 2)]: σ = 10 (linear) and 0.002 at θ = 0. */
    private static LeastSquaresProblem atanProblem() {
        return TestProblems.twoByTwo((t, r, jac) -> {
            double x = t[1] - 2;
            r[0] = 10 * (t[0] - 1);
            r[1] = 0.01 * Math.atan(x);
            if (jac != null) {
                jac[0] = 10;
                jac[1] = 0;
                jac[2] = 0;
                jac[3] = 0.01 / (1 + x * x);
            }
        });
    }
}
