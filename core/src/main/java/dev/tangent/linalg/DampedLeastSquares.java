package dev.tangent.linalg;

import java.util.Locale;

/**
 * Damped linear least squares min ‖Φd − r‖² + μ‖d‖², i.e. d = (ΦᵀΦ + μI)⁻¹Φᵀr = Φᵀ(ΦΦᵀ + μI)⁻¹r, for a
 * sequence of trial μ on one (Φ, r). {@link #prepare} factorises once; {@link #solve} is then cheap per μ.
 *
 * <p>Φ is S × P row-major, which is Φᵀ column-major (P × S), the layout residual Jacobians use. Routes:
 * <ul>
 *   <li>SVD: thin SVD Φ = U Σ Vᵀ once; d = V diag(σ/(σ² + μ)) Uᵀr for every μ at O(SP) cost. Most accurate
 *       (no squared condition number), so it also allows the smallest damping.</li>
 *   <li>GRAM: G = ΦᵀΦ (P × P) once, a Cholesky factorisation of G + μI per trial, one step of iterative
 *       refinement against Φ itself. Cheapest when S ≥ P.</li>
 *   <li>KERNEL: K = ΦΦᵀ (S × S, the weighted empirical NTK) once, Cholesky of K + μI per trial, refined the
 *       same way; d = Φᵀy. Cheapest when S &lt; P.</li>
 * </ul>
 * AUTO takes the SVD when it costs at most a few times the cheaper Cholesky route (small problems), else that
 * route. Buffers are sized once per shape and reused across steps.
 */
public final class DampedLeastSquares {
    public enum Route { AUTO, SVD, GRAM, KERNEL;

