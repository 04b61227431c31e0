package dev.tangent.train;

import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.DataResidual;
import dev.tangent.pde.Domain;
import dev.tangent.pde.PointTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code kind: data} conditions: observations from a CSV (path relative to the working directory) of one or several
 * quantities, each its own loss group with the entry's weight and batch size. The quantities are {@code of} (a field
 * or a derivative of one as written in equations: u, v_x; one or a list), or {@code field} (one field or a list: its
 * values), or, when neither is given, u in a scalar problem and every field that has a column in the file in a
 * system. Group names: {@code data} for u of a scalar problem, {@code data-<quantity>} otherwise; a {@code name}
 * is used as is for one quantity and as {@code <name>-<quantity>} for several.
 */
final class DataConditions {
    private DataConditions() {}

    private static final Set<String> KEYS = Set.of("kind", "file", "of", "field", "points", "name", "weight");

    static List<Condition> build(Domain d, Map<String, Object> m, String where, List<String> fields) {
        for (String k : m.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("key '" + k + "' does not apply to a data condition; its keys are " + new TreeSet<>(KEYS));
        }
        String file = ProblemFactory.required(m, "file", where);
        if (m.containsKey("of") && m.containsKey("field")) {
            throw new IllegalArgumentException(where + ": give of (quantities such as v or v_x) or field (fields whose values are observed), not both");
        }
        PointTable table = PointTable.read(Path.of(file));
        List<String> quantities;
        if (m.containsKey("of")) quantities = names(m.get("of"));
        else if (m.containsKey("field")) quantities = names(m.get("field"));
        else if (fields.size() == 1) quantities = List.of(fields.get(0));
        else {
            quantities = fields.stream().filter(table.header()::contains).toList();
            if (quantities.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + file + " has no column named after a field " + fields + " (columns "
                        + table.header() + "); name the observed quantities with of: [...]");
            }
        }
        if (m.containsKey("field")) {
            for (String q : quantities) {
                if (!fields.contains(q)) throw new IllegalArgumentException(where + ".field: '" + q + "' is not a declared field; fields: " + fields);
            }
        }
        if (new java.util.HashSet<>(quantities).size() != quantities.size()) throw new IllegalArgumentException(where + ": a quantity is listed twice in " + quantities);
        List<Condition> out = new ArrayList<>();
        for (String q : quantities) {
            DataResidual r = DataResidual.read(d, table, q, fields);
            int batch = m.containsKey("points") ? (int) ProblemFactory.toDouble(m.get("points"), where + ".points") : r.size();
            String name = m.containsKey("name") ? String.valueOf(m.get("name")) + (quantities.size() > 1 ? "-" + q : "")
                    : q.equals("u") && fields.size() == 1 ? "data" : "data-" + q;
            out.add(new Condition(name, ConditionKind.DATA, null, r, r.size() + " observations of " + q + " from " + file, batch));
        }
        return out;
    }

    /** One name or a list of names. */
    static List<String> names(Object o) {
        List<?> l = o instanceof List<?> list ? list : List.of(o);
        if (l.isEmpty()) throw new IllegalArgumentException("give at least one name");
        return l.stream().map(x -> String.valueOf(x).trim()).toList();
    }
}
