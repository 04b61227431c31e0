package dev.tangent.optim;

/**
 * A weighted nonlinear least-squares problem L(θ) = ‖r̃(θ)‖², where r̃ stacks the residual rows already
 * scaled by sqrt(λ_g / S_g). Optimizers only see this interface.
 */
public interface LeastSquaresProblem {
    int nParams();

    /** Current number of rows (may change when points are resampled). */
    int nRows();

    /**
     * Writes the scaled residuals into r (length ≥ nRows) and, when jac is non-null, the scaled Jacobian
     * rows Φ (row-major nRows × nParams). Returns the loss ‖r̃‖².
     */
    double evaluate(double[] theta, double[] r, double[] jac);

    /**
     * Scaled residuals into r and the gradient ∇L = 2Φᵀr̃ into grad (overwritten); returns the loss. The default
     * forms Φ; problems with a cheaper reverse pass override it.
     */
    default double gradient(double[] theta, double[] r, double[] grad) {
        int n = nParams(), rows = nRows();
        double[] jac = new double[rows * n];
        double loss = evaluate(theta, r, jac);
        java.util.Arrays.fill(grad, 0.0);
        dev.tangent.linalg.Blas.gemm(false, false, n, 1, rows, 2.0, jac, 0, n, r, 0, Math.max(1, rows), 0.0, grad, 0, n);
        return loss;
    }

    /**
     * The scale s_i of each row (out, length ≥ nRows): row i of r̃ and of Φ is the raw residual's times s_i. The
     * default is 1 (a problem without weights).
     */
    default void rowScales(double[] out) {
        java.util.Arrays.fill(out, 0, nRows(), 1.0);
    }

    /** Loss only: the residual pass without the Jacobian. */
    default double loss(double[] theta, double[] r) {
        return evaluate(theta, r, null);
    }

    /**
     * The residual pass at a new linearization point θ without forming Φ (the matrix-free steps' counterpart of
     * {@link #evaluate} with a Jacobian): writes r̃, updates whatever a problem refreshes with each Jacobian, and
     * returns the loss. The default is {@link #loss}.
     */
    default double linearize(double[] theta, double[] r) {
        return loss(theta, r);
    }

    /**
     * Φv at θ (out, length ≥ nRows, modified; v not modified): one exact forward-mode product, in the rows' scaling.
     * The default forms Φ; problems with exact JVPs override it.
     */
    default void jvp(double[] theta, double[] v, double[] out) {
        int n = nParams(), rows = nRows();
        double[] jac = new double[rows * n];
        evaluate(theta, new double[rows], jac);
        dev.tangent.linalg.MatrixOps.multiply(rows, n, jac, v, out);
    }

    /**
     * Φᵀu at θ (out, length nParams, overwritten; u not modified): one reverse pass seeded with u. The default forms
     * Φ; problems with a reverse pass override it.
     */
    default void vjp(double[] theta, double[] u, double[] out) {
        int n = nParams(), rows = nRows();
        double[] jac = new double[rows * n];
        evaluate(theta, new double[rows], jac);
        dev.tangent.linalg.MatrixOps.multiplyTransposed(rows, n, jac, u, out);
    }
}
