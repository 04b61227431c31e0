package dev.tangent.pde;

import dev.tangent.nn.Mlp;
import dev.tangent.sampling.SamplerKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A problem bound to a network and collocation points: the stacked loss groups (the equations first, all on the same
 * interior points, then the conditions in order) and the dense test sets used for error metrics, one per field.
 */
public final class Discretization {
    private final Problem problem;
    private final Mlp mlp;
    private final List<LossGroup> groups;
    private final TestSet testSet;
    private final List<TestSet> fieldTestSets;
    private final dev.tangent.nn.Predictor predictor;
    private final HardConstraints hard;
    private double[] testPrediction;
    private double[][] fieldPredictions;

    /**
     * @param pointCounts points per group name ("pde", condition names); missing names use the defaults
     */
    public Discretization(Problem problem, Mlp mlp, Map<String, Integer> pointCounts, SamplerKind interiorSampler,
                          SamplerKind conditionSampler, long seed) {
        this(problem, mlp, pointCounts, interiorSampler, conditionSampler, seed, null);
    }

    /**
     * With hard constraints (null: none): every equation's and condition's residual, and every prediction, is of
     * u = g + d·N ({@link HardConstraints}). The hard conditions' own groups stay in the loss and are exactly zero.
     */
    public Discretization(Problem problem, Mlp mlp, Map<String, Integer> pointCounts, SamplerKind interiorSampler,
                          SamplerKind conditionSampler, long seed, HardConstraints hard) {
        if (mlp.spec().inputDim() != problem.domain().dim()) {
            throw new IllegalArgumentException("network takes " + mlp.spec().inputDim() + " inputs but problem "
                    + problem.name() + " has " + problem.domain().dim() + " coordinates");
        }
        if (mlp.fields() != problem.fields().size()) {
            throw new IllegalArgumentException("network " + mlp.spec().shape() + " has " + mlp.fields() + " output(s) but problem "
                    + problem.name() + " has fields " + problem.fields());
        }
        for (String key : pointCounts.keySet()) {
            boolean known = key.equals("pde") || problem.conditions().stream().anyMatch(c -> c.name().equals(key))
                    || problem.equations().stream().anyMatch(e -> e.name().equals(key));
            if (!known) {
                List<String> allowed = new ArrayList<>(List.of("pde"));
                problem.equations().forEach(e -> { if (!e.name().equals("pde")) allowed.add(e.name()); });
                problem.conditions().forEach(c -> allowed.add(c.name()));
                throw new IllegalArgumentException("points: unknown loss group '" + key + "'; allowed: " + allowed);
            }
        }
        if (mlp.extraParameters() != problem.unknowns().size()) {
            throw new IllegalArgumentException("problem " + problem.name() + " has " + problem.unknowns().size()
                    + " unknown coefficients but the network carries " + mlp.extraParameters() + " extra parameters");
        }
        this.problem = problem;
        this.mlp = mlp;
        List<LossGroup> gs = new ArrayList<>();
        Domain d = problem.domain();
        int nPde = pointCounts.getOrDefault("pde", problem.defaults().interiorPoints());
        for (Equation e : problem.equations()) {   // the same seed: every equation on the same interior points
            int n = pointCounts.getOrDefault(e.name(), nPde);
            PointGroup pde = new PointGroup(e.name(), d, Region.interior(), interiorSampler, n, wrap(hard, e.residual()), mlp, seed);
            if (!problem.unknowns().isEmpty()) pde.unknowns(problem.unknowns());
            gs.add(pde);
        }
        int k = 1;
        for (Condition c : problem.conditions()) {
            int n = pointCounts.getOrDefault(c.name(), c.defaultPoints());
            long s = seed + 1000003L * k++;
            if (c.kind() == ConditionKind.DATA) {
                gs.add(new PointGroup(c.name(), (DataResidual) c.residual(), wrap(hard, c.residual()), n, mlp, s));
            } else if (c.kind() == ConditionKind.PERIODIC) {
                if (hard != null && hard.constrains(c.residual().fields())) {
                    throw new IllegalArgumentException("condition " + c.name() + ": a periodic condition cannot pair faces of a field"
                            + " with a hard constraint (" + hard.describe() + "); make one of them soft");
                }
                int[] fs = java.util.stream.IntStream.of(c.residual().fields()).distinct().toArray();
                gs.add(new PeriodicGroup(c.name(), d, c.region().axes()[0], fs, conditionSampler, n, mlp, s));
            } else {
                gs.add(new PointGroup(c.name(), d, c.region(), conditionSampler, n, wrap(hard, c.residual()), mlp, s));
            }
        }
        this.groups = Collections.unmodifiableList(gs);
        List<TestSet> sets = new ArrayList<>();
        for (Reference r : problem.references()) sets.add(r == null ? null : r.testSet(d));
        this.fieldTestSets = Collections.unmodifiableList(sets);
        this.testSet = sets.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        this.predictor = new dev.tangent.nn.Predictor(mlp, hard);
        this.hard = hard;
    }

