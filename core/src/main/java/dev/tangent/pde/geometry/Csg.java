package dev.tangent.pde.geometry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Union, intersection or difference of two shapes of the same dimension. The boundary is made of the operands'
 * parts, each keeping the points that bound the result (a part of A lying inside B is dropped from A ∪ B); a
 * piece the two share is kept once, from A, when the two normals say it bounds the result. Parts of B that bound
 * A \ B have their normals flipped. Clashing part names get a suffix ("circle-2").
 */
public final class Csg implements Shape {
    public enum Op {
        UNION, INTERSECTION, DIFFERENCE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Op op;
    private final Shape a, b;
    private final double[] lo, hi;
    private final List<BoundaryPart> parts = new ArrayList<>();

    public Csg(Op op, Shape a, Shape b) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException(op.label() + ": the shapes have " + a.dim() + " and " + b.dim() + " dimensions");
        }
        this.op = op;
        this.a = a;
        this.b = b;
        int d = a.dim();
        lo = a.lo();
        hi = a.hi();
        for (int k = 0; k < d; k++) {
            if (op == Op.UNION) {
                lo[k] = Math.min(lo[k], b.lo()[k]);
                hi[k] = Math.max(hi[k], b.hi()[k]);
            } else if (op == Op.INTERSECTION) {
                lo[k] = Math.max(lo[k], b.lo()[k]);
                hi[k] = Math.min(hi[k], b.hi()[k]);
                if (!(lo[k] < hi[k])) throw empty();
            }
        }
        if (Shape.volumeFraction(this) == 0) throw empty();
        double tol = 1e-9 * scale();
        Set<String> names = new HashSet<>();
        for (BoundaryPart p : a.parts()) add(new Kept(p, b, op != Op.INTERSECTION, op == Op.DIFFERENCE ? -1 : 1, false, tol), names);
        for (BoundaryPart p : b.parts()) add(new Kept(p, a, op == Op.UNION, 0, op == Op.DIFFERENCE, tol), names);
    }

    private IllegalArgumentException empty() {
        return new IllegalArgumentException(op.label() + ": " + (op == Op.DIFFERENCE ? "the second shape removes all of the first"
                : "the shapes do not overlap") + "; the domain (" + a.describe() + " " + op.label() + " " + b.describe() + ") is empty");
    }

    private void add(Kept k, Set<String> names) {
        double m = k.estimateMeasure();
        if (m <= 0) return; // this part bounds nothing of the result
        String name = k.name();
        for (int i = 2; names.contains(name); i++) name = k.name() + "-" + i;
        names.add(name);
        parts.add(new Kept(k.base.named(name), k.other, k.outside, k.tie, k.flip, k.tol, m));
    }

    public int dim() {
        return a.dim();
    }

    public double[] lo() {
        return lo.clone();
    }

    public double[] hi() {
        return hi.clone();
    }

    public double level(double[] x, int off) {
        double la = a.level(x, off), lb = b.level(x, off);
        return switch (op) {
            case UNION -> Math.min(la, lb);
            case INTERSECTION -> Math.max(la, lb);
            case DIFFERENCE -> Math.max(la, -lb);
        };
    }

    public List<BoundaryPart> parts() {
        return parts;
    }

    public String describe() {
        return "(" + a.describe() + ") " + op.label() + " (" + b.describe() + ")";
    }

    /**
     * A part of one operand, restricted to where the other operand's level has the right sign: outside it
     * (level &gt; tol) or inside it (level &lt; −tol). On the other's boundary (|level| ≤ tol) the point is kept
     * when {@code tie} is +1 and the normals agree, or −1 and they are opposite; never when 0.
     */
    private record Kept(BoundaryPart base, Shape other, boolean outside, int tie, boolean flip, double tol, double measure)
            implements BoundaryPart {
        Kept(BoundaryPart base, Shape other, boolean outside, int tie, boolean flip, double tol) {
            this(base, other, outside, tie, flip, tol, Double.NaN);
        }

        public String name() {
            return base.name();
        }

        public int dim() {
            return base.dim();
        }

        double estimateMeasure() {
            // an open grid of parameters (no end points, where pieces meet at single points) of about 1024 nodes
            int p = dim() - 1;
            double[] u = p == 0 ? new double[0] : dev.tangent.sampling.UnitCube.openGrid(p == 1 ? 1024 : 32, p);
            int n = p == 0 ? 1 : u.length / p;
            double[] x = new double[dim()], nrm = new double[dim()];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                base.map(u, i * p, x, 0, nrm, 0);
                if (keeps(x, 0)) kept++;
            }
            return kept <= 1 && n > 1 ? 0 : base.measure() * kept / n; // a single node: pieces that touch at a point
        }

        public void map(double[] u, int uOff, double[] x, int xOff, double[] n, int nOff) {
            base.map(u, uOff, x, xOff, n, nOff);
            if (flip) for (int k = 0; k < dim(); k++) n[nOff + k] = -n[nOff + k];
        }

        public boolean keeps(double[] x, int off) {
            if (!base.keeps(x, off)) return false;
            double l = other.level(x, off);
            if (outside ? l > tol : l < -tol) return true;
            if (Math.abs(l) > tol || tie == 0) return false;
            double[] n1 = new double[dim()], n2 = new double[dim()];
            base.normal(x, off, n1, 0);
            Shape.normal(other.parts(), x, off, n2, 0);
            double dot = 0;
            for (int k = 0; k < dim(); k++) dot += n1[k] * n2[k];
            return tie > 0 ? dot > 0.5 : dot < -0.5;
        }

        public double distance(double[] x, int off) {
            return base.distance(x, off);
        }

        public void normal(double[] x, int off, double[] n, int nOff) {
            base.normal(x, off, n, nOff);
            if (flip) for (int k = 0; k < dim(); k++) n[nOff + k] = -n[nOff + k];
        }

        public BoundaryPart named(String name) {
            return new Kept(base.named(name), other, outside, tie, flip, tol, measure);
        }
    }
}
