package dev.tangent.optim;

import dev.tangent.linalg.PseudoInverse;
import java.util.Map;

/**
 * ANaGRAM: d = V Σ⁺ Uᵀ r̃ from the thin SVD of the scaled Jacobian Φ = U Σ Vᵀ with singular values at or below
 * the cutoff dropped, then θ ← θ − η* d with η* from the 2^-k grid line search. No momentum, no damping.
 *
 * <p>The SVD and the truncated solve are {@link PseudoInverse}'s (buffers reused across steps).
 */
public final class AnagramOptimizer extends NaturalGradientOptimizer {
    /** Defaults: default relative cutoff, line search over k = 0..30. */
    public record Settings(Cutoff cutoff, int lineSearchSteps) {
        public Settings {
            if (lineSearchSteps < 0 || lineSearchSteps > 60) {
                throw new IllegalArgumentException("optimizer.line_search_steps must be in 0..60, got " + lineSearchSteps);
            }
        }

        public static Settings defaults() {
            return new Settings(Cutoff.defaults(), 30);
        }

        public Settings withCutoff(Cutoff c) {
            return new Settings(c, lineSearchSteps);
        }
    }

    private final Settings s;
    private final PseudoInverse pinv = new PseudoInverse();
    /** Current relative cutoff of the adaptive rule (NaN until the first step). */
    private double factor = Double.NaN;
    /** Consecutive steps without a decrease, and whether the last one left the factor where it was. */
    private int failedSteps;
    private boolean factorUnchanged;
    /** σ_max of the last step (NaN before the first): an absolute cutoff's relative size is judged by it. */
    private double lastSigmaMax = Double.NaN;
    /** ‖U_kᵀr̃‖²: the decrease the kept subspace predicts for the full step at the current cutoff (last step). */
    private double predicted;
    /** The candidate direction being searched (the adaptive rule swaps it with the best one so far). */
    private double[] trialDirection = new double[0];

    public AnagramOptimizer(Settings settings) {
        super(settings.lineSearchSteps());
        this.s = settings;
    }

    private boolean adaptive() {
        return s.cutoff().kind() == Cutoff.Kind.ADAPTIVE;
    }

    /** The largest relative cutoff the adaptive rule raises to: keeps only σ > σ_max/10. */
    static final double CEILING = Cutoff.ADAPTIVE_CEILING;

    /** A failed step whose kept subspace promised less than this fraction of the loss has nothing left to try. */
    static final double STUCK = 1e-3;

    /**
     * The adaptive rule compares cutoffs within each step: one decomposition serves the directions for the relative
     * cutoffs c/10, c and 10c (clipped to floor and ceiling; equal kept ranks are tried once), each gets its own line
     * search, and the step moves along the one with the lowest loss (ties keep c). That cutoff becomes c for the next
     * step, so c falls while more directions pay and rises when poorly determined ones spoil the step. If none lowers
     * the loss: when the kept subspace promised a decrease of more than {@link #STUCK} of the loss, c rises a
     * hundredfold (past the candidates just tried); otherwise nothing is left to try and the step is a stall.
     */
    @Override
    Searched search(LeastSquaresProblem p, double[] theta, double loss, Solve solve) {
        if (!adaptive()) return super.search(p, theta, loss, solve);
        double sigmaMax = solve.singularValues()[0];
        double[] candidates = {factor, Math.min(CEILING, factor * 10), lowestCandidate()};
        if (trialDirection.length != direction.length) trialDirection = new double[direction.length];
        LineSearch.Result best = null;
        int bestRank = -1, evaluations = 0, firstRank = -1;
        double bestFactor = factor;
        for (double c : candidates) {
            double tol = c * sigmaMax;
            int rank = pinv.rankAbove(tol);
            if (!pinv.serves(tol) || rank == firstRank || rank == bestRank) continue;
            double pred = pinv.solveKept(rank, ws.r, trialDirection);
            LineSearch.Result ls = LineSearch.grid(p, theta, trialDirection, ws.theta, ws.trial, loss, lineSearchSteps);
            evaluations += ls.evaluations();
            if (firstRank < 0) {
                firstRank = rank;
                predicted = pred;
            }
            if (best == null || ls.loss() < best.loss()) {
                best = ls;
                bestRank = rank;
                bestFactor = c;
                double[] t = direction;
                direction = trialDirection;
                trialDirection = t;
            }
        }
        double before = factor;
        if (best.eta() > 0) factor = bestFactor;
        else if (predicted > STUCK * loss) factor = Math.min(CEILING, factor * 100);
        failedSteps = best.eta() == 0 ? failedSteps + 1 : 0;
        factorUnchanged = factor == before;
        return new Searched(new LineSearch.Result(best.eta(), best.loss(), evaluations), bestRank);
    }

