package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import java.util.function.ToDoubleFunction;

/** Nested 8th-order central differences of a scalar function, for checking references independently. */
final class FiniteDifference {
    private FiniteDifference() {}

    private static final double[] C = {1.0 / 280, -4.0 / 105, 1.0 / 5, -4.0 / 5, 0, 4.0 / 5, -1.0 / 5, 4.0 / 105, -1.0 / 280};

    static double derivative(ToDoubleFunction<double[]> f, double[] x, MultiIndex alpha, double h) {
        int[] a = alpha.alpha().clone();
        int k = -1;
        for (int i = 0; i < a.length; i++) if (a[i] > 0) k = i;
        if (k < 0) return f.applyAsDouble(x);
        a[k]--;
        MultiIndex lower = new MultiIndex(a);
        double s = 0;
        for (int j = 0; j < C.length; j++) {
            if (C[j] == 0) continue;
            double[] y = x.clone();
            y[k] += (j - 4) * h;
            s += C[j] * derivative(f, y, lower, h);
        }
        return s / h;
    }
}
