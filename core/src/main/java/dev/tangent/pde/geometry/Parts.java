package dev.tangent.pde.geometry;

/** The boundary pieces of the primitive shapes: segments, circles, spheres and box faces. */
final class Parts {
    private Parts() {}

    /** The segment a→b in 2D; the outward normal is the right-hand normal of a→b times {@code side} (±1). */
    record Segment(String name, double ax, double ay, double bx, double by, double side) implements BoundaryPart {
        public int dim() {
            return 2;
        }

        public double measure() {
            return Math.hypot(bx - ax, by - ay);
        }

        public void map(double[] u, int uOff, double[] x, int xOff, double[] n, int nOff) {
            double s = u[uOff];
            x[xOff] = ax + s * (bx - ax);
            x[xOff + 1] = ay + s * (by - ay);
            normal(x, xOff, n, nOff);
        }

        public double distance(double[] x, int off) {
            double dx = bx - ax, dy = by - ay;
            double s = ((x[off] - ax) * dx + (x[off + 1] - ay) * dy) / (dx * dx + dy * dy);
            s = Math.max(0, Math.min(1, s));
            return Math.hypot(x[off] - ax - s * dx, x[off + 1] - ay - s * dy);
        }

        public void normal(double[] x, int off, double[] n, int nOff) {
            double len = measure();
            n[nOff] = side * (by - ay) / len;
            n[nOff + 1] = -side * (bx - ax) / len;
        }

        public BoundaryPart named(String newName) {
            return new Segment(newName, ax, ay, bx, by, side);
        }
    }

    /**
     * The sphere |x − c| = r in 2D (a circle, parameter θ = 2πu) or 3D (z = 1 − 2u₀, φ = 2πu₁: equal areas);
     * the normal points away from c for {@code side} = +1 (a ball) and towards it for −1 (a hole).
     */
    record Sphere(String name, double[] center, double radius, double side) implements BoundaryPart {
        public int dim() {
            return center.length;
        }

        public double measure() {
            return center.length == 2 ? 2 * Math.PI * radius : 4 * Math.PI * radius * radius;
        }

        public void map(double[] u, int uOff, double[] x, int xOff, double[] n, int nOff) {
            if (center.length == 2) {
                double th = 2 * Math.PI * u[uOff];
                n[nOff] = Math.cos(th);
                n[nOff + 1] = Math.sin(th);
            } else {
                double z = 1 - 2 * u[uOff], phi = 2 * Math.PI * u[uOff + 1], rho = Math.sqrt(Math.max(0, 1 - z * z));
                n[nOff] = rho * Math.cos(phi);
                n[nOff + 1] = rho * Math.sin(phi);
                n[nOff + 2] = z;
            }
            for (int k = 0; k < center.length; k++) {
                x[xOff + k] = center[k] + radius * n[nOff + k];
                n[nOff + k] *= side;
            }
        }

        public double distance(double[] x, int off) {
            return Math.abs(norm(x, off) - radius);
        }

        private double norm(double[] x, int off) {
            double s = 0;
            for (int k = 0; k < center.length; k++) s += (x[off + k] - center[k]) * (x[off + k] - center[k]);
            return Math.sqrt(s);
        }

        public void normal(double[] x, int off, double[] n, int nOff) {
            double r = norm(x, off);
            for (int k = 0; k < center.length; k++) n[nOff + k] = side * (x[off + k] - center[k]) / r;
        }

        public BoundaryPart named(String newName) {
            return new Sphere(newName, center, radius, side);
        }
    }

    /** The face x_axis = lo[axis] (or hi[axis]) of the box [lo, hi]; outward normal ∓e_axis. */
    record Face(String name, int axis, boolean high, double[] lo, double[] hi) implements BoundaryPart {
        public int dim() {
            return lo.length;
        }

        public double measure() {
            double m = 1;
            for (int k = 0; k < lo.length; k++) if (k != axis) m *= hi[k] - lo[k];
            return m;
        }

        public void map(double[] u, int uOff, double[] x, int xOff, double[] n, int nOff) {
            int q = uOff;
            for (int k = 0; k < lo.length; k++) {
                x[xOff + k] = k == axis ? (high ? hi[k] : lo[k]) : lo[k] + u[q++] * (hi[k] - lo[k]);
                n[nOff + k] = k == axis ? (high ? 1 : -1) : 0;
            }
        }

        public double distance(double[] x, int off) {
            double s = 0;
            for (int k = 0; k < lo.length; k++) {
                double v = x[off + k];
                double e = k == axis ? v - (high ? hi[k] : lo[k]) : Math.max(0, Math.max(lo[k] - v, v - hi[k]));
                s += e * e;
            }
            return Math.sqrt(s);
        }

        public void normal(double[] x, int off, double[] n, int nOff) {
            for (int k = 0; k < lo.length; k++) n[nOff + k] = k == axis ? (high ? 1 : -1) : 0;
        }

        public BoundaryPart named(String newName) {
            return new Face(newName, axis, high, lo, hi);
        }
    }
}
