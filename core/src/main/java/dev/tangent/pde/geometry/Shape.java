package dev.tangent.pde.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * A spatial region in d dimensions: a bounding box, a level function (negative inside, zero on the boundary,
 * positive outside) and its boundary as named parts, each of which can be sampled with outward unit normals.
 * Point layout everywhere: point-major, {@code x[off + k]} for coordinate k.
 */
public interface Shape {
    int dim();

    /** Lower corner of a bounding box. */
    double[] lo();

    /** Upper corner of a bounding box. */
    double[] hi();

    /**
     * A function with the shape's signs: &lt; 0 inside, 0 on the boundary, &gt; 0 outside. It is the signed distance
     * for balls, polygons and boxes inside; combinations take min/max of their operands.
     */
    double level(double[] x, int off);

    /** The boundary pieces, each with a unique name ("circle", "inner", "edge3", "x-lo"). */
    List<BoundaryPart> parts();

    /** One line for logs and summaries. */
    String describe();

    /** The part names, in order. */
    default List<String> partNames() {
        List<String> names = new ArrayList<>();
        for (BoundaryPart p : parts()) names.add(p.name());
        return names;
    }

    /** The parts with these names; an unknown name is an error listing the shape's parts. */
    default List<BoundaryPart> parts(List<String> names) {
        if (names == null || names.isEmpty()) return parts();
        List<BoundaryPart> out = new ArrayList<>();
        for (String n : names) {
            BoundaryPart found = null;
            for (BoundaryPart p : parts()) if (p.name().equals(n)) found = p;
            if (found == null) {
                throw new IllegalArgumentException("unknown boundary part '" + n + "' of " + describe() + "; allowed: " + partNames());
            }
            if (!out.contains(found)) out.add(found);
        }
        return out;
    }

    /** Diameter of the bounding box, the length scale of tolerances. */
    default double scale() {
        double s = 0;
        for (int k = 0; k < dim(); k++) s = Math.max(s, hi()[k] - lo()[k]);
        return s;
    }

    /**
     * Outward unit normal at a boundary point x, from the part among {@code among} nearest to x (a point lies on
     * the part it was sampled from, up to rounding). Writes n[nOff..nOff+d).
     */
    static void normal(List<BoundaryPart> among, double[] x, int off, double[] n, int nOff) {
        BoundaryPart best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (BoundaryPart p : among) {
            double dist = p.distance(x, off);
            if (dist < bestD) {
                bestD = dist;
                best = p;
            }
        }
        if (best == null) throw new IllegalArgumentException("the point " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(x, off, off + among.get(0).dim())) + " lies on none of the boundary parts");
        best.normal(x, off, n, nOff);
    }

    /** Fraction of the bounding box inside the shape, from 4096 Sobol points (deterministic). */
    static double volumeFraction(Shape s) {
        int d = s.dim();
        double[] u = dev.tangent.sampling.Sobol.points(4096, d, 1);
        double[] x = new double[d];
        int in = 0;
        for (int i = 0; i < 4096; i++) {
            for (int k = 0; k < d; k++) x[k] = s.lo()[k] + u[i * d + k] * (s.hi()[k] - s.lo()[k]);
            if (s.level(x, 0) < 0) in++;
        }
        return in / 4096.0;
    }
}
