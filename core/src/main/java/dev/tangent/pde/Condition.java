package dev.tangent.pde;

import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.expr.Expr;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.pde.expr.Exprs;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A side condition: a named loss group with a region and a pointwise residual. For {@link ConditionKind#PERIODIC}
 * the residual is the set of matched quantities (u and u along the axis); the group compares the lo and hi faces.
 *
 * @param defaultPoints number of points used when the user gives none
 */
public record Condition(String name, ConditionKind kind, Region region, PointResidual residual, String description,
                        int defaultPoints) {

    public Condition {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("condition name must not be empty");
        if (defaultPoints < 1) throw new IllegalArgumentException("condition " + name + ": points must be >= 1, got " + defaultPoints);
    }

    public Condition withDefaultPoints(int n) {
        return new Condition(name, kind, region, residual, description, n);
    }

    /** u = g on the spatial boundary (all faces of the spatial coordinates). */
    public static Condition dirichlet(Domain d, String g, int points) {
        return dirichlet(d, Region.spatialBoundary(d), g, points);
    }

    /** u = g(text) on a region. */
    public static Condition dirichlet(Domain d, Region region, String g, int points) {
        return dirichlet(d, region, SCALAR, "u", g, points);
    }

    /** field = g(text) on a region, for a problem with the given fields (g may read any of them). */
    public static Condition dirichlet(Domain d, Region region, List<String> fields, String field, String g, int points) {
        return new Condition("boundary", ConditionKind.DIRICHLET, region, minus(d, fields, field(fields, field), g),
                field + " = " + g + " on " + region.describe(d), points);
    }

    /** u = g(x) given in Java, on the spatial boundary. */
    public static Condition dirichlet(Domain d, ToDoubleFunction<double[]> g, String label, int points) {
        Region r = Region.spatialBoundary(d);
        return new Condition("boundary", ConditionKind.DIRICHLET, r, LinearResidual.identity(d.dim(), g),
                "u = " + label + " on " + r.describe(d), points);
    }

    /** Outward normal derivative ∂u/∂n = g on one face. */
    public static Condition neumann(Domain d, String coord, boolean high, String g, int points) {
        return neumann(d, SCALAR, "u", coord, high, g, points);
    }

    /** Outward normal derivative ∂(field)/∂n = g on one face. */
    public static Condition neumann(Domain d, List<String> fields, String field, String coord, boolean high, String g, int points) {
        int axis = d.index(coord);
        String deriv = field(fields, field) + "_" + coord;
        String lhs = high ? deriv : "-" + deriv;
        Region r = Region.face(axis, high);
        return new Condition("neumann-" + coord + (high ? "-hi" : "-lo"), ConditionKind.NEUMANN, r, minus(d, fields, lhs, g),
                "∂" + field + "/∂n = " + g + " on " + r.describe(d), points);
    }

    /**
     * Outward normal derivative ∂u/∂n = g(text) on a boundary region of a shape domain (the whole boundary or
     * named parts), with the normal of the part each point lies on.
     */
    public static Condition neumann(Domain d, Region region, String g, int points) {
        return neumann(d, region, SCALAR, "u", g, points);
    }

    /** ∂(field)/∂n = g(text of the coordinates) on a boundary region of a shape domain, for a problem with these fields. */
    public static Condition neumann(Domain d, Region region, List<String> fields, String field, String g, int points) {
        if (d.isBox() || region.kind() != Region.Kind.BOUNDARY) {
            throw new IllegalArgumentException("a Neumann condition on boundary parts needs a shape domain; on a box give the face (coord and side)");
        }
        int f = fields.indexOf(field(fields, field));
        String where = region.describe(d);
        String name = region.parts().isEmpty() ? "neumann" : "neumann-" + String.join("-", region.parts());
        return new Condition(name, ConditionKind.NEUMANN, region, new NormalDerivative(d, d.shape().parts(region.parts()), g, fields, f),
                "∂" + field + "/∂n = " + g + " on " + where, points);
    }

    /** u = g(text) on named parts of a shape's boundary, named boundary-&lt;parts&gt;. */
    public static Condition dirichlet(Domain d, String g, int points, String... parts) {
        return dirichlet(d, SCALAR, "u", g, points, parts);
    }

    /** field = g(text) on named parts of a shape's boundary (all of it without parts), named boundary-&lt;parts&gt;. */
    public static Condition dirichlet(Domain d, List<String> fields, String field, String g, int points, String... parts) {
        Region r = Region.boundary(parts);
        if (d.isBox()) throw new IllegalArgumentException("boundary parts " + List.of(parts) + " need a shape domain");
        d.shape().parts(r.parts()); // unknown names fail here, listing the parts
        Condition c = dirichlet(d, r, fields, field, g, points);
        return parts.length == 0 ? c : new Condition("boundary-" + String.join("-", parts), c.kind(), r, c.residual(), c.description(), points);
    }

    /** u and u_coord equal on the lo and hi faces of coord. */
    public static Condition periodic(Domain d, String coord, int points) {
        return periodic(d, SCALAR, SCALAR, coord, points);
    }

    /**
     * Each matched field and its coord-derivative equal on the lo and hi faces of coord (a system: all its fields, or
     * some). Named periodic-coord, with the fields appended when only some of a system's fields are matched.
     */
    public static Condition periodic(Domain d, List<String> fields, List<String> matched, String coord, int points) {
        int axis = d.index(coord);
        if (matched.isEmpty()) throw new IllegalArgumentException("a periodic condition needs at least one field; fields: " + fields);
        int[] index = new int[matched.size()];
        for (int j = 0; j < index.length; j++) {
            index[j] = fields.indexOf(field(fields, matched.get(j)));
            for (int i = 0; i < j; i++) if (index[i] == index[j]) throw new IllegalArgumentException("periodic condition: field '" + matched.get(j) + "' is listed twice");
        }
        String names = String.join(", ", matched);
        String suffix = matched.size() == fields.size() ? "" : "-" + String.join("-", matched);
        return new Condition("periodic-" + coord + suffix, ConditionKind.PERIODIC, Region.face(axis, false), PeriodicGroup.matched(d.dim(), axis, index),
                names + " and " + String.join(", ", matched.stream().map(f -> f + "_" + coord).toList()) + " match at " + coord + " = "
                        + Domain.fmt(d.lo()[axis]) + " and " + Domain.fmt(d.hi()[axis]), points);
    }

    /** u(t0, x) = g(x) from text. */
    public static Condition initialValue(Domain d, String g, int points) {
        return initialValue(d, SCALAR, "u", g, points);
    }

    /** field(t0, x) = g(x) from text. */
    public static Condition initialValue(Domain d, List<String> fields, String field, String g, int points) {
        requireTime(d);
        return new Condition("initial", ConditionKind.INITIAL_VALUE, Region.initialSlice(0),
                minus(d, fields, field(fields, field), g), field + " = " + g + " at t = " + Domain.fmt(d.lo()[0]), points);
    }

    /** u(t0, x) = g(x) given in Java. */
    public static Condition initialValue(Domain d, ToDoubleFunction<double[]> g, String label, int points) {
        requireTime(d);
        return new Condition("initial", ConditionKind.INITIAL_VALUE, Region.initialSlice(0),
                LinearResidual.identity(d.dim(), g), "u = " + label + " at t = " + Domain.fmt(d.lo()[0]), points);
    }

    /** u_t(t0, x) = g(x) from text. */
    public static Condition initialVelocity(Domain d, String g, int points) {
        return initialVelocity(d, SCALAR, "u", g, points);
    }

    /** field_t(t0, x) = g(x) from text. */
    public static Condition initialVelocity(Domain d, List<String> fields, String field, String g, int points) {
        requireTime(d);
        String lhs = field(fields, field) + "_" + d.coords()[0];
        return new Condition("initial-velocity", ConditionKind.INITIAL_VELOCITY, Region.initialSlice(0),
                minus(d, fields, lhs, g), lhs + " = " + g + " at t = " + Domain.fmt(d.lo()[0]), points);
    }

    /** u_t(t0, x) = g(x) given in Java. */
    public static Condition initialVelocity(Domain d, ToDoubleFunction<double[]> g, String label, int points) {
        requireTime(d);
        PointResidual r = new LinearResidual(d.dim(), List.of(MultiIndex.pure(d.dim(), 0, 1)), new double[] {1}, g);
        return new Condition("initial-velocity", ConditionKind.INITIAL_VELOCITY, Region.initialSlice(0), r,
                "u_t = " + label + " at t = " + Domain.fmt(d.lo()[0]), points);
    }

    private static void requireTime(Domain d) {
        if (!d.timeDependent()) {
            throw new IllegalArgumentException("initial conditions need a time-dependent domain with coordinate t first");
        }
    }

    private static final List<String> SCALAR = List.of("u");

    private static String field(List<String> fields, String field) {
        if (!fields.contains(field)) {
            throw new IllegalArgumentException("condition field '" + field + "' is not a declared field; fields: " + fields);
        }
        return field;
    }

    private static PointResidual minus(Domain d, List<String> fields, String lhs, String rhs) {
        ExprParser p = new ExprParser(d.coords(), java.util.Set.of(), fields);
        Expr e = Exprs.sub(p.parse(lhs), p.parse(rhs));
        return new ExpressionResidual(d.coords(), e, Map.of(), fields);
    }
}
