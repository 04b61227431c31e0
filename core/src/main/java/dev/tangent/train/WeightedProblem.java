package dev.tangent.train;

import dev.tangent.optim.LeastSquaresProblem;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.util.List;

/**
 * The stacked loss L(θ) = Σ_g λ_g/S_g Σ_i r_{g,i}², presented to optimizers as ‖r̃‖² with rows scaled by
 * sqrt(λ_g/S_g). Keeps the unweighted per-group mean squares of the last evaluation for logging.
 */
public final class WeightedProblem implements LeastSquaresProblem {
    private final Discretization disc;
    private final double[] lambda;
    private final double[] groupLoss;
    /** Causal weights on the PDE rows (group 0), or null. */
    private CausalWeights causal;
    /** u with the rows' scales applied, for {@link #vjp}. */
    private double[] scaled = new double[0];

    public WeightedProblem(Discretization disc) {
        this.disc = disc;
        this.lambda = new double[disc.groups().size()];
        java.util.Arrays.fill(lambda, 1.0);
        this.groupLoss = new double[lambda.length];
    }

    public Discretization discretization() {
        return disc;
    }

    /**
     * Turns on causal weights for the PDE rows (time-dependent problems only): row i of the PDE group is scaled by
     * sqrt(w_i) on top of sqrt(λ/S). Call again after the PDE points change.
     */
    public void causal(CausalWeights c) {
        dev.tangent.pde.Domain d = disc.problem().domain();
        if (!d.timeDependent()) {
            throw new IllegalArgumentException("causal weights need a time-dependent problem; " + disc.problem().name() + " has no time axis");
        }
        LossGroup pde = disc.groups().get(0);
        int dim = d.dim();
        double[] pts = pde.points(), t = new double[pde.size()];
        for (int i = 0; i < t.length; i++) t[i] = pts[i * dim]; // time is the first coordinate
        c.bind(t, d.lo()[0], d.hi()[0]);
        this.causal = c;
    }

    /** The causal weights in use, or null. */
    public CausalWeights causal() {
        return causal;
    }

    /** Loss weights λ_g (modifiable). */
    public double[] weights() {
        return lambda;
    }

    /** Mean squared residual of each group at the last evaluation (unweighted). */
    public double[] groupLosses() {
        return groupLoss.clone();
    }

    public List<String> groupNames() {
        return disc.groups().stream().map(LossGroup::name).toList();
    }

    @Override
    public int nParams() {
        return disc.mlp().nParams();
    }

    @Override
    public int nRows() {
        return disc.rows();
    }

    /**
     * ∇L by one reverse pass per group (no Jacobian): grad = Σ_g (2λ_g/S_g) Σ_i r_i ∇r_i. With causal weights the
     * rows carry individual weights, so the gradient comes from the Jacobian instead.
     */
    @Override
    public double gradient(double[] theta, double[] r, double[] grad) {
        if (causal != null) return LeastSquaresProblem.super.gradient(theta, r, grad);
        java.util.Arrays.fill(grad, 0.0);
        int row = 0;
        double loss = 0;
        List<LossGroup> groups = disc.groups();
        for (int g = 0; g < groups.size(); g++) {
            LossGroup grp = groups.get(g);
            int s = grp.size();
            grp.gradient(theta, 2 * lambda[g] / s, r, row, grad);
            loss += scaleRows(g, r, row, s);
            row += s;
        }
        return loss;
    }

    /** The residual pass at a new linearization point; refreshes the causal weights as a Jacobian evaluation does. */
    @Override
    public double linearize(double[] theta, double[] r) {
        if (causal == null) return loss(theta, r);
        LossGroup pde = disc.groups().get(0);
        pde.evaluate(theta, r, null, 0);
        causal.update(r, 0);
        return loss(theta, r);
    }

    /** Φv group by group, each an exact forward-mode JVP, rows scaled as in {@link #evaluate}. */
    @Override
    public void jvp(double[] theta, double[] v, double[] out) {
        int row = 0;
        List<LossGroup> groups = disc.groups();
        for (int g = 0; g < groups.size(); g++) {
            LossGroup grp = groups.get(g);
            int s = grp.size();
            grp.jvp(theta, v, out, row);
            for (int i = 0; i < s; i++) out[row + i] *= rowScale(g, i, s);
            row += s;
        }
    }

    /** Φᵀu by one reverse pass per group seeded with the scaled u (the {@link #gradient} pass with u for r). */
    @Override
    public void vjp(double[] theta, double[] u, double[] out) {
        java.util.Arrays.fill(out, 0, nParams(), 0.0);
        if (scaled.length < nRows()) scaled = new double[nRows()];
        int row = 0;
        List<LossGroup> groups = disc.groups();
        for (int g = 0; g < groups.size(); g++) {
            LossGroup grp = groups.get(g);
            int s = grp.size();
            for (int i = 0; i < s; i++) scaled[row + i] = u[row + i] * rowScale(g, i, s);
            grp.vjp(theta, scaled, row, out);
            row += s;
        }
    }

    @Override
    public void rowScales(double[] out) {
        int row = 0;
        for (int g = 0; g < disc.groups().size(); g++) {
            int s = disc.groups().get(g).size();
            for (int i = 0; i < s; i++) out[row + i] = rowScale(g, i, s);
            row += s;
        }
    }

    /** sqrt(λ_g/S_g), times sqrt(w_i) on causally weighted PDE rows. */
    private double rowScale(int g, int i, int s) {
        double base = Math.sqrt(lambda[g] / s);
        return g == 0 && causal != null ? Math.sqrt(lambda[0] / s * causal.weight(i)) : base;
    }

    @Override
    public double evaluate(double[] theta, double[] r, double[] jac) {
        int row = 0;
        int p = nParams();
        double loss = 0;
        List<LossGroup> groups = disc.groups();
        for (int g = 0; g < groups.size(); g++) {
            LossGroup grp = groups.get(g);
            int s = grp.size();
            if (g == 0 && causal != null) {
                grp.evaluate(theta, r, jac, row);
                if (jac != null) causal.update(r, row); // new weights with each Jacobian; trials reuse them
                loss += scaleCausalRows(r, jac, row, s, p);
                row += s;
                continue;
            }
            grp.evaluate(theta, r, jac, row, Math.sqrt(lambda[g] / s));   // J rows come scaled, no extra pass
            loss += scaleRows(g, r, row, s);
            row += s;
        }
        return loss;
    }

    /** The PDE group with causal weights: rows scaled by sqrt(λ/S·w_i); records the unweighted mean square. */
    private double scaleCausalRows(double[] r, double[] jac, int row, int s, int p) {
        double ss = 0, weighted = 0;
        for (int i = 0; i < s; i++) {
            double v = r[row + i], scale = Math.sqrt(lambda[0] / s * causal.weight(i));
            ss += v * v;
            weighted += causal.weight(i) * v * v;
            r[row + i] = v * scale;
            if (jac != null) for (int k = (row + i) * p; k < (row + i + 1) * p; k++) jac[k] *= scale;
        }
        groupLoss[0] = ss / s;
        return lambda[0] * weighted / s;
    }

    /** Records group g's mean square, scales its rows by sqrt(λ_g/S_g) in place, returns its weighted loss. */
    private double scaleRows(int g, double[] r, int row, int s) {
        double scale = Math.sqrt(lambda[g] / s);
        double ss = 0;
        for (int i = row; i < row + s; i++) {
            ss += r[i] * r[i];
            r[i] *= scale;
        }
        groupLoss[g] = ss / s;
        return lambda[g] * ss / s;
    }
}
