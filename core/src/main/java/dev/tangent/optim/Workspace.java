package dev.tangent.optim;

/** Residual and Jacobian buffers reused across steps; regrown only when the problem's row count grows. */
final class Workspace {
    double[] r = new double[0];
    double[] trial = new double[0];
    double[] jac = new double[0];
    double[] grad = new double[0];
    double[] theta = new double[0];

    void ensure(int rows, int params, boolean needJacobian) {
        if (r.length < rows) {
            r = new double[rows];
            trial = new double[rows];
        }
        if (needJacobian && jac.length < (long) rows * params) jac = new double[rows * params];
        if (grad.length != params) {
            grad = new double[params];
            theta = new double[params];
        }
    }
}
