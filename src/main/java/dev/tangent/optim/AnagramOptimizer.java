package dev.tangent.optim;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.Lapack;
import dev.tangent.linalg.Svd;
import java.util.Map;

/**
 * ANaGRAM: d = V Σ⁺ Uᵀ r̃ from the thin SVD of the scaled Jacobian Φ = U Σ Vᵀ with singular values at or below
 * the cutoff dropped, then θ ← θ − η* d with η* from the 2^-k grid line search. No momentum, no damping.
 *
 * <p>Φ is stored row-major (S × P), which is Φᵀ in column-major; the SVD is taken of Φᵀ = V Σ Uᵀ directly.
 */
public final class AnagramOptimizer implements Optimizer {
    /** Defaults: default relative cutoff, line search over k = 0..30. */
    public record Settings(Cutoff cutoff, int lineSearchSteps) {
        public Settings {
            if (lineSearchSteps < 0 || lineSearchSteps > 60) {
                throw new IllegalArgumentException("optimizer.line_search_steps must be in 0..60, got " + lineSearchSteps);
            }
        }

        public static Settings defaults() {
            return new Settings(Cutoff.defaults(), 30);
        }

        public Settings withCutoff(Cutoff c) {
            return new Settings(c, lineSearchSteps);
        }
    }

    private final Settings s;
    private final Workspace ws = new Workspace();
    private double[] direction = new double[0];

    public AnagramOptimizer(Settings settings) {
        this.s = settings;
    }

    @Override
    public String name() {
        return "anagram";
    }

    @Override
    public StepReport step(double[] theta, LeastSquaresProblem p) {
        int n = p.nParams(), rows = p.nRows();
        ws.ensure(rows, n, true);
        if (direction.length != n) direction = new double[n];
        long t0 = System.nanoTime();
        double loss = p.evaluate(theta, ws.r, ws.jac);
        long t1 = System.nanoTime();
        Svd svd = Lapack.svd(n, rows, ws.jac); // Φᵀ (P × S) = U' Σ V'ᵀ, so Φ⁺ = U' Σ⁺ V'ᵀ
        int k = svd.k();
        double sigmaMax = svd.s()[0];
        double tol = s.cutoff().tolerance(sigmaMax, n);
        int rank = svd.rankAbove(tol);
        double[] w = new double[Math.max(rank, 1)];
        // w = Σ⁺ V'ᵀ r̃ on the kept part
        Blas.gemm(false, false, rank, 1, rows, 1.0, svd.vt(), 0, k, ws.r, 0, Math.max(1, rows), 0.0, w, 0, Math.max(1, rank));
        for (int j = 0; j < rank; j++) w[j] /= svd.s()[j];
        java.util.Arrays.fill(direction, 0.0);
        if (rank > 0) Blas.gemm(false, false, n, 1, rank, 1.0, svd.u(), 0, n, w, 0, rank, 0.0, direction, 0, n);
        long t2 = System.nanoTime();
        LineSearch.Result ls = LineSearch.grid(p, theta, direction, ws.theta, ws.trial, loss, s.lineSearchSteps());
        long t3 = System.nanoTime();
        for (int i = 0; i < n; i++) theta[i] -= ls.eta() * direction[i];
        return new StepReport(ls.loss(), ls.eta(), rank, sigmaMax, rank > 0 ? svd.s()[rank - 1] : Double.NaN,
                ls.evaluations() + 1, t1 - t0, t2 - t1, t3 - t2, svd.s());
    }

    /** The last search direction d (θ moved by −η·d). */
    public double[] lastDirection() {
        return direction.clone();
    }

    @Override
    public Map<String, double[]> state() {
        return Map.of();
    }

    @Override
    public void restore(Map<String, double[]> state) {}
}
