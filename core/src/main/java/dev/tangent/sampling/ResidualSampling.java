package dev.tangent.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Residual-based adaptive distribution (RAD; Wu, Zhu, Tan, Kartha &amp; Lu, "A comprehensive study of
 * non-adaptive and residual-based adaptive sampling for PINNs", CMAME 2023): from a set of candidate points,
 * keep m with probability density p(x) ∝ |r(x)|^k / mean |r|^k + c. The constant c keeps a share of points
 * everywhere (c → ∞ is uniform sampling); k sharpens the focus on large residuals.
 */
public final class ResidualSampling {
    private final double k;
    private final double c;

    /** @param k exponent (≥ 0); @param c uniform share (≥ 0; k and c not both 0) */
    public ResidualSampling(double k, double c) {
        if (!(k >= 0 && Double.isFinite(k))) throw new IllegalArgumentException("sampler.residual_k must be a finite number >= 0, got " + k);
        if (!(c >= 0 && Double.isFinite(c))) throw new IllegalArgumentException("sampler.residual_c must be a finite number >= 0, got " + c);
        this.k = k;
        this.c = c;
    }

    /** The RAD weight of each candidate from its residual (not normalised to a sum). */
    public double[] weights(double[] residuals) {
        int n = residuals.length;
        double[] w = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(Math.abs(residuals[i]), k);
            mean += w[i] / n;
        }
        for (int i = 0; i < n; i++) {
            double v = (mean > 0 && Double.isFinite(mean) ? w[i] / mean : 1) + c;
            w[i] = Double.isFinite(v) ? v : 0;
        }
        return w;
    }

    /**
     * m distinct candidate indices drawn with probabilities ∝ weights, without replacement (Efraimidis–Spirakis
     * keys u^(1/w)), in increasing order; deterministic for a seed. Zero-weight candidates come last.
     */
    public static int[] choose(double[] weights, int m, long seed) {
        int n = weights.length;
        if (m < 0 || m > n) throw new IllegalArgumentException("cannot choose " + m + " of " + n + " candidates");
        SplittableRandom rng = new SplittableRandom(seed);
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            key[i] = weights[i] > 0 ? Math.log(u) / weights[i] : Double.NEGATIVE_INFINITY; // log of u^(1/w)
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
        int[] out = new int[m];
        for (int i = 0; i < m; i++) out[i] = order[i];
        Arrays.sort(out);
        return out;
    }
}
