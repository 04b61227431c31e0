package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import dev.tangent.pde.expr.Evaluator;
import dev.tangent.pde.expr.Expr;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.pde.expr.Exprs;
import dev.tangent.sampling.SamplerKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One field's hard Dirichlet constraint u_f = g + d·N_f: g is the boundary value (an expression of the coordinates,
 * extended into the domain as written), d a distance-like function that vanishes on the constrained region and
 * nowhere inside the domain. Default d on a box: Π_k 4(x_k − lo_k)(hi_k − x_k)/(hi_k − lo_k)² over the spatial
 * coordinates for the whole spatial boundary (zero on every face, 1 at the centre), (x − lo)/(hi − lo) or
 * (hi − x)/(hi − lo) for one face; a shape domain needs d given. Derivatives D_α g and D_α d are derived
 * symbolically and compiled once per multi-index.
 */
public final class HardConstraint {
    private final int field;
    private final String fieldName;
    private final Expr g;
    private final Expr dist;
    private final String[] coords;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<MultiIndex, Evaluator> gD = new HashMap<>(), dD = new HashMap<>();

    /**
     * @param fields   the problem's fields; {@code fieldName} is the constrained one
     * @param distance the distance expression, or null for the default of a box region
     * @throws IllegalArgumentException when g or d read anything but coordinates, d has no default here, d does not
     *                                  vanish on the region or vanishes (or changes sign) inside the domain
     */
    public HardConstraint(Domain domain, Region region, List<String> fields, String fieldName, String value, String distance) {
        this.field = fields.indexOf(fieldName);
        if (field < 0) throw new IllegalArgumentException("hard constraint field '" + fieldName + "' is not a declared field; fields: " + fields);
        this.fieldName = fieldName;
        this.coords = domain.coords().clone();
        for (int k = 0; k < coords.length; k++) slots.put(coords[k], k);
        ExprParser p = new ExprParser(coords, Set.of());
        this.g = parse(p, value, "value");
        this.dist = parse(p, distance != null ? distance : defaultDistance(domain, region), "distance");
        check(domain, region, distance != null);
    }

    private Expr parse(ExprParser p, String text, String what) {
        Expr e;
        try {
            e = p.parse(text);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("hard constraint " + what + " '" + text + "' may use only the coordinates "
                    + List.of(coords) + " (no fields or parameters): " + ex.getMessage());
        }
        return e;
    }

    private static String defaultDistance(Domain d, Region region) {
        if (!d.isBox() || region.kind() != Region.Kind.FACES) {
            throw new IllegalArgumentException("hard: true on " + region.describe(d) + " of " + d.describe() + " needs distance:"
                    + " an expression of the coordinates that is zero on that boundary and nonzero inside (e.g. 1 - x^2 - y^2 for the unit disk)");
        }
        StringBuilder sb = new StringBuilder();
        int[] axes = region.axes();
        boolean whole = region.equals(Region.spatialBoundary(d)) || sameFaces(region, Region.spatialBoundary(d));
        if (whole) {
            for (int k = d.firstSpatial(); k < d.dim(); k++) {
                double w = d.hi()[k] - d.lo()[k];
                if (sb.length() > 0) sb.append(" * ");
                sb.append("4*(").append(d.coords()[k]).append(" - (").append(d.lo()[k]).append("))*((").append(d.hi()[k])
                        .append(") - ").append(d.coords()[k]).append(")/").append(w * w);
            }
            return sb.toString();
        }
        if (axes.length != 1) {
            throw new IllegalArgumentException("hard: true on " + region.describe(d) + " needs distance: the default covers one face or the whole spatial boundary");
        }
        int k = axes[0];
        double w = d.hi()[k] - d.lo()[k];
        return region.atHigh()[0] ? "((" + d.hi()[k] + ") - " + d.coords()[k] + ")/" + w : "(" + d.coords()[k] + " - (" + d.lo()[k] + "))/" + w;
    }

    private static boolean sameFaces(Region a, Region b) {
        return a.kind() == b.kind() && Arrays.equals(a.axes(), b.axes()) && Arrays.equals(a.atHigh(), b.atHigh());
    }

