package dev.tangent.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.train.LossWeighting;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceEstimatorTest {
    private final Discretization d = GroupFixtures.withPeriodicGroup(1);
    private final double[] theta = d.mlp().initialize(2);

    /** (1/S)·‖J_g‖_F² from the group's own full Jacobian (an independent path from the blocked row Jacobians). */
    private double directMeanDiagonal(LossGroup g) {
        int p = theta.length;
        double[] jac = new double[g.size() * p];
        g.evaluate(theta, new double[g.size()], jac, 0);
        double s = 0;
        for (double v : jac) s += v * v;
        return s / g.size();
    }

    @Test
    void exactMeanDiagonalIsTheFrobeniusNormOverTheRowCount() {
        for (LossGroup g : d.groups()) {
            double direct = directMeanDiagonal(g);
            assertEquals(direct, TraceEstimator.EXACT.meanDiagonal(g, theta, 0, 0, null), 1e-12 * direct, g.name());
            assertEquals(direct * g.size(), TraceEstimator.trace(g, theta, 5), 1e-12 * direct * g.size(), g.name());
        }
    }

    @Test
    void rowSubsetsMatchTheFullJacobianForEveryGroupKind() {
        int p = theta.length;
        double[] v = new double[p];
        SplittableRandom rng = new SplittableRandom(5);
        for (int q = 0; q < p; q++) v[q] = rng.nextGaussian();
        for (LossGroup g : d.groups()) {
            double[] full = new double[g.size() * p];
            g.evaluate(theta, new double[g.size()], full, 0);
            int[] rows = {g.size() - 1, 0, g.size() / 2, 1};
            double[] sub = new double[rows.length * p], jv = new double[rows.length];
            g.rowJacobian(theta, rows, sub);
            g.jvp(theta, v, rows, jv);
            for (int k = 0; k < rows.length; k++) {
                double dot = 0;
                for (int q = 0; q < p; q++) {
                    assertEquals(full[rows[k] * p + q], sub[k * p + q], 1e-13, g.name() + " row " + rows[k]);
                    dot += full[rows[k] * p + q] * v[q];
                }
                assertEquals(dot, jv[k], 1e-11 * Math.max(1, Math.abs(dot)), g.name() + " J·v row " + rows[k]);
            }
        }
    }

    /**
     * Both sampled estimators are unbiased for the mean diagonal: the mean of many draws lies within 4 standard
     * errors. The same statistic rejects an estimator with the classic off-by-one normaliser (m + 1 instead of m,
     * −20 % for m = 4), so the test has the power to fail.
     */
    @Test
    void sampledEstimatorsAreUnbiasedAndTheTestDetectsABiasedOne() {
        int m = 4, probes = 4, draws = 1500;
        for (LossGroup g : d.groups()) {
            double exact = directMeanDiagonal(g);
            for (TraceEstimator e : List.of(TraceEstimator.ROWS, TraceEstimator.SKETCH)) {
                SplittableRandom rng = new SplittableRandom(99 + e.ordinal());
                double[] t = new double[draws];
                for (int k = 0; k < draws; k++) t[k] = e.meanDiagonal(g, theta, m, probes, rng);
                double[] z = zScore(t, exact, 1.0);
                assertTrue(Math.abs(z[0]) < 4, e + " " + g.name() + ": z = " + z[0]);
                if (g.size() <= m) continue; // every row is drawn: there is nothing to be biased about
                double bias = 1.0 / (m + 1);
                assertTrue(z[1] < bias / 6, e + " " + g.name() + ": relative standard error " + z[1] + " too large to detect the bias");
                double[] zb = zScore(t, exact, (double) m / (m + 1)); // the same draws through the biased normaliser
                assertTrue(zb[0] < -4, e + " " + g.name() + ": the biased estimator was not detected (z = " + zb[0] + ")");
            }
        }
    }

    /** {z = (mean − exact)/standard error, standard error / exact} of the draws times {@code scale}. */
    private static double[] zScore(double[] draws, double exact, double scale) {
        double sum = 0, sq = 0;
        for (double d : draws) {
            double t = d * scale;
            sum += t;
            sq += t * t;
        }
        int n = draws.length;
        double mean = sum / n;
        double se = Math.sqrt((sq / n - mean * mean) / (n - 1));
        return new double[] {(mean - exact) / se, se / exact};
    }
    @Test
    void ntkReportAndLossWeightsSeeTheSameGroupsPeriodicIncluded() {
        NtkReport report = NtkReport.of(d, theta, 7);
        List<LossGroup> groups = d.groups();
        double[] mean = LossWeighting.meanTraces(groups, theta);
        assertEquals(groups.size(), report.blocks().size());
        assertTrue(groups.stream().anyMatch(g -> g.name().startsWith("periodic")), "fixture must have a periodic group");
        for (int g = 0; g < groups.size(); g++) {
            NtkSpectrum b = report.blocks().get(g);
            assertEquals("K_" + groups.get(g).name(), b.name());
            assertEquals(groups.get(g).size(), b.eigenvalues().length);
            assertEquals(mean[g], b.trace() / groups.get(g).size(), 1e-10 * mean[g], b.name());
        }
        assertEquals(KernelBlocks.size(groups), report.full().eigenvalues().length);
    }
}