    private static dev.tangent.nn.PointResidual wrap(HardConstraints hard, dev.tangent.nn.PointResidual r) {
        return hard == null ? r : hard.wrap(r);
    }

    /** The hard constraints, or null. */
    public HardConstraints hard() {
        return hard;
    }

    /** Uses the problem's default samplers. */
    public Discretization(Problem problem, Mlp mlp, Map<String, Integer> pointCounts, long seed) {
        this(problem, mlp, pointCounts, problem.defaults().interiorSampler(), problem.defaults().conditionSampler(), seed);
    }

    public Problem problem() {
        return problem;
    }

    public Mlp mlp() {
        return mlp;
    }

    public List<LossGroup> groups() {
        return groups;
    }

    public TestSet testSet() {
        return testSet;
    }

    /** Total residual rows over all groups. */
    public int rows() {
        int s = 0;
        for (LossGroup g : groups) s += g.size();
        return s;
    }

    /** The test set of each field (null entries for fields without a reference; empty without any reference). */
    public List<TestSet> fieldTestSets() {
        return fieldTestSets;
    }

    /** u_θ (the first field) at arbitrary points, in chunks to bound memory ({@link dev.tangent.nn.Predictor}). */
    public double[] predict(double[] theta, double[] points) {
        return predictor.predict(theta, points);
    }

    /** Every field at arbitrary points: out[f][i]. */
    public double[][] predictFields(double[] theta, double[] points) {
        return predictor.predictFields(theta, points);
    }

    /**
     * Errors on the dense test set (both metrics), or null when the problem has no reference. For a system: per field
     * ({@link ErrorMetrics#fields()}), with the worst field's numbers as the headline.
     */
    public ErrorMetrics errors(double[] theta) {
        if (testSet == null) return null;
        if (!problem.system()) {
            testPrediction = predict(theta, testSet.points());
            return ErrorMetrics.of(testPrediction, testSet.values());
        }
        fieldPredictions = new double[fieldTestSets.size()][];
        List<ErrorMetrics> per = new ArrayList<>();
        for (int f = 0; f < fieldTestSets.size(); f++) {
            TestSet ts = fieldTestSets.get(f);
            if (ts == null) {
                per.add(null);
                continue;
            }
            fieldPredictions[f] = predictFields(theta, ts.points())[f];
            per.add(ErrorMetrics.of(fieldPredictions[f], ts.values()));
        }
        testPrediction = fieldPredictions[0];
        return ErrorMetrics.worstOf(per);
    }

    /** Field f's prediction on its test set from the last {@link #errors} call (null if it has no reference). */
    public double[] lastTestPrediction(int f) {
        return !problem.system() ? testPrediction : fieldPredictions == null ? null : fieldPredictions[f];
    }

    /** Prediction on the test set from the last {@link #errors} call. */
    public double[] lastTestPrediction() {
        return testPrediction;
    }
}
