package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.ntk.GroupFixtures;
import dev.tangent.ntk.NtkReport;
import dev.tangent.ntk.NtkSpectrum;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Problem;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every loss-weighting kind keeps, run for each entry of {@link LossWeighting#KINDS} (a new kind is
 * tested without editing this file): one positive, finite weight per block that {@code tangent ntk} reports
 * (periodic groups included); weights that do not change when every row of every group is listed twice; weights of
 * the sampled estimators that track the exact trace ratios at a fixed θ; and a state that resumes bit-identically.
 */
class WeightingContractTest {
    static java.util.List<String> kinds() {
        return LossWeighting.KINDS;
    }

    /** A kind with a small row sample (below the group sizes, so the sampled kinds really sample). */
    private static RunSpec.Weighting weighting(String kind, String extra) {
        String sketch = extra.contains("sketch:") ? "" : ", sketch: 3";
        return RunSpec.weighting(Config.parse("weights: {kind: " + kind + ", every: 1" + sketch + extra + "}"));
    }

    private static Discretization wave(boolean duplicated) {
        Config c = Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  equation: "u_tt = 2*u_xx + u*u_x"
                  conditions:
                    - {kind: dirichlet, value: "0", points: 6}
                    - {kind: initial-value, value: "sin(pi*x)", points: 5}
                    - {kind: initial-velocity, value: "0", points: 4}
                    - {kind: neumann, coord: x, side: hi, value: "t", points: 3}
                  interior_points: 9
                net: {widths: [6, 5]}
                """);
        Problem p = ProblemFactory.build(c);
        Discretization d = new Discretization(p, new Mlp(NetFactory.build(c, p)), Map.of(), 7);
        if (duplicated) {
            for (LossGroup g : d.groups()) {
                double[] x = g.points(), twice = new double[2 * x.length];
                System.arraycopy(x, 0, twice, 0, x.length);
                System.arraycopy(x, 0, twice, x.length, x.length);
                g.usePoints(twice);
            }
        }
        return d;
    }

    private static double[] weightsAfter(String kind, String extra, Discretization d, double[] theta, int updates) {
        WeightedProblem wp = new WeightedProblem(d);
        LossWeighting w = LossWeighting.of(weighting(kind, extra), wp, 3);
        for (int step = 0; step < updates; step++) w.update(theta, step);
        return wp.weights().clone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void oneFinitePositiveWeightPerNtkBlock(String kind) {
        Discretization d = GroupFixtures.withPeriodicGroup(2);
        double[] theta = d.mlp().initialize(4);
        WeightedProblem wp = new WeightedProblem(d);
        LossWeighting w = LossWeighting.of(weighting(kind, ""), wp, 1);
        assertEquals(!kind.equals("none"), w.update(theta, 0), "an update is due at step 0 for every rule but none");
        NtkReport ntk = NtkReport.of(d, theta, 16);
        assertEquals(ntk.blocks().stream().map(NtkSpectrum::name).toList(), wp.groupNames().stream().map(n -> "K_" + n).toList(),
                "the weighted groups are the blocks tangent ntk reports");
        for (int g = 0; g < wp.weights().length; g++) {
            double lambda = wp.weights()[g];
            assertTrue(Double.isFinite(lambda) && lambda > 0, wp.groupNames().get(g) + ": λ = " + lambda);
        }
        if (!kind.equals("none")) {   // the weights differ between groups whose kernels differ
            assertTrue(java.util.Arrays.stream(wp.weights()).distinct().count() > 1, "all weights equal: " + java.util.Arrays.toString(wp.weights()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void duplicatingEveryRowLeavesTheWeightsUnchanged(String kind) {
        Discretization once = wave(false), twice = wave(true);
        double[] theta = once.mlp().initialize(9);
        for (int g = 0; g < once.groups().size(); g++) assertEquals(2 * once.groups().get(g).size(), twice.groups().get(g).size());
        double[] a = weightsAfter(kind, "", once, theta, 1), b = weightsAfter(kind, "", twice, theta, 1);
        assertArrayEquals(a, b, 1e-10 * max(a), "first weights");
        // with a row sample as large as the duplicated groups, the row estimator is exact at every update
        if (kind.equals("ntk-rows")) {
            assertArrayEquals(weightsAfter(kind, ", sketch: 64", once, theta, 4), weightsAfter(kind, ", sketch: 64", twice, theta, 4),
                    1e-10 * max(a), "weights after four sampled updates");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sampledWeightsTrackTheExactOnesAtAFixedTheta(String kind) {
        Discretization d = wave(false);
        double[] theta = d.mlp().initialize(5);
        double[] exact = kind.equals("none") ? new double[] {1, 1, 1, 1, 1}
                : LossWeighting.ratio(LossWeighting.meanTraces(d.groups(), theta));
        double[] est = weightsAfter(kind, ", start: sample, probes: 4, ema: 0.95", d, theta, 120);
        for (int g = 0; g < exact.length; g++) {
            assertEquals(1.0, est[g] / exact[g], 0.3, d.groups().get(g).name() + ": " + est[g] + " vs exact " + exact[g]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void restoredStateContinuesBitIdentically(String kind) {
        Discretization d = wave(false);
        double[] theta = d.mlp().initialize(6);
        WeightedProblem wp = new WeightedProblem(d), wq = new WeightedProblem(d);
        LossWeighting w = LossWeighting.of(weighting(kind, ", ema: 0.5"), wp, 8);
        for (int step = 0; step < 3; step++) w.update(theta, step);
        LossWeighting resumed = LossWeighting.of(weighting(kind, ", ema: 0.5"), wq, 8);
        resumed.restore(w.state());
        System.arraycopy(wp.weights(), 0, wq.weights(), 0, wp.weights().length);   // the checkpoint carries λ itself
        for (int step = 3; step < 6; step++) {
            theta[step] += 0.01;   // θ moves between updates
            w.update(theta, step);
            resumed.update(theta, step);
            assertArrayEquals(wp.weights(), wq.weights(), 0.0, "step " + step);
        }
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
