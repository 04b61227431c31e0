package dev.tangent.pde;

import dev.tangent.pde.geometry.Shape;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A box [lo, hi] with named coordinates, or a {@link Shape} (disk, polygon, CSG, point set...) with [lo, hi] its
 * bounding box. A space-time domain has the time coordinate {@code t} first; the shape is over the coordinates
 * after it.
 *
 * @param shape the spatial shape, or null for the box itself
 */
public record Domain(String[] coords, double[] lo, double[] hi, boolean timeDependent, Shape shape) {
    public Domain(String[] coords, double[] lo, double[] hi, boolean timeDependent) {
        this(coords, lo, hi, timeDependent, null);
    }

    public Domain {
        if (coords == null || coords.length == 0) throw new IllegalArgumentException("domain: at least one coordinate is needed (empty domain)");
        if (lo == null || hi == null || lo.length != coords.length || hi.length != coords.length) {
            throw new IllegalArgumentException("domain: coordinates " + Arrays.toString(coords)
                    + " need one lower and one upper bound each");
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < coords.length; k++) {
            String c = coords[k];
            if (c == null || !c.matches("[A-Za-z][A-Za-z0-9]*") || c.equals("u") || c.equals("e") || c.equals("pi")) {
                throw new IllegalArgumentException("domain: coordinate name '" + c + "' must be a letter followed by letters/digits, not u, e or pi");
            }
            if (!seen.add(c)) throw new IllegalArgumentException("domain: coordinate '" + c + "' appears twice");
            if (!Double.isFinite(lo[k]) || !Double.isFinite(hi[k])) {
                throw new IllegalArgumentException("domain: bounds of " + c + " must be finite, got [" + lo[k] + ", " + hi[k] + "]");
            }
            if (!(lo[k] < hi[k])) {
                throw new IllegalArgumentException("domain: " + c + " needs lo < hi, got lo=" + lo[k] + " hi=" + hi[k]);
            }
        }
        if (timeDependent && !coords[0].equals("t")) {
            throw new IllegalArgumentException("domain: a time-dependent domain has 't' as its first coordinate, got " + coords[0]);
        }
        if (shape != null && shape.dim() != coords.length - (timeDependent ? 1 : 0)) {
            throw new IllegalArgumentException("domain: the shape " + shape.describe() + " has " + shape.dim()
                    + " dimensions but the coordinates " + Arrays.toString(coords) + " give " + (coords.length - (timeDependent ? 1 : 0)));
        }
        coords = coords.clone();
        lo = lo.clone();
        hi = hi.clone();
    }

    public static Domain box(String[] coords, double[] lo, double[] hi) {
        return new Domain(coords, lo, hi, false);
    }

    /** [t0, t1] × box, with coordinates (t, names…). */
    public static Domain spaceTime(double t0, double t1, String[] names, double[] lo, double[] hi) {
        String[] c = new String[names.length + 1];
        double[] l = new double[names.length + 1];
        double[] h = new double[names.length + 1];
        c[0] = "t";
        l[0] = t0;
        h[0] = t1;
        System.arraycopy(names, 0, c, 1, names.length);
        System.arraycopy(lo, 0, l, 1, names.length);
        System.arraycopy(hi, 0, h, 1, names.length);
        return new Domain(c, l, h, true);
    }

    /** A shape with named coordinates (one per dimension of the shape). */
    public static Domain of(Shape shape, String... coords) {
        return new Domain(coords, shape.lo(), shape.hi(), false, shape);
    }

    /** [t0, t1] × shape, with coordinates (t, names…). */
    public static Domain spaceTime(double t0, double t1, Shape shape, String... names) {
        Domain box = spaceTime(t0, t1, names, shape.lo(), shape.hi());
        return new Domain(box.coords, box.lo, box.hi, true, shape);
    }

    /** Whether the spatial domain is the box [lo, hi] itself (faces, periodic pairs and tensor test grids apply). */
    public boolean isBox() {
        return shape == null;
    }

    /** The unit cube [0,1]^d with coordinates x1..xd (or x, y for d ≤ 2... see {@link #unitNames}). */
    public static String[] unitNames(int d) {
        if (d == 1) return new String[] {"x"};
        if (d == 2) return new String[] {"x", "y"};
        String[] n = new String[d];
        for (int k = 0; k < d; k++) n[k] = "x" + (k + 1);
        return n;
    }

    public int dim() {
        return coords.length;
    }

    public int index(String coord) {
        for (int k = 0; k < coords.length; k++) if (coords[k].equals(coord)) return k;
        throw new IllegalArgumentException("unknown coordinate '" + coord + "'; domain has " + Arrays.toString(coords));
    }

    /** First spatial coordinate index (1 for space-time domains, else 0). */
    public int firstSpatial() {
        return timeDependent ? 1 : 0;
    }

    public double volume() {
        double v = 1;
        for (int k = 0; k < dim(); k++) v *= hi[k] - lo[k];
        return v;
    }

    public String describe() {
        if (shape != null) {
            String space = shape.describe() + " in (" + String.join(", ", Arrays.copyOfRange(coords, firstSpatial(), dim())) + ")";
            return timeDependent ? "t ∈ [" + fmt(lo[0]) + ", " + fmt(hi[0]) + "] × " + space : space;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < dim(); k++) {
            if (k > 0) sb.append(" × ");
            sb.append(coords[k]).append(" ∈ [").append(fmt(lo[k])).append(", ").append(fmt(hi[k])).append(']');
        }
        return sb.toString();
    }

    public static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Domain d && Arrays.equals(d.coords, coords) && Arrays.equals(d.lo, lo)
                && Arrays.equals(d.hi, hi) && d.timeDependent == timeDependent && java.util.Objects.equals(d.shape, shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coords);
    }
}
