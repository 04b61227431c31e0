package dev.tangent.pde.geometry;

import dev.tangent.sampling.SamplerKind;
import dev.tangent.sampling.UnitCube;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain given as user point sets (e.g. from CSV, see {@link PointCsv}): interior points and boundary points with
 * outward normals and optional part labels. Sampling returns the given points whatever the sampler and count (with
 * a time axis, each sample pairs the next point with a time of the sampler). Normals are looked up by exact
 * coordinates, so they follow the points through the training code unchanged.
 */
public final class PointCloud implements Shape {
    private final int dim;
    private final double[] interior;
    private final double[] lo, hi;
    private final List<BoundaryPart> parts = new ArrayList<>();

    /**
     * @param boundaryNormals outward normals, point-major like the points, or null when none were given
     * @param labels          part name per boundary point, or null (one part "boundary")
     */
    public PointCloud(int dim, double[] interior, double[] boundary, double[] boundaryNormals, String[] labels) {
        this.dim = dim;
        this.interior = interior.clone();
        if (interior.length == 0) throw new IllegalArgumentException("interior: the point set has no points");
        lo = new double[dim];
        hi = new double[dim];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] set : new double[][] {interior, boundary}) {
            for (int i = 0; i < set.length; i++) {
                lo[i % dim] = Math.min(lo[i % dim], set[i]);
                hi[i % dim] = Math.max(hi[i % dim], set[i]);
            }
        }
        for (int k = 0; k < dim; k++) if (!(lo[k] < hi[k])) hi[k] = lo[k] + 1; // a flat set still gets a box
        Map<String, List<Integer>> byPart = new LinkedHashMap<>();
        for (int i = 0; i < boundary.length / dim; i++) byPart.computeIfAbsent(labels == null ? "boundary" : labels[i], k -> new ArrayList<>()).add(i);
        for (Map.Entry<String, List<Integer>> e : byPart.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] p = new double[idx.size() * dim];
            double[] nn = boundaryNormals == null ? null : new double[idx.size() * dim];
            for (int j = 0; j < idx.size(); j++) {
                System.arraycopy(boundary, idx.get(j) * dim, p, j * dim, dim);
                if (nn != null) System.arraycopy(boundaryNormals, idx.get(j) * dim, nn, j * dim, dim);
            }
            parts.add(new Given(e.getKey(), dim, p, nn, index(p, dim)));
        }
    }

    private static Map<DoubleBuffer, Integer> index(double[] p, int dim) {
        Map<DoubleBuffer, Integer> m = new HashMap<>();
        for (int i = 0; i < p.length / dim; i++) m.put(DoubleBuffer.wrap(p, i * dim, dim).slice(), i);
        return m;
    }

    public int dim() {
        return dim;
    }

    public double[] lo() {
        return lo.clone();
    }

    public double[] hi() {
        return hi.clone();
    }

    /** Not defined between the given points: −1 at every point (the sets are taken as they are). */
    public double level(double[] x, int off) {
        return -1;
    }

    public List<BoundaryPart> parts() {
        return parts;
    }

    public String describe() {
        int b = 0;
        for (BoundaryPart p : parts) b += ((Given) p).points.length / dim;
        return "point set (" + interior.length / dim + " interior, " + b + " boundary points)";
    }

    /** The interior points, point-major. */
    public double[] interiorPoints() {
        return interior.clone();
    }

    double[] interior(double[] lo, double[] hi, int first, SamplerKind kind, int n, long seed) {
        return withTime(interior, lo, hi, first, kind, n, seed);
    }

    ShapeSampler.Sample boundary(List<BoundaryPart> among, double[] lo, double[] hi, int first, SamplerKind kind, int n, long seed) {
        int total = 0;
        for (BoundaryPart p : among) total += ((Given) p).points.length;
        double[] pts = new double[total], nn = new double[total];
        int at = 0;
        for (BoundaryPart p : among) {
            Given g = (Given) p;
            System.arraycopy(g.points, 0, pts, at, g.points.length);
            if (g.normals != null) System.arraycopy(g.normals, 0, nn, at, g.points.length);
            at += g.points.length;
        }
        return new ShapeSampler.Sample(withTime(pts, lo, hi, first, kind, n, seed), first == 0 ? nn : null);
    }

    /** The points themselves, or with a time axis n samples (t from the sampler, point i mod count). */
    private double[] withTime(double[] pts, double[] lo, double[] hi, int first, SamplerKind kind, int n, long seed) {
        if (first == 0) return pts.clone();
        int count = pts.length / dim, m = Math.max(n, count);
        double[] t = kind == SamplerKind.GRID ? UnitCube.openGrid(m, 1) : UnitCube.sample(kind, m, 1, seed);
        double[] x = new double[m * (dim + 1)];
        for (int i = 0; i < m; i++) {
            x[i * (dim + 1)] = lo[0] + t[i] * (hi[0] - lo[0]);
            System.arraycopy(pts, (i % count) * dim, x, i * (dim + 1) + 1, dim);
        }
        return x;
    }

    /** A labelled set of boundary points; distance 0 at its own points and +∞ elsewhere. */
    private record Given(String name, int dim, double[] points, double[] normals, Map<DoubleBuffer, Integer> at)
            implements BoundaryPart {
        public double measure() {
            return points.length / dim;
        }

        public void map(double[] u, int uOff, double[] x, int xOff, double[] n, int nOff) {
            throw new UnsupportedOperationException("a point set is not parametrised");
        }

        public double distance(double[] x, int off) {
            return at.containsKey(DoubleBuffer.wrap(x, off, dim).slice()) ? 0 : Double.POSITIVE_INFINITY;
        }

        public void normal(double[] x, int off, double[] n, int nOff) {
            Integer i = at.get(DoubleBuffer.wrap(x, off, dim).slice());
            if (normals == null) {
                throw new IllegalArgumentException("boundary points of part '" + name + "' have no normals; a Neumann"
                        + " condition needs columns n_<coord> in the boundary CSV");
            }
            if (i == null) throw new IllegalArgumentException("point is not one of the given boundary points of part '" + name + "'");
            System.arraycopy(normals, i * dim, n, nOff, dim);
        }

        public BoundaryPart named(String newName) {
            return new Given(newName, dim, points, normals, at);
        }
    }
}
