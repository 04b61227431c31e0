package dev.tangent.pde.geometry;

import java.util.ArrayList;
import java.util.List;

/** Factories for the shapes, in the words of DeepXDE and PINA users: disk, annulus, polygon, ball, box, CSG. */
public final class Shapes {
    private Shapes() {}

    /** Default coordinate names for d dimensions: x, y, z (x1..xd beyond 3). */
    public static String[] coords(int d) {
        if (d <= 3) return java.util.Arrays.copyOf(new String[] {"x", "y", "z"}, d);
        String[] n = new String[d];
        for (int k = 0; k < d; k++) n[k] = "x" + (k + 1);
        return n;
    }

    public static Shape box(double[] lo, double[] hi) {
        return new Box(lo, hi, coords(lo.length));
    }

    public static Shape disk(double cx, double cy, double radius) {
        return new Ball(new double[] {cx, cy}, radius);
    }

    public static Shape ball(double[] center, double radius) {
        return new Ball(center, radius);
    }

    /** The ring r_in ≤ |x − c| ≤ r_out (2D) or spherical shell (3D); parts "outer" and "inner". */
    public static Shape annulus(double[] center, double innerRadius, double outerRadius) {
        if (!(innerRadius > 0) || !(outerRadius > innerRadius)) {
            throw new IllegalArgumentException("inner_radius and outer_radius: need 0 < inner_radius < outer_radius, got "
                    + innerRadius + " and " + outerRadius);
        }
        return difference(named(new Ball(center, outerRadius), "outer"), named(new Ball(center, innerRadius), "inner"));
    }

    public static Shape polygon(double[][] vertices) {
        return new Polygon(vertices);
    }

    public static Shape union(Shape first, Shape... rest) {
        return fold(Csg.Op.UNION, first, rest);
    }

    public static Shape intersection(Shape first, Shape... rest) {
        return fold(Csg.Op.INTERSECTION, first, rest);
    }

    /** The first shape with each of the others removed. */
    public static Shape difference(Shape first, Shape... rest) {
        return fold(Csg.Op.DIFFERENCE, first, rest);
    }

    private static Shape fold(Csg.Op op, Shape first, Shape[] rest) {
        if (rest.length == 0) throw new IllegalArgumentException(op.label() + ": needs at least two shapes");
        Shape s = first;
        for (Shape r : rest) s = new Csg(op, s, r);
        return s;
    }

    /**
     * The shape with its boundary parts renamed: a one-part shape's part becomes {@code name}, the parts of others
     * {@code name-part} (a box named "slot" has "slot-x-lo", ...).
     */
    public static Shape named(Shape s, String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("name: a part name is a letter followed by letters, digits, _ or -, got '" + name + "'");
        }
        List<BoundaryPart> renamed = new ArrayList<>();
        for (BoundaryPart p : s.parts()) renamed.add(p.named(s.parts().size() == 1 ? name : name + "-" + p.name()));
        return new Shape() {
            public int dim() {
                return s.dim();
            }

            public double[] lo() {
                return s.lo();
            }

            public double[] hi() {
                return s.hi();
            }

            public double level(double[] x, int off) {
                return s.level(x, off);
            }

            public List<BoundaryPart> parts() {
                return renamed;
            }

            public String describe() {
                return s.describe() + " '" + name + "'";
            }
        };
    }
}
