package dev.tangent.train;

import dev.tangent.nn.Activation;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.Domain;
import dev.tangent.pde.Equation;
import dev.tangent.pde.ExpressionResidual;
import dev.tangent.pde.Problem;
import dev.tangent.pde.Reference;
import dev.tangent.pde.Region;
import dev.tangent.pde.Unknown;
import dev.tangent.pde.expr.Evaluator;
import dev.tangent.pde.expr.Expr;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.sampling.SamplerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@link Problem} a config names: a catalog entry, or one stated in text form. */
public final class ProblemFactory {
    private ProblemFactory() {}

    public static Problem build(Config c) {
        return build(c, true);
    }

    /**
     * With {@code readData} false, data conditions are left out and their files not read: enough to rebuild a trained
     * network's shape (the unknowns and the network do not depend on them).
     */
    public static Problem build(Config c, boolean readData) {
        Object p = c.get("problem");
        if (p == null) return Catalog.get("laplace2d");
        if (p instanceof String name) return named("problem", () -> Catalog.get(name));
        if (c.has("problem.name") && !c.has("problem.equation") && !c.has("problem.equations")) {
            Map<String, Double> options = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : c.section("problem.options").entrySet()) {
                options.put(e.getKey(), c.number("problem.options." + e.getKey(), 0));
            }
            return named("problem", () -> Catalog.get(c.string("problem.name", ""), options));
        }
        return fromText(c, readData);
    }

    private static Problem fromText(Config c, boolean readData) {
        if (!c.has("problem.equation") && !c.has("problem.equations")) {
            throw new IllegalArgumentException("problem: give a catalog name (problem: laplace2d) or an equation with a domain");
        }
        Map<String, Object> dom = c.section("problem.domain");
        if (dom.isEmpty()) throw new IllegalArgumentException("problem.domain is empty: give coordinates like {x: [0, 1]}");
        Domain d = DomainConfig.isShape(dom)
                ? DomainConfig.domain(dom, c.has("problem.time") ? interval(c.get("problem.time"), "problem.time") : null, "problem.domain")
                : boxDomain(c, dom);
        return fromText(c, d, readData);
    }

    private static Domain boxDomain(Config c, Map<String, Object> dom) {
        List<String> names = new ArrayList<>();
        List<double[]> bounds = new ArrayList<>();
        for (Map.Entry<String, Object> e : dom.entrySet()) {
            names.add(e.getKey());
            bounds.add(interval(e.getValue(), "problem.domain." + e.getKey()));
        }
        double[] lo = bounds.stream().mapToDouble(b -> b[0]).toArray();
        double[] hi = bounds.stream().mapToDouble(b -> b[1]).toArray();
        Domain d;
        if (c.has("problem.time")) {
            double[] t = interval(c.get("problem.time"), "problem.time");
            d = named("problem.domain", () -> Domain.spaceTime(t[0], t[1], names.toArray(String[]::new), lo, hi));
        } else {
            d = named("problem.domain", () -> Domain.box(names.toArray(String[]::new), lo, hi));
        }
        return d;
    }

    private static Problem fromText(Config c, Domain d, boolean readData) {
        Map<String, Double> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : c.section("problem.parameters").entrySet()) {
            params.put(e.getKey(), c.number("problem.parameters." + e.getKey(), 0));
        }
        List<Unknown> unknowns = named("problem.unknowns", () -> unknowns(c, d, params));
        Map<String, Double> symbols = new LinkedHashMap<>(params);
        for (Unknown u : unknowns) symbols.put(u.name(), u.start());
        List<String> fields = c.has("problem.fields") ? strings(c.list("problem.fields")) : List.of("u");
        List<Equation> equations = new ArrayList<>();
        if (c.has("problem.equations")) {
            List<String> texts = strings(c.list("problem.equations"));
            for (int i = 0; i < texts.size(); i++) {
                String key = "problem.equations[" + i + "]", text = texts.get(i);
                String name = texts.size() == 1 ? "pde" : "pde-" + (i + 1);
                equations.add(new Equation(name, text, named(key, () -> ExpressionResidual.parse(d, text, symbols, fields))));
            }
        } else {
            String equation = c.string("problem.equation", "");
            equations.add(new Equation("pde", equation,
                    named("problem.equation", () -> ExpressionResidual.parse(d, equation, symbols, fields))));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        List<Condition> conditions = new ArrayList<>();
        List<Object> list = c.list("problem.conditions");
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                String key = "problem.conditions[" + i + "]";
                Map<String, Object> m = Config.asMap(list.get(i), key);
                boolean data = "data".equals(String.valueOf(m.get("kind")).trim());
                if (!readData && data) continue;
                int index = i;
                List<Condition> made = data ? named(key, () -> DataConditions.build(d, m, key, fields))
                        : List.of(named(key, () -> condition(d, m, index, fields)));
                for (Condition cond : made) {
                    for (Condition other : conditions) {
                        if (other.name().equals(cond.name()) || cond.name().equals("pde")) {
                            throw new IllegalArgumentException("config key '" + key + "': the loss group name '" + cond.name()
                                    + "' is already taken; give this condition its own name (name: ...)");
                        }
                    }
                    conditions.add(cond);
                    if (m.containsKey("weight")) weights.put(cond.name(), toDouble(m.get("weight"), key + ".weight"));
                }
            }
        }
        List<Reference> refs = new ArrayList<>();
        if (c.get("problem.exact") instanceof Map<?, ?>) {
            for (String f : fields) {
                String key = "problem.exact." + f;
                refs.add(c.has(key) ? named(key, () -> exact(d, c.string(key, ""))) : null);
            }
        } else if (c.has("problem.exact")) {
            refs.add(named("problem.exact", () -> exact(d, c.string("problem.exact", ""))));
        }
        if (refs.stream().allMatch(java.util.Objects::isNull)) refs.clear();
        int interior = c.integer("problem.interior_points", 1000, 1, Integer.MAX_VALUE);
        int[] hidden = {64}; // one layer of 64 tanh units: enough capacity for smooth solutions, cheap second-order steps
        Problem.Defaults defaults = new Problem.Defaults(hidden, Activation.TANH, interior, SamplerKind.SOBOL, SamplerKind.SOBOL);
        return named("problem", () -> new Problem(c.string("name", "custom"), c.string("problem.description", "problem from config"),
                d, fields, equations, conditions, params, refs, defaults, unknowns, weights));
    }

    private static List<String> strings(List<Object> raw) {
        return raw.stream().map(String::valueOf).toList();
    }

    /** problem.unknowns: {k: {start: 0.5, bounds: [0, 10]}}, in the order written (θ's trailing entries). */
    private static List<Unknown> unknowns(Config c, Domain d, Map<String, Double> params) {
        List<Unknown> out = new ArrayList<>();
        for (String name : c.section("problem.unknowns").keySet()) {
            String key = "problem.unknowns." + name;
            if (params.containsKey(name)) throw new IllegalArgumentException(key + ": '" + name + "' is also a fixed parameter (problem.parameters); give it in one place");
            if (java.util.Arrays.asList(d.coords()).contains(name)) throw new IllegalArgumentException(key + ": '" + name + "' is a coordinate name");
            if (!c.has(key + ".start")) throw new IllegalArgumentException(key + ".start is missing: an unknown needs a start value, e.g. {start: 0.5, bounds: [0, 10]}");
            double start = c.number(key + ".start", 0);
            if (c.has(key + ".bounds")) {
                double[] b = interval(c.get(key + ".bounds"), key + ".bounds");
                out.add(named(key, () -> new Unknown(name, start, b[0], b[1])));
            } else {
                out.add(new Unknown(name, start));
            }
        }
        return out;
    }

    private static Condition condition(Domain d, Map<String, Object> m, int index, List<String> fields) {
        String where = "problem.conditions[" + index + "]";
        if (!m.containsKey("kind")) throw new IllegalArgumentException(where + ".kind is missing; allowed: [dirichlet, neumann, periodic, initial-value, initial-velocity, data]");
        ConditionKind kind = ConditionKind.parse(String.valueOf(m.get("kind")));
        if (!d.isBox() && kind != ConditionKind.DATA) return ShapeConditions.condition(d, m, kind, where, fields);
        java.util.Set<String> used = switch (kind) {
            case DIRICHLET -> m.containsKey("coord") ? Set.of("kind", "value", "points", "coord", "side", "name", "weight", "field", "hard", "distance")
                    : Set.of("kind", "value", "points", "coord", "name", "weight", "field", "hard", "distance");
            case NEUMANN -> Set.of("kind", "value", "points", "coord", "side", "name", "weight", "field");
            case PERIODIC -> Set.of("kind", "points", "coord", "name", "weight", "field");
            case INITIAL_VALUE, INITIAL_VELOCITY -> Set.of("kind", "value", "points", "name", "weight", "field");
            case DATA -> throw new IllegalStateException("data conditions are built by DataConditions");
        };
        if (d.isBox() && m.containsKey("boundary")) {
            throw new IllegalArgumentException(where + ".boundary names parts of a shape's boundary; " + d.describe()
                    + " is a box: name a face with coord and side");
        }
        for (String k : m.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException("key '" + k + "' does not apply to a " + kind.name().toLowerCase().replace('_', '-')
                        + " condition" + (k.equals("side") ? " without coord" : "") + "; its keys are " + new java.util.TreeSet<>(used));
            }
        }
        String value = m.containsKey("value") ? String.valueOf(m.get("value")) : "0";
        int points = m.containsKey("points") ? (int) toDouble(m.get("points"), where + ".points") : 100;
        if (kind == ConditionKind.PERIODIC) {   // every field by default, or field: u / field: [u, v]
            List<String> matched = m.containsKey("field") ? DataConditions.names(m.get("field")) : fields;
            Condition c = Condition.periodic(d, fields, matched, required(m, "coord", where), points);
            return new Condition(m.containsKey("name") ? String.valueOf(m.get("name")) : c.name(), c.kind(), c.region(), c.residual(), c.description(), points);
        }
        String field = SystemRules.conditionField(m, kind.label(), fields, where);
        Condition cond = switch (kind) {
            case DIRICHLET -> {
                Region region = Region.spatialBoundary(d);
                if (m.containsKey("coord")) region = Region.face(d.index(String.valueOf(m.get("coord"))), side(m, where));
                yield Condition.dirichlet(d, region, fields, field, value, points);
            }
            case NEUMANN -> Condition.neumann(d, fields, field, required(m, "coord", where), side(m, where), value, points);
            case PERIODIC -> throw new IllegalStateException("handled above");
            case INITIAL_VALUE -> Condition.initialValue(d, fields, field, value, points);
            case INITIAL_VELOCITY -> Condition.initialVelocity(d, fields, field, value, points);
            case DATA -> throw new IllegalStateException("handled above");
        };
        String suffix = fields.size() > 1 ? "-" + field : "";
        String name = m.containsKey("name") ? String.valueOf(m.get("name"))
                : (kind == ConditionKind.DIRICHLET && m.containsKey("coord") ? "boundary-" + m.get("coord") + (side(m, where) ? "-hi" : "-lo") : cond.name())
                + suffix;
        return new Condition(name, cond.kind(), cond.region(), cond.residual(), cond.description(), points);
    }

    private static boolean side(Map<String, Object> m, String where) {
        String s = String.valueOf(m.getOrDefault("side", "lo"));
        if (s.equals("lo") || s.equals("low")) return false;
        if (s.equals("hi") || s.equals("high")) return true;
        throw new IllegalArgumentException(where + ".side must be lo or hi, got '" + s + "'");
    }

    static String required(Map<String, Object> m, String key, String where) {
        if (!m.containsKey(key)) throw new IllegalArgumentException(where + "." + key + " is required for this condition kind");
        return String.valueOf(m.get(key));
    }

    private static Reference exact(Domain d, String formula) {
        Expr e = new ExprParser(d.coords(), Set.of()).parse(formula);
        Map<String, Integer> slots = new HashMap<>();
        for (int k = 0; k < d.dim(); k++) slots.put(d.coords()[k], k);
        Evaluator ev = Evaluator.compile(e, slots);
        return Reference.exact(ev::evaluate, formula, d.dim() == 1 ? 1001 : 101);
    }

    /** Runs a build step; a rejected value is reported under the config key it came from. */
    private static <T> T named(String key, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.startsWith("config key")) throw e;
            throw new IllegalArgumentException("config key '" + key + "': " + msg);
        }
    }

    private static double[] interval(Object o, String path) {
        if (!(o instanceof List<?> l) || l.size() != 2) {
            throw new IllegalArgumentException(path + " must be an interval [lo, hi], got " + o);
        }
        return new double[] {toDouble(l.get(0), path + "[0]"), toDouble(l.get(1), path + "[1]")};
    }

    static double toDouble(Object o, String path) {
        if (o instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(String.valueOf(o));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + " must be a number, got '" + o + "'");
        }
    }
}
