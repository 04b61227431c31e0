package dev.tangent.pde;

import dev.tangent.pde.geometry.ShapeSampler;
import dev.tangent.sampling.SamplerKind;
import dev.tangent.sampling.UnitCube;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a loss group's points live: the interior, a set of faces (coordinate fixed at lo or hi), a slice
 * such as the initial time, or named parts of a shape's boundary. Sampling maps unit-cube points into the region;
 * on a shape domain the interior and slices are sampled by rejection ({@link ShapeSampler}).
 *
 * @param parts for {@link Kind#BOUNDARY}: the part names (empty: the whole boundary)
 */
public record Region(Kind kind, int[] axes, boolean[] atHigh, List<String> parts) {
    public enum Kind { INTERIOR, FACES, SLICE, BOUNDARY }

    public Region(Kind kind, int[] axes, boolean[] atHigh) {
        this(kind, axes, atHigh, List.of());
    }

    public Region {
        parts = List.copyOf(parts);
    }

    /** Named parts of the shape's boundary ("inner", "edge2"); none named: the whole boundary. */
    public static Region boundary(String... parts) {
        return new Region(Kind.BOUNDARY, new int[0], new boolean[0], List.of(parts));
    }

    public static Region interior() {
        return new Region(Kind.INTERIOR, new int[0], new boolean[0]);
    }

    /** Both faces of every spatial coordinate: the spatial boundary (the whole boundary of a shape). */
    public static Region spatialBoundary(Domain d) {
        if (!d.isBox()) return boundary();
        int n = d.dim() - d.firstSpatial();
        int[] axes = new int[2 * n];
        boolean[] hi = new boolean[2 * n];
        for (int k = 0; k < n; k++) {
            axes[2 * k] = axes[2 * k + 1] = d.firstSpatial() + k;
            hi[2 * k + 1] = true;
        }
        return new Region(Kind.FACES, axes, hi);
    }

    public static Region face(int axis, boolean high) {
        return new Region(Kind.FACES, new int[] {axis}, new boolean[] {high});
    }

    /** The slice axis = lo (e.g. t = t0). */
    public static Region initialSlice(int axis) {
        return new Region(Kind.SLICE, new int[] {axis}, new boolean[] {false});
    }

    public String describe(Domain d) {
        return switch (kind) {
            case INTERIOR -> "interior";
            case BOUNDARY -> parts.isEmpty() ? "the boundary" : "boundary " + String.join(", ", parts);
            case SLICE -> d.coords()[axes[0]] + " = " + Domain.fmt(d.lo()[axes[0]]);
            case FACES -> {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < axes.length; i++) {
                    parts.add(d.coords()[axes[i]] + " = " + Domain.fmt(atHigh[i] ? d.hi()[axes[i]] : d.lo()[axes[i]]));
                }
                yield String.join(", ", parts);
            }
        };
    }

    /** About n points in this region of the domain, point-major. */
    public double[] sample(Domain d, SamplerKind kind, int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("number of points must be >= 1, got " + n);
        int dim = d.dim();
        if (!d.isBox()) return sampleShape(d, kind, n, seed);
        return switch (this.kind) {
            case INTERIOR -> scale(d, UnitCube.sample(kind, n, dim, seed), dim);
            case SLICE -> scale(d, embed(UnitCube.sample(kind, n, dim - 1, seed), dim, axes[0], 0.0), dim);
            case FACES -> kind == SamplerKind.GRID ? gridFaces(d, n) : randomFaces(d, kind, n, seed);
            case BOUNDARY -> throw new IllegalArgumentException("boundary parts " + parts + " need a shape domain; "
                    + d.describe() + " is a box (name its faces by coordinate and side)");
        };
    }

    private double[] sampleShape(Domain d, SamplerKind kind, int n, long seed) {
        int first = d.firstSpatial();
        return switch (this.kind) {
            case INTERIOR -> ShapeSampler.interior(d.shape(), d.lo(), d.hi(), first, kind, n, seed);
            case SLICE -> {
                double[] lo = java.util.Arrays.copyOfRange(d.lo(), 1, d.dim()), hi = java.util.Arrays.copyOfRange(d.hi(), 1, d.dim());
                double[] space = ShapeSampler.interior(d.shape(), lo, hi, 0, kind, n, seed);
                yield embed(space, d.dim(), 0, d.lo()[0]);
            }
            case BOUNDARY -> boundarySample(d, kind, n, seed).points();
            case FACES -> throw new IllegalArgumentException("faces " + describe(d) + " belong to a box domain; "
                    + d.describe() + " has boundary parts " + d.shape().partNames());
        };
    }

    /** Points of a BOUNDARY region with their outward unit normals. */
    public ShapeSampler.Sample boundarySample(Domain d, SamplerKind kind, int n, long seed) {
        if (this.kind != Kind.BOUNDARY || d.isBox()) throw new IllegalArgumentException("normals are sampled on the boundary parts of a shape domain");
        return ShapeSampler.boundary(d.shape(), d.shape().parts(parts), d.lo(), d.hi(), d.firstSpatial(), kind, n, seed);
    }

    /** Points of the closed m-grid (m^dim) lying on any selected face, smallest m giving at least n points. */
    private double[] gridFaces(Domain d, int n) {
        int dim = d.dim();
        for (int m = 2; ; m++) {
            double[] g = UnitCube.closedGrid(m, dim);
            List<double[]> keep = new ArrayList<>();
            for (int i = 0; i < g.length / dim; i++) {
                for (int f = 0; f < axes.length; f++) {
                    double v = g[i * dim + axes[f]];
                    if (v == (atHigh[f] ? 1.0 : 0.0)) {
                        keep.add(java.util.Arrays.copyOfRange(g, i * dim, (i + 1) * dim));
                        break;
                    }
                }
            }
            if (keep.size() >= n || m > 4096) {
                double[] x = new double[keep.size() * dim];
                for (int i = 0; i < keep.size(); i++) System.arraycopy(keep.get(i), 0, x, i * dim, dim);
                return scale(d, x, dim);
            }
        }
    }

    /** n points split over the faces in proportion to their measure; each face sampled by the given kind. */
    private double[] randomFaces(Domain d, SamplerKind kind, int n, long seed) {
        int dim = d.dim();
        double[] measure = new double[axes.length];
        double total = 0;
        for (int f = 0; f < axes.length; f++) {
            measure[f] = d.volume() / (d.hi()[axes[f]] - d.lo()[axes[f]]);
            total += measure[f];
        }
        int[] counts = new int[axes.length];
        int assigned = 0;
        for (int f = 0; f < axes.length; f++) {
            counts[f] = (int) Math.floor(n * measure[f] / total);
            assigned += counts[f];
        }
        for (int f = 0; assigned < n; f = (f + 1) % axes.length) {
            counts[f]++;
            assigned++;
        }
        double[] x = new double[n * dim];
        int at = 0;
        for (int f = 0; f < axes.length; f++) {
            if (counts[f] == 0) continue;
            double v = atHigh[f] ? 1.0 : 0.0;
            double[] pts = dim == 1 ? filled(counts[f], v)
                    : embed(UnitCube.sample(kind, counts[f], dim - 1, seed + 7919L * (f + 1)), dim, axes[f], v);
            System.arraycopy(pts, 0, x, at * dim, counts[f] * dim);
            at += counts[f];
        }
        return scale(d, x, dim);
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    /** Inserts a fixed coordinate value at position axis into (dim−1)-dimensional points. */
    static double[] embed(double[] lower, int dim, int axis, double value) {
        int n = dim == 1 ? 1 : lower.length / (dim - 1);
        double[] x = new double[n * dim];
        for (int i = 0; i < n; i++) {
            int q = 0;
            for (int k = 0; k < dim; k++) x[i * dim + k] = k == axis ? value : lower[i * (dim - 1) + q++];
        }
        return x;
    }

    private static double[] scale(Domain d, double[] unit, int dim) {
        for (int i = 0; i < unit.length; i++) {
            int k = i % dim;
            unit[i] = d.lo()[k] + unit[i] * (d.hi()[k] - d.lo()[k]);
        }
        return unit;
    }

    /** Distinct coordinates named by this region's faces. */
    public Set<Integer> faceAxes() {
        Set<Integer> s = new LinkedHashSet<>();
        for (int a : axes) s.add(a);
        return s;
    }
}
