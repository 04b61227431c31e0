package dev.tangent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The top-down 2^-k grid line search and its two rules for a step without a decrease. */
class LineSearchTest {
    /** L(θ) = (θ + 2^-5)² + 1 at θ = −η (d = 1): its grid argmin is η = 2^-5 (k = 5), unimodal in k. */
    private static final double BEST = Math.scalb(1.0, -5);
    private static final LeastSquaresProblem PARABOLA = TestProblems.linear(new double[] {-1, 0}, new double[] {BEST, -1}, 2, 1);

    private static LineSearch.Result search(double direction, LineSearchRule rule) {
        double[] theta = {0}, r = new double[2];
        double current = PARABOLA.loss(theta, r);
        return LineSearch.grid(PARABOLA, theta, new double[] {direction}, new double[1], r, current, 30, rule);
    }

    @Test
    void findsTheGridArgminAndStopsOnceTheLossTurnsUp() {
        for (LineSearchRule rule : LineSearchRule.values()) {
            LineSearch.Result r = search(1, rule);
            assertEquals(BEST, r.eta(), 0.0, rule.name());
            assertEquals(1.0, r.loss(), 0.0, "L = (η − η*)² + 1 is 1 at the argmin");
            assertEquals(7, r.evaluations(), "k = 0..6: k = 6 rises after the decrease at k = 5");
        }
    }

    @Test
    void withoutADecreaseDecreaseKeepsThetaAndArgminTakesTheSmallestRise() {
        LineSearch.Result kept = search(-1, LineSearchRule.DECREASE); // an ascent direction: every η raises the loss
        assertEquals(0.0, kept.eta(), 0.0);
        assertEquals(1 + BEST * BEST, kept.loss(), 0.0, "the loss at θ");
        assertEquals(31, kept.evaluations(), "the whole grid was tried");
        LineSearch.Result published = search(-1, LineSearchRule.ARGMIN);
        assertEquals(Math.scalb(1.0, -30), published.eta(), 0.0, "the smallest rise is at the smallest η");
        assertEquals(Math.pow(Math.scalb(1.0, -30) + BEST, 2) + 1, published.loss(), 0.0);
        assertEquals(31, published.evaluations());
    }
}
