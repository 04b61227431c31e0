package dev.tangent.nn;

import java.util.SplittableRandom;

/** Shared helpers for network tests: random points and finite-difference evaluation. */
final class NetFixtures {
    private NetFixtures() {}

    static double[] randomPoints(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble(-1, 1);
        return x;
    }

    /** Values of one derivative at all points. */
    static double[] derivative(Mlp mlp, double[] theta, double[] x, int n, MultiIndex mi) {
        JetEngine e = new JetEngine(mlp, java.util.List.of(mi));
        return e.derivatives(theta, n, x, new double[n]);
    }

    /** Relative error ‖a − b‖ / max(‖b‖, floor). */
    static double relError(double[] a, double[] b, double floor) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), floor);
    }
}
