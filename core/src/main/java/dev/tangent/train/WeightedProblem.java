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

    public WeightedProblem(Discretization disc) {
        this.disc = disc;
        this.lambda = new double[disc.groups().size()];
        java.util.Arrays.fill(lambda, 1.0);
        this.groupLoss = new double[lambda.length];
    }

    public Discretization discretization() {
        return disc;
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

    /** ∇L by one reverse pass per group (no Jacobian): grad = Σ_g (2λ_g/S_g) Σ_i r_i ∇r_i. */
    @Override
    public double gradient(double[] theta, double[] r, double[] grad) {
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

    @Override
    public double evaluate(double[] theta, double[] r, double[] jac) {
        int row = 0;
        int p = nParams();
        double loss = 0;
        List<LossGroup> groups = disc.groups();
        for (int g = 0; g < groups.size(); g++) {
            LossGroup grp = groups.get(g);
            int s = grp.size();
            grp.evaluate(theta, r, jac, row);
            loss += scaleRows(g, r, row, s);
            double scale = Math.sqrt(lambda[g] / s);
            if (jac != null && scale != 1.0) {
                for (int i = row * p; i < (row + s) * p; i++) jac[i] *= scale;
            }
            row += s;
        }
        return loss;
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
