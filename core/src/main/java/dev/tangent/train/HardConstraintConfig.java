package dev.tangent.train;

import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.Domain;
import dev.tangent.pde.HardConstraint;
import dev.tangent.pde.HardConstraints;
import dev.tangent.pde.Problem;
import dev.tangent.pde.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hard Dirichlet constraints of a config: every {@code kind: dirichlet} condition with {@code hard: true}
 * (optional {@code distance:}), on the whole spatial boundary, one face (coord, side) or named parts of a shape
 * (boundary). Its field is the condition's {@code field:} (a scalar problem: u). The condition stays a loss group
 * too, which the transform makes exactly zero. {@code net.hard: [group, ...]} makes named Dirichlet groups of any
 * problem (a catalog one too) hard with the default distance.
 */
final class HardConstraintConfig {
    private HardConstraintConfig() {}

    /** The constraints, or null when no condition is hard. */
    static HardConstraints from(Config c, Problem p) {
        List<HardConstraint> found = new ArrayList<>();
        List<Object> named = c.list("net.hard");
        if (named != null) {
            for (Object o : named) {
                String group = String.valueOf(o).trim();
                List<String> dirichlet = p.conditions().stream().filter(x -> x.kind() == ConditionKind.DIRICHLET).map(Condition::name).toList();
                Condition cond = p.conditions().stream().filter(x -> x.name().equals(group)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("config key 'net.hard': " + (p.equations().stream().anyMatch(e -> e.name().equals(group))
                                ? "'" + group + "' is an equation, not a dirichlet condition" : "no loss group '" + group + "'")
                                + "; dirichlet groups: " + dirichlet));
                try {
                    found.add(HardConstraint.of(p.domain(), p.fields(), cond, null));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("config key 'net.hard': " + e.getMessage());
                }
            }
        }
        List<Object> list = c.get("problem") instanceof Map<?, ?> ? c.list("problem.conditions") : null;
        for (int i = 0; list != null && i < list.size(); i++) {
            String where = "config key 'problem.conditions[" + i + "]'";
            Map<String, Object> m = Config.asMap(list.get(i), where);
            boolean hard = Boolean.parseBoolean(String.valueOf(m.getOrDefault("hard", "false")).trim());
            if (!hard) {
                if (m.containsKey("distance")) throw new IllegalArgumentException(where + ".distance applies only with hard: true");
                continue;
            }
            if (ConditionKind.parse(String.valueOf(m.get("kind"))) != ConditionKind.DIRICHLET) {
                throw new IllegalArgumentException(where + ".hard: true applies to dirichlet conditions only, not " + m.get("kind"));
            }
            Domain d = p.domain();
            String field = String.valueOf(m.getOrDefault("field", p.fields().get(0)));
            String value = String.valueOf(m.getOrDefault("value", "0"));
            String distance = m.containsKey("distance") ? String.valueOf(m.get("distance")) : null;
            try {
                found.add(new HardConstraint(d, region(d, m), p.fields(), field, value, distance));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        if (found.isEmpty()) return null;
        try {
            return new HardConstraints(p.fields().size(), found);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key 'problem.conditions': " + e.getMessage());
        }
    }

    private static Region region(Domain d, Map<String, Object> m) {
        if (m.containsKey("boundary")) {
            Object b = m.get("boundary");
            List<?> l = b instanceof List<?> list ? list : List.of(b);
            return Region.boundary(l.stream().map(String::valueOf).toArray(String[]::new));
        }
        if (m.containsKey("coord")) {
            String s = String.valueOf(m.getOrDefault("side", "lo"));
            return Region.face(d.index(String.valueOf(m.get("coord"))), s.equals("hi") || s.equals("high"));
        }
        return Region.spatialBoundary(d);
    }
}
