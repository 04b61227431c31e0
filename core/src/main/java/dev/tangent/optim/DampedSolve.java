package dev.tangent.optim;

/**
 * The linear algebra of one Levenberg–Marquardt step: the damped solve d(μ) = (ΦᵀΦ + μI)⁻¹Φᵀr̃ for every trial μ
 * at one linearization point, shared by the damping trials and the acceleration. The trust-ratio and μ logic stay in
 * {@link LevenbergMarquardtOptimizer}; an implementation only decides how Φ is held: formed and factorised
 * ({@link DenseDampedSolve}) or applied through JVPs and VJPs ({@link MatrixFreeDampedSolve}).
 */
interface DampedSolve {
    /** Residuals r̃ at θ into r (kept by reference) and whatever the route reads from the problem; returns the loss. */
    double linearize(double[] theta, LeastSquaresProblem p, double[] r);

    /** Work done once per step before the trials (a factorisation, a sketch). */
    void factorize();

    /** ‖Φ‖_F² (exact or estimated), the scale damping is measured in. */
    double frobeniusSquared();

    /** The smallest damping, relative to ‖Φ‖_F², at which the solve stays accurate. */
    double dampingFloor();

    /** Writes d(μ) into d (modified); returns the model loss ‖r̃ − Φd‖², NaN when this μ fails (raise μ). */
    double solve(double mu, double[] d);

    /** x = (ΦᵀΦ + μI)⁻¹Φᵀb for another residual-space vector b (not modified), at the μ of the last solve. */
    void solveOther(double mu, double[] b, double[] x);

    /** out = Φd (modified). */
    void multiply(double[] d, double[] out);

    /** Singular values of Φ (descending) when the route computed them, else null. */
    double[] singularValues();

    /** Σ σ²/(σ² + μ), rounded, when singular values are known; −1 otherwise. */
    int effectiveRank(double mu);

    /** The route's name for reports: svd, gram, kernel or cg. */
    String label();
}
