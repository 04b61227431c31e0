package dev.tangent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.linalg.DampedLeastSquares;
import dev.tangent.linalg.Lapack;
import dev.tangent.linalg.MatrixOps;
import org.junit.jupiter.api.Test;

class LevenbergMarquardtTest {
    private static final DampedLeastSquares.Route[] ROUTES = {
            DampedLeastSquares.Route.SVD, DampedLeastSquares.Route.GRAM, DampedLeastSquares.Route.KERNEL};

    /** A linear problem: the model is exact (ρ = 1), so every step is accepted and μ falls threefold per step. */
    @Test
    void exactModelLowersTheDampingThreefold() {
        int rows = 12, params = 5;
        double[] a = TestProblems.random(rows * params, 1), b = TestProblems.random(rows, 2);
        LeastSquaresProblem p = TestProblems.linear(a, b, rows, params);
        double[] exact = Lapack.leastSquares(rows, params, MatrixOps.transpose(params, rows, a), 1, b, -1).x();
        for (DampedLeastSquares.Route route : ROUTES) {
            LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()
                    .withRoute(route));
            double[] theta = new double[params];
            StepReport first = lm.step(theta, p);
            assertEquals(1.0, first.ratio(), 1e-8, route + ": ρ of an exact model");
            double mu1 = lm.damping();
            lm.step(theta, p);
            assertEquals(mu1 / 3, lm.damping(), 1e-12 * mu1, route + ": ρ = 1 divides μ by 3");
            for (int k = 0; k < 40; k++) lm.step(theta, p);
            assertArrayEquals(exact, theta, 1e-8, route + ": converges to the least-squares solution");
        }
    }

    /** Rejected trials raise μ by ν = 2, 4, 8, … on the same factorisation; the accepted one resets ν. */
    @Test
    void rejectionsRaiseTheDampingGeometrically() {
        int rows = 8, params = 3;
        LeastSquaresProblem linear = TestProblems.linear(TestProblems.random(rows * params, 3), TestProblems.random(rows, 4), rows, params);
        LeastSquaresProblem flaky = TestProblems.failingTrials(linear, new int[] {3});
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()
                .withAcceleration(false));
        double[] theta = new double[params];
        lm.step(theta, linear); // sets μ₀ and takes one exact step
        double mu = lm.damping();
        StepReport rep = lm.step(theta, flaky);
        assertEquals(1.0, rep.eta(), "the fourth trial is accepted");
        assertEquals(5, rep.evaluations(), "one Jacobian pass and four trials");
        assertEquals(mu * 2 * 4 * 8 / 3, lm.damping(), 1e-9 * lm.damping(), "μ·2·4·8, then /3 for the exact model");
    }

    @Test
    void solvesRosenbrockAndStopsAtTheMinimum() {
        LeastSquaresProblem p = TestProblems.rosenbrock();
        double[] theta = {-1.2, 1.0};
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults());
        StepReport last = null;
        for (int k = 0; k < 200 && (last == null || !lm.stalled(last)); k++) last = lm.step(theta, p);
        assertArrayEquals(new double[] {1, 1}, theta, 1e-10);
        assertTrue(p.loss(theta, new double[2]) < 1e-24);
    }

    /** Geodesic acceleration: on a problem with curvature it needs fewer steps than the plain method. */
    @Test
    void accelerationHelpsOnACurvedValley() {
        int plain = stepsToSolve(false), accelerated = stepsToSolve(true);
        assertTrue(accelerated < plain, "accelerated " + accelerated + " vs plain " + plain + " steps");
    }

    private static int stepsToSolve(boolean acceleration) {
        LeastSquaresProblem p = TestProblems.rosenbrock();
        double[] theta = {-1.2, 1.0};
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()
                .withAcceleration(acceleration));
        for (int k = 1; k <= 500; k++) {
            lm.step(theta, p);
            if (p.loss(theta, new double[2]) < 1e-20) return k;
        }
        return 501;
    }

    @Test
    void stateRoundTripResumesBitIdentically() {
        LeastSquaresProblem p = TestProblems.rosenbrock();
        LevenbergMarquardtOptimizer a = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults());
        double[] ta = {-1.2, 1.0};
        for (int k = 0; k < 5; k++) a.step(ta, p);
        LevenbergMarquardtOptimizer b = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults());
        b.restore(a.state());
        double[] tb = ta.clone();
        for (int k = 0; k < 5; k++) {
            a.step(ta, p);
            b.step(tb, p);
        }
        assertArrayEquals(ta, tb, 0.0);
        assertEquals(a.damping(), b.damping(), 0.0);
    }
}
