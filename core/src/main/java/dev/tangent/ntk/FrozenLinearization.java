package dev.tangent.ntk;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.LossGroup;

/**
 * An operator's rows with its coefficients frozen at θ₀: row i = Σ_k c_k(x_i)·∇θ D_k u(x_i; θ) with
 * c_k(x_i) = ∂F/∂(D_k u) at θ₀. For a nonlinear operator F (KdV's u·u_x, sine-Gordon's sin u) the kernel drift
 * has two sources: the coefficients F_k(u(θ_t)) change, and the network's own derivative Jacobians change. The
 * kernel of these rows moves only by the second, so its drift is the parameter (frozen-coefficient) drift. At
 * θ = θ₀ the rows equal the operator's Jacobian; for a linear operator they equal it at every θ.
 */
public final class FrozenLinearization implements LossGroup {
    private final String name;
    private final double[] points;
    private final int n;
    private final int m;
    private final JetEngine engine;
    private final double[] coefficients; // c[k·n + i]

    public FrozenLinearization(String name, PointResidual operator, double[] points, Mlp mlp, double[] theta0) {
        this.name = name;
        this.points = points.clone();
        this.n = points.length / operator.inputDim();
        this.m = operator.derivatives().size();
        this.engine = new JetEngine(mlp, operator.derivatives(), operator.fields());
        this.coefficients = new double[m * n];
        double[] values = engine.derivatives(theta0, n, this.points, new double[m * n]);
        operator.evaluate(n, this.points, values, new double[n], coefficients);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double[] points() {
        return points.clone();
    }

    /** r_i = Σ_k c_k(x_i)·D_k u(x_i; θ) (the frozen linear operator applied to u_θ) and its Jacobian rows. */
    @Override
    public void evaluate(double[] theta, double[] r, double[] jac, int rowOffset) {
        double[] values = engine.derivatives(theta, n, points, new double[m * n]);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < m; k++) s += coefficients[k * n + i] * values[k * n + i];
            r[rowOffset + i] = s;
        }
        if (jac == null) return;
        int p = theta.length;
        double[] rows = rowOffset == 0 ? jac : new double[n * p];
        engine.linearJacobian(theta, n, coefficients, rows);
        if (rows != jac) System.arraycopy(rows, 0, jac, rowOffset * p, n * p);
    }

    @Override
    public void resample(long seed) {
        throw new UnsupportedOperationException("frozen rows are tied to their points");
    }
}
