package dev.tangent.train;

import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.Domain;
import dev.tangent.pde.Region;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Conditions on a shape domain: {@code boundary:} names the parts (one name or a list; absent: the whole
 * boundary), e.g. {@code {kind: neumann, boundary: inner, value: "0"}}; {@code field:} names the field a condition
 * sets, as on boxes (one name, required in a system). Faces (coord/side) and periodic pairs belong to boxes and are
 * refused with the shape's part names.
 */
final class ShapeConditions {
    private ShapeConditions() {}

    static Condition condition(Domain d, Map<String, Object> m, ConditionKind kind, String where, List<String> fields) {
        Set<String> used = switch (kind) {
            case DIRICHLET -> Set.of("kind", "value", "points", "boundary", "name", "hard", "distance", "field", "weight");
            case NEUMANN -> Set.of("kind", "value", "points", "boundary", "name", "field", "weight");
            case INITIAL_VALUE, INITIAL_VELOCITY -> Set.of("kind", "value", "points", "name", "field", "weight");
            case DATA -> throw new IllegalArgumentException(where + ".kind: data conditions are read by ProblemFactory");
            case PERIODIC -> throw new IllegalArgumentException(where + ".kind: periodic conditions pair the faces of a box; "
                    + d.describe() + " is not a box");
        };
        for (String k : m.keySet()) {
            if (!used.contains(k)) {
                String hint = k.equals("coord") || k.equals("side") ? " (faces belong to box domains; on this shape name parts with"
                        + " boundary: one of " + d.shape().partNames() + ")" : "";
                throw new IllegalArgumentException("key '" + k + "' does not apply to a " + kind.label() + " condition on "
                        + d.describe() + hint + "; its keys are " + new TreeSet<>(used));
            }
        }
        String value = m.containsKey("value") ? String.valueOf(m.get("value")) : "0";
        int points = m.containsKey("points") ? (int) ProblemFactory.toDouble(m.get("points"), where + ".points") : 100;
        String[] parts = parts(m.get("boundary"), where);
        for (String p : parts) {
            if (!d.shape().partNames().contains(p)) {
                throw new IllegalArgumentException(where + ".boundary: unknown boundary part '" + p + "'; "
                        + d.describe() + " has " + d.shape().partNames());
            }
        }
        String field = SystemRules.conditionField(m, kind.label(), fields, where);
        Condition c = switch (kind) {
            case DIRICHLET -> Condition.dirichlet(d, fields, field, value, points, parts);
            case NEUMANN -> Condition.neumann(d, Region.boundary(parts), fields, field, value, points);
            case INITIAL_VALUE -> Condition.initialValue(d, fields, field, value, points);
            default -> Condition.initialVelocity(d, fields, field, value, points);
        };
        // as on boxes: a system's default names end in the field (boundary-outer-v)
        String name = m.containsKey("name") ? String.valueOf(m.get("name")) : c.name() + (fields.size() > 1 ? "-" + field : "");
        return new Condition(name, c.kind(), c.region(), c.residual(), c.description(), points);
    }

    private static String[] parts(Object o, String where) {
        if (o == null) return new String[0];
        List<?> l = o instanceof List<?> list ? list : List.of(o);
        if (l.isEmpty()) throw new IllegalArgumentException(where + ".boundary: give at least one part name");
        return l.stream().map(String::valueOf).toArray(String[]::new);
    }
}
