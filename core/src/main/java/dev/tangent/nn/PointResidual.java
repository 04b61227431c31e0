package dev.tangent.nn;

import java.util.List;

/**
 * A pointwise residual r_i = F(x_i, D_1 u(x_i), …, D_m u(x_i)) with its partials ∂F/∂D_k u.
 * The Jacobian engine turns it into r and J = ∂r/∂θ. Identity (u itself) and linear operators
 * (Laplacian, u_t − c·u_xx, u_xxx) are residuals like any other.
 */
public interface PointResidual {
    /** Input dimension d of the points. */
    int inputDim();

    /** The derivatives D_k u the residual reads; column k of {@code values}. */
    List<MultiIndex> derivatives();

    /** The field each derivative belongs to (index into the problem's fields); all 0 for a scalar problem. */
    default int[] fields() {
        return new int[derivatives().size()];
    }

    /**
     * Evaluates the residual for a batch.
     *
     * @param nPoints  S
     * @param x        points, point-major: x[i·d + k] (not modified)
     * @param values   values[k·S + i] = D_k u(x_i) (not modified)
     * @param residual out: r[i] (modified)
     * @param partials out: partials[k·S + i] = ∂F/∂(D_k u) at point i (modified)
     */
    void evaluate(int nPoints, double[] x, double[] values, double[] residual, double[] partials);
}
