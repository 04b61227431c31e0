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
    /** Rank kept by the last adaptive search; a candidate direction. */
    private int chosenRank;
    private double[] candidate = new double[0];

    public AnagramOptimizer(Settings settings) {
        super(settings.lineSearchSteps());
        this.s = settings;
    }

    private boolean adaptive() {
        return s.cutoff().kind() == Cutoff.Kind.ADAPTIVE;
    }

    /** The largest relative cutoff the adaptive rule raises to: keeps only σ > σ_max/10. */
    static final double CEILING = 0.1;

    /**
     * The adaptive rule is a search over cutoffs on one SVD: each step tries the relative cutoffs factor, factor/10
     * and 10·factor (within [floor, CEILING]), each with its own line search, keeps the one whose step lowers the loss
     * most (a tie keeps the current one) and moves factor there. A too-low cutoff shows as a short or failed step (poorly determined components bend
     * it) and loses to a higher one; a too-high one leaves progress that a lower one takes. When no candidate lowers the
     * loss the factor rises a hundredfold. A candidate costs a truncated solve and a few residual passes, little
     * against the SVD.
     */
    @Override
    LineSearch.Result search(LeastSquaresProblem p, double[] theta, double loss) {
        if (!adaptive()) return super.search(p, theta, loss);
        int n = theta.length;
        if (candidate.length != n) candidate = new double[n];
        double sigmaMax = pinv.singularValues()[0], floor = s.cutoff().value();
        LineSearch.Result best = null;
        double bestFactor = factor;
        int evaluations = 0;
        int[] tried = {-1, -1, -1};
        double[] cutoffs = {factor, factor / 10, factor * 10}; // the current one first: a tie keeps it
        for (int t = 0; t < cutoffs.length; t++) {
            double c = Math.max(floor, Math.min(CEILING, cutoffs[t]));
            int rank = pinv.rankAbove(c * sigmaMax);
            tried[t] = rank;
            if (rank == tried[0] && t > 0 || t == 2 && rank == tried[1]) continue; // a direction already tried
            pinv.solveKept(rank, ws.r, candidate);
            LineSearch.Result ls = LineSearch.grid(p, theta, candidate, ws.theta, ws.trial, loss, lineSearchSteps());
            evaluations += ls.evaluations();
            if (ls.eta() > 0 && (best == null || ls.loss() < best.loss())) {
                best = ls;
                bestFactor = c;
                chosenRank = rank;
                System.arraycopy(candidate, 0, direction, 0, n);
            }
        }
        if (best == null) {
            factor = Math.min(CEILING, factor * 100);
            chosenRank = 0;
            java.util.Arrays.fill(direction, 0.0);
            return new LineSearch.Result(0, loss, evaluations);
        }
        factor = bestFactor;
        return new LineSearch.Result(best.eta(), best.loss(), evaluations);
    }

    @Override
    int keptRank(Solve solve) {
        return adaptive() ? chosenRank : solve.rank();
    }

    @Override
    public boolean stalled(StepReport last) {
        return last.eta() == 0 && (!adaptive() || factor >= CEILING);
    }

    @Override
    public Map<String, double[]> state() {
        return adaptive() ? Map.of("cutoff.factor", new double[] {factor}) : Map.of();
    }

    @Override
    public void restore(Map<String, double[]> state) {
        if (adaptive() && state.containsKey("cutoff.factor")) factor = state.get("cutoff.factor")[0];
    }

    @Override
    public String name() {
        return "anagram";
    }

    @Override
    Solve solve(int rows, int n) {
        pinv.decompose(rows, n, ws.jac);
        double[] sv = pinv.singularValues();
        if (adaptive()) { // the rank is chosen by the search over cutoffs
            if (Double.isNaN(factor)) factor = s.cutoff().startFactor(n);
            return new Solve(-1, sv.clone());
        }
        int rank = pinv.rankAbove(s.cutoff().tolerance(sv[0], n));
        pinv.solveKept(rank, ws.r, direction);
        return new Solve(rank, sv.clone()); // the report outlives the reused buffer
    }
}
