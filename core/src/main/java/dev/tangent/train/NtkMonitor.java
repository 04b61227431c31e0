package dev.tangent.train;

import dev.tangent.linalg.Blas;
import dev.tangent.ntk.KernelNorms;
import dev.tangent.ntk.TraceEstimator;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records NTK block traces tr(K_gg) = ‖J_g‖_F² and the kernel drift ‖K(θ_t) − K(θ_0)‖_F / ‖K(θ_0)‖_F during
 * training, every k steps ({@code ntk.every}; 0 = off). The drift kernel is the full residual NTK on a fixed,
 * evenly spaced subset of at most {@code ntk.max_points} rows per group, so memory stays bounded.
 */
public final class NtkMonitor implements TrainingListener {
    private final Discretization disc;
    private final int every;
    private final int maxPoints;
    private double[] k0;

    private NtkMonitor(Discretization disc, int every, int maxPoints) {
        this.disc = disc;
        this.every = every;
        this.maxPoints = maxPoints;
    }

    public static NtkMonitor of(RunSpec.Monitoring m, Discretization disc) {
        return new NtkMonitor(disc, m.every(), m.maxPoints());
    }

    public boolean enabled() {
        return every > 0;
    }

    @Override
    public void started(StepEvent start, boolean resumed) {
        if (!resumed) start(start.theta());
    }

    @Override
    public List<String> columns() {
        if (!enabled()) return List.of();
        List<String> cols = new ArrayList<>(List.of("ntk_drift"));
        for (LossGroup g : disc.groups()) cols.add("ntk_trace_" + g.name());
        return cols;
    }

    private void start(double[] theta) {
        if (enabled()) k0 = kernel(theta);
    }

    /** Values for the metrics row: drift and traces at this step, or NaN when not due. */
    @Override
    public double[] measure(double[] theta, long step) {
        if (!enabled()) return new double[0];
        List<LossGroup> groups = disc.groups();
        double[] out = new double[1 + groups.size()];
        if (step % every != 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        out[0] = KernelNorms.drift(k0, kernel(theta));
        for (int g = 0; g < groups.size(); g++) out[1 + g] = TraceEstimator.trace(groups.get(g), theta, TraceEstimator.BLOCK);
        return out;
    }

    /** K = J_sub J_subᵀ over the row subset (evenly spaced rows of every group). */
    private double[] kernel(double[] theta) {
        int n = disc.mlp().nParams();
        List<double[]> blocks = new ArrayList<>();
        int m = 0;
        for (LossGroup grp : disc.groups()) {
            int take = Math.min(maxPoints, grp.size());
            int[] rows = new int[take];
            for (int q = 0; q < take; q++) rows[q] = (int) ((long) q * grp.size() / take);
            double[] jac = new double[take * n];
            grp.rowJacobian(theta, rows, jac);
            blocks.add(jac);
            m += take;
        }
        double[] jt = new double[m * n]; // column-major P × m
        int off = 0;
        for (double[] b : blocks) {
            System.arraycopy(b, 0, jt, off, b.length);
            off += b.length;
        }
        double[] k = new double[m * m];
        Blas.syrk(true, m, n, 1.0, jt, n, 0.0, k);
        return k;
    }

    @Override
    public Map<String, double[]> state() {
        return k0 == null ? Map.of() : Map.of("ntk.k0", k0.clone());
    }

    @Override
    public void restore(Map<String, double[]> extra, double[] theta) {
        k0 = extra.containsKey("ntk.k0") ? extra.get("ntk.k0").clone() : null;
        if (enabled() && k0 == null) k0 = kernel(theta);
    }
}
