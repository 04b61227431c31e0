package dev.tangent.train;

import dev.tangent.pde.expr.Expr;
import dev.tangent.pde.expr.ExprParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Config rules that tie keys together: conflicting pairs (net.width with net.widths), keys that only apply to one
 * kind of problem, and names that would shadow each other in an equation (a parameter named like a coordinate).
 */
final class ConfigRules {
    private ConfigRules() {}

    /** Keys of a problem stated in text; a catalog problem (problem.name) has none of them. */
    private static final List<String> TEXT_ONLY = List.of("domain", "time", "conditions", "exact", "parameters",
            "interior_points", "description", "unknowns", "fields", "equations");
    private static final Set<String> RESERVED = Set.of("u", "pi", "e");

    static void check(Map<String, Object> root, Map<String, String> where) {
        if (root.get("net") instanceof Map<?, ?> net && net.containsKey("widths")) {
            for (String k : List.of("width", "depth")) {
                if (net.containsKey(k)) {
                    throw new IllegalArgumentException("config keys 'net.widths'" + at(where, "net.widths") + " and 'net." + k + "'"
                            + at(where, "net." + k) + " conflict: give the hidden layers either as net.widths (a list of "
                            + "widths) or as net.width and net.depth, not both");
                }
            }
        }
        if (root.get("problem") instanceof Map<?, ?> p) problem(p, where);
    }

