package dev.tangent.linalg;

/**
 * A matrix Φ (rows × cols) known only through its products, e.g. a residual Jacobian through exact JVPs and VJPs.
 * Both products write into caller buffers and must be deterministic (the same bits for the same input).
 */
public interface LinearOperator {
    int rows();

    int cols();

    /** out = Φv (v length ≥ cols, not modified; out length ≥ rows, modified). */
    void apply(double[] v, double[] out);

    /** out = Φᵀu (u length ≥ rows, not modified; out length ≥ cols, overwritten). */
    void applyTranspose(double[] u, double[] out);

    /** A dense row-major matrix as an operator (tests, and the dense reference of the matrix-free solvers). */
    static LinearOperator ofRows(int rows, int cols, double[] rowMajor) {
        Checks.fits(rowMajor, 0, (long) rows * cols, "Φ");
        return new LinearOperator() {
            @Override
            public int rows() {
                return rows;
            }

            @Override
            public int cols() {
                return cols;
            }

            @Override
            public void apply(double[] v, double[] out) {
                MatrixOps.multiply(rows, cols, rowMajor, v, out);
            }

            @Override
            public void applyTranspose(double[] u, double[] out) {
                MatrixOps.multiplyTransposed(rows, cols, rowMajor, u, out);
            }
        };
    }
}
