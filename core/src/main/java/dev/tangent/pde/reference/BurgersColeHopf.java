package dev.tangent.pde.reference;

import dev.tangent.pde.Domain;
import dev.tangent.pde.Reference;
import dev.tangent.pde.TestSet;

/**
 * Exact solution of u_t + u·u_x = ν·u_xx, u(0,x) = −sin πx, by the Cole–Hopf integral
 *
 * <pre>  u(t,x) = −∫ sin(π(x−η)) F(x−η) e^{−η²/4νt} dη / ∫ F(x−η) e^{−η²/4νt} dη,  F(y) = e^{−cos(πy)/(2πν)}</pre>
 *
 * With η = sqrt(4νt)·s both integrals become ∫ g(s) e^{−s²} ds of an entire integrand, computed by the
 * trapezoid rule on [−L, L] (spectrally accurate) with the exponent shifted by its maximum to avoid overflow.
 */
public final class BurgersColeHopf implements Reference {
    private final double nu;
    private final double halfWidth;
    private final int nodes;
    private final int nx;
    private final int nt;

    /** Default accuracy: L = 14, 6001 nodes; test grid 256 x-points × 101 times. */
    public BurgersColeHopf(double nu) {
        this(nu, 14.0, 6001, 256, 101);
    }

    public BurgersColeHopf(double nu, double halfWidth, int nodes, int nx, int nt) {
        this.nu = nu;
        this.halfWidth = halfWidth;
        this.nodes = nodes;
        this.nx = nx;
        this.nt = nt;
    }

    /** u(t, x). */
    public double value(double t, double x) {
        if (t <= 0) return -Math.sin(Math.PI * x);
        double sigma = Math.sqrt(4 * nu * t);
        double a = 1 / (2 * Math.PI * nu);
        double h = 2 * halfWidth / (nodes - 1);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nodes; k++) {
            double s = -halfWidth + k * h;
            max = Math.max(max, -a * Math.cos(Math.PI * (x - sigma * s)) - s * s);
        }
        double num = 0, den = 0;
        for (int k = 0; k < nodes; k++) {
            double s = -halfWidth + k * h;
            double y = x - sigma * s;
            double w = Math.exp(-a * Math.cos(Math.PI * y) - s * s - max);
            num += Math.sin(Math.PI * y) * w;
            den += w;
        }
        return -num / den;
    }

    @Override
    public TestSet testSet(Domain domain) {
        double t0 = domain.lo()[0], t1 = domain.hi()[0], x0 = domain.lo()[1], x1 = domain.hi()[1];
        double[] pts = new double[nt * nx * 2];
        double[] vals = new double[nt * nx];
        java.util.stream.IntStream.range(0, nt).parallel().forEach(i -> {
            double t = t0 + (t1 - t0) * i / (nt - 1);
            for (int j = 0; j < nx; j++) {
                double x = x0 + (x1 - x0) * j / (nx - 1);
                int p = i * nx + j;
                pts[2 * p] = t;
                pts[2 * p + 1] = x;
                vals[p] = value(t, x);
            }
        });
        return new TestSet(pts, vals, new int[] {nt, nx});
    }

    @Override
    public boolean pointwise() {
        return true;
    }

    @Override
    public double value(double[] x) {
        return value(x[0], x[1]);
    }

    @Override
    public String describe() {
        return "Cole–Hopf integral, trapezoid rule with " + nodes + " nodes on [−" + halfWidth + ", " + halfWidth + "]";
    }
}
