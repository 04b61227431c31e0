package dev.tangent.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** CGLS and the Nyström preconditioner against the dense SVD route and against closed forms. */
class MatrixFreeSolveTest {
    /** Run to convergence, CG gives the SVD route's d(μ) and model loss, with and without the preconditioner. */
    @ParameterizedTest
    @CsvSource({"40, 15", "15, 40", "30, 30"})
    void convergedCgEqualsTheDenseSolve(int rows, int n) {
        double[] phi = random(rows * n, 1), r = random(rows, 2);
        LinearOperator op = LinearOperator.ofRows(rows, n, phi);
        DampedLeastSquares svd = new DampedLeastSquares();
        svd.prepare(DampedLeastSquares.Route.SVD, rows, n, phi, r);
        NystromPreconditioner pre = new NystromPreconditioner();
        pre.build(op, 6, 7);
        for (double mu : new double[] {1e-3, 0.5, 20}) {
            double[] expected = new double[n];
            double model = svd.solve(mu, expected);
            for (NystromPreconditioner p : new NystromPreconditioner[] {null, pre}) {
                double[] d = new double[n];
                DampedConjugateGradient.Result res = new DampedConjugateGradient().solve(op, r, mu, p, 1e-13, 500, d);
                String what = (p == null ? "plain" : "preconditioned") + " μ=" + mu;
                assertTrue(res.converged(), what + " " + res);
                assertArrayEquals(expected, d, 1e-10 * norm(expected), what);
                assertEquals(model, res.modelLoss(), 1e-10 * dot(r, r), what + " model loss");
            }
        }
    }

    /**
     * Φ = U diag(σ) Vᵀ shaped like a PINN Jacobian: 15 singular values falling geometrically from 1e3 to ~2, the rest
     * in a cluster at 1e-2, and μ = 1e-5, so the damped Gram has condition number ~1e10. A rank-20 sketch captures the
     * large σ and leaves CG the well-conditioned cluster.
     */
    @Test
    void thePreconditionerCutsIterationsOnAnIllConditionedCase() {
        int rows = 300, n = 120;
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) sigma[j] = j < 15 ? Math.pow(10, 3 - j / 5.0) : 0.01 * (1 + (n - j) / (double) n);
        double[] phi = withSpectrum(rows, n, sigma, 3);
        double[] r = random(rows, 4);
        LinearOperator op = LinearOperator.ofRows(rows, n, phi);
        double mu = 1e-5;
        NystromPreconditioner pre = new NystromPreconditioner();
        pre.build(op, 20, 5);
        DampedConjugateGradient cg = new DampedConjugateGradient();
        double[] d0 = new double[n], d1 = new double[n];
        DampedConjugateGradient.Result plain = cg.solve(op, r, mu, null, 1e-8, 2000, d0);
        DampedConjugateGradient.Result fast = cg.solve(op, r, mu, pre, 1e-8, 2000, d1);
        assertTrue(fast.converged(), fast.toString());
        assertTrue(fast.iterations() * 3 < plain.iterations(), "preconditioned " + fast.iterations() + " vs plain " + plain.iterations());
        DampedLeastSquares svd = new DampedLeastSquares();
        svd.prepare(DampedLeastSquares.Route.SVD, rows, n, phi, r);
        double[] expected = new double[n];
        svd.solve(mu, expected);
        assertArrayEquals(expected, d1, 1e-6 * norm(expected), "the preconditioned solve is the dense one");
    }

    /** For Φ of rank ≤ k the sketch is exact: its eigenvalues are σ², and the trace estimate is a sum of them. */
    @Test
    void aSketchOfAtLeastTheRankRecoversTheSpectrum() {
        int rows = 50, n = 30, rank = 5;
        double[] sigma = new double[n];
        for (int j = 0; j < rank; j++) sigma[j] = 3.0 / (j + 1);
        double[] phi = withSpectrum(rows, n, sigma, 8);
        NystromPreconditioner pre = new NystromPreconditioner();
        pre.build(LinearOperator.ofRows(rows, n, phi), 8, 9);
        double[] l = pre.eigenvalues();
        assertTrue(l.length >= rank, "kept " + l.length);
        for (int j = 0; j < rank; j++) assertEquals(sigma[j] * sigma[j], l[j], 1e-9 * sigma[0] * sigma[0], "λ" + j);
        for (int j = rank; j < l.length; j++) assertTrue(l[j] < 1e-9, "λ" + j + " = " + l[j]);
        double trace = 0;
        for (int i = 0; i < rows * n; i++) trace += phi[i] * phi[i];
        assertTrue(pre.traceEstimate() > 0.2 * trace && pre.traceEstimate() < 5 * trace, pre.traceEstimate() + " vs " + trace);
        double[] again = new double[n], once = new double[n], x = random(n, 10);
        pre.apply(0.1, x, once);
        NystromPreconditioner twin = new NystromPreconditioner();
        twin.build(LinearOperator.ofRows(rows, n, phi), 8, 9);
        twin.apply(0.1, x, again);
        assertArrayEquals(once, again, 0.0, "one seed, the same bits");
    }

    /** Φᵀb = 0 gives d = 0 at once; bad arguments name themselves. */
    @Test
    void edgeCases() {
        double[] phi = random(6 * 3, 11), d = new double[3];
        DampedConjugateGradient.Result res = new DampedConjugateGradient().solve(LinearOperator.ofRows(6, 3, phi), new double[6], 1, null, 1e-8, 10, d);
        assertEquals(0, res.iterations());
        assertArrayEquals(new double[3], d, 0.0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DampedConjugateGradient().solve(LinearOperator.ofRows(6, 3, phi), new double[6], -1, null, 1e-8, 10, d));
        assertTrue(e.getMessage().contains("μ"), e.getMessage());
    }

    /** Row-major rows × n matrix U diag(σ) Vᵀ with random orthonormal U, V. */
    static double[] withSpectrum(int rows, int n, double[] sigma, long seed) {
        double[] u = Lapack.svd(rows, n, random(rows * n, seed)).u();     // rows × n column-major
        double[] v = Lapack.svd(n, n, random(n * n, seed + 1)).u();       // n × n column-major
        double[] phi = new double[rows * n];
        for (int i = 0; i < rows; i++) {
            for (int q = 0; q < n; q++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += u[j * rows + i] * sigma[j] * v[j * n + q];
                phi[i * n + q] = s;
            }
        }
        return phi;
    }

    static double[] random(int len, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = rng.nextDouble(-1, 1);
        return a;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
