package dev.tangent.ntk;

import dev.tangent.pde.LossGroup;
import java.util.SplittableRandom;

/**
 * Estimators of a group's mean NTK diagonal tr(K_gg)/S_g = (1/S_g)·Σ_i ‖∇θ r_{g,i}‖², the quantity the
 * trace-ratio weights need: the loss averages each group over its rows, so its traces must be per-row means
 * (jaxpi uses the mean of the diagonal). Each is unbiased for it:
 *
 * <ul>
 *   <li>{@link #EXACT}: every row's Jacobian, in blocks of rows (memory O(block·P)).
 *   <li>{@link #ROWS}: exact row norms on m rows drawn uniformly without replacement, (1/m)·Σ_{i∈R} ‖J_i‖².
 *       Unbiased because each row is in R with probability m/S_g.
 *   <li>{@link #SKETCH}: (1/m)(1/q)·Σ_v ‖J_R v‖² with q Rademacher probes v ∈ {±1}^P and J_R v by exact forward
 *       mode; J is never formed. Unbiased because E[v vᵀ] = I gives E_v ‖J_R v‖² = Σ_{i∈R} ‖J_i‖².
 * </ul>
 */
public enum TraceEstimator {
    EXACT, ROWS, SKETCH;

    /** Rows per Jacobian block of the exact estimator. */
    public static final int BLOCK = 256;

    /**
     * One estimate of tr(K_gg)/S_g; {@code rows} (m) and {@code probes} (q) are ignored by EXACT, the random draws
     * come from {@code rng}.
     */
    public double meanDiagonal(LossGroup g, double[] theta, int rows, int probes, SplittableRandom rng) {
        if (this == EXACT) return trace(g, theta, BLOCK) / g.size();
        int[] sample = sampleRows(g.size(), Math.min(rows, g.size()), rng);
        double total = 0;
        if (this == ROWS) {
            double[] jac = new double[sample.length * theta.length];
            g.rowJacobian(theta, sample, jac);
            total = KernelNorms.sumOfSquares(jac);
        } else {
            double[] v = new double[theta.length];
            double[] jv = new double[sample.length];
            for (int k = 0; k < probes; k++) {
                for (int i = 0; i < v.length; i++) v[i] = rng.nextBoolean() ? 1.0 : -1.0;
                g.jvp(theta, v, sample, jv);
                total += KernelNorms.sumOfSquares(jv);
            }
            total /= probes;
        }
        return total / sample.length;
    }

    /** tr(K_gg) = ‖J_g‖_F², summed row by row over blocks of at most {@code block} rows. */
    public static double trace(LossGroup g, double[] theta, int block) {
        double t = 0;
        for (int i0 = 0; i0 < g.size(); i0 += block) {
            t += KernelNorms.sumOfSquares(KernelBlocks.rows(g, theta, i0, Math.min(g.size(), i0 + block)));
        }
        return t;
    }

    /** m distinct row indices, uniformly (partial Fisher–Yates over 0..s−1). */
    static int[] sampleRows(int s, int m, SplittableRandom rng) {
        int[] perm = new int[s];
        for (int i = 0; i < s; i++) perm[i] = i;
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(s - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return java.util.Arrays.copyOf(perm, m);
    }

    public static TraceEstimator parse(String name) {
        for (TraceEstimator e : values()) if (e.name().equalsIgnoreCase(name == null ? "" : name.trim())) return e;
        throw new IllegalArgumentException("unknown trace estimator '" + name + "'; allowed: [exact, rows, sketch]");
    }
}
