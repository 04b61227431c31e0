package dev.tangent.linalg;

import java.util.SplittableRandom;

/**
 * Randomized Nyström preconditioner for G + μI with G = ΦᵀΦ (P × P, SPD), built from k products G·q on a random
 * orthonormal sketch Q (k JVPs and k VJPs of Φ; Frangella, Tropp &amp; Udell, "Randomized Nyström preconditioning",
 * 2023). The low-rank approximation Ĝ = Y(QᵀY)⁻¹Yᵀ with Y = GQ is formed stably with a shift ν ≈ eps·‖Y‖ and kept as
 * Ĝ = U Λ̂ Uᵀ (U P × k orthonormal, Λ̂ descending). The inverse preconditioner is
 *
 * <pre>  M⁻¹x = (λ̂_k + μ)·U (Λ̂ + μI)⁻¹ Uᵀx + (x − UUᵀx)</pre>
 *
 * which maps the top-k eigendirections of G + μI onto the level of the (k+1)-th, so CG's condition number drops from
 * (λ₁ + μ)/μ to about (λ_{k+1} + μ)/μ. One sketch serves every μ. The sketch also gives an unbiased estimate of
 * tr(G) = ‖Φ‖_F²: for Haar-distributed Q, E[QQᵀ] = (k/P)·I, so (P/k)·Σ_j ‖Φq_j‖² estimates it.
 *
 * <p>Buffers are sized once per shape and reused; one seed gives the same bits.
 */
public final class NystromPreconditioner {
    private int n, rank;
    private double[] omega = new double[0], y = new double[0], u = new double[0], lambda = new double[0],
            coef = new double[0], t = new double[0], col = new double[0], w = new double[0];
    private double trace;

    /**
     * Sketches G = ΦᵀΦ of {@code op} with {@code k} random directions (1 ≤ k; clamped to P) drawn from {@code seed}.
     * Costs k applications of Φ and of Φᵀ and a thin SVD of a P × k matrix.
     */
    public void build(LinearOperator op, int k, long seed) {
        Checks.shape(k >= 1, "Nyström sketch needs rank ≥ 1, got %d", k);
        n = op.cols();
        int m = op.rows();
        k = Math.min(k, n);
        omega = grow(omega, n * k);
        y = grow(y, n * k);
        t = grow(t, m);
        col = grow(col, n);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n * k; i++) omega[i] = rng.nextGaussian();
        double[] q = Lapack.svd(n, k, omega).u(); // orthonormal basis of the Gaussian sketch (Haar-distributed)
        trace = 0;
        double yy = 0;
        for (int j = 0; j < k; j++) {
            System.arraycopy(q, j * n, col, 0, n);
            op.apply(col, t);
            for (int i = 0; i < m; i++) trace += t[i] * t[i];
            op.applyTranspose(t, col);
            System.arraycopy(col, 0, y, j * n, n);
            for (int i = 0; i < n; i++) yy += col[i] * col[i];
        }
        trace *= (double) n / k;
        double nu = Math.sqrt(n) * Math.ulp(Math.sqrt(yy)); // shift that keeps QᵀY_ν numerically positive definite
        for (int i = 0; i < n * k; i++) y[i] += nu * q[i];
        // Ĝ_ν = Y_ν W⁻¹ Y_νᵀ with W = QᵀY_ν = V D Vᵀ: B = Y_ν V D^{-1/2}, so Ĝ_ν = BBᵀ and its eigenpairs come from B's SVD
        w = grow(w, k * k);
        Blas.gemm(true, false, k, k, n, 1.0, q, 0, n, y, 0, n, 0.0, w, 0, k);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) w[a * k + b] = w[b * k + a] = 0.5 * (w[a * k + b] + w[b * k + a]);
        }
        SymmetricEigen eig = Lapack.symmetricEigen(k, w, true);
        double[] d = eig.values(), v = eig.vectors();
        int kept = 0;
        for (int j = 0; j < k; j++) {
            if (!(d[j] > 0)) continue;
            double s = 1 / Math.sqrt(d[j]);
            for (int a = 0; a < k; a++) v[kept * k + a] = v[j * k + a] * s;
            kept++;
        }
        rank = 0;
        if (kept == 0) return; // G vanishes on the sketch: no preconditioning
        double[] b = new double[n * kept];
        Blas.gemm(false, false, n, kept, k, 1.0, y, 0, n, v, 0, k, 0.0, b, 0, n);
        Svd svd = Lapack.svd(n, kept, b);
        lambda = grow(lambda, kept);
        for (int j = 0; j < kept; j++) {
            double l = svd.s()[j] * svd.s()[j] - nu;
            if (l <= 0) break;
            lambda[rank++] = l;
        }
        u = svd.u();
        coef = grow(coef, rank);
    }

    /** Directions kept (≤ the sketch rank; 0 when G vanished on the sketch). */
    public int rank() {
        return rank;
    }

    /** Estimated eigenvalues λ̂ of G, descending (length {@link #rank()}; a copy). */
    public double[] eigenvalues() {
        return java.util.Arrays.copyOf(lambda, rank);
    }

    /** The unbiased estimate of tr(G) = ‖Φ‖_F² from the sketch. */
    public double traceEstimate() {
        return trace;
    }

    /** out = M⁻¹x for the shift μ (x not modified, out modified; both length ≥ P; out may be x). */
    public void apply(double mu, double[] x, double[] out) {
        if (out != x) System.arraycopy(x, 0, out, 0, n);
        if (rank == 0) return;
        double floor = lambda[rank - 1] + mu;
        for (int j = 0; j < rank; j++) {
            double s = 0;
            for (int i = 0, o = j * n; i < n; i++) s += u[o + i] * x[i];
            coef[j] = (floor / (lambda[j] + mu) - 1) * s;
        }
        for (int j = 0; j < rank; j++) {
            double c = coef[j];
            for (int i = 0, o = j * n; i < n; i++) out[i] += c * u[o + i];
        }
    }

    private static double[] grow(double[] a, int len) {
        return a.length >= len ? a : new double[len];
    }
}
