package dev.tangent.pde;

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

    /** Draws new points (same count, same sampler) with the given seed. */
    void resample(long seed);
}
