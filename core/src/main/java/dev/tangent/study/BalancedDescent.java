package dev.tangent.study;

import dev.tangent.pde.Discretization;
import dev.tangent.train.LossWeighting;
import dev.tangent.train.WeightedProblem;

/**
 * Plain gradient descent θ ← θ − η∇L for the loss-balance study, with the step re-chosen whenever the loss weights
 * may change (every {@code every} steps): η = factor / max(λ, 2·Σ_g λ_g T_g), where λ is the weighted loss's largest
 * curvature at the current θ (power iteration, {@link LossCurvature}; 40 iterations at the start, 20 later) and
 * 2·Σ_g λ_g T_g (T_g the mean NTK diagonal) bounds its Gauss–Newton part. A fixed η is not enough once NTK weights
 * are updated: trace-ratio weights make a two-row boundary group's curvature λ_b·T_b = Σ_h T_h, which follows the growth
 * of the interior kernel's trace (measured: λ_b rose from 2.7 to 83 in 100 steps at a = 2, and GD at the initial η
 * diverged; with λ from initialisation only and the trace bound, a = 8 still diverged). Every run uses the same rule.
 */
final class BalancedDescent {
    private BalancedDescent() {}

    /** Unweighted L(t)/L(0) at steps 0, logEvery, 2·logEvery, … and the end; η at the start and the end. */
    record Trajectory(double[] steps, double[] ratio, double firstEta, double lastEta, double[] theta) {}

    static Trajectory run(Discretization d, LossWeighting weights, WeightedProblem wp, double[] theta, int steps, int every,
                          int logEvery, double factor) {
        int rows = wp.nRows();
        double[] r = new double[rows], g = new double[wp.nParams()];
        double l0 = unweighted(wp, theta);
        weights.update(theta, 0);
        double eta = factor / Math.max(LossCurvature.lambdaMax(wp, theta), traceBound(d, wp, theta)), first = eta;
        int logs = steps / logEvery + 2;
        double[] st = new double[logs], ratio = new double[logs];
        int n = 0;
        for (int step = 0; step < steps; step++) {
            if (step > 0 && step % every == 0) {
                weights.update(theta, step);
                eta = factor / Math.max(LossCurvature.lambdaMax(wp, theta, 20), traceBound(d, wp, theta));
            }
            wp.gradient(theta, r, g);
            if (step % logEvery == 0) {
                st[n] = step;
                ratio[n++] = sum(wp.groupLosses()) / l0;
            }
            for (int i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
            if (!Double.isFinite(g[0]) || !Double.isFinite(theta[0])) break;
        }
        st[n] = steps;
        ratio[n++] = unweighted(wp, theta) / l0;
        return new Trajectory(java.util.Arrays.copyOf(st, n), java.util.Arrays.copyOf(ratio, n), first, eta, theta);
    }

    /** 2·Σ_g λ_g·tr(K_gg)/S_g ≥ λ_max of the weighted Gauss–Newton Hessian 2ΦᵀΦ. */
    static double traceBound(Discretization d, WeightedProblem wp, double[] theta) {
        double[] t = LossWeighting.meanTraces(d.groups(), theta);
        double b = 0;
        for (int k = 0; k < t.length; k++) b += 2 * wp.weights()[k] * t[k];
        return b;
    }

    /** Σ_g mean_g r² with unit weights (the weights are put back). */
    static double unweighted(WeightedProblem wp, double[] theta) {
        double[] saved = wp.weights().clone();
        java.util.Arrays.fill(wp.weights(), 1.0);
        double l = wp.loss(theta, new double[wp.nRows()]);
        System.arraycopy(saved, 0, wp.weights(), 0, saved.length);
        return l;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
