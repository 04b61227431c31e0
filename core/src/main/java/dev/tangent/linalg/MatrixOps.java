package dev.tangent.linalg;

/** Small pure-Java helpers on flat column-major matrices (no native calls, no allocation unless stated). */
public final class MatrixOps {
    private MatrixOps() {}

    /** Returns a new n×m matrix holding the transpose of the m×n matrix {@code a}. */
    public static double[] transpose(int m, int n, double[] a) {
        double[] t = new double[m * n];
        transposeInto(m, n, a, t);
        return t;
    }

    /** out (n×m, overwritten) = the transpose of the m×n matrix {@code a}, in 32 × 32 tiles that stay in cache. */
    public static void transposeInto(int m, int n, double[] a, double[] out) {
        final int tile = 32;
        for (int j0 = 0; j0 < n; j0 += tile) {
            for (int i0 = 0; i0 < m; i0 += tile) {
                int j1 = Math.min(n, j0 + tile), i1 = Math.min(m, i0 + tile);
                for (int j = j0; j < j1; j++) {
                    for (int i = i0; i < i1; i++) out[j + i * n] = a[i + j * m];
                }
            }
        }
    }

    /**
     * out = A·x for row-major A (rows × n): the Jacobian times a parameter vector. A matrix–vector product is
     * memory-bound, so a Java loop over contiguous rows costs no more than copying A into native memory for BLAS.
     * out (length ≥ rows) is modified; A and x are not.
     */
    public static void multiply(int rows, int n, double[] a, double[] x, double[] out) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int base = i * n;
            for (int j = 0; j < n; j++) s += a[base + j] * x[j];
            out[i] = s;
        }
    }

    /** out = Aᵀ·v for row-major A (rows × n); out (length ≥ n) is modified, A and v are not. */
    public static void multiplyTransposed(int rows, int n, double[] a, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < rows; i++) {
            double vi = v[i];
            if (vi == 0) continue;
            int base = i * n;
            for (int j = 0; j < n; j++) out[j] += vi * a[base + j];
        }
    }
}
