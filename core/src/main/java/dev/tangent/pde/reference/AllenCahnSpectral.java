package dev.tangent.pde.reference;

import dev.tangent.pde.Domain;
import dev.tangent.pde.Reference;
import dev.tangent.pde.TestSet;

/**
 * Reference for u_t = ε·u_xx + κ(u − u³) on x ∈ [−1, 1], u(0,x) = x² cos πx, Dirichlet u(t, ±1) = −1 (the
 * published setup). With w = u + 1 (zero on both ends) the solution is expanded in sines: w is extended oddly
 * about x = ±1 to period 4 and advanced by Fourier pseudo-spectral in x and ETDRK4 in time (Cox–Matthews, with
 * Kassam–Trefethen contour-integral coefficients). The reaction term is evaluated on [−1, 1] and re-extended
 * oddly, so only the sine modes of the Dirichlet problem are ever present. A periodic solver on [−1, 1) is not a
 * substitute: its solution has u_x(±1) = 0 and differs from the Dirichlet one by ~5e-4 (relative L2) near x = ±1.
 */
public final class AllenCahnSpectral implements Reference {
    private final double eps;
    private final double kappa;
    private final int n;
    private final double dt;
    private final int snapshots;
    private TestSet cached;

    public AllenCahnSpectral(double eps, double kappa) {
        this(eps, kappa, 512, 2e-4, 101);
    }

    public AllenCahnSpectral(double eps, double kappa, int n, double dt, int snapshots) {
        this.eps = eps;
        this.kappa = kappa;
        this.n = n;
        this.dt = dt;
        this.snapshots = snapshots;
    }

