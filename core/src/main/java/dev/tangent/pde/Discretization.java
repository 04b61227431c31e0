package dev.tangent.pde;

import dev.tangent.nn.Mlp;
import dev.tangent.sampling.SamplerKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A problem bound to a network and collocation points: the stacked loss groups (PDE first, then the
 * conditions in order) and the dense test set used for error metrics.
 */
public final class Discretization {
    private final Problem problem;
    private final Mlp mlp;
    private final List<LossGroup> groups;
    private final TestSet testSet;
    private final dev.tangent.nn.Predictor predictor;
    private double[] testPrediction;

    /**
     * @param pointCounts points per group name ("pde", condition names); missing names use the defaults
     */
    public Discretization(Problem problem, Mlp mlp, Map<String, Integer> pointCounts, SamplerKind interiorSampler,
                          SamplerKind conditionSampler, long seed) {
        if (mlp.spec().inputDim() != problem.domain().dim()) {
            throw new IllegalArgumentException("network takes " + mlp.spec().inputDim() + " inputs but problem "
                    + problem.name() + " has " + problem.domain().dim() + " coordinates");
        }
        for (String key : pointCounts.keySet()) {
            boolean known = key.equals("pde") || problem.conditions().stream().anyMatch(c -> c.name().equals(key));
            if (!known) {
                List<String> allowed = new ArrayList<>(List.of("pde"));
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
        PointGroup pde = new PointGroup("pde", d, Region.interior(), interiorSampler, nPde, problem.pde(), mlp, seed);
        if (!problem.unknowns().isEmpty()) pde.unknowns(problem.unknowns());
        gs.add(pde);
        int k = 1;
        for (Condition c : problem.conditions()) {
            int n = pointCounts.getOrDefault(c.name(), c.defaultPoints());
            long s = seed + 1000003L * k++;
            if (c.kind() == ConditionKind.DATA) {
                gs.add(new PointGroup(c.name(), (DataResidual) c.residual(), n, mlp, s));
            } else if (c.kind() == ConditionKind.PERIODIC) {
                gs.add(new PeriodicGroup(c.name(), d, c.region().axes()[0], conditionSampler, n, mlp, s));
            } else {
                gs.add(new PointGroup(c.name(), d, c.region(), conditionSampler, n, c.residual(), mlp, s));
            }
        }
        this.groups = Collections.unmodifiableList(gs);
        this.testSet = problem.reference() == null ? null : problem.reference().testSet(d);
        this.predictor = new dev.tangent.nn.Predictor(mlp);
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

    /** u_θ at arbitrary points, in chunks to bound memory ({@link dev.tangent.nn.Predictor}). */
    public double[] predict(double[] theta, double[] points) {
        return predictor.predict(theta, points);
    }

    /** Errors on the dense test set (both metrics), or null when the problem has no reference. */
    public ErrorMetrics errors(double[] theta) {
        if (testSet == null) return null;
        testPrediction = predict(theta, testSet.points());
        return ErrorMetrics.of(testPrediction, testSet.values());
    }

    /** Prediction on the test set from the last {@link #errors} call. */
    public double[] lastTestPrediction() {
        return testPrediction;
    }
}
