package dev.tangent.train;

/**
 * Causal weights for the PDE rows of a time-dependent problem (Wang, Sankaran &amp; Perdikaris, "Respecting
 * causality", arXiv 2203.07404). Rows are binned by t into {@code bins} equal slabs of [t0, t1]; slab k gets
 * w_k = exp(−ε·Σ_{j&lt;k} L_j), with L_j the mean squared residual of slab j. Later times then count only once
 * earlier times are fitted, which keeps a solver from fitting a wrong late-time solution first.
 *
 * <p>{@link #marching} is the hard form, time-marching on growing windows: slab k counts (w_k = 1) once every
 * earlier slab has L_j &lt; tolerance, otherwise not at all (w_k = 0). The window is read off the residuals at
 * each update, so it needs no state of its own (a resumed run reopens the same window) and it reopens early slabs
 * if they degrade.
 *
 * <p>The weights are recomputed only when {@link #update} is called (at each Jacobian or gradient evaluation) and
 * frozen in between, so one optimizer step and its trial points see a single objective.
 */
public final class CausalWeights {
    private final double epsilon;
    private final double tolerance; // NaN: the smooth rule
    private final int bins;
    private int[] slab = new int[0];
    private double[] weight = new double[0];
    private final double[] sum, mean;
    private final int[] count;

    /** @param epsilon causality strength ε (> 0); @param bins number of time slabs (≥ 2) */
    public CausalWeights(double epsilon, int bins) {
        if (!(epsilon > 0 && Double.isFinite(epsilon))) throw new IllegalArgumentException("causal.epsilon must be a finite number > 0, got " + epsilon);
        if (bins < 2 || bins > 10000) throw new IllegalArgumentException("causal.bins must be in 2..10000, got " + bins);
        this.epsilon = epsilon;
        this.tolerance = Double.NaN;
        this.bins = bins;
        this.sum = new double[bins];
        this.mean = new double[bins];
        this.count = new int[bins];
    }

    private CausalWeights(int windows, double tolerance) {
        if (windows < 2 || windows > 10000) throw new IllegalArgumentException("time_marching.windows must be in 2..10000, got " + windows);
        if (!(tolerance > 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("time_marching.tolerance must be a finite number > 0, got " + tolerance);
        }
        this.epsilon = Double.NaN;
        this.tolerance = tolerance;
        this.bins = windows;
        this.sum = new double[bins];
        this.mean = new double[bins];
        this.count = new int[bins];
    }

    /** Time-marching on {@code windows} equal time windows; a window counts once the earlier ones have L_j &lt; tolerance. */
    public static CausalWeights marching(int windows, double tolerance) {
        return new CausalWeights(windows, tolerance);
    }

    /** Whether this is the hard time-marching rule. */
    public boolean marching() {
        return !Double.isNaN(tolerance);
    }

    /** Assigns each row to its slab; {@code t[i]} is row i's time in [t0, t1]. All weights start at 1. */
    public void bind(double[] t, double t0, double t1) {
        int n = t.length;
        slab = new int[n];
        weight = new double[n];
        for (int i = 0; i < n; i++) {
            int k = (int) Math.floor((t[i] - t0) / (t1 - t0) * bins);
            slab[i] = Math.max(0, Math.min(bins - 1, k));
            weight[i] = 1;
        }
    }

    public int rows() {
        return slab.length;
    }

    /** Recomputes the weights from the unweighted residuals {@code r[off .. off + rows())} (not modified). */
    public void update(double[] r, int off) {
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(count, 0);
        for (int i = 0; i < slab.length; i++) {
            sum[slab[i]] += r[off + i] * r[off + i];
            count[slab[i]]++;
        }
        double before = 0;
        boolean open = true;
        for (int k = 0; k < bins; k++) {
            double lk = count[k] > 0 ? sum[k] / count[k] : 0;
            if (marching()) {
                mean[k] = open ? 1 : 0; // the weight of slab k, reusing the array
                open &= lk < tolerance;
            } else {
                mean[k] = Math.exp(-epsilon * before);
                before += lk;
            }
        }
        for (int i = 0; i < slab.length; i++) weight[i] = mean[slab[i]];
    }

    /** The weight of row i (frozen since the last {@link #update}). */
    public double weight(int i) {
        return weight[i];
    }

    /** The smallest slab weight: 1 means every time is already fitted (a run can report how causal it still is). */
    public double minimum() {
        double m = 1;
        for (double w : weight) m = Math.min(m, w);
        return m;
    }
}
