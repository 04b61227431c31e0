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
    /** ‖U_kᵀr̃‖²: the decrease the kept subspace predicts for the full step (last solve). */
    private double predicted;

    public AnagramOptimizer(Settings settings) {
        super(settings.lineSearchSteps());
        this.s = settings;
    }

    private boolean adaptive() {
        return s.cutoff().kind() == Cutoff.Kind.ADAPTIVE;
    }

    /** The largest relative cutoff the adaptive rule raises to: keeps only σ > σ_max/10. */
    static final double CEILING = Cutoff.ADAPTIVE_CEILING;

    /** A step that lowers the loss by less than this fraction is stuck. */
    static final double STUCK = 1e-3;

    /**
     * The adaptive rule reacts to stalls, so that where the fixed cutoff works it behaves like it. The kept subspace
     * predicts L(θ − ηd) = L − η(2 − η)‖U_kᵀr̃‖². A stuck step (no decrease, or less than {@link #STUCK} of the loss)
     * that the model promised more than that raises the cutoff tenfold (poorly determined components ruin the step);
     * a stuck step with nothing left to predict lowers it tenfold (the kept subspace is exhausted). A full step
     * (η = 1) that the model describes (actual decrease at least half the predicted one) but that lowers the loss by
     * less than 10% also lowers it: the model holds, so more directions can be trusted. Otherwise it stays.
     */
    @Override
    void afterStep(StepReport r, double lossBefore) {
        if (!adaptive()) return;
        double eta = r.eta(), actual = lossBefore - r.loss(), model = eta * (2 - eta) * predicted;
        boolean stuck = eta == 0 || actual < STUCK * lossBefore;
        boolean promised = predicted > STUCK * lossBefore;
        boolean heldButSlow = eta == 1 && actual >= 0.5 * model && r.loss() > 0.9 * lossBefore;
        double before = factor;
        if (stuck && promised) factor = Math.min(CEILING, factor * 10);
        else if (stuck || heldButSlow) factor = Math.max(s.cutoff().value(), factor / 10);
        failedSteps = eta == 0 ? failedSteps + 1 : 0;
        factorUnchanged = factor == before;
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
            case ADAPTIVE -> factor;
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
        predicted = pinv.solveKept(rank, ws.r, direction);
        return new Solve(rank, sv.clone()); // the report outlives the reused buffer
    }
}
