package dev.tangent.pde.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple polygon from its vertices (either orientation). Edge k (named {@code edgek}, 1-based) runs from vertex k
 * to vertex k+1, the last back to the first. Vertices that trace a self-intersecting or degenerate outline are
 * rejected, naming the offending edges or vertices.
 */
public final class Polygon implements Shape {
    private final double[] xs, ys;
    private final List<BoundaryPart> parts = new ArrayList<>();
    private final double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    private final double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

    public Polygon(double[][] vertices) {
        int n = vertices.length;
        if (n < 3) throw new IllegalArgumentException("vertices: a polygon needs at least 3 vertices, got " + n);
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            if (vertices[i].length != 2 || !Double.isFinite(vertices[i][0]) || !Double.isFinite(vertices[i][1])) {
                throw new IllegalArgumentException("vertices[" + i + "]: must be a finite point [x, y], got "
                        + java.util.Arrays.toString(vertices[i]));
            }
            xs[i] = vertices[i][0];
            ys[i] = vertices[i][1];
            lo[0] = Math.min(lo[0], xs[i]);
            lo[1] = Math.min(lo[1], ys[i]);
            hi[0] = Math.max(hi[0], xs[i]);
            hi[1] = Math.max(hi[1], ys[i]);
        }
        checkSimple(n);
        double area2 = 0;
        for (int i = 0; i < n; i++) area2 += xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i];
        double side = area2 > 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            parts.add(new Parts.Segment("edge" + (i + 1), xs[i], ys[i], xs[j], ys[j], side));
        }
    }

    private void checkSimple(int n) {
        double tol = 1e-12 * Math.max(hi[0] - lo[0], hi[1] - lo[1]);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (Math.hypot(xs[j] - xs[i], ys[j] - ys[i]) <= tol) {
                throw new IllegalArgumentException("vertices: vertex " + (i + 1) + " and vertex " + (j + 1) + " coincide at ("
                        + xs[i] + ", " + ys[i] + "); the polygon is not simple");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == n - 1);
                int a = i, b = (i + 1) % n, c = j, d = (j + 1) % n;
                boolean bad;
                if (adjacent) {
                    int shared = j == i + 1 ? b : a;
                    int p = shared == b ? a : b, q = shared == b ? d : c;
                    double cross = (xs[p] - xs[shared]) * (ys[q] - ys[shared]) - (ys[p] - ys[shared]) * (xs[q] - xs[shared]);
                    double dot = (xs[p] - xs[shared]) * (xs[q] - xs[shared]) + (ys[p] - ys[shared]) * (ys[q] - ys[shared]);
                    bad = Math.abs(cross) <= tol * tol && dot > 0; // the two edges fold back onto each other
                } else {
                    bad = segmentsMeet(a, b, c, d, tol);
                }
                if (bad) {
                    throw new IllegalArgumentException("vertices: edge" + (i + 1) + " (vertex " + (a + 1) + " → " + (b + 1)
                            + ") and edge" + (j + 1) + " (vertex " + (c + 1) + " → " + (d + 1) + ") "
                            + (adjacent ? "overlap" : "cross or touch") + "; the polygon is not simple (list the vertices"
                            + " in order around the outline)");
                }
            }
        }
        double area2 = 0;
        for (int i = 0; i < n; i++) area2 += xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i];
        if (Math.abs(area2) <= tol * tol) throw new IllegalArgumentException("vertices: the polygon has zero area");
    }

    private boolean segmentsMeet(int a, int b, int c, int d, double tol) {
        double o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
        double t = tol * tol;
        if (((o1 > t && o2 < -t) || (o1 < -t && o2 > t)) && ((o3 > t && o4 < -t) || (o3 < -t && o4 > t))) return true;
        return (Math.abs(o1) <= t && onSegment(a, b, c, tol)) || (Math.abs(o2) <= t && onSegment(a, b, d, tol))
                || (Math.abs(o3) <= t && onSegment(c, d, a, tol)) || (Math.abs(o4) <= t && onSegment(c, d, b, tol));
    }

    private double orient(int a, int b, int c) {
        return (xs[b] - xs[a]) * (ys[c] - ys[a]) - (ys[b] - ys[a]) * (xs[c] - xs[a]);
    }

    private boolean onSegment(int a, int b, int p, double tol) {
        return Math.min(xs[a], xs[b]) - tol <= xs[p] && xs[p] <= Math.max(xs[a], xs[b]) + tol
                && Math.min(ys[a], ys[b]) - tol <= ys[p] && ys[p] <= Math.max(ys[a], ys[b]) + tol;
    }

    public int dim() {
        return 2;
    }

    public double[] lo() {
        return lo.clone();
    }

    public double[] hi() {
        return hi.clone();
    }

    /** Signed distance: the distance to the nearest edge, negative inside (even–odd crossing test). */
    public double level(double[] x, int off) {
        double px = x[off], py = x[off + 1];
        double dist = Double.POSITIVE_INFINITY;
        boolean inside = false;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if ((ys[i] > py) != (ys[j] > py) && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) inside = !inside;
            dist = Math.min(dist, parts.get(j).distance(x, off));
        }
        return inside ? -dist : dist;
    }

    public List<BoundaryPart> parts() {
        return parts;
    }

    public String describe() {
        return "polygon with " + xs.length + " vertices";
    }
}