    /** The smallest cutoff a step compares: a decade below the current one, not below the floor. */
    private double lowestCandidate() {
        return Math.max(s.cutoff().value(), factor / 10);
    }

    /**
     * Steps without a decrease after which no cutoff is left to try: one per decade between floor and ceiling, plus
     * one (θ does not move on a failed step, so a longer run only revisits cutoffs).
     */
    private int maxFailedSteps() {
        return (int) Math.ceil(Math.log10(CEILING / s.cutoff().value())) + 1;
    }

    @Override
    public boolean stalled(StepReport last) {
        if (last.eta() != 0) return false;
        // adaptive: a failed step that could not move the cutoff, or failures past every cutoff, is a fixed point
        return !adaptive() || factor >= CEILING || factorUnchanged || failedSteps > maxFailedSteps();
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> m = new java.util.TreeMap<>();
        if (!Double.isNaN(lastSigmaMax)) m.put("sigma.max", new double[] {lastSigmaMax}); // picks the solver route on resume
        if (adaptive()) {
            m.put("cutoff.factor", new double[] {factor});
            m.put("cutoff.failed", new double[] {failedSteps, factorUnchanged ? 1 : 0});
        }
        return m;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        if (state.containsKey("sigma.max")) lastSigmaMax = state.get("sigma.max")[0];
        if (adaptive() && state.containsKey("cutoff.factor")) factor = state.get("cutoff.factor")[0];
        if (adaptive() && state.containsKey("cutoff.failed")) {
            failedSteps = (int) state.get("cutoff.failed")[0];
            factorUnchanged = state.get("cutoff.failed")[1] != 0;
        }
    }

    private double tolerance(double sigmaMax, int n) {
        return adaptive() ? factor * sigmaMax : s.cutoff().tolerance(sigmaMax, n);
    }

    /**
     * The relative cutoff this step will apply, known before the decomposition (an absolute one by the last σ_max;
     * 0 on the first step), so that {@link PseudoInverse} can take its fast route when it resolves that far.
     */
    private double expectedRelativeCutoff(int n) {
        return switch (s.cutoff().kind()) {
            case ADAPTIVE -> lowestCandidate();
            case RELATIVE -> s.cutoff().value();
            case DEFAULT -> Cutoff.defaultFactor(n);
            case ABSOLUTE -> Double.isNaN(lastSigmaMax) || lastSigmaMax <= 0 ? 0.0 : s.cutoff().value() / lastSigmaMax;
        };
    }

    @Override
    public String name() {
        return "anagram";
    }

    @Override
    Solve solve(int rows, int n) {
        if (adaptive() && Double.isNaN(factor)) factor = s.cutoff().startFactor(n);
        pinv.decompose(rows, n, ws.jac, expectedRelativeCutoff(n));
        double[] sv = pinv.singularValues();
        double tol = tolerance(sv[0], n);
        if (!pinv.serves(tol)) { // an absolute cutoff fell below what the fast route resolves: σ_max moved
            pinv.decompose(rows, n, ws.jac, 0.0);
            sv = pinv.singularValues();
            tol = tolerance(sv[0], n);
        }
        lastSigmaMax = sv[0];
        int rank = pinv.rankAbove(tol);
        if (!adaptive()) pinv.solveKept(rank, ws.r, direction); // the adaptive search solves per candidate
        return new Solve(rank, sv.clone()); // the report outlives the reused buffer
    }
}