    private static void problem(Map<?, ?> p, Map<String, String> where) {
        if (p.containsKey("equation") && p.containsKey("equations")) {
            throw new IllegalArgumentException("config keys 'problem.equation'" + at(where, "problem.equation") + " and "
                    + "'problem.equations'" + at(where, "problem.equations") + " conflict: give one equation as problem.equation "
                    + "or a system as problem.equations (a list, one equation per field), not both");
        }
        if (p.containsKey("equation") || p.containsKey("equations")) {
            for (String k : List.of("name", "options")) {
                if (p.containsKey(k)) {
                    throw new IllegalArgumentException("config key 'problem." + k + "'" + at(where, "problem." + k)
                            + " selects or configures a catalog problem and cannot be combined with problem.equation; "
                            + "name a run with the top-level key 'name'");
                }
            }
        } else {
            if (!p.containsKey("name")) {
                throw new IllegalArgumentException("config key 'problem'" + at(where, "problem")
                        + " needs either name (a catalog problem, see `tangent problems`) or equation and domain");
            }
            for (String k : TEXT_ONLY) {
                if (p.containsKey(k)) {
                    throw new IllegalArgumentException("config key 'problem." + k + "'" + at(where, "problem." + k)
                            + " applies only to a problem given by its equation; catalog problem '" + p.get("name")
                            + "' takes problem.options (see `tangent problems " + p.get("name") + "`)");
                }
            }
            return;
        }
        List<String> coords = new ArrayList<>();
        if (p.containsKey("time")) coords.add("t");
        if (DomainConfig.isShape(p.get("domain"))) {
            coords.addAll(List.of(DomainConfig.coordinates((Map<?, ?>) p.get("domain"), "problem.domain")));
        } else if (p.get("domain") instanceof Map<?, ?> d) {
            for (Object k : d.keySet()) {
                String c = String.valueOf(k);
                String path = "problem.domain." + c;
                checkName(c, path, where, "[A-Za-z][A-Za-z0-9]*", "a letter followed by letters or digits");
                if (coords.contains(c)) {
                    throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": the coordinate t "
                            + "is the time of problem.time; do not list it in the domain");
                }
                coords.add(c);
            }
            for (String c : coords) {
                if (composed(c, coords)) {
                    throw new IllegalArgumentException("config key 'problem.domain'" + at(where, "problem.domain")
                            + ": the coordinate name '" + c + "' is a concatenation of other coordinate names, so a "
                            + "derivative such as u_" + c + " would be ambiguous; rename it");
                }
            }
        }
        Set<String> parameters = new java.util.LinkedHashSet<>();
        for (String section : List.of("parameters", "unknowns")) {
            if (!(p.get(section) instanceof Map<?, ?> params)) continue;
            for (Object k : params.keySet()) {
                parameters.add(String.valueOf(k));
                String name = String.valueOf(k);
                String path = "problem." + section + "." + name;
                checkName(name, path, where, "[A-Za-z][A-Za-z0-9_]*", "a letter followed by letters, digits or _");
                if (coords.contains(name)) {
                    throw new IllegalArgumentException("config key '" + path + "'" + at(where, path)
                            + " shadows the coordinate " + name + "; rename the parameter");
                }
                if (name.startsWith("u_")) {
                    throw new IllegalArgumentException("config key '" + path + "'" + at(where, path)
                            + " shadows the derivative " + name + " of u; rename the parameter");
                }
            }
        }
        if (coords.isEmpty() || (coords.size() == 1 && coords.contains("t"))) return; // an empty domain is reported when built
        String[] names = coords.toArray(String[]::new);
        List<String> fields = SystemRules.fields(p, coords, parameters, where);
        if (p.containsKey("equations")) {
            List<?> eqs = SystemRules.equations(p, fields, where);
            for (int i = 0; i < eqs.size(); i++) expression(eqs.get(i), "problem.equations[" + i + "]", names, parameters, fields, where);
        } else {
            expression(p.get("equation"), "problem.equation", names, parameters, fields, where);
        }
        if (p.get("exact") instanceof Map<?, ?> exact) {
            for (Map.Entry<?, ?> e : exact.entrySet()) {
                String path = "problem.exact." + e.getKey();
                SystemRules.declared(String.valueOf(e.getKey()), fields, path, where);
                SystemRules.exact(e.getValue(), path, names, fields, where);
            }
        } else if (p.containsKey("exact")) {
            if (fields.size() > 1) {
                throw new IllegalArgumentException("config key 'problem.exact'" + at(where, "problem.exact") + ": a system "
                        + "gives one exact solution per field, e.g. exact: {" + fields.get(0) + ": ..., " + fields.get(1) + ": ...}");
            }
            SystemRules.exact(p.get("exact"), "problem.exact", names, fields, where);
        }
        if (p.get("conditions") instanceof List<?> conditions) {
            for (int i = 0; i < conditions.size(); i++) {
                if (!(conditions.get(i) instanceof Map<?, ?> c)) continue;
                if (c.containsKey("field")) {   // one name, or a list (periodic and data conditions)
                    List<?> named = c.get("field") instanceof List<?> l ? l : List.of(c.get("field"));
                    for (Object f : named) SystemRules.declared(String.valueOf(f), fields, "problem.conditions[" + i + "].field", where);
                }
                if (c.containsKey("of")) {   // observed quantities: a field or a derivative of one (u, v_x)
                    List<?> of = c.get("of") instanceof List<?> l ? l : List.of(c.get("of"));
                    for (Object q : of) SystemRules.quantity(String.valueOf(q).trim(), names, fields, "problem.conditions[" + i + "].of", where);
                }
                if (c.containsKey("value")) {
                    expression(c.get("value"), "problem.conditions[" + i + "].value", names, Set.of(), fields, where);
                }
            }
        }
    }

    /** Parses an expression now, so a malformed, undefined or too deep one is refused before anything runs. */
    private static void expression(Object text, String path, String[] coords, Set<String> parameters, List<String> fields,
                                   Map<String, String> where) {
        try {
            new ExprParser(coords, parameters, fields).parse(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": " + e.getMessage());
        }
    }

    /** Whether c is a concatenation of two or more coordinate names (u_xy with coordinates x, y and xy). */
    private static boolean composed(String c, List<String> coords) {
        int[] parts = new int[c.length() + 1]; // fewest names that spell c[0, i); 0 = not spellable
        for (int i = 1; i <= c.length(); i++) {
            for (String o : coords) {
                int j = i - o.length();
                if (j >= 0 && c.startsWith(o, j) && (j == 0 || parts[j] > 0)) {
                    int n = (j == 0 ? 0 : parts[j]) + 1;
                    if (parts[i] == 0 || n > parts[i]) parts[i] = n;
                }
            }
        }
        return parts[c.length()] >= 2;
    }

    private static void checkName(String name, String path, Map<String, String> where, String pattern, String rule) {
        String why = null;
        if (!name.matches(pattern)) why = "must be " + rule;
        else if (RESERVED.contains(name)) why = "shadows " + (name.equals("u") ? "the solution u" : "the constant " + name);
        else if (functions().contains(name.toLowerCase(Locale.ROOT))) why = "shadows the function " + name;
        if (why != null) {
            throw new IllegalArgumentException("config key '" + path + "'" + at(where, path) + ": the name '" + name + "' "
                    + why + "; rename it");
        }
    }

    private static List<String> functions() {
        return Arrays.stream(Expr.Func.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    static String at(Map<String, String> where, String path) {
        String w = where.get(path);
        return w == null ? "" : " (" + w + ")";
    }
}
