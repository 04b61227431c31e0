package dev.tangent.pde;

import dev.tangent.nn.Activation;
import dev.tangent.nn.PointResidual;
import dev.tangent.sampling.SamplerKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A PDE problem: domain, its fields (u, or e.g. u, v, p of a system), equations (each its own loss group on the
 * interior points), conditions (each its own loss group), fixed scalar parameters, unknown coefficients of the
 * equations trained with the network (an inverse problem; θ holds them after the network's parameters, in this
 * order), a reference solution per field (entries may be null; the list is empty without any), default sizes and
 * initial loss weights per group (absent: 1). A scalar problem has fields [u] and one equation named "pde".
 */
public record Problem(String name, String description, Domain domain, List<String> fields, List<Equation> equations,
                      List<Condition> conditions, Map<String, Double> parameters, List<Reference> references,
                      Defaults defaults, List<Unknown> unknowns, Map<String, Double> weights) {

    /** A forward scalar problem: field u, one equation, no unknowns, every loss weight 1. */
    public Problem(String name, String description, Domain domain, String equation, PointResidual pde,
                   List<Condition> conditions, Map<String, Double> parameters, Reference reference, Defaults defaults) {
        this(name, description, domain, equation, pde, conditions, parameters, reference, defaults, List.of(), Map.of());
    }

    /** A scalar problem: field u, one equation named "pde". */
    public Problem(String name, String description, Domain domain, String equation, PointResidual pde,
                   List<Condition> conditions, Map<String, Double> parameters, Reference reference, Defaults defaults,
                   List<Unknown> unknowns, Map<String, Double> weights) {
        this(name, description, domain, List.of("u"), List.of(new Equation("pde", equation, pde)), conditions, parameters,
                reference == null ? List.of() : List.of(reference), defaults, unknowns, weights);
    }

    /** A forward system: no unknowns, every loss weight 1. */
    public Problem(String name, String description, Domain domain, List<String> fields, List<Equation> equations,
                   List<Condition> conditions, Map<String, Double> parameters, List<Reference> references, Defaults defaults) {
        this(name, description, domain, fields, equations, conditions, parameters, references, defaults, List.of(), Map.of());
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
        fields = List.copyOf(fields);
        equations = List.copyOf(equations);
        if (fields.isEmpty()) throw new IllegalArgumentException("problem " + name + ": at least one field is needed");
        if (equations.size() != fields.size()) {
            throw new IllegalArgumentException("problem " + name + ": " + equations.size() + " equation(s) for "
                    + fields.size() + " field(s) " + fields + "; give one equation per field");
        }
        if (!references.isEmpty() && references.size() != fields.size()) {
            throw new IllegalArgumentException("problem " + name + ": " + references.size() + " reference(s) for "
                    + fields.size() + " field(s) " + fields);
        }
        references = Collections.unmodifiableList(new ArrayList<>(references));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Equation e : equations) {
            if (e.residual().inputDim() != domain.dim()) {
                throw new IllegalArgumentException("problem " + name + ": equation " + e.name() + " takes "
                        + e.residual().inputDim() + " coordinates but the domain has " + domain.dim());
            }
            checkFields(name, "equation " + e.name(), e.residual(), fields);
            if (!names.add(e.name())) throw new IllegalArgumentException("problem " + name + ": two loss groups are named '" + e.name() + "'");
        }
        names.add("pde");
        for (Condition c : conditions) {
            checkFields(name, "condition " + c.name(), c.residual(), fields);
            if (!names.add(c.name())) throw new IllegalArgumentException("problem " + name + ": two loss groups are named '" + c.name() + "'");
            if (c.residual().inputDim() != domain.dim()) {
                throw new IllegalArgumentException("condition " + c.name() + " takes " + c.residual().inputDim()
                        + " coordinates but the domain has " + domain.dim());
            }
        }
        for (Unknown u : unknowns) {
            for (Equation e : equations) {
                if (!(e.residual() instanceof ExpressionResidual)) {
                    throw new IllegalArgumentException("problem " + name + ": unknown '" + u.name() + "' needs equations given as text");
                }
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

    private static void checkFields(String problem, String what, PointResidual r, List<String> fields) {
        for (int f : r.fields()) {
            if (f < 0 || f >= fields.size()) {
                throw new IllegalArgumentException("problem " + problem + ": " + what + " reads field #" + f
                        + " but the problem has fields " + fields);
            }
        }
    }

    /** The first (for a scalar problem: the) equation's residual. */
    public PointResidual pde() {
        return equations.get(0).residual();
    }

    /** The equation text; a system's equations joined by "; ". */
    public String equation() {
        return String.join("; ", equations.stream().map(Equation::text).toList());
    }

    /** The first field's reference, or null. */
    public Reference reference() {
        return references.isEmpty() ? null : references.get(0);
    }

    /** Whether the problem has more than one field. */
    public boolean system() {
        return fields.size() > 1;
    }
}