    /** Solution on the grid x_j = −1 + 2j/n, j = 0..n, at t = t1·s/(snapshots−1); result[s][j]. */
    public double[][] solve(double t1) {
        int len = 2 * n; // odd extension: period 4, same spacing 2/n
        double[] lin = new double[len];
        for (int j = 0; j < len; j++) {
            int m = j <= n ? j : j - len;
            double k = Math.PI * m / 2; // period 4
            lin[j] = -eps * k * k;
        }
        int stepsPerSnap = (int) Math.round(t1 / (snapshots - 1) / dt);
        double h = t1 / (snapshots - 1) / stepsPerSnap;
        // ETDRK4 coefficients (real L), contour integrals with M = 64 points
        double[] e = new double[len], e2 = new double[len], q = new double[len], f1 = new double[len], f2 = new double[len],
                f3 = new double[len];
        int mPts = 64;
        for (int j = 0; j < len; j++) {
            double lh = h * lin[j];
            e[j] = Math.exp(lh);
            e2[j] = Math.exp(lh / 2);
            double sq = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int p = 1; p <= mPts; p++) {
                double th = Math.PI * (p - 0.5) / mPts;
                // r = lh + e^{iθ}; average real parts over the upper half circle
                double rr = lh + Math.cos(th), ri = Math.sin(th);
                sq += 0.5 * realOf(expm1Over(rr / 2, ri / 2)); // (e^{r/2} − 1)/r
                double[] er = cexp(rr, ri);
                double[] r2 = cmul(rr, ri, rr, ri);
                double[] r3 = cmul(r2[0], r2[1], rr, ri);
                // f1 = (−4 − r + e^r(4 − 3r + r²)) / r³
                double[] a = cmul(er[0], er[1], 4 - 3 * rr + r2[0], -3 * ri + r2[1]);
                s1 += cdivReal(-4 - rr + a[0], -ri + a[1], r3[0], r3[1]);
                // f2 = (2 + r + e^r(−2 + r)) / r³
                double[] b = cmul(er[0], er[1], -2 + rr, ri);
                s2 += cdivReal(2 + rr + b[0], ri + b[1], r3[0], r3[1]);
                // f3 = (−4 − 3r − r² + e^r(4 − r)) / r³
                double[] c = cmul(er[0], er[1], 4 - rr, -ri);
                s3 += cdivReal(-4 - 3 * rr - r2[0] + c[0], -3 * ri - r2[1] + c[1], r3[0], r3[1]);
            }
            q[j] = h * sq / mPts;
            f1[j] = h * s1 / mPts;
            f2[j] = h * s2 / mPts;
            f3[j] = h * s3 / mPts;
        }
        double[] ur = new double[len], ui = new double[len];
        double[][] out = new double[snapshots][];
        for (int j = 0; j <= n; j++) {
            double x = -1 + 2.0 * j / n;
            ur[j] = j == 0 || j == n ? 0 : x * x * Math.cos(Math.PI * x) + 1;
        }
        extendOddly(ur);
        out[0] = physical(ur);
        Fft.transform(ur, ui, false);
        double[] nvr = new double[len], nvi = new double[len];
        double[] ar = new double[len], ai = new double[len], nar = new double[len], nai = new double[len];
        double[] br = new double[len], bi = new double[len], nbr = new double[len], nbi = new double[len];
        double[] cr = new double[len], ci = new double[len], ncr = new double[len], nci = new double[len];
        for (int s = 1; s < snapshots; s++) {
            for (int step = 0; step < stepsPerSnap; step++) {
                nonlinear(ur, ui, nvr, nvi);
                for (int j = 0; j < len; j++) {
                    ar[j] = e2[j] * ur[j] + q[j] * nvr[j];
                    ai[j] = e2[j] * ui[j] + q[j] * nvi[j];
                }
                nonlinear(ar, ai, nar, nai);
                for (int j = 0; j < len; j++) {
                    br[j] = e2[j] * ur[j] + q[j] * nar[j];
                    bi[j] = e2[j] * ui[j] + q[j] * nai[j];
                }
                nonlinear(br, bi, nbr, nbi);
                for (int j = 0; j < len; j++) {
                    cr[j] = e2[j] * ar[j] + q[j] * (2 * nbr[j] - nvr[j]);
                    ci[j] = e2[j] * ai[j] + q[j] * (2 * nbi[j] - nvi[j]);
                }
                nonlinear(cr, ci, ncr, nci);
                for (int j = 0; j < len; j++) {
                    ur[j] = e[j] * ur[j] + nvr[j] * f1[j] + 2 * (nar[j] + nbr[j]) * f2[j] + ncr[j] * f3[j];
                    ui[j] = e[j] * ui[j] + nvi[j] * f1[j] + 2 * (nai[j] + nbi[j]) * f2[j] + nci[j] * f3[j];
                }
            }
            double[] pr = ur.clone(), pi = ui.clone();
            Fft.transform(pr, pi, true);
            out[s] = physical(pr);
        }
        return out;
    }

    /** u = w − 1 on x_j, j = 0..n, from the extended w. */
    private double[] physical(double[] w) {
        double[] u = new double[n + 1];
        for (int j = 0; j <= n; j++) u[j] = w[j] - 1;
        u[0] = -1;
        u[n] = -1;
        return u;
    }

    /** Fills w[n+1..2n−1] with the odd reflection about x = 1 of w[1..n−1]; w[0] = w[n] = 0. */
    private void extendOddly(double[] w) {
        w[0] = 0;
        w[n] = 0;
        for (int k = 1; k < n; k++) w[n + k] = -w[n - k];
    }

    /** κ(u − u³) with u = w − 1, evaluated on [−1, 1] and extended oddly, in Fourier space. */
    private void nonlinear(double[] vr, double[] vi, double[] outR, double[] outI) {
        double[] pr = vr.clone(), pi = vi.clone();
        Fft.transform(pr, pi, true);
        for (int j = 0; j <= n; j++) {
            double u = pr[j] - 1;
            pr[j] = kappa * (u - u * u * u);
        }
        extendOddly(pr);
        java.util.Arrays.fill(pi, 0);
        Fft.transform(pr, pi, false);
        System.arraycopy(pr, 0, outR, 0, pr.length);
        System.arraycopy(pi, 0, outI, 0, pi.length);
    }

    @Override
    public synchronized TestSet testSet(Domain domain) {
        if (cached != null) return cached;
        double t0 = domain.lo()[0], t1 = domain.hi()[0];
        double[][] sol = solve(t1 - t0);
        int nx = n + 1;
        double[] pts = new double[snapshots * nx * 2];
        double[] vals = new double[snapshots * nx];
        for (int s = 0; s < snapshots; s++) {
            double t = t0 + (t1 - t0) * s / (snapshots - 1);
            for (int j = 0; j < nx; j++) {
                int p = s * nx + j;
                pts[2 * p] = t;
                pts[2 * p + 1] = -1 + 2.0 * j / n;
                vals[p] = sol[s][j];
            }
        }
        cached = new TestSet(pts, vals, new int[] {snapshots, nx});
        return cached;
    }

    @Override
    public String describe() {
        return "sine pseudo-spectral (N=" + n + ", Dirichlet) + ETDRK4 (dt=" + dt + ")";
    }

    private static double[] cexp(double r, double i) {
        double m = Math.exp(r);
        return new double[] {m * Math.cos(i), m * Math.sin(i)};
    }

    private static double[] cmul(double ar, double ai, double br, double bi) {
        return new double[] {ar * br - ai * bi, ar * bi + ai * br};
    }

    private static double cdivReal(double ar, double ai, double br, double bi) {
        double d = br * br + bi * bi;
        return (ar * br + ai * bi) / d;
    }

    /** (e^z − 1)/z for z = r + i·im. */
    private static double[] expm1Over(double r, double im) {
        double[] ez = cexp(r, im);
        double nr = ez[0] - 1, ni = ez[1];
        double d = r * r + im * im;
        return new double[] {(nr * r + ni * im) / d, (ni * r - nr * im) / d};
    }

    private static double realOf(double[] z) {
        return z[0];
    }
}
