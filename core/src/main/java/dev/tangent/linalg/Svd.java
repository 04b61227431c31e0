package dev.tangent.linalg;

/**
 * Thin SVD A = U·diag(s)·Vᵀ of an m×n matrix, k = min(m, n).
 * {@code u} is m×k and {@code vt} is k×n, both column-major; {@code s} is descending.
 */
public record Svd(int m, int n, int k, double[] u, double[] s, double[] vt) {
    /** Number of singular values strictly above {@code cutoff}. */
    public int rankAbove(double cutoff) {
        int r = 0;
        while (r < k && s[r] > cutoff) r++;
        return r;
    }
}
