package dev.tangent.linalg;

/**
 * Thin SVD A = U·diag(s)·Vᵀ of an m×n matrix, k = min(m, n).
 * {@code u} is m×k and {@code vt} is k×n, both column-major; {@code s} is descending.
 */
public record Svd(int m, int n, int k, double[] u, double[] s, double[] vt) {
    /** Zeroed storage for the thin SVD of an m×n matrix (filled by {@link Lapack#svdInto}). */
    public static Svd allocate(int m, int n) {
        int k = Math.min(m, n);
        return new Svd(m, n, k, new double[m * k], new double[k], new double[k * n]);
    }

    /** {@code old} when it has this shape, else new storage: a decomposition per step reuses its arrays. */
    public static Svd reuse(Svd old, int m, int n) {
        return old != null && old.m() == m && old.n() == n ? old : allocate(m, n);
    }

    /** Number of singular values strictly above {@code cutoff}. */
    public int rankAbove(double cutoff) {
        int r = 0;
        while (r < k && s[r] > cutoff) r++;
        return r;
    }
}
