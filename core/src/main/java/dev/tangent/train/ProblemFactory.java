package dev.tangent.train;

import dev.tangent.nn.Activation;
import dev.tangent.pde.Catalog;
import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.Domain;
import dev.tangent.pde.ExpressionResidual;
import dev.tangent.pde.Problem;
import dev.tangent.pde.Reference;
import dev.tangent.pde.Region;
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
        Object p = c.get("problem");
        if (p == null) return Catalog.get("laplace2d");
        if (p instanceof String name) return named("problem", () -> Catalog.get(name));
        if (c.has("problem.name") && !c.has("problem.equation")) {
            Map<String, Double> options = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : c.section("problem.options").entrySet()) {
                options.put(e.getKey(), c.number("problem.options." + e.getKey(), 0));
            }
            return named("problem", () -> Catalog.get(c.string("problem.name", ""), options));
        }
        return fromText(c);
    }

    private static Problem fromText(Config c) {
        if (!c.has("problem.equation")) {
            throw new IllegalArgumentException("problem: give a catalog name (problem: laplace2d) or an equation with a domain");
        }
        Map<String, Object> dom = c.section("problem.domain");
        if (dom.isEmpty()) throw new IllegalArgumentException("problem.domain is empty: give coordinates like {x: [0, 1]}");
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
        Map<String, Double> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : c.section("problem.parameters").entrySet()) {
            params.put(e.getKey(), c.number("problem.parameters." + e.getKey(), 0));
        }
        String equation = c.string("problem.equation", "");
        ExpressionResidual pde = named("problem.equation", () -> ExpressionResidual.parse(d, equation, params));
        List<Condition> conditions = new ArrayList<>();
        List<Object> list = c.list("problem.conditions");
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                String key = "problem.conditions[" + i + "]";
                Map<String, Object> m = Config.asMap(list.get(i), key);
                int index = i;
                Condition cond = named(key, () -> condition(d, m, index));
                for (Condition other : conditions) {
                    if (other.name().equals(cond.name()) || cond.name().equals("pde")) {
                        throw new IllegalArgumentException("config key '" + key + "': the loss group name '" + cond.name()
                                + "' is already taken; give this condition its own name (name: ...)");
                    }
                }
                conditions.add(cond);
            }
        }
        Reference ref = null;
        if (c.has("problem.exact")) ref = named("problem.exact", () -> exact(d, c.string("problem.exact", "")));
        int interior = c.integer("problem.interior_points", 1000, 1, Integer.MAX_VALUE);
        int[] hidden = {64}; // one layer of 64 tanh units: enough capacity for smooth solutions, cheap second-order steps
        return new Problem(c.string("name", "custom"), c.string("problem.description", "problem from config"), d, equation,
                pde, conditions, params, ref,
                new Problem.Defaults(hidden, Activation.TANH, interior, SamplerKind.SOBOL, SamplerKind.SOBOL));
    }

    private static Condition condition(Domain d, Map<String, Object> m, int index) {
        String where = "problem.conditions[" + index + "]";
        if (!m.containsKey("kind")) throw new IllegalArgumentException(where + ".kind is missing; allowed: [dirichlet, neumann, periodic, initial-value, initial-velocity]");
        ConditionKind kind = ConditionKind.parse(String.valueOf(m.get("kind")));
        java.util.Set<String> used = switch (kind) {
            case DIRICHLET -> m.containsKey("coord") ? Set.of("kind", "value", "points", "coord", "side", "name")
                    : Set.of("kind", "value", "points", "coord", "name");
            case NEUMANN -> Set.of("kind", "value", "points", "coord", "side", "name");
            case PERIODIC -> Set.of("kind", "points", "coord", "name");
            case INITIAL_VALUE, INITIAL_VELOCITY -> Set.of("kind", "value", "points", "name");
        };
        for (String k : m.keySet()) {
            if (!used.contains(k)) {
                throw new IllegalArgumentException("key '" + k + "' does not apply to a " + kind.name().toLowerCase().replace('_', '-')
                        + " condition" + (k.equals("side") ? " without coord" : "") + "; its keys are " + new java.util.TreeSet<>(used));
            }
        }
        String value = m.containsKey("value") ? String.valueOf(m.get("value")) : "0";
        int points = m.containsKey("points") ? (int) toDouble(m.get("points"), where + ".points") : 100;
        Condition cond = switch (kind) {
            case DIRICHLET -> {
                if (m.containsKey("coord")) {
                    String coord = String.valueOf(m.get("coord"));
                    boolean high = side(m, where);
                    yield Condition.dirichlet(d, Region.face(d.index(coord), high), value, points);
                }
                yield Condition.dirichlet(d, value, points);
            }
            case NEUMANN -> Condition.neumann(d, required(m, "coord", where), side(m, where), value, points);
            case PERIODIC -> Condition.periodic(d, required(m, "coord", where), points);
            case INITIAL_VALUE -> Condition.initialValue(d, value, points);
            case INITIAL_VELOCITY -> Condition.initialVelocity(d, value, points);
        };
        String name = m.containsKey("name") ? String.valueOf(m.get("name"))
                : (kind == ConditionKind.DIRICHLET && m.containsKey("coord") ? "boundary-" + m.get("coord") + (side(m, where) ? "-hi" : "-lo") : cond.name());
        return new Condition(name, cond.kind(), cond.region(), cond.residual(), cond.description(), points);
    }

    private static boolean side(Map<String, Object> m, String where) {
        String s = String.valueOf(m.getOrDefault("side", "lo"));
        if (s.equals("lo") || s.equals("low")) return false;
        if (s.equals("hi") || s.equals("high")) return true;
        throw new IllegalArgumentException(where + ".side must be lo or hi, got '" + s + "'");
    }

    private static String required(Map<String, Object> m, String key, String where) {
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
