package dev.tangent.pde.geometry;

import dev.tangent.sampling.SamplerKind;
import dev.tangent.sampling.UnitCube;
import java.util.List;

/**
 * Collocation points in a shape and on its boundary for every sampler kind, by rejection: candidates of the kind
 * (uniform, LHS, Sobol, or an open grid) fill the bounding box — or a part's parameter cube — and those inside (on
 * the kept piece) are taken in order until n are found, or, for grids, every accepted node of the coarsest grid
 * that has n. A leading time axis ({@code first} = 1) is sampled with the space coordinates as one more dimension.
 * Deterministic for a seed: candidates come from the seeded unit-cube generators only.
 */
public final class ShapeSampler {
    private ShapeSampler() {}

    /** Points with their outward unit normals (spatial components only), point-major. */
    public record Sample(double[] points, double[] normals) {
        public int size(int dim) {
            return points.length / dim;
        }
    }

    /** n points inside the shape (level &lt; 0), over the box [lo, hi] of all domain coordinates. */
    public static double[] interior(Shape s, double[] lo, double[] hi, int first, SamplerKind kind, int n, long seed) {
        if (s instanceof PointCloud pc) return pc.interior(lo, hi, first, kind, n, seed);
        int dim = lo.length;
        double frac = Math.max(Shape.volumeFraction(s), 1e-3);
        double[] x = new double[n * dim];
        if (kind == SamplerKind.GRID) {
            for (int m = UnitCube.gridSide((int) Math.min(Integer.MAX_VALUE, Math.ceil(n / frac)), dim); ; m++) {
                double[] cand = UnitCube.openGrid(m, dim);
                int got = accept(s, cand, lo, hi, first, cand.length / dim, cand);
                if (got >= n || Math.pow(m + 1, dim) > (1 << 24)) return java.util.Arrays.copyOf(cand, got * dim);
            }
        }
        for (long m = (long) Math.ceil(n / frac * 1.2) + 16; ; m *= 2) {
            if (m > (1 << 26) / dim) throw new IllegalArgumentException("cannot find " + n + " points inside " + s.describe());
            double[] cand = UnitCube.sample(kind, (int) m, dim, seed);
            int got = accept(s, cand, lo, hi, first, n, x);
            if (got == n) return x;
        }
    }

    /** Scales unit candidates to [lo, hi] and copies those inside into out (at most max), returning the count. */
    private static int accept(Shape s, double[] cand, double[] lo, double[] hi, int first, int max, double[] out) {
        int dim = lo.length, got = 0;
        for (int i = 0; i < cand.length / dim && got < max; i++) {
            for (int k = 0; k < dim; k++) cand[i * dim + k] = lo[k] + cand[i * dim + k] * (hi[k] - lo[k]);
            if (s.level(cand, i * dim + first) < 0) {
                System.arraycopy(cand, i * dim, out, got * dim, dim);
                got++;
            }
        }
        return got;
    }

    /**
     * About n points on the given parts, split in proportion to their measure, with outward normals. The time
     * coordinate (when {@code first} = 1) spans [lo[0], hi[0]].
     */
    public static Sample boundary(Shape s, List<BoundaryPart> parts, double[] lo, double[] hi, int first,
                                  SamplerKind kind, int n, long seed) {
        if (s instanceof PointCloud pc) return pc.boundary(parts, lo, hi, first, kind, n, seed);
        int dim = lo.length, ds = dim - first;
        int[] counts = split(parts, n);
        double[][] pts = new double[parts.size()][], nrm = new double[parts.size()][];
        int total = 0;
        for (int f = 0; f < parts.size(); f++) {
            if (counts[f] == 0) {
                pts[f] = new double[0];
                nrm[f] = new double[0];
                continue;
            }
            Sample one = part(parts.get(f), lo, hi, first, kind, counts[f], seed + 7919L * (f + 1));
            pts[f] = one.points;
            nrm[f] = one.normals;
            total += one.points.length / dim;
        }
        double[] x = new double[total * dim], nn = new double[total * ds];
        for (int f = 0, at = 0; f < parts.size(); f++) {
            int c = pts[f].length / dim;
            System.arraycopy(pts[f], 0, x, at * dim, c * dim);
            System.arraycopy(nrm[f], 0, nn, at * ds, c * ds);
            at += c;
        }
        return new Sample(x, nn);
    }

    /** n split over the parts by measure (largest remainders first go round-robin), every part at least one. */
    private static int[] split(List<BoundaryPart> parts, int n) {
        double total = 0;
        for (BoundaryPart p : parts) total += p.measure();
        int[] counts = new int[parts.size()];
        int assigned = 0;
        for (int f = 0; f < counts.length; f++) {
            counts[f] = (int) Math.floor(n * parts.get(f).measure() / total);
            assigned += counts[f];
        }
        for (int f = 0; assigned < n; f = (f + 1) % counts.length) {
            counts[f]++;
            assigned++;
        }
        return counts;
    }

    private static Sample part(BoundaryPart p, double[] lo, double[] hi, int first, SamplerKind kind, int n, long seed) {
        int dim = lo.length, ds = dim - first, q = ds - 1 + first;
        if (q == 0) { // the end point of an interval: the same point n times
            double[] x = new double[n], nn = new double[n];
            double[] one = new double[1], onen = new double[1];
            p.map(new double[0], 0, one, 0, onen, 0);
            java.util.Arrays.fill(x, one[0]);
            java.util.Arrays.fill(nn, onen[0]);
            return new Sample(x, nn);
        }
        for (long m = kind == SamplerKind.GRID ? UnitCube.gridSide(n, q) : n + n / 4 + 8; ; ) {
            double[] u = kind == SamplerKind.GRID ? UnitCube.openGrid((int) m, q) : UnitCube.sample(kind, (int) m, q, seed);
            int cand = u.length / q, max = kind == SamplerKind.GRID ? cand : n;
            double[] x = new double[max * dim], nn = new double[max * ds];
            int got = 0;
            for (int i = 0; i < cand && got < max; i++) {
                int xo = got * dim;
                if (first == 1) x[xo] = lo[0] + u[i * q] * (hi[0] - lo[0]);
                p.map(u, i * q + first, x, xo + first, nn, got * ds);
                if (p.keeps(x, xo + first)) got++;
            }
            if (got >= n || Math.pow(m, kind == SamplerKind.GRID ? q : 1) > (1 << 22)) {
                if (got == 0) throw new IllegalArgumentException("boundary part '" + p.name() + "' has no points to sample");
                return new Sample(java.util.Arrays.copyOf(x, got * dim), java.util.Arrays.copyOf(nn, got * ds));
            }
            m = kind == SamplerKind.GRID ? m + 1 : 2 * m;
        }
    }
}
