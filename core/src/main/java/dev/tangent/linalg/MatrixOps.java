package dev.tangent.linalg;

/** Small pure-Java helpers on flat column-major matrices (no native calls, no allocation unless stated). */
public final class MatrixOps {
    private MatrixOps() {}

    /** Returns a new n×m matrix holding the transpose of the m×n matrix {@code a}. */
    public static double[] transpose(int m, int n, double[] a) {
        double[] t = new double[m * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) t[j + i * n] = a[i + j * m];
        }
        return t;
    }
}
