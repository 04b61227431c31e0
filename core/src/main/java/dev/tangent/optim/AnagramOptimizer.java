package dev.tangent.optim;

import dev.tangent.linalg.PseudoInverse;
import java.util.Map;

/**
 * ANaGRAM: d = V Σ⁺ Uᵀ r̃ from the thin SVD of the scaled Jacobian Φ = U Σ Vᵀ with singular values at or below
 * the cutoff dropped, then θ ← θ − η* d with η* from the 2^-k grid line search. No momentum, no damping. The
 * adaptive cutoff ({@link Cutoff.Kind#ADAPTIVE}) line-searches each band of poorly determined directions on its
 * own ({@link #search}).
 *
 * <p>The SVD and the truncated solve are {@link PseudoInverse}'s (buffers reused across steps).
 */
public final class AnagramOptimizer extends NaturalGradientOptimizer {
    /** Defaults: default relative cutoff, line search over k = 0..30 that keeps θ when nothing decreases the loss. */
    public record Settings(Cutoff cutoff, int lineSearchSteps, LineSearchRule lineSearch, RowScaling rows) {
        public Settings {
            if (lineSearchSteps < 0 || lineSearchSteps > 60) {
                throw new IllegalArgumentException("optimizer.line_search_steps must be in 0..60, got " + lineSearchSteps);
            }
            if (cutoff.kind() == Cutoff.Kind.ADAPTIVE && (lineSearch == LineSearchRule.ARGMIN || rows == RowScaling.NONE)) {
                throw new IllegalArgumentException("optimizer." + (rows == RowScaling.NONE ? "row_scaling: none" : "line_search: argmin")
                        + " is a published rule of the fixed cutoff; cutoff_kind: adaptive needs the defaults (it moves the "
                        + "cutoff by the loss the weighted rows predict, and when no η lowers the loss)");
            }
        }

        public static Settings defaults() {
            return new Settings(Cutoff.defaults(), 30, LineSearchRule.DECREASE, RowScaling.LOSS);
        }

