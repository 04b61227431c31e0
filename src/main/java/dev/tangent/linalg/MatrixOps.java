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

    public static double dot(int n, double[] a, int aOff, double[] b, int bOff) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[aOff + i] * b[bOff + i];
        return s;
    }

    public static double norm2(double[] a) {
        double scale = 0, ssq = 1;
        for (double v : a) {
            if (v != 0) {
                double av = Math.abs(v);
                if (scale < av) {
                    ssq = 1 + ssq * (scale / av) * (scale / av);
                    scale = av;
                } else {
                    ssq += (av / scale) * (av / scale);
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    public static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
