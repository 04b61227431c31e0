package dev.tangent.pde;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.PointResidual;
import java.util.List;

/**
 * The Jacobian columns of a point group for θ's trailing entries (the unknown coefficients z_j): ∂r_i/∂z_j =
 * ∂F/∂k_j · dk_j/dz_j, with ∂F/∂k_j the expression's symbolic partial at the point's derivative values. A group whose
 * residual reads no unknown writes zeros there (callers reuse their Jacobian buffers).
 */
final class UnknownColumns {
    private final int base;
    private final int count;
    private final List<Unknown> unknowns;
    private final CoefficientResidual residual;
    private final JetEngine engine;
    private double[] values = new double[0];
    private double[] partial = new double[0];

    /** unknowns: those the residual reads, in θ order, or an empty list; the group's residual must then be an expression. */
    UnknownColumns(Mlp mlp, PointResidual residual, List<Unknown> unknowns, JetEngine engine) {
        this.base = mlp.networkParams();
        this.count = mlp.extraParameters();
        if (unknowns.size() > count) throw new IllegalArgumentException(unknowns.size() + " unknowns but θ has " + count + " trailing entries");
        this.unknowns = unknowns;
        this.residual = unknowns.isEmpty() ? null : (CoefficientResidual) residual;
        this.engine = engine;
    }

    boolean active() {
        return residual != null;
    }

    /** The residual sees the current k_j = k(θ[base + j]). */
    void bind(double[] theta) {
        if (residual == null) return;
        for (int j = 0; j < unknowns.size(); j++) residual.setParameter(unknowns.get(j).name(), unknowns.get(j).value(theta[base + j]));
    }

    /** ∂r_i/∂z_j for the n points into partialOut[j·n + i]. Reuses the engine's forward pass at θ and x. */
    private double[] partials(double[] theta, int n, double[] x) {
        int m = engine.plan().derivatives().size();
        if (values.length < m * n) values = new double[m * n];
        if (partial.length < unknowns.size() * n) partial = new double[unknowns.size() * n];
        engine.derivatives(theta, n, x, values);
        double[] one = new double[n];
        for (int j = 0; j < unknowns.size(); j++) {
            residual.parameterPartial(unknowns.get(j).name(), n, x, values, one);
            double slope = unknowns.get(j).slope(theta[base + j]);
            for (int i = 0; i < n; i++) partial[j * n + i] = slope * one[i];
        }
        return partial;
    }

    /** Writes the trailing columns of rows [rowOffset, rowOffset + n), times rowScale. */
    void write(double[] theta, int n, double[] x, double[] jac, int rowOffset, double rowScale) {
        if (count == 0 || jac == null) return;
        int p = theta.length;
        for (int i = 0; i < n; i++) java.util.Arrays.fill(jac, (rowOffset + i) * p + base, (rowOffset + i + 1) * p, 0.0);
        if (residual == null) return;
        double[] d = partials(theta, n, x);
        for (int j = 0; j < unknowns.size(); j++) {
            for (int i = 0; i < n; i++) jac[(rowOffset + i) * p + base + j] = rowScale == 1.0 ? d[j * n + i] : d[j * n + i] * rowScale;
        }
    }

    /** grad[base + j] += scale·Σ_i r_i ∂r_i/∂z_j. */
    void addGradient(double[] theta, int n, double[] x, double scale, double[] r, double[] grad) {
        if (residual == null) return;
        double[] d = partials(theta, n, x);
        for (int j = 0; j < unknowns.size(); j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += r[i] * d[j * n + i];
            grad[base + j] += scale * s;
        }
    }

    /** out[i] += Σ_j ∂r_i/∂z_j · v[base + j]. */
    void addJvp(double[] theta, double[] v, int n, double[] x, double[] out) {
        if (residual == null) return;
        double[] d = partials(theta, n, x);
        for (int j = 0; j < unknowns.size(); j++) {
            for (int i = 0; i < n; i++) out[i] += d[j * n + i] * v[base + j];
        }
    }
}
