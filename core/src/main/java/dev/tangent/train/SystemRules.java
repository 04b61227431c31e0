package dev.tangent.train;

import static dev.tangent.train.ConfigRules.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Config rules of a system (problem.fields, problem.equations, condition fields): names declared, counts matching. */
final class SystemRules {
    private SystemRules() {}

    /** The declared fields ([u] without problem.fields), each a plain name that clashes with nothing. */
    static List<String> fields(Map<?, ?> p, List<String> coords, Set<String> parameters, Map<String, String> where) {
        if (!p.containsKey("fields")) return List.of("u");
        List<?> raw = p.get("fields") instanceof List<?> l ? l : List.of(p.get("fields"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = String.valueOf(raw.get(i));
            String path = "problem.fields[" + i + "]";
            String why = !name.matches("[A-Za-z][A-Za-z0-9]*") ? "must be a letter followed by letters or digits (no '_')"
                    : coords.contains(name) ? "is a coordinate"
                    : parameters.contains(name) ? "is also a parameter"
                    : name.equals("pi") || name.equals("e") ? "is a constant"
                    : out.contains(name) ? "is declared twice" : null;
            if (why != null) {
                throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": the field name '" + name
                        + "' " + why + "; fields: " + raw);
            }
            out.add(name);
        }
        for (String param : parameters) {
            int cut = param.indexOf('_');
            String head = cut < 0 ? param : param.substring(0, cut);
            if (out.contains(head)) {
                String path = "problem.parameters." + param;
                throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + " shadows the field " + head
                        + (cut < 0 ? "" : " or its derivative " + param) + "; rename the parameter");
            }
        }
        return out;
    }

    /** problem.equations, one per field. */
    static List<?> equations(Map<?, ?> p, List<String> fields, Map<String, String> where) {
        List<?> eqs = p.get("equations") instanceof List<?> l ? l : List.of(p.get("equations"));
        if (eqs.size() != fields.size()) {
            throw new IllegalArgumentException("config key 'problem.equations'" + at(where, "problem.equations") + " has "
                    + eqs.size() + " equation(s) but problem.fields declares " + fields.size() + " field(s) " + fields
                    + "; give one equation per field");
        }
        return eqs;
    }

    static void declared(String field, List<String> fields, String path, Map<String, String> where) {
        if (!fields.contains(field)) {
            throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": '" + field
                    + "' is not a declared field; fields: " + fields + " (declare it in problem.fields)");
        }
    }

    /**
     * The one field a dirichlet, neumann or initial condition sets (box or shape domain): {@code field:} names it (one
     * name), required in a system; a scalar problem's is u.
     *
     * @throws IllegalArgumentException naming the key, the value and the declared fields
     */
    static String conditionField(Map<String, Object> m, String kind, List<String> fields, String where) {
        if (m.get("field") instanceof List<?> l && l.size() != 1) {
            throw new IllegalArgumentException(where + ".field: a " + kind + " condition sets one field, got " + l
                    + " (lists are for periodic and data conditions)");
        }
        if (fields.size() > 1 && !m.containsKey("field")) {
            throw new IllegalArgumentException(where + ".field is required in a system: which of " + fields + " this condition sets");
        }
        String field = m.containsKey("field") ? DataConditions.names(m.get("field")).get(0) : fields.get(0);
        if (!fields.contains(field)) {
            throw new IllegalArgumentException(where + ".field: '" + field + "' is not a declared field; fields: " + fields);
        }
        return field;
    }

    /** An exact solution: an expression of the coordinates only (it may not read a field, in a system neither). */
    static void exact(Object text, String path, String[] coords, List<String> fields, Map<String, String> where) {
        dev.tangent.pde.expr.Expr e;
        try {
            e = new dev.tangent.pde.expr.ExprParser(coords, Set.of(), fields).parse(String.valueOf(text));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": " + ex.getMessage());
        }
        List<String> read = dev.tangent.pde.expr.Exprs.symbols(e).stream().filter(s -> !List.of(coords).contains(s)).sorted().toList();
        if (!read.isEmpty()) {
            throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": an exact solution is a function of the"
                    + " coordinates " + List.of(coords) + " only, but '" + text + "' reads the field quantities " + read + " (fields: " + fields + ")");
        }
    }

    /** An observed quantity (data of:): a declared field or a derivative of one over the coordinates. */
    static void quantity(String q, String[] coords, List<String> fields, String path, Map<String, String> where) {
        int cut = q.indexOf('_');
        declared(cut < 0 ? q : q.substring(0, cut), fields, path, where);
        if (new dev.tangent.pde.expr.ExprParser(coords, Set.of(), fields).fieldDerivativeOf(q) == null) {
            throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": '" + q + "' is not a field " + fields
                    + " or a derivative of one over the coordinates " + List.of(coords) + " (e.g. " + fields.get(fields.size() - 1) + "_"
                    + coords[coords.length - 1] + ")");
        }
    }
}
