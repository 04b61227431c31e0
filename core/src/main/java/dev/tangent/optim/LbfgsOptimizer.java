package dev.tangent.optim;

import java.util.HashMap;
import java.util.Map;

/** L-BFGS with the strong-Wolfe line search of Nocedal &amp; Wright (Algorithms 3.5 and 3.6). */
public final class LbfgsOptimizer implements Optimizer {
    /** Defaults: history 50, c1 = 1e-4, c2 = 0.9, at most 25 evaluations per line search. */
    public record Settings(int history, double c1, double c2, int maxEvaluations) {
        public Settings {
            if (history < 1) throw new IllegalArgumentException("optimizer.history must be >= 1, got " + history);
            if (!(0 < c1 && c1 < c2 && c2 < 1)) throw new IllegalArgumentException("optimizer needs 0 < c1 < c2 < 1, got c1=" + c1 + " c2=" + c2);
        }

        public static Settings defaults() {
            return new Settings(50, 1e-4, 0.9, 25);
        }

        public Settings withHistory(int h) {
            return new Settings(h, c1, c2, maxEvaluations);
        }
    }

    private final Settings s;
    private final Workspace ws = new Workspace();
    private double[][] sHist;
    private double[][] yHist;
    private double[] rho;
    private int count;
    private int head;
    private double[] grad;
    private double loss = Double.NaN;
    private int evals;

    public LbfgsOptimizer(Settings settings) {
        this.s = settings;
    }

    @Override
    public String name() {
        return "lbfgs";
    }

    private double evaluate(LeastSquaresProblem p, double[] theta, double[] gOut) {
        int n = p.nParams(), rows = p.nRows();
        ws.ensure(rows, n, false);
        double l = p.gradient(theta, ws.r, ws.grad);
        System.arraycopy(ws.grad, 0, gOut, 0, n);
        evals++;
        return l;
    }

    @Override
    public StepReport step(double[] theta, LeastSquaresProblem p) {
        int n = p.nParams();
        if (sHist == null || sHist[0].length != n) {
            sHist = new double[s.history()][n];
            yHist = new double[s.history()][n];
            rho = new double[s.history()];
            count = 0;
            head = 0;
            grad = null;
        }
        evals = 0;
        long t0 = System.nanoTime();
        if (grad == null) {
            grad = new double[n];
            loss = evaluate(p, theta, grad);
        }
        double[] d = direction(grad);
        double dphi0 = dot(grad, d);
        if (!(dphi0 < 0)) { // not a descent direction: restart from steepest descent
            count = 0;
            d = direction(grad);
            dphi0 = dot(grad, d);
        }
        double a0 = count == 0 ? Math.min(1.0, 1.0 / Math.max(1e-300, norm(grad))) : 1.0;
        double[] x = new double[n];
        double[] g = new double[n];
        double alpha = wolfe(p, theta, d, loss, dphi0, a0, x, g);
        double newLoss;
        if (alpha > 0) {
            newLoss = lastPhi;
            double[] sv = new double[n], yv = new double[n];
            for (int i = 0; i < n; i++) {
                sv[i] = x[i] - theta[i];
                yv[i] = g[i] - grad[i];
            }
            double sy = dot(sv, yv);
            if (sy > 1e-12 * norm(sv) * norm(yv)) {
                sHist[head] = sv;
                yHist[head] = yv;
                rho[head] = 1 / sy;
                head = (head + 1) % s.history();
                count = Math.min(count + 1, s.history());
            }
            System.arraycopy(x, 0, theta, 0, n);
            System.arraycopy(g, 0, grad, 0, n);
            loss = newLoss;
        } else {
            count = 0; // line search failed: drop the history
            newLoss = loss;
        }
        return new StepReport(newLoss, alpha, -1, Double.NaN, Double.NaN, evals, System.nanoTime() - t0, 0, 0, null);
    }

    /** Two-loop recursion: −H·g. */
    private double[] direction(double[] g) {
        int n = g.length;
        double[] q = g.clone();
        double[] a = new double[count];
        for (int k = 0; k < count; k++) {
            int i = Math.floorMod(head - 1 - k, s.history());
            a[k] = rho[i] * dot(sHist[i], q);
            for (int j = 0; j < n; j++) q[j] -= a[k] * yHist[i][j];
        }
        if (count > 0) {
            int last = Math.floorMod(head - 1, s.history());
            double gamma = dot(sHist[last], yHist[last]) / dot(yHist[last], yHist[last]);
            for (int j = 0; j < n; j++) q[j] *= gamma;
        }
        for (int k = count - 1; k >= 0; k--) {
            int i = Math.floorMod(head - 1 - k, s.history());
            double b = rho[i] * dot(yHist[i], q);
            for (int j = 0; j < n; j++) q[j] += sHist[i][j] * (a[k] - b);
        }
        for (int j = 0; j < n; j++) q[j] = -q[j];
        return q;
    }

