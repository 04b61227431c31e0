package dev.tangent.train;

import dev.tangent.optim.LevenbergMarquardtOptimizer;
import dev.tangent.optim.Optimizer;
import dev.tangent.pde.Discretization;
import dev.tangent.sampling.ResidualSampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Assembles a {@link Training} from a discretized problem built in code (or by {@link Trainer} from a config).
 * Defaults: Levenberg–Marquardt with its default settings, 2000 steps, evaluation every 10 steps, no resampling,
 * no loss weights, seed 0, and the stalled-line-search convergence rule.
 */
public final class TrainingSetup {
    private final Discretization discretization;
    private long seed;
    private Optimizer optimizer;
    private Budget budget = Budget.steps(2000);
    private int evalEvery = 10;
    private int resampleEvery;
    private CausalWeights causal;
    private ResidualSampling residual;
    private int candidates = 10;
    private Function<WeightedProblem, LossWeighting> weighting = LossWeighting::none;
    private ConvergenceCheck convergence;
    private final List<TrainingListener> listeners = new ArrayList<>();

    private TrainingSetup(Discretization d) {
        this.discretization = d;
    }

    public static TrainingSetup of(Discretization d) {
        return new TrainingSetup(d);
    }

    /** Seed of the initial parameters and of resampled points. */
    public TrainingSetup seed(long s) {
        seed = s;
        return this;
    }

    public TrainingSetup optimizer(Optimizer o) {
        optimizer = o;
        return this;
    }

    public TrainingSetup budget(Budget b) {
        budget = b;
        return this;
    }

    /** Evaluate the errors (a metrics row) every k steps. */
    public TrainingSetup evalEvery(int k) {
        if (k < 1) throw new IllegalArgumentException("train.eval_every must be >= 1, got " + k);
        evalEvery = k;
        return this;
    }

    /** Draw new collocation points every k steps (0 = never). */
    public TrainingSetup resampleEvery(int k) {
        if (k < 0) throw new IllegalArgumentException("sampler.resample_every must be >= 0, got " + k);
        resampleEvery = k;
        return this;
    }

    /** At each resampling, keep PDE points where |r| is large: {@code candidates} drawn per kept point (null: plain draws). */
    public TrainingSetup residualSampling(ResidualSampling rule, int candidatesPerPoint) {
        residual = rule;
        candidates = candidatesPerPoint;
        return this;
    }

    public TrainingSetup causal(CausalWeights c) {
        causal = c;
        return this;
    }

    /** The loss-weight rule, made for the weighted problem the training builds. */
    public TrainingSetup weighting(Function<WeightedProblem, LossWeighting> w) {
        weighting = w;
        return this;
    }

    /** Replaces the default convergence rule. */
    public TrainingSetup convergence(ConvergenceCheck c) {
        convergence = c;
        return this;
    }

    /** Adds a listener (called in the order added; a {@link RunRecorder} given to run comes last). */
    public TrainingSetup listener(TrainingListener l) {
        if (l != null) listeners.add(l);
        return this;
    }

    public Training build() {
        WeightedProblem wp = new WeightedProblem(discretization);
        List<dev.tangent.pde.LossGroup> groups = discretization.groups();
        Map<String, Double> given = discretization.problem().weights(); // a data condition's weight
        for (int g = 0; g < groups.size(); g++) wp.weights()[g] = given.getOrDefault(groups.get(g).name(), 1.0);
        if (causal != null) wp.causal(causal);
        Optimizer opt = optimizer != null ? optimizer : new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults());
        return new Training(this, wp, opt, weighting.apply(wp), listeners);
    }

    long seed() {
        return seed;
    }

    Budget budget() {
        return budget;
    }

    int evalEvery() {
        return evalEvery;
    }

    int resampleEvery() {
        return resampleEvery;
    }

    ResidualSampling residual() {
        return residual;
    }

    int candidates() {
        return candidates;
    }

    /**
     * The configured check, or the default: a stateless method whose line search found no decrease would repeat the
     * same step, unless the points or the weights change between steps.
     */
    ConvergenceCheck convergence(Optimizer opt, LossWeighting w) {
        if (convergence != null) return convergence;
        return last -> opt.stalled(last) && resampleEvery == 0 && w.kind().equals("none");
    }
}
