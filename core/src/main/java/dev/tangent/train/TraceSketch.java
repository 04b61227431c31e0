package dev.tangent.train;

import dev.tangent.pde.LossGroup;
import java.util.SplittableRandom;

/**
 * Unbiased estimate of tr(K_gg) = ‖J_g‖_F² without forming J_g.
 *
 * <p>Draw m of the S_g rows uniformly without replacement (set R) and q Rademacher vectors v ∈ {±1}^P. Then
 *
 * <pre>  t̂_g = (S_g / m) · (1/q) Σ_v ‖J_R v‖²,   J_R v by exact forward mode (one tangent pass per probe).</pre>
 *
 * It is unbiased: E_v ‖J_R v‖² = tr(J_R J_Rᵀ) = Σ_{i∈R} ‖J_i‖² because E[v vᵀ] = I, and
 * E_R Σ_{i∈R} ‖J_i‖² = (m/S_g) Σ_i ‖J_i‖², so the (S_g/m) factor restores the full sum.
 */
public final class TraceSketch {
    private TraceSketch() {}

    /** One estimate; the random draws come from {@code rng}. */
    public static double estimate(LossGroup g, double[] theta, int rowsPerGroup, int probes, SplittableRandom rng) {
        int s = g.size();
        int m = Math.min(rowsPerGroup, s);
        int[] perm = new int[s];
        for (int i = 0; i < s; i++) perm[i] = i;
        for (int i = 0; i < m; i++) { // partial Fisher–Yates: the first m entries are a uniform sample
            int j = i + rng.nextInt(s - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] rows = java.util.Arrays.copyOf(perm, m);
        double[] v = new double[theta.length];
        double[] jv = new double[m];
        double total = 0;
        for (int k = 0; k < probes; k++) {
            for (int i = 0; i < v.length; i++) v[i] = rng.nextBoolean() ? 1.0 : -1.0;
            g.jvp(theta, v, rows, jv);
            for (double x : jv) total += x * x;
        }
        return (double) s / m * total / probes;
    }
}
