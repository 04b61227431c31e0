package dev.tangent.optim;

import dev.tangent.linalg.DampedLeastSquares;
import dev.tangent.linalg.MatrixOps;

/** The dense route: Φ formed by the problem into a caller buffer and factorised once by {@link DampedLeastSquares}. */
final class DenseDampedSolve implements DampedSolve {
    private final DampedLeastSquares ls = new DampedLeastSquares();
    private DampedLeastSquares.Route route;
    private double[] jac, r;
    private int rows, n;

    /** Uses this route and Φ buffer (row-major, at least rows × n) for the next step. */
    DenseDampedSolve with(DampedLeastSquares.Route route, double[] jac) {
        this.route = route;
        this.jac = jac;
        return this;
    }

    @Override
    public double linearize(double[] theta, LeastSquaresProblem p, double[] r) {
        this.rows = p.nRows();
        this.n = p.nParams();
        this.r = r;
        return p.evaluate(theta, r, jac);
    }

    @Override
    public void factorize() {
        ls.prepare(route, rows, n, jac, r);
    }

    @Override
    public double frobeniusSquared() {
        return ls.frobeniusSquared();
    }

    @Override
    public double dampingFloor() {
        return ls.dampingFloor();
    }

    @Override
    public double solve(double mu, double[] d) {
        return ls.solve(mu, d);
    }

    @Override
    public void solveOther(double mu, double[] b, double[] x) {
        ls.solveOther(mu, b, x);
    }

    @Override
    public void multiply(double[] d, double[] out) {
        MatrixOps.multiply(rows, n, jac, d, out);
    }

    @Override
    public double[] singularValues() {
        return ls.singularValues();
    }

    @Override
    public int effectiveRank(double mu) {
        return ls.effectiveRank(mu);
    }

    @Override
    public String label() {
        return ls.route().label();
    }
}
