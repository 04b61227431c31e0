package dev.tangent.train;

import dev.tangent.pde.LossGroup;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Map;

/**
 * Loss weights λ_g. {@code none}: all 1. {@code ntk}: the trace-ratio weights of Wang, Yu &amp; Perdikaris,
 * λ_g = tr(K)/tr(K_gg) with tr(K_gg) = ‖J_g‖_F² from the exact Jacobian, recomputed every k steps
 * (default 100), optionally smoothed by an exponential moving average λ ← α·λ_old + (1−α)·λ_new.
 * {@code ntk-sketch}: a predictor–corrector on sketched traces ({@link TraceSketch}). Each step the weights
 * are predicted from the running trace estimates T̂_g, then corrected with a fresh sketch t̂_g(θ_k):
 * T̂_g ← α·T̂_g + (1−α)·t̂_g with Adam-style bias correction, α = {@code ema} (default 0.9).
 */
public final class LossWeighting {
    public static final List<String> KINDS = List.of("none", "ntk", "ntk-sketch");

    private final String kind;
    private final int every;
    private final double ema;
    private final WeightedProblem problem;
    private final int probes;
    private final int sketch;
    private final long seed;
    private boolean initialised;
    private double[] running;
    private long corrections;
    private long nanos;
    private long updates;

    private LossWeighting(String kind, int every, double ema, int probes, int sketch, long seed, WeightedProblem problem) {
        this.kind = kind;
        this.every = every;
        this.ema = ema;
        this.probes = probes;
        this.sketch = sketch;
        this.seed = seed;
        this.problem = problem;
        this.running = new double[problem.weights().length];
    }

    public static LossWeighting from(Config c, WeightedProblem p) {
        Object w = c.get("weights");
        String kind = w instanceof String s ? s : c.string("weights.kind", "none");
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown weights kind '" + kind + "'; allowed: " + KINDS);
        boolean sketched = kind.equals("ntk-sketch");
        int every = (int) (w instanceof String ? (sketched ? 1 : 100) : c.integer("weights.every", sketched ? 1 : 100));
        double ema = w instanceof String ? (sketched ? 0.9 : 0) : c.number("weights.ema", sketched ? 0.9 : 0);
        int probes = (int) (w instanceof String ? 1 : c.integer("weights.probes", 1));
        int sketch = (int) (w instanceof String ? 64 : c.integer("weights.sketch", 64));
        if (every < 1) throw new IllegalArgumentException("weights.every must be >= 1, got " + every);
        if (!(ema >= 0 && ema < 1)) throw new IllegalArgumentException("weights.ema must be in [0, 1), got " + ema);
        if (probes < 1) throw new IllegalArgumentException("weights.probes must be >= 1, got " + probes);
        if (sketch < 1) throw new IllegalArgumentException("weights.sketch (rows per group) must be >= 1, got " + sketch);
        return new LossWeighting(kind, every, ema, probes, sketch, c.integer("seed", 0), p);
    }

    public String kind() {
        return kind;
    }

    /** Updates λ before the step when due; returns true when the weights changed. */
    public boolean update(double[] theta, long step) {
        if (kind.equals("none") || step % every != 0) return false;
        long t0 = System.nanoTime();
        try {
            return kind.equals("ntk") ? exact(theta) : sketched(theta, step);
        } finally {
            nanos += System.nanoTime() - t0;
            updates++;
        }
    }

    /** Predictor–corrector: correct the running traces with a fresh sketch, then set λ from them. */
    private boolean sketched(double[] theta, long step) {
        List<LossGroup> groups = problem.discretization().groups();
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        corrections++;
        double bias = 1 - Math.pow(ema, corrections);
        double[] est = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            double t = TraceSketch.estimate(groups.get(g), theta, sketch, probes, rng);
            running[g] = ema * running[g] + (1 - ema) * t;
            est[g] = running[g] / bias;
        }
        setFromTraces(est);
        return true;
    }

    private void setFromTraces(double[] traces) {
        double total = 0;
        for (double t : traces) total += t;
        double[] lambda = problem.weights();
        for (int g = 0; g < lambda.length; g++) lambda[g] = traces[g] > 0 ? total / traces[g] : 1.0;
    }

    private boolean exact(double[] theta) {
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

    /** Seconds spent computing weights, and the number of updates, since the start of this run. */
    public double seconds() {
        return nanos / 1e9;
    }

    public long updates() {
        return updates;
    }

    public Map<String, double[]> state() {
        return Map.of("weighting.initialised", new double[] {initialised ? 1 : 0, corrections}, "weighting.running", running.clone());
    }

    public void restore(Map<String, double[]> extra) {
        double[] v = extra.get("weighting.initialised");
        initialised = v != null && v[0] != 0;
        corrections = v != null && v.length > 1 ? (long) v[1] : 0;
        if (extra.containsKey("weighting.running")) running = extra.get("weighting.running").clone();
    }
}
