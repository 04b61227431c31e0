package dev.tangent.optim;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.Lapack;
import dev.tangent.linalg.Svd;

/**
 * ANaGRAM: d = V Σ⁺ Uᵀ r̃ from the thin SVD of the scaled Jacobian Φ = U Σ Vᵀ with singular values at or below
 * the cutoff dropped, then θ ← θ − η* d with η* from the 2^-k grid line search. No momentum, no damping.
 *
 * <p>Φ is stored row-major (S × P), which is Φᵀ in column-major; the SVD is taken of Φᵀ = V Σ Uᵀ directly.
 */
public final class AnagramOptimizer extends NaturalGradientOptimizer {
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

    public AnagramOptimizer(Settings settings) {
        super(settings.lineSearchSteps());
        this.s = settings;
    }

    @Override
    public String name() {
        return "anagram";
    }

    @Override
    Solve solve(int rows, int n) {
        Svd svd = Lapack.svd(n, rows, ws.jac); // Φᵀ (P × S) = U' Σ V'ᵀ, so Φ⁺ = U' Σ⁺ V'ᵀ
        int k = svd.k();
        int rank = svd.rankAbove(s.cutoff().tolerance(svd.s()[0], n));
        double[] w = new double[Math.max(rank, 1)];
        // w = Σ⁺ V'ᵀ r̃ on the kept part, d = U' w
        Blas.gemm(false, false, rank, 1, rows, 1.0, svd.vt(), 0, k, ws.r, 0, Math.max(1, rows), 0.0, w, 0, Math.max(1, rank));
        for (int j = 0; j < rank; j++) w[j] /= svd.s()[j];
        java.util.Arrays.fill(direction, 0.0);
        if (rank > 0) Blas.gemm(false, false, n, 1, rank, 1.0, svd.u(), 0, n, w, 0, rank, 0.0, direction, 0, n);
        return new Solve(rank, svd.s());
    }
}