    /** d = 0 on 64 points of the region (relative to max |d| inside), and d of one strict sign at 256 interior points. */
    private void check(Domain domain, Region region, boolean given) {
        Evaluator d = derivative(dD, dist, MultiIndex.value(coords.length));
        double[] in = Region.interior().sample(domain, SamplerKind.SOBOL, 256, 7);
        double max = 0;
        int sign = 0;
        int n = in.length / coords.length;
        for (int i = 0; i < n; i++) {
            double v = d.evaluate(Arrays.copyOfRange(in, i * coords.length, (i + 1) * coords.length));
            int s = v > 0 ? 1 : v < 0 ? -1 : 0;
            if (s == 0 || (sign != 0 && s != sign) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("hard constraint distance " + Exprs.print(dist) + " is " + v + " at the interior point "
                        + Arrays.toString(Arrays.copyOfRange(in, i * coords.length, (i + 1) * coords.length))
                        + (s == 0 ? "" : " but has the other sign elsewhere") + ": it must be nonzero, of one sign, everywhere inside the domain");
            }
            sign = s;
            max = Math.max(max, Math.abs(v));
        }
        if (!given) return;
        double[] on = region.sample(domain, SamplerKind.SOBOL, 64, 11);
        for (int i = 0; i < on.length / coords.length; i++) {
            double[] xi = Arrays.copyOfRange(on, i * coords.length, (i + 1) * coords.length);
            double v = d.evaluate(xi);
            if (!(Math.abs(v) <= 1e-9 * max)) {
                throw new IllegalArgumentException("hard constraint distance " + Exprs.print(dist) + " is " + v + " at the boundary point "
                        + Arrays.toString(xi) + " of " + region.describe(domain) + ": it must vanish there");
            }
        }
    }

    /**
     * The hard form of a Dirichlet condition stated as text (u = g on its region, g of the coordinates only), e.g. a
     * catalog problem's boundary condition.
     */
    public static HardConstraint of(Domain domain, List<String> fields, Condition c, String distance) {
        if (c.kind() != ConditionKind.DIRICHLET) {
            throw new IllegalArgumentException("loss group '" + c.name() + "' is a " + c.kind().label() + " condition; only dirichlet conditions can be hard");
        }
        if (c.residual() instanceof ExpressionResidual e && e.fields().length == 1) {
            String field = fields.get(e.fields()[0]);
            Expr x = e.expression();
            if (x instanceof Expr.Sym s && s.name().equals(field)) return new HardConstraint(domain, c.region(), fields, field, "0", distance);
            if (x instanceof Expr.Bin b && b.op() == Expr.Op.SUB && b.left() instanceof Expr.Sym s && s.name().equals(field)
                    && !Exprs.symbols(b.right()).contains(field)) {
                return new HardConstraint(domain, c.region(), fields, field, Exprs.print(b.right()), distance);
            }
        }
        throw new IllegalArgumentException("loss group '" + c.name() + "' (" + c.description() + ") is not of the form field = g(coordinates)"
                + " with g given as text, so it cannot be made hard");
    }

    /** Index of the constrained field. */
    public int field() {
        return field;
    }

    public String fieldName() {
        return fieldName;
    }

    /** g as text that {@link ExprParser} reads back (constants folded into numbers). */
    public String valueText() {
        return Exprs.print(g);
    }

    /** d as text that {@link ExprParser} reads back. */
    public String distanceText() {
        return Exprs.print(dist);
    }

    public String describe() {
        return fieldName + " = " + valueText() + " + (" + distanceText() + ")·N";
    }

    /** D_α g, compiled; the environment is the point's coordinates. */
    Evaluator valueDerivative(MultiIndex a) {
        return derivative(gD, g, a);
    }

    /** D_α d, compiled; the environment is the point's coordinates. */
    Evaluator distanceDerivative(MultiIndex a) {
        return derivative(dD, dist, a);
    }

    private Evaluator derivative(Map<MultiIndex, Evaluator> cache, Expr e, MultiIndex a) {
        return cache.computeIfAbsent(a, m -> {
            Expr t = e;
            for (int k = 0; k < m.dim(); k++) for (int j = 0; j < m.alpha()[k]; j++) t = Exprs.derivative(t, coords[k]);
            return Evaluator.compile(t, slots);
        });
    }
}