        public Settings withCutoff(Cutoff c) {
            return new Settings(c, lineSearchSteps, lineSearch, rows);
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
        super(settings.lineSearchSteps(), settings.lineSearch(), settings.rows());
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
     * Adaptive only: the relative cutoff above which σ take the full step (the bands between it and {@link #factor}
     * are line-searched); NaN until the first step, which starts it at the ceiling.
     */
    private double trusted = Double.NaN;
    /** The step so far, and the truncated directions d(k) at the last band's rank and at the next one. */
    private double[] taken = new double[0], prev = new double[0], next = new double[0];
    /** The last step's η of the lowest band it searched (NaN: no band) and how many bands it searched. */
    private double lowestEta;
    private int bandsSearched;

    /** Ratio between successive cutoffs of the bands: two per decade. */
    static final double BAND = Math.sqrt(10);

    /**
     * The η each band took on the last step that searched it, by {@link #level} (0: none helped; −1, not NaN, for
     * never: the state must stay finite). A band's η changes little from step to step, so its next search starts at
     * twice the last one instead of at 1 (fewer trials).
     */
    private final double[] levelEta = unsearched(LEVELS);
    /** Enough half-decade levels below the ceiling for any positive double floor (0.1 / 4.9e-324 < 10^323). */
    private static final int LEVELS = 650;

    /**
     * The adaptive cutoff's step, several cutoffs on the one decomposition: the directions with σ > {@link #trusted}·σ_max
     * take the full step, then the bands below it, half a decade each down to the adaptive cutoff, are added one at a
     * time, each with its own 2^-k line search (η = 0 ends the bands), started at 1 for the first band and at twice
     * the η of the band above for the others, but never above twice the η the same band took last time (so the
     * first band reaches η = 1 again, and the top is trusted more, only by doubling step by step). A uniform η
     * shortens the well-determined directions with the poorly determined ones; here each band is shortened by what
     * it needs, a piecewise-constant version of Levenberg–Marquardt's filter σ²/(σ² + μ). If even the top's full
     * step fails, the plain line search on the whole direction runs and the top is trusted a decade less; when the
     * first band takes its full step, the top is trusted half a decade more next time.
     */
    @Override
    Search search(LeastSquaresProblem p, double[] theta, double loss, Solve solved) {
        if (!adaptive()) return super.search(p, theta, loss, solved);
        if (Double.isNaN(trusted)) trusted = CEILING;
        trusted = Math.max(trusted, factor);
        double sigmaMax = solved.singularValues()[0];
        int n = theta.length, all = solved.rank(), kTop = pinv.rankAbove(trusted * sigmaMax);
        lowestEta = Double.NaN;
        bandsSearched = 0;
        if (kTop == 0 || kTop >= all) return super.search(p, theta, loss, solved);
        if (taken.length != n) {
            taken = new double[n];
            prev = new double[n];
            next = new double[n];
        }
        pinv.solveKept(kTop, ws.r, taken);
        System.arraycopy(taken, 0, prev, 0, n);
        double best = trial(p, theta, taken, null, 0);
        int evals = 1;
        if (!(best < loss)) { // the top full step fails: the whole direction, line-searched
            trusted = Math.min(CEILING, trusted * 10);
            pinv.solveKept(all, ws.r, direction);
            LineSearch.Result ls = lineSearch(p, theta, loss);
            return new Search(new LineSearch.Result(ls.eta(), ls.loss(), ls.evaluations() + evals), all);
        }
        int kPrev = kTop, kMax = s.lineSearchSteps();
        for (double edge = trusted / BAND; kPrev < all; edge /= BAND) {
            int k = edge <= factor ? all : Math.min(all, pinv.rankAbove(edge * sigmaMax));
            if (k == kPrev) continue;
            pinv.solveKept(k, ws.r, next);
            for (int i = 0; i < n; i++) direction[i] = next[i] - prev[i]; // the band alone
            double[] t = prev;
            prev = next;
            next = t;
            // a lower band is no better determined than the one above it, nor much better than on the last step
            int level = level(edge);
            double eta = bandsSearched == 0 ? 1 : Math.min(1, 2 * lowestEta), last = levelEta[level];
            double bandBest = best, bandEta = 0, smallest = Math.scalb(1.0, -kMax);
            if (last > 0) eta = Math.max(smallest, Math.min(eta, 2 * last)); // at least one trial
            for (; eta >= smallest; eta *= 0.5) {
                double l = trial(p, theta, taken, direction, eta);
                evals++;
                if (Double.isFinite(l) && l < bandBest) {
                    bandBest = l;
                    bandEta = eta;
                } else if (bandEta > 0) {
                    break;
                }
            }
            bandsSearched++;
            lowestEta = bandEta;
            levelEta[level] = bandEta;
            if (bandEta == 0) break;
            for (int i = 0; i < n; i++) taken[i] += bandEta * direction[i];
            if (bandsSearched == 1 && bandEta == 1) trusted = Math.max(factor, trusted / BAND);
            best = bandBest;
            kPrev = k;
        }
        System.arraycopy(taken, 0, direction, 0, n);
        return new Search(new LineSearch.Result(1, best, evals), kPrev);
    }

    /** The half-decade level of a band's lower edge (relative cutoff): 1 for CEILING/√10, 2 for CEILING/10, … */
    private static int level(double edge) {
        return (int) Math.max(0, Math.min(LEVELS - 1, Math.round(2 * Math.log10(CEILING / edge))));
    }

    private static double[] unsearched(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    /** L(θ − d − η·band) (band may be null). */
    private double trial(LeastSquaresProblem p, double[] theta, double[] d, double[] band, double eta) {
        int n = theta.length;
        for (int i = 0; i < n; i++) ws.theta[i] = theta[i] - d[i] - (band == null ? 0 : eta * band[i]);
        return p.loss(ws.theta, ws.trial);
    }

    /**
     * The adaptive cutoff reacts to what the last step found. With bands: if the lowest band searched helped
     * (η > 0), the cutoff falls tenfold, so the next step tries the directions below it; if it did not (η = 0, and
     * the bands below it were not tried), it rises half a decade, up to the trusted cutoff. Without
     * bands (the plain line search): a step with no decrease raises it tenfold if the kept subspace promised more than
     * {@link #STUCK} of the loss and lowers it if not (exhausted); a full step (η = 1) that the model describes but that
     * lowers the loss by less than 10% lowers it; any other stuck step that was promised more raises it.
     */
    @Override
    void afterStep(StepReport r, double lossBefore) {
        if (!adaptive()) return;
        double before = factor, floor = s.cutoff().value();
        if (!Double.isNaN(lowestEta)) {
            if (lowestEta > 0) factor = Math.max(floor, factor / 10);
            else factor = Math.min(trusted, factor * BAND);
        } else {
            double eta = r.eta(), actual = lossBefore - r.loss(), model = eta * (2 - eta) * predicted;
            boolean failed = eta == 0 || !(actual > 0);
            boolean promised = predicted > STUCK * lossBefore;
            boolean heldButSlow = eta == 1 && actual >= 0.5 * model && r.loss() > 0.9 * lossBefore;
            boolean stuck = actual < STUCK * lossBefore;
            if (failed ? promised : stuck && promised && !heldButSlow) factor = Math.min(CEILING, factor * 10);
            else if (failed || heldButSlow) factor = Math.max(floor, factor / 10);
        }
        failedSteps = r.eta() == 0 ? failedSteps + 1 : 0;
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
            if (!Double.isNaN(trusted)) m.put("cutoff.trusted", new double[] {trusted});
            m.put("cutoff.band_eta", levelEta.clone());
        }
        return m;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        if (state.containsKey("sigma.max")) lastSigmaMax = state.get("sigma.max")[0];
        if (adaptive() && state.containsKey("cutoff.factor")) factor = state.get("cutoff.factor")[0];
        if (adaptive() && state.containsKey("cutoff.trusted")) trusted = state.get("cutoff.trusted")[0];
        if (adaptive() && state.containsKey("cutoff.band_eta")) {
            double[] saved = state.get("cutoff.band_eta"); // another length: an older layout, its levels kept where they fit
            java.util.Arrays.fill(levelEta, -1);
            System.arraycopy(saved, 0, levelEta, 0, Math.min(saved.length, LEVELS));
        }
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
