package dev.tangent.train;

import dev.tangent.pde.LossGroup;
import java.util.List;
import java.util.Map;

/**
 * Loss weights λ_g. {@code none}: all 1. {@code ntk}: the trace-ratio weights of Wang, Yu &amp; Perdikaris,
 * λ_g = tr(K)/tr(K_gg) with tr(K_gg) = ‖J_g‖_F² from the exact Jacobian, recomputed every k steps
 * (default 100), optionally smoothed by an exponential moving average λ ← α·λ_old + (1−α)·λ_new.
 */
public final class LossWeighting {
    public static final List<String> KINDS = List.of("none", "ntk");

    private final String kind;
    private final int every;
    private final double ema;
    private final WeightedProblem problem;
    private boolean initialised;

    private LossWeighting(String kind, int every, double ema, WeightedProblem problem) {
        this.kind = kind;
        this.every = every;
        this.ema = ema;
        this.problem = problem;
    }

    public static LossWeighting from(Config c, WeightedProblem p) {
        Object w = c.get("weights");
        String kind = w instanceof String s ? s : c.string("weights.kind", "none");
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown weights kind '" + kind + "'; allowed: " + KINDS);
        int every = (int) (w instanceof String ? 100 : c.integer("weights.every", 100));
        double ema = w instanceof String ? 0 : c.number("weights.ema", 0);
        if (every < 1) throw new IllegalArgumentException("weights.every must be >= 1, got " + every);
        if (!(ema >= 0 && ema < 1)) throw new IllegalArgumentException("weights.ema must be in [0, 1), got " + ema);
        return new LossWeighting(kind, every, ema, p);
    }

    public String kind() {
        return kind;
    }

    /** Updates λ before the step when due; returns true when the weights changed. */
    public boolean update(double[] theta, long step) {
        if (kind.equals("none") || step % every != 0) return false;
        double[] traces = traces(problem, theta);
        double total = 0;
        for (double t : traces) total += t;
        double[] lambda = problem.weights();
        for (int g = 0; g < lambda.length; g++) {
            double fresh = traces[g] > 0 ? total / traces[g] : 1.0;
            lambda[g] = initialised && ema > 0 ? ema * lambda[g] + (1 - ema) * fresh : fresh;
        }
        initialised = true;
        return true;
    }

    /** tr(K_gg) = ‖J_g‖_F² of each group's unweighted residual Jacobian. */
    public static double[] traces(WeightedProblem p, double[] theta) {
        List<LossGroup> groups = p.discretization().groups();
        int n = p.nParams();
        double[] out = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            LossGroup grp = groups.get(g);
            double[] r = new double[grp.size()];
            double[] jac = new double[grp.size() * n];
            grp.evaluate(theta, r, jac, 0);
            double s = 0;
            for (double v : jac) s += v * v;
            out[g] = s;
        }
        return out;
    }

    public Map<String, double[]> state() {
        return Map.of("weighting.initialised", new double[] {initialised ? 1 : 0});
    }

    public void restore(Map<String, double[]> extra) {
        double[] v = extra.get("weighting.initialised");
        initialised = v != null && v[0] != 0;
    }
}
