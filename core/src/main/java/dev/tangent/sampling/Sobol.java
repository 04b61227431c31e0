package dev.tangent.sampling;

import java.util.SplittableRandom;

/**
 * Sobol sequence in up to 21 dimensions with the Joe–Kuo (new-joe-kuo-6.21201) direction numbers, 32-bit.
 * Unshifted (seed 0) it reproduces the published sequence starting at the origin; a non-zero seed
 * applies a random digital shift (XOR), which keeps the net structure and moves points off the faces.
 */
public final class Sobol {
    private Sobol() {}

    private static final int BITS = 32;
    // s, a, m_1..m_s for dimensions 2..21
    private static final int[][] JOE_KUO = {
            {1, 0, 1}, {2, 1, 1, 3}, {3, 1, 1, 3, 1}, {3, 2, 1, 1, 1}, {4, 1, 1, 1, 3, 3}, {4, 4, 1, 3, 5, 13},
            {5, 2, 1, 1, 5, 5, 17}, {5, 4, 1, 1, 5, 5, 5}, {5, 7, 1, 1, 7, 11, 19}, {5, 11, 1, 1, 5, 1, 1},
            {5, 13, 1, 1, 1, 3, 11}, {5, 14, 1, 3, 5, 5, 31}, {6, 1, 1, 3, 3, 9, 7, 49}, {6, 13, 1, 1, 1, 15, 21, 21},
            {6, 16, 1, 3, 1, 13, 27, 49}, {6, 19, 1, 1, 1, 15, 7, 5}, {6, 22, 1, 3, 1, 15, 13, 25},
            {6, 25, 1, 1, 5, 5, 19, 61}, {7, 1, 1, 3, 7, 11, 23, 15, 103}, {7, 4, 1, 3, 7, 13, 13, 15, 69}};

    public static int maxDimension() {
        return JOE_KUO.length + 1;
    }

    /** The first n points (from the origin), point-major. */
    public static double[] points(int n, int d, long seed) {
        if (d > maxDimension()) {
            throw new IllegalArgumentException("Sobol supports up to " + maxDimension() + " dimensions, got " + d);
        }
        long[][] v = directions(d);
        long[] shift = new long[d];
        if (seed != 0) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int k = 0; k < d; k++) shift[k] = rng.nextLong() & 0xffffffffL;
        }
        double[] x = new double[n * d];
        long[] state = new long[d];
        double scale = 1.0 / (1L << BITS);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[i * d + k] = ((state[k] ^ shift[k]) + (seed != 0 ? 0.5 : 0.0)) * scale;
            int c = Long.numberOfTrailingZeros(~(long) i); // index of the lowest zero bit of i (Gray code)
            for (int k = 0; k < d; k++) state[k] ^= v[k][c];
        }
        return x;
    }

    private static long[][] directions(int d) {
        long[][] v = new long[d][BITS];
        for (int b = 0; b < BITS; b++) v[0][b] = 1L << (BITS - 1 - b);
        for (int k = 1; k < d; k++) {
            int[] row = JOE_KUO[k - 1];
            int s = row[0], a = row[1];
            for (int b = 0; b < Math.min(s, BITS); b++) v[k][b] = (long) row[2 + b] << (BITS - 1 - b);
            for (int b = s; b < BITS; b++) {
                long val = v[k][b - s] ^ (v[k][b - s] >> s);
                for (int q = 1; q < s; q++) {
                    if (((a >> (s - 1 - q)) & 1) == 1) val ^= v[k][b - q];
                }
                v[k][b] = val;
            }
        }
        return v;
    }
}
