package dev.tangent.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DampedLeastSquaresTest {
    private static final DampedLeastSquares.Route[] ROUTES = {
            DampedLeastSquares.Route.SVD, DampedLeastSquares.Route.GRAM, DampedLeastSquares.Route.KERNEL};

    /** The damped step against the closed form (ΦᵀΦ + μI)⁻¹Φᵀr by a plain Gauss–Jordan solve, for each route and shape. */
    @ParameterizedTest
    @CsvSource({"12, 5", "5, 12", "9, 9"})
    void everyRouteEqualsTheClosedForm(int rows, int n) {
        double[] phi = random(rows * n, 1), r = random(rows, 2);
        for (double mu : new double[] {1e-6, 0.3, 10}) {
            double[] expected = closedForm(phi, r, rows, n, mu);
            for (DampedLeastSquares.Route route : ROUTES) {
                // the Cholesky routes are exact only in their own regime (GRAM for S ≥ P, KERNEL for S ≤ P)
                if (route == DampedLeastSquares.Route.GRAM && rows < n || route == DampedLeastSquares.Route.KERNEL && rows > n) continue;
                DampedLeastSquares ls = new DampedLeastSquares();
                ls.prepare(route, rows, n, phi, r);
                double[] d = new double[n];
                double model = ls.solve(mu, d);
                assertArrayEquals(expected, d, 1e-9 * norm(expected), route + " μ=" + mu);
                assertEquals(fitLoss(phi, r, d, rows, n, 1), model, 1e-10 * dot(r, r), route + " model loss");
                assertEquals(fitLoss(phi, r, d, rows, n, 0.3), ls.modelLoss(0.3), 1e-10 * dot(r, r), route + " model at η=0.3");
            }
        }
    }

    /** μ → 0 recovers the minimum-norm least-squares (pseudo-inverse) step of dgelsd, over- and underdetermined. */
    @ParameterizedTest
    @CsvSource({"10, 6", "6, 10"})
    void vanishingDampingGivesThePseudoInverseStep(int rows, int n) {
        double[] phi = random(rows * n, 3), r = random(rows, 4);
        double[] expected = Lapack.leastSquares(rows, n, MatrixOps.transpose(n, rows, phi), 1, r, 1e-12).x();
        DampedLeastSquares svd = new DampedLeastSquares();
        svd.prepare(DampedLeastSquares.Route.SVD, rows, n, phi, r);
        double[] ds = new double[n];
        svd.solve(1e-20, ds);
        assertArrayEquals(expected, ds, 1e-10 * norm(expected), "SVD route at μ = 1e-20");
        assertEquals(Math.min(rows, n), svd.effectiveRank(1e-20), "full rank keeps every direction");
        DampedLeastSquares small = new DampedLeastSquares();
        small.prepare(rows >= n ? DampedLeastSquares.Route.GRAM : DampedLeastSquares.Route.KERNEL, rows, n, phi, r);
        double[] d = new double[n];
        small.solve(1e-12, d);
        assertArrayEquals(expected, d, 1e-8 * norm(expected), "Cholesky route at μ = 1e-12");
    }

    /** The Cholesky routes report a failed factorisation as NaN instead of throwing, so the caller can raise μ. */
    @Test
    void choleskyFailureIsReported() {
        int rows = 3, n = 6;
        double[] phi = random(rows * n, 5), r = random(rows, 6);
        DampedLeastSquares ls = new DampedLeastSquares();
        ls.prepare(DampedLeastSquares.Route.GRAM, rows, n, phi, r); // ΦᵀΦ has rank 3 of 6: singular without damping
        double[] d = new double[n];
        assertTrue(Double.isNaN(ls.solve(-1e-9, d)), "an indefinite shift must fail");
        assertTrue(Double.isFinite(ls.solve(1e-3, d)));
    }

    @Test
    void autoPicksByCost() {
        assertEquals(DampedLeastSquares.Route.SVD, DampedLeastSquares.choose(900, 129));
        assertEquals(DampedLeastSquares.Route.GRAM, DampedLeastSquares.choose(20000, 900));
        assertEquals(DampedLeastSquares.Route.KERNEL, DampedLeastSquares.choose(900, 20000));
    }

    /** Φ row-major (rows × n); solves (ΦᵀΦ + μI) d = Φᵀr by Gauss–Jordan elimination with partial pivoting. */
    static double[] closedForm(double[] phi, double[] r, int rows, int n, double mu) {
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? mu : 0;
                for (int k = 0; k < rows; k++) s += phi[k * n + i] * phi[k * n + j];
                a[i][j] = s;
            }
            for (int k = 0; k < rows; k++) a[i][n] += phi[k * n + i] * r[k];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) piv = i;
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int i = 0; i < n; i++) {
                if (i == c) continue;
                double f = a[i][c] / a[c][c];
                for (int j = c; j <= n; j++) a[i][j] -= f * a[c][j];
            }
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[i][n] / a[i][i];
        return d;
    }

    private static double fitLoss(double[] phi, double[] r, double[] d, int rows, int n, double eta) {
        double ss = 0;
        for (int k = 0; k < rows; k++) {
            double f = r[k];
            for (int j = 0; j < n; j++) f -= eta * phi[k * n + j] * d[j];
            ss += f * f;
        }
        return ss;
    }

    private static double[] rankDeficient(int rows, int n, int rank, long seed) {
        double[] a = random(rows * rank, seed), b = random(rank * n, seed + 1), m = new double[rows * n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < n; j++) for (int k = 0; k < rank; k++) m[i * n + j] += a[i * rank + k] * b[k * n + j];
        }
        return m;
    }

    private static double[] random(int len, long seed) {
        SplittableRandom g = new SplittableRandom(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) a[i] = g.nextGaussian();
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