    private double lastPhi;

    /** Strong-Wolfe line search; on success x, g hold the accepted point and gradient and lastPhi its loss. */
    private double wolfe(LeastSquaresProblem p, double[] theta, double[] d, double phi0, double dphi0, double a1,
                         double[] x, double[] g) {
        double aPrev = 0, phiPrev = phi0, dphiPrev = dphi0;
        double a = a1;
        for (int i = 1; evals < s.maxEvaluations(); i++) {
            double phi = phiAt(p, theta, d, a, x, g);
            double dphi = dot(g, d);
            if (!Double.isFinite(phi) || phi > phi0 + s.c1() * a * dphi0 || (i > 1 && phi >= phiPrev)) {
                return zoom(p, theta, d, phi0, dphi0, aPrev, phiPrev, dphiPrev, a, phi, dphi, x, g);
            }
            if (Math.abs(dphi) <= -s.c2() * dphi0) {
                lastPhi = phi;
                return a;
            }
            if (dphi >= 0) return zoom(p, theta, d, phi0, dphi0, a, phi, dphi, aPrev, phiPrev, dphiPrev, x, g);
            aPrev = a;
            phiPrev = phi;
            dphiPrev = dphi;
            a *= 2;
        }
        return 0;
    }

    private double zoom(LeastSquaresProblem p, double[] theta, double[] d, double phi0, double dphi0,
                        double lo, double phiLo, double dphiLo, double hi, double phiHi, double dphiHi,
                        double[] x, double[] g) {
        while (evals < s.maxEvaluations()) {
            double a = interpolate(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
            double phi = phiAt(p, theta, d, a, x, g);
            double dphi = dot(g, d);
            if (!Double.isFinite(phi) || phi > phi0 + s.c1() * a * dphi0 || phi >= phiLo) {
                hi = a;
                phiHi = phi;
                dphiHi = dphi;
            } else {
                if (Math.abs(dphi) <= -s.c2() * dphi0) {
                    lastPhi = phi;
                    return a;
                }
                if (dphi * (hi - lo) >= 0) {
                    hi = lo;
                    phiHi = phiLo;
                    dphiHi = dphiLo;
                }
                lo = a;
                phiLo = phi;
                dphiLo = dphi;
            }
            if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
        }
        // accept the best sufficient-decrease point found, if any
        if (lo > 0 && phiLo < phi0) {
            lastPhi = phiAt(p, theta, d, lo, x, g);
            return lo;
        }
        return 0;
    }

    /** Safeguarded cubic interpolation between lo and hi, falling back to bisection. */
    private static double interpolate(double lo, double fLo, double gLo, double hi, double fHi, double gHi) {
        double d1 = gLo + gHi - 3 * (fLo - fHi) / (lo - hi);
        double disc = d1 * d1 - gLo * gHi;
        double a = Double.NaN;
        if (disc >= 0 && Double.isFinite(fHi)) {
            double d2 = Math.signum(hi - lo) * Math.sqrt(disc);
            a = hi - (hi - lo) * (gHi + d2 - d1) / (gHi - gLo + 2 * d2);
        }
        double left = Math.min(lo, hi), right = Math.max(lo, hi), w = right - left;
        if (!Double.isFinite(a) || a < left + 0.1 * w || a > right - 0.1 * w) a = 0.5 * (lo + hi);
        return a;
    }

    private double phiAt(LeastSquaresProblem p, double[] theta, double[] d, double a, double[] x, double[] g) {
        for (int i = 0; i < theta.length; i++) x[i] = theta[i] + a * d[i];
        return evaluate(p, x, g);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    @Override
    public void problemChanged() {
        grad = null;
        count = 0;
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> m = new HashMap<>();
        m.put("meta", new double[] {count, head});
        if (sHist != null) {
            int n = sHist[0].length, h = s.history();
            double[] sf = new double[h * n], yf = new double[h * n];
            for (int i = 0; i < h; i++) {
                System.arraycopy(sHist[i], 0, sf, i * n, n);
                System.arraycopy(yHist[i], 0, yf, i * n, n);
            }
            m.put("s", sf);
            m.put("y", yf);
            m.put("rho", rho.clone());
        }
        return m;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        count = (int) state.get("meta")[0];
        head = (int) state.get("meta")[1];
        grad = null; // recomputed at the next step: the same numbers, one extra evaluation
        if (state.containsKey("s")) {
            int h = s.history();
            int n = state.get("s").length / h;
            sHist = new double[h][n];
            yHist = new double[h][n];
            for (int i = 0; i < h; i++) {
                System.arraycopy(state.get("s"), i * n, sHist[i], 0, n);
                System.arraycopy(state.get("y"), i * n, yHist[i], 0, n);
            }
            rho = state.get("rho").clone();
        }
    }
}
