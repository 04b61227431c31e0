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

    /** Loss only: the residual pass without the Jacobian. */
    default double loss(double[] theta, double[] r) {
        return evaluate(theta, r, null);
    }
}
