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
    /** Current relative cutoff of the adaptive rule (NaN until the first step). */
    private double factor = Double.NaN;

    public AnagramOptimizer(Settings settings) {
        super(settings.lineSearchSteps());
        this.s = settings;
    }

    private boolean adaptive() {
        return s.cutoff().kind() == Cutoff.Kind.ADAPTIVE;
    }

    /** Poor progress (loss down by less than 10%) lowers the adaptive cutoff tenfold, down to its floor. */
    @Override
    void afterStep(StepReport r, double lossBefore) {
        if (adaptive() && r.loss() > 0.9 * lossBefore) factor = Math.max(s.cutoff().value(), factor / 10);
    }

    @Override
    public boolean stalled(StepReport last) {
        return last.eta() == 0 && (!adaptive() || factor <= s.cutoff().value());
    }

    @Override
    public Map<String, double[]> state() {
        return adaptive() ? Map.of("cutoff.factor", new double[] {factor}) : Map.of();
    }

    @Override
    public void restore(Map<String, double[]> state) {
        if (adaptive() && state.containsKey("cutoff.factor")) factor = state.get("cutoff.factor")[0];
    }

    @Override
    public String name() {
        return "anagram";
    }

    @Override
    Solve solve(int rows, int n) {
        Svd svd = Lapack.svd(n, rows, ws.jac); // Φᵀ (P × S) = U' Σ V'ᵀ, so Φ⁺ = U' Σ⁺ V'ᵀ
        int k = svd.k();
        if (adaptive() && Double.isNaN(factor)) factor = s.cutoff().startFactor(n);
        double tol = adaptive() ? factor * svd.s()[0] : s.cutoff().tolerance(svd.s()[0], n);
        int rank = svd.rankAbove(tol);
        double[] w = new double[Math.max(rank, 1)];
        // w = Σ⁺ V'ᵀ r̃ on the kept part, d = U' w
        Blas.gemm(false, false, rank, 1, rows, 1.0, svd.vt(), 0, k, ws.r, 0, Math.max(1, rows), 0.0, w, 0, Math.max(1, rank));
        for (int j = 0; j < rank; j++) w[j] /= svd.s()[j];
        java.util.Arrays.fill(direction, 0.0);
        if (rank > 0) Blas.gemm(false, false, n, 1, rank, 1.0, svd.u(), 0, n, w, 0, rank, 0.0, direction, 0, n);
        return new Solve(rank, svd.s());
    }
}