        public static Route parse(String s) {
            for (Route r : values()) if (r.name().equalsIgnoreCase(s == null ? "" : s.trim())) return r;
            throw new IllegalArgumentException("unknown optimizer.solver '" + s + "'; allowed: [auto, svd, gram, kernel]");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Route used;
    private int rows, n;
    private double[] phi, r;
    private double frobenius, rr, fitDot, fitNorm;
    private Svd svd;
    private double[] coef = new double[0], gram = new double[0], rhs = new double[0], fit = new double[0],
            corr = new double[0], y = new double[0], other = new double[0];

    /** Factorises for the given Φ (row-major rows × n, not modified) and r (not modified); both are kept by reference. */
    public void prepare(Route route, int rows, int n, double[] phi, double[] r) {
        this.rows = rows;
        this.n = n;
        this.phi = phi;
        this.r = r;
        used = route == Route.AUTO ? choose(rows, n) : route;
        rr = dot(r, r, rows);
        frobenius = 0;
        for (int i = 0; i < rows * n; i++) frobenius += phi[i] * phi[i];
        fit = grow(fit, rows);
        switch (used) {
            case SVD -> {
                svd = Svd.reuse(svd, n, rows); // storage reused across steps of one shape
                Lapack.svdInto(n, rows, phi, svd); // Φᵀ = U' Σ V'ᵀ, so Φ = V' Σ U'ᵀ: Uᵀr = V'ᵀr, V = U'
                coef = grow(coef, svd.k());
                MatrixOps.multiplyTransposed(rows, svd.k(), svd.vt(), r, coef); // V'ᵀr, V'ᵀ column-major k × rows
            }
            case GRAM -> {
                gram = grow(gram, n * n);
                rhs = grow(rhs, n);
                corr = grow(corr, n);
                Blas.syrk(false, n, rows, 1.0, phi, n, 0.0, gram);
                MatrixOps.multiplyTransposed(rows, n, phi, r, rhs);
            }
            case KERNEL -> {
                gram = grow(gram, rows * rows);
                y = grow(y, rows);
                corr = grow(corr, rows);
                Blas.syrk(true, rows, n, 1.0, phi, n, 0.0, gram);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The route {@link Route#AUTO} picks for this shape, by estimated flops. */
    public static Route choose(int rows, int n) {
        double m = Math.max(rows, n), k = Math.min(rows, n);
        double svdCost = 4 * m * k * k + 10 * k * k * k;
        double gramCost = (double) rows * n * n + (double) n * n * n;
        double kernelCost = (double) n * rows * rows + (double) rows * rows * rows;
        double chol = Math.min(gramCost, kernelCost);
        if (svdCost <= 3e8 || svdCost <= 3 * chol) return Route.SVD;
        return gramCost <= kernelCost ? Route.GRAM : Route.KERNEL;
    }

    public Route route() {
        return used;
    }

    /** ‖Φ‖_F² = tr(ΦᵀΦ), the scale damping is measured in. */
    public double frobeniusSquared() {
        return frobenius;
    }

    /** The smallest damping, relative to ‖Φ‖_F², at which this route's solve stays accurate in float64. */
    public double dampingFloor() {
        return used == Route.SVD ? 1e-24 : 1e-15;
    }

    /** Singular values of Φ (descending) on the SVD route, else null. */
    public double[] singularValues() {
        return used == Route.SVD ? svd.s().clone() : null; // a copy: the buffer is reused by the next prepare
    }

    /** Σ σ²/(σ² + μ), rounded: how many directions the filter effectively keeps (SVD route; −1 otherwise). */
    public int effectiveRank(double mu) {
        if (used != Route.SVD) return -1;
        double e = 0;
        for (double sv : svd.s()) e += sv * sv / (sv * sv + mu);
        return (int) Math.round(e);
    }

    /**
     * Writes d(μ) into {@code d} (length ≥ n, modified) and returns the model loss ‖r − Φd‖², or NaN when the
     * Cholesky factorisation fails at this μ (raise μ and retry).
     */
    public double solve(double mu, double[] d) {
        return switch (used) {
            case SVD -> solveSvd(mu, d);
            case GRAM -> solveGram(mu, d);
            case KERNEL -> solveKernel(mu, d);
            default -> throw new IllegalStateException();
        };
    }

    /**
     * x = (ΦᵀΦ + μI)⁻¹Φᵀb for another residual-space vector b (length ≥ rows, not modified), at the μ of the last
     * successful {@link #solve}, whose factorisation it reuses (the geodesic-acceleration correction).
     */
    public void solveOther(double mu, double[] b, double[] x) {
        switch (used) {
            case SVD -> {
                int k = svd.k();
                other = grow(other, Math.max(k, n));
                MatrixOps.multiplyTransposed(rows, k, svd.vt(), b, other);
                double[] s = svd.s();
                for (int j = 0; j < k; j++) other[j] *= s[j] / (s[j] * s[j] + mu);
                MatrixOps.multiplyTransposed(k, n, svd.u(), other, x); // U'·c, U' column-major n × k
            }
            case GRAM -> {
                other = grow(other, n);
                MatrixOps.multiplyTransposed(rows, n, phi, b, other);
                Lapack.choleskyResolve(n, other, x);
            }
            case KERNEL -> {
                other = grow(other, rows);
                Lapack.choleskyResolve(rows, b, other);
                MatrixOps.multiplyTransposed(rows, n, phi, other, x);
            }
            default -> throw new IllegalStateException();
        }
    }

    private double solveSvd(double mu, double[] d) {
        int k = svd.k();
        double[] s = svd.s();
        fitDot = 0;
        fitNorm = 0;
        corr = grow(corr, k);
        for (int j = 0; j < k; j++) {
            double sj = s[j], keep = sj * sj / (sj * sj + mu), c2 = coef[j] * coef[j];
            fitDot += c2 * keep; // rᵀΦd with Φd = U diag(σ²/(σ²+μ)) Uᵀr
            fitNorm += c2 * keep * keep;
            corr[j] = coef[j] * sj / (sj * sj + mu);
        }
        MatrixOps.multiplyTransposed(k, n, svd.u(), corr, d);
        return modelLoss(1);
    }

    /** The model loss ‖r − η·Φd‖² for the direction d of the last {@link #solve}. */
    public double modelLoss(double eta) {
        return Math.max(0, rr - 2 * eta * fitDot + eta * eta * fitNorm);
    }

    private double solveGram(double mu, double[] d) {
        if (!Lapack.choleskyShiftedSolve(n, gram, mu, rhs, d)) return Double.NaN;
        // one refinement step: the normal-equation residual Φᵀ(r − Φd) − μd is formed from Φ, not from G
        residualOfFit(d);
        MatrixOps.multiplyTransposed(rows, n, phi, fit, corr);
        for (int i = 0; i < n; i++) corr[i] -= mu * d[i];
        Lapack.choleskyResolve(n, corr, corr);
        for (int i = 0; i < n; i++) d[i] += corr[i];
        return residualOfFit(d);
    }

    private double solveKernel(double mu, double[] d) {
        if (!Lapack.choleskyShiftedSolve(rows, gram, mu, r, y)) return Double.NaN;
        // refinement in residual space: e = r − Φ(Φᵀy) − μy
        MatrixOps.multiplyTransposed(rows, n, phi, y, d);
        residualOfFit(d);
        for (int i = 0; i < rows; i++) corr[i] = fit[i] - mu * y[i];
        Lapack.choleskyResolve(rows, corr, corr);
        for (int i = 0; i < rows; i++) y[i] += corr[i];
        MatrixOps.multiplyTransposed(rows, n, phi, y, d);
        return residualOfFit(d);
    }

    /** fit = r − Φd, and the terms of {@link #modelLoss}; returns ‖fit‖². */
    private double residualOfFit(double[] d) {
        MatrixOps.multiply(rows, n, phi, d, fit);
        double ss = 0;
        fitDot = 0;
        fitNorm = 0;
        for (int i = 0; i < rows; i++) {
            fitDot += r[i] * fit[i];
            fitNorm += fit[i] * fit[i];
            fit[i] = r[i] - fit[i];
            ss += fit[i] * fit[i];
        }
        return ss;
    }

    private static double dot(double[] a, double[] b, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) s += a[i] * b[i];
        return s;
    }

    private static double[] grow(double[] a, int len) {
        return a.length >= len ? a : new double[len];
    }
}
