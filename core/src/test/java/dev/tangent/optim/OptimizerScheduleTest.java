package dev.tangent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerScheduleTest {
    private static OptimizerSchedule adamThenLm(long steps) {
        return OptimizerSchedule.warmStart(new AdamOptimizer(AdamOptimizer.Settings.defaults().withLr(1e-2)), steps,
                new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()));
    }

    /** The first phase runs exactly its steps (the same iterates as Adam alone), then the second method takes over. */
    @Test
    void switchesAfterTheFirstPhaseSteps() {
        LeastSquaresProblem p = TestProblems.rosenbrock();
        OptimizerSchedule s = adamThenLm(7);
        AdamOptimizer alone = new AdamOptimizer(AdamOptimizer.Settings.defaults().withLr(1e-2));
        double[] a = {-1.2, 1.0}, b = a.clone();
        for (int k = 0; k < 7; k++) {
            s.step(a, p);
            alone.step(b, p);
        }
        assertArrayEquals(b, a, 0.0, "phase 0 is plain Adam");
        assertEquals(0, s.phase());
        StepReport r = s.step(a, p);
        assertEquals(1, s.phase(), "step 8 runs in phase 1");
        assertFalse(Double.isNaN(r.damping()), "phase 1 is the damped Gauss–Newton method");
        assertEquals("adam→lm", s.name());
        StepReport last = r;
        for (int k = 0; k < 200 && !s.stalled(last); k++) last = s.step(a, p);
        assertArrayEquals(new double[] {1, 1}, a, 1e-8, "the schedule reaches Rosenbrock's minimum");
    }

    /** Stopping in either phase, saving the state and restoring it into a fresh schedule gives the same iterates. */
    @Test
    void resumeIsBitIdenticalInEitherPhase() {
        LeastSquaresProblem p = TestProblems.rosenbrock();
        double[] straight = {-1.2, 1.0};
        OptimizerSchedule s = adamThenLm(5);
        for (int k = 0; k < 12; k++) s.step(straight, p);
        for (int stop : new int[] {3, 5, 8}) {
            double[] theta = {-1.2, 1.0};
            OptimizerSchedule first = adamThenLm(5);
            for (int k = 0; k < stop; k++) first.step(theta, p);
            Map<String, double[]> saved = first.state();
            OptimizerSchedule second = adamThenLm(5);
            second.restore(saved);
            assertEquals(first.phase(), second.phase());
            for (int k = stop; k < 12; k++) second.step(theta, p);
            assertArrayEquals(straight, theta, 0.0, "resumed after step " + stop);
        }
    }

    /** A phase whose method stalls hands over at once instead of wasting its remaining steps. */
    @Test
    void aStalledPhaseEndsEarly() {
        Optimizer stuck = new Optimizer() { // finds no decrease and has no state to adapt: a stall
            public String name() {
                return "stuck";
            }

            public StepReport step(double[] theta, LeastSquaresProblem problem) {
                return StepReport.firstOrder(problem.loss(theta, new double[problem.nRows()]), 0, 0);
            }

            public Map<String, double[]> state() {
                return Map.of();
            }

            public void restore(Map<String, double[]> state) {}
        };
        OptimizerSchedule s = new OptimizerSchedule(List.of(new OptimizerSchedule.Phase(stuck, 1000),
                new OptimizerSchedule.Phase(new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()), Long.MAX_VALUE)));
        double[] theta = {-1.2, 1.0};
        StepReport r = s.step(theta, TestProblems.rosenbrock());
        assertTrue(stuck.stalled(r), "the first method reports a stall");
        assertFalse(s.stalled(r), "the schedule does not stall while a later phase remains");
        assertEquals(1, s.phase());
    }

    @Test
    void rejectsBadPhasesAndBadState() {
        Optimizer lm = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults());
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSchedule(List.of(new OptimizerSchedule.Phase(lm, 5))));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSchedule.Phase(lm, 0));
        assertThrows(IllegalArgumentException.class, () -> adamThenLm(3).restore(Map.of()));
    }
}
