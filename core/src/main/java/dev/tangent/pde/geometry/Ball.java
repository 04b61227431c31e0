package dev.tangent.pde.geometry;

import java.util.Arrays;
import java.util.List;

/** The disk (2D) or ball (3D) |x − c| ≤ r; its boundary is one part, "circle" or "sphere". */
public final class Ball implements Shape {
    private final double[] center;
    private final double radius;
    private final List<BoundaryPart> parts;

    public Ball(double[] center, double radius) {
        if (center.length != 2 && center.length != 3) {
            throw new IllegalArgumentException("center: a disk or ball needs 2 or 3 coordinates, got " + Arrays.toString(center));
        }
        for (double c : center) {
            if (!Double.isFinite(c)) throw new IllegalArgumentException("center: must be finite, got " + Arrays.toString(center));
        }
        if (!(radius > 0) || !Double.isFinite(radius)) throw new IllegalArgumentException("radius: must be a positive number, got " + radius);
        this.center = center.clone();
        this.radius = radius;
        this.parts = List.of(new Parts.Sphere(center.length == 2 ? "circle" : "sphere", this.center, radius, 1));
    }

    public int dim() {
        return center.length;
    }

    public double[] lo() {
        double[] l = center.clone();
        for (int k = 0; k < l.length; k++) l[k] -= radius;
        return l;
    }

    public double[] hi() {
        double[] h = center.clone();
        for (int k = 0; k < h.length; k++) h[k] += radius;
        return h;
    }

    public double level(double[] x, int off) {
        double s = 0;
        for (int k = 0; k < center.length; k++) s += (x[off + k] - center[k]) * (x[off + k] - center[k]);
        return Math.sqrt(s) - radius;
    }

    public List<BoundaryPart> parts() {
        return parts;
    }

    public String describe() {
        return (center.length == 2 ? "disk" : "ball") + " center " + Arrays.toString(center) + " radius " + radius;
    }
}
