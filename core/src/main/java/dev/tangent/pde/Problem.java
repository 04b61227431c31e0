package dev.tangent.pde;

import dev.tangent.nn.Activation;
import dev.tangent.nn.PointResidual;
import dev.tangent.sampling.SamplerKind;
import java.util.List;
import java.util.Map;

/**
 * A PDE problem: domain, one PDE residual, conditions (each its own loss group), fixed scalar parameters, unknown
 * coefficients of the equation trained with the network (an inverse problem; θ holds them after the network's
 * parameters, in this order), a reference solution, default sizes and initial loss weights per group (absent: 1).
 */
public record Problem(String name, String description, Domain domain, String equation, PointResidual pde,
                      List<Condition> conditions, Map<String, Double> parameters, Reference reference,
                      Defaults defaults, List<Unknown> unknowns, Map<String, Double> weights) {

    /** A forward problem: no unknowns, every loss weight 1. */
    public Problem(String name, String description, Domain domain, String equation, PointResidual pde,
                   List<Condition> conditions, Map<String, Double> parameters, Reference reference, Defaults defaults) {
        this(name, description, domain, equation, pde, conditions, parameters, reference, defaults, List.of(), Map.of());
    }

    /**
     * Sizes and budget a user gets without asking.
     *
     * @param seconds the training-time budget when the config sets none (the run stops earlier when it converges)
     */
    public record Defaults(int[] hidden, Activation activation, int interiorPoints, SamplerKind interiorSampler,
                           SamplerKind conditionSampler, double seconds) {
        /** The budget of a problem nobody tuned: two minutes. */
        public static final double SECONDS = 120;

        public Defaults(int[] hidden, Activation activation, int interiorPoints, SamplerKind interiorSampler,
                        SamplerKind conditionSampler) {
            this(hidden, activation, interiorPoints, interiorSampler, conditionSampler, SECONDS);
        }

        public Defaults withSeconds(double t) {
            return new Defaults(hidden, activation, interiorPoints, interiorSampler, conditionSampler, t);
        }
    }

    public Problem {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("problem name must not be empty");
        if (pde.inputDim() != domain.dim()) {
            throw new IllegalArgumentException("problem " + name + ": PDE residual takes " + pde.inputDim()
                    + " coordinates but the domain has " + domain.dim());
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        names.add("pde");
        for (Condition c : conditions) {
            if (!names.add(c.name())) throw new IllegalArgumentException("problem " + name + ": two loss groups are named '" + c.name() + "'");
            if (c.residual().inputDim() != domain.dim()) {
                throw new IllegalArgumentException("condition " + c.name() + " takes " + c.residual().inputDim()
                        + " coordinates but the domain has " + domain.dim());
            }
        }
        for (Unknown u : unknowns) {
            if (!(pde instanceof ExpressionResidual)) {
                throw new IllegalArgumentException("problem " + name + ": unknown '" + u.name() + "' needs an equation given as text");
            }
        }
        for (String g : weights.keySet()) {
            if (!names.contains(g)) throw new IllegalArgumentException("problem " + name + ": a weight names loss group '" + g + "', which does not exist; groups: " + names);
        }
        conditions = List.copyOf(conditions);
        parameters = Map.copyOf(parameters);
        unknowns = List.copyOf(unknowns);
        weights = Map.copyOf(weights);
    }
}
