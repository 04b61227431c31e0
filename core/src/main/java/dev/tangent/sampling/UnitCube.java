package dev.tangent.sampling;

import java.util.SplittableRandom;

/** Points in [0,1]^d, point-major ({@code x[i·d + k]}). */
public final class UnitCube {
    private UnitCube() {}

    /** n points of the given kind. For GRID, n is rounded up to m^d with m = ceil(n^(1/d)) (open grid). */
    public static double[] sample(SamplerKind kind, int n, int d, long seed) {
        if (n < 1) throw new IllegalArgumentException("number of points must be >= 1, got " + n);
        if (d < 1) throw new IllegalArgumentException("dimension must be >= 1, got " + d);
        return switch (kind) {
            case GRID -> openGrid(gridSide(n, d), d);
            case UNIFORM -> uniform(n, d, seed);
            case LHS -> latinHypercube(n, d, seed);
            case SOBOL -> Sobol.points(n, d, seed);
        };
    }

    /** Smallest m with m^d ≥ n (exact when n is a perfect power). */
    public static int gridSide(int n, int d) {
        int m = Math.max(1, (int) Math.floor(Math.pow(n, 1.0 / d) + 1e-9));
        while (Math.pow(m, d) < n) m++;
        return m;
    }

    /** m^d grid of cell-free interior nodes (k+1)/(m+1), the interior nodes of a closed (m+2)-grid. */
    public static double[] openGrid(int m, int d) {
        double[] nodes = new double[m];
        for (int k = 0; k < m; k++) nodes[k] = (k + 1.0) / (m + 1.0);
        return tensor(nodes, d);
    }

    /** m^d grid including the faces: nodes k/(m−1). */
    public static double[] closedGrid(int m, int d) {
        double[] nodes = new double[m];
        for (int k = 0; k < m; k++) nodes[k] = m == 1 ? 0.5 : k / (m - 1.0);
        return tensor(nodes, d);
    }

    static double[] tensor(double[] nodes, int d) {
        int m = nodes.length;
        int n = (int) Math.pow(m, d);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int k = d - 1; k >= 0; k--) {
                x[i * d + k] = nodes[rest % m];
                rest /= m;
            }
        }
        return x;
    }

    static double[] uniform(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble();
        return x;
    }

    static double[] latinHypercube(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        int[] perm = new int[n];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < n; i++) perm[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int i = 0; i < n; i++) x[i * d + k] = (perm[i] + rng.nextDouble()) / n;
        }
        return x;
    }
}
