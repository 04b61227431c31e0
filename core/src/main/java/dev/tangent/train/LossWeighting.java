package dev.tangent.train;

import dev.tangent.ntk.TraceEstimator;
import dev.tangent.pde.LossGroup;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loss weights λ_g: the trace-ratio rule of Wang, Yu &amp; Perdikaris and its moving average. The traces are
 * per-row means T_g = tr(K_gg)/S_g ({@link TraceEstimator}), because the loss averages each group over its S_g rows;
 * so λ_g = Σ_h T_h / T_g does not change when a group's rows are duplicated.
 *
 * <ul>
 *   <li>{@code none}: all 1.
 *   <li>{@code ntk}: exact T_g every k steps (default 100), optionally λ ← α·λ_old + (1−α)·λ_new.
 *   <li>{@code ntk-rows} / {@code ntk-sketch}: a predictor–corrector on sampled estimates (exact row norms on m rows,
 *       or Rademacher sketches of m rows) every k steps (default 1): T̂_g ← α·T̂_g + (1−α)·t̂_g, divided by the
 *       accumulated EMA weight (Adam-style bias correction), α = {@code ema} (default 0.9). With
 *       {@code start: exact} (the default) T̂_g starts from the exact traces, so the first weights are the exact ones
 *       instead of one noisy draw.
 * </ul>
 */
public final class LossWeighting {
    public static final List<String> KINDS = List.of("none", "ntk", "ntk-rows", "ntk-sketch");

    private final String kind;
    private final TraceEstimator estimator;
    private final int every;
    private final double ema;
    private final WeightedProblem problem;
    private final int probes;
    private final int rows;
    private final boolean startExact;
    private final long seed;
    private boolean initialised;
    private double[] running;
    private double emaWeight;
    private long nanos;
    private long updates;

    private LossWeighting(String kind, int every, double ema, int probes, int rows, boolean startExact, long seed,
                          WeightedProblem problem) {
        this.kind = kind;
        this.estimator = switch (kind) {
            case "ntk-rows" -> TraceEstimator.ROWS;
            case "ntk-sketch" -> TraceEstimator.SKETCH;
            default -> TraceEstimator.EXACT;
        };
        this.every = every;
        this.ema = ema;
        this.probes = probes;
        this.rows = rows;
        this.startExact = startExact;
        this.seed = seed;
        this.problem = problem;
        this.running = new double[problem.weights().length];
    }

    /** The rule of a run spec on this problem; the sampled rules draw from {@code seed}. */
    public static LossWeighting of(RunSpec.Weighting w, WeightedProblem p, long seed) {
        return new LossWeighting(w.kind(), w.every(), w.ema(), w.probes(), w.sketch(), w.startExact(), seed, p);
    }

    /** Equal weights (all 1), never updated. */
    public static LossWeighting none(WeightedProblem p) {
        return of(RunSpec.Weighting.NONE, p, 0);
    }

    public String kind() {
        return kind;
    }

    /** Updates λ before the step when due; returns true when the weights changed. */
    public boolean update(double[] theta, long step) {
        if (kind.equals("none") || step % every != 0) return false;
        long t0 = System.nanoTime();
        try {
            if (kind.equals("ntk")) exact(theta);
            else sampled(theta, step);
            return true;
        } finally {
            nanos += System.nanoTime() - t0;
            updates++;
        }
    }

    /** Predictor–corrector: correct the running traces with a fresh estimate, then set λ from them. */
    private void sampled(double[] theta, long step) {
        List<LossGroup> groups = problem.discretization().groups();
        if (emaWeight == 0 && startExact) {
            running = meanTraces(groups, theta);
            emaWeight = 1;
        } else {
            SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
            for (int g = 0; g < groups.size(); g++) {
                double t = estimator.meanDiagonal(groups.get(g), theta, rows, probes, rng);
                running[g] = ema * running[g] + (1 - ema) * t;
            }
            emaWeight = ema * emaWeight + (1 - ema);
        }
        double[] est = new double[running.length];
        for (int g = 0; g < est.length; g++) est[g] = running[g] / emaWeight;
        System.arraycopy(ratio(est), 0, problem.weights(), 0, est.length);
    }

    private void exact(double[] theta) {
        double[] fresh = ratio(meanTraces(problem.discretization().groups(), theta));
        double[] lambda = problem.weights();
        for (int g = 0; g < lambda.length; g++) {
            lambda[g] = initialised && ema > 0 ? ema * lambda[g] + (1 - ema) * fresh[g] : fresh[g];
        }
        initialised = true;
    }

    /** The trace-ratio rule λ_g = Σ_h T_h / T_g (1 for a group whose trace is zero). */
    public static double[] ratio(double[] meanTraces) {
        double total = 0;
        for (double t : meanTraces) total += t;
        double[] lambda = new double[meanTraces.length];
        for (int g = 0; g < lambda.length; g++) lambda[g] = meanTraces[g] > 0 ? total / meanTraces[g] : 1.0;
        return lambda;
    }

    /** Exact per-row-mean traces tr(K_gg)/S_g of each group's unweighted residual Jacobian. */
    public static double[] meanTraces(List<LossGroup> groups, double[] theta) {
        double[] out = new double[groups.size()];
        for (int g = 0; g < out.length; g++) out[g] = TraceEstimator.EXACT.meanDiagonal(groups.get(g), theta, 0, 0, null);
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
        return Map.of("weighting.ema", new double[] {initialised ? 1 : 0, emaWeight}, "weighting.running", running.clone());
    }

    public void restore(Map<String, double[]> extra) {
        double[] v = extra.get("weighting.ema");
        double[] old = extra.get("weighting.initialised"); // {initialised, corrections} before the EMA weight was stored
        initialised = v != null ? v[0] != 0 : old != null && old[0] != 0;
        emaWeight = v != null ? v[1] : old != null && old.length > 1 ? 1 - Math.pow(ema, old[1]) : 0;
        if (extra.containsKey("weighting.running")) running = extra.get("weighting.running").clone();
    }
}
