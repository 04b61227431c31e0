package dev.tangent.pde;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.PointResidual;

/**
 * One loss group (the PDE interior or a condition) on its current points: residual rows r_g(θ) and
 * their Jacobian rows. Rows are written into caller buffers at a row offset, so all groups stack into
 * one residual vector and one row-major Jacobian.
 */
public interface LossGroup {
    String name();

    /** Number of residual rows S_g. */
    int size();

    /** Current collocation points, point-major. */
    double[] points();

    /** Writes r_g into r[rowOffset…] and, if jac is non-null, its rows into jac (row-major, P columns). */
    void evaluate(double[] theta, double[] r, double[] jac, int rowOffset);

    /**
     * As {@link #evaluate(double[], double[], double[], int)} with the Jacobian rows (not r) multiplied by rowScale.
     * Point groups scale while writing, which saves a pass over J; the default scales afterwards (same bits).
     */
    default void evaluate(double[] theta, double[] r, double[] jac, int rowOffset, double rowScale) {
        evaluate(theta, r, jac, rowOffset);
        if (jac == null || rowScale == 1.0) return;
        int p = theta.length;
        for (long i = (long) rowOffset * p, end = (long) (rowOffset + size()) * p; i < end; i++) jac[(int) i] *= rowScale;
    }

    /** Draws new points (same count, same sampler) with the given seed. */
    void resample(long seed);

    /**
     * Draws new points where the residual at θ is large: {@code candidatesPerPoint}·S candidates from the group's
     * sampler, S of them kept by the rule (residual-based adaptive distribution). Groups without a sampler of their
     * own fall back to {@link #resample}.
     */
    default void resampleByResidual(double[] theta, dev.tangent.sampling.ResidualSampling rule, int candidatesPerPoint, long seed) {
        resample(seed);
    }

    /** Replaces the group's points (point-major, same dimension), e.g. adaptive points restored from a checkpoint. */
    default void usePoints(double[] points) {
        throw new UnsupportedOperationException("loss group " + name() + " has no replaceable points");
    }

    /**
     * Writes r_g into r[rowOffset…] and accumulates grad += scale·Σ_i r_i ∇θ r_i. The default forms J_g; point
     * groups override it with a single reverse pass.
     */
    default void gradient(double[] theta, double scale, double[] r, int rowOffset, double[] grad) {
        int p = theta.length;
        double[] jac = new double[size() * p];
        double[] rr = new double[size()];
        evaluate(theta, rr, jac, 0);
        for (int i = 0; i < size(); i++) {
            r[rowOffset + i] = rr[i];
            for (int q = 0; q < p; q++) grad[q] += scale * rr[i] * jac[i * p + q];
        }
    }

    /**
     * Forward-mode J_g·v restricted to the given rows (out[k] = row rows[k] of J_g times v). The default forms
     * the group's Jacobian; point groups override it with an exact JVP on the selected points only.
     */
    default void jvp(double[] theta, double[] v, int[] rows, double[] out) {
        int p = theta.length;
        double[] r = new double[size()];
        double[] jac = new double[size() * p];
        evaluate(theta, r, jac, 0);
        for (int k = 0; k < rows.length; k++) {
            double s = 0;
            for (int q = 0; q < p; q++) s += jac[rows[k] * p + q] * v[q];
            out[k] = s;
        }
    }

    /**
     * Every row of J_g·v: out[rowOffset + i] = ∇θ r_{g,i} · v (modified). The default runs
     * {@link #jvp(double[], double[], int[], double[])} on all rows; point groups run one exact JVP over their points.
     */
    default void jvp(double[] theta, double[] v, double[] out, int rowOffset) {
        int[] all = java.util.stream.IntStream.range(0, size()).toArray();
        double[] jv = new double[all.length];
        jvp(theta, v, all, jv);
        System.arraycopy(jv, 0, out, rowOffset, jv.length);
    }

    /**
     * J_gᵀu, accumulated: grad += Σ_i u[uOffset + i] ∇θ r_{g,i} (u not modified). The default forms J_g; point
     * groups run one reverse pass seeded with u, as {@link #gradient} does with r.
     */
    default void vjp(double[] theta, double[] u, int uOffset, double[] grad) {
        int p = theta.length;
        double[] jac = new double[size() * p];
        evaluate(theta, new double[size()], jac, 0);
        for (int i = 0; i < size(); i++) {
            double w = u[uOffset + i];
            for (int q = 0; q < p; q++) grad[q] += w * jac[i * p + q];
        }
    }

    /**
     * Jacobian rows of the listed rows of this group (row-major rows.length × P, modified): the one definition
     * of a group's rows that every NTK quantity uses. The default forms J_g; point groups evaluate only the
     * selected points.
     */
    default void rowJacobian(double[] theta, int[] rows, double[] out) {
        int p = theta.length;
        double[] r = new double[size()];
        double[] jac = new double[size() * p];
        evaluate(theta, r, jac, 0);
        for (int k = 0; k < rows.length; k++) System.arraycopy(jac, rows[k] * p, out, k * p, p);
    }

    /**
     * The group's rows as a pointwise residual of the network alone: row i is ∂F(x_i, D u(x_i))/∂θ at {@code points}
     * (point-major), so a structured NTK can build kernels from the network's layer factors without forming J.
     * Null (the default) when rows are not pointwise (periodic pairs) or have columns outside the network (unknowns).
     */
    default PointRows pointRows() {
        return null;
    }

    /** A pointwise residual and the points of the rows (see {@link #pointRows()}). */
    record PointRows(PointResidual residual, double[] points) {}

    /** A fixed group: an operator (pointwise residual) on given points, e.g. for operator kernels at chosen x. */
    static LossGroup of(String name, PointResidual operator, double[] points, Mlp mlp) {
        return new PointGroup(name, points.clone(), operator, mlp);
    }
}
