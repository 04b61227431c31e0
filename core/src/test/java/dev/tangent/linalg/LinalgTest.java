package dev.tangent.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.TangentException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The native wrapper against closed forms and naive Java loops. */
class LinalgTest {
    static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextGaussian();
        return a;
    }

    static double[] naiveProduct(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < k; q++) {
                    double av = ta ? a[q + i * k] : a[i + q * m];
                    double bv = tb ? b[j + q * n] : b[q + j * k];
                    s += av * bv;
                }
                c[i + j * m] = s;
            }
        }
        return c;
    }

    /** A = Q₁ R (dgeqrf), so Aᵀx = Rᵀ (Q₁ᵀ x) for any x, with Q₁ᵀx the first k entries of applyQrQt's Qᵀx; Q keeps ‖x‖. */
    @Test
    void qrReflectorsReproduceTheFactor() {
        int m = 230, k = 150; // k spans three of dgeqrt's blocks of 64, the last one partial
        double[] a = random(m * k, 21), qr = new double[m * k], tau = new double[k], x = random(m, 22);
        Lapack.qrInto(m, k, a, qr, tau);
        double[] qx = x.clone();
        Lapack.applyQrQt(m, k, qr, tau, qx);
        double nx = 0, nq = 0;
        for (int i = 0; i < m; i++) {
            nx += x[i] * x[i];
            nq += qx[i] * qx[i];
        }
        assertEquals(nx, nq, 1e-12 * nx, "Q is orthogonal");
        for (int j = 0; j < k; j++) {
            double atx = 0, rtqx = 0;
            for (int i = 0; i < m; i++) atx += a[j * m + i] * x[i]; // column j of the column-major m × k A
            for (int i = 0; i <= j; i++) rtqx += qr[j * m + i] * qx[i]; // R on and above the diagonal
            assertEquals(atx, rtqx, 1e-11, "column " + j);
        }
    }

    /** The tiled transpose on a shape that is not a multiple of its tile, element by element. */
    @Test
    void transposeMovesEveryElement() {
        int m = 37, n = 70;
        double[] a = random(m * n, 23), t = MatrixOps.transpose(m, n, a);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) assertEquals(a[i + j * m], t[j + i * n], 0.0, i + "," + j);
        }
    }

    @Test
    void gemmMatchesNaiveProductForAllTransposes() {
        int m = 7, n = 5, k = 9;
        double[] a = random(m * k, 1), b = random(k * n, 2);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                double[] c = new double[m * n];
                Blas.gemm(ta, tb, m, n, k, 1.0, a, 0, ta ? k : m, b, 0, tb ? n : k, 0.0, c, 0, m);
                assertArrayEquals(naiveProduct(ta, tb, m, n, k, a, b), c, 1e-12);
            }
        }
    }

    @Test
    void gemmHonoursOffsetsAndBeta() {
        double[] a = {9, 9, 1, 2, 3, 4}; // 2x2 at offset 2: [[1,3],[2,4]]
        double[] b = {5, 6, 7, 8};
        double[] c = {1, 1, 1, 1, 1};
        Blas.gemm(false, false, 2, 2, 2, 1.0, a, 2, 2, b, 0, 2, 2.0, c, 1, 2);
        assertArrayEquals(new double[] {1, 1 * 5 + 3 * 6 + 2, 2 * 5 + 4 * 6 + 2, 1 * 7 + 3 * 8 + 2, 2 * 7 + 4 * 8 + 2}, c, 1e-12);
    }

    @Test
    void gemmIntoASubBlockLeavesTheRestOfCUntouched() {
        double[] c = {1, 2, 3, 4, 5, 6, 7, 8, 9}; // 3x3
        Blas.gemm(false, false, 1, 2, 1, 1.0, new double[] {2}, 0, 1, new double[] {10, 20}, 0, 1, 0.0, c, 1, 3);
        assertArrayEquals(new double[] {1, 20, 3, 4, 40, 6, 7, 8, 9}, c, 0);
    }

    @Test
    void syrkIsTheGramMatrix() {
        int n = 6, k = 4;
        double[] a = random(n * k, 3);
        double[] c = new double[n * n];
        Blas.syrk(false, n, k, 1.0, a, n, 0.0, c);
        double[] at = MatrixOps.transpose(n, k, a);
        assertArrayEquals(naiveProduct(false, false, n, n, k, a, at), c, 1e-12);
        double[] g = new double[k * k];
        Blas.syrk(true, k, n, 1.0, a, n, 0.0, g);
        assertArrayEquals(naiveProduct(true, false, k, k, n, a, a), g, 1e-12);
    }

    @Test
    void svdReconstructsAndIsOrthogonal() {
        for (int[] shape : new int[][] {{8, 5}, {5, 8}, {6, 6}}) {
            int m = shape[0], n = shape[1];
            double[] a = random(m * n, m * 31L + n);
            Svd svd = Lapack.svd(m, n, a);
            int k = svd.k();
            double[] us = svd.u().clone();
            for (int j = 0; j < k; j++) for (int i = 0; i < m; i++) us[i + j * m] *= svd.s()[j];
            double[] rec = naiveProduct(false, false, m, n, k, us, svd.vt());
            assertArrayEquals(a, rec, 1e-12);
            double[] utu = naiveProduct(true, false, k, k, m, svd.u(), svd.u());
            double[] vvt = naiveProduct(false, true, k, k, n, svd.vt(), svd.vt());
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    assertEquals(i == j ? 1 : 0, utu[i + j * k], 1e-12);
                    assertEquals(i == j ? 1 : 0, vvt[i + j * k], 1e-12);
                }
            }
            for (int i = 1; i < k; i++) assertTrue(svd.s()[i - 1] >= svd.s()[i]);
            assertArrayEquals(svd.s(), Lapack.singularValues(m, n, a), 1e-12);
        }
    }

    @Test
    void svdOfAKnownDiagonalMatrix() {
        double[] a = {3, 0, 0, 0, -5, 0}; // 3x2 with columns (3,0,0), (0,-5,0)
        assertArrayEquals(new double[] {5, 3}, Lapack.singularValues(3, 2, a), 1e-14);
    }

    @Test
    void symmetricEigenOfTheSecondDifferenceMatrixHasTheKnownSpectrum() {
        int n = 12;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i + i * n] = 2;
            if (i > 0) a[i + (i - 1) * n] = a[(i - 1) + i * n] = -1;
        }
        SymmetricEigen eig = Lapack.symmetricEigen(n, a, true);
        for (int k = 1; k <= n; k++) {
            double exact = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
            assertEquals(exact, eig.values()[k - 1], 1e-13);
        }
        // A v = λ v for the first eigenvector
        double[] v = java.util.Arrays.copyOfRange(eig.vectors(), 0, n);
        double[] av = naiveProduct(false, false, n, 1, n, a, v);
        for (int i = 0; i < n; i++) assertEquals(eig.values()[0] * v[i], av[i], 1e-13);
    }

    @Test
    void choleskySolveAndNonSpdError() {
        int n = 5;
        double[] b = random(n * 3, 5);
        double[] g = random(n * n, 6);
        double[] spd = naiveProduct(true, false, n, n, n, g, g);
        for (int i = 0; i < n; i++) spd[i + i * n] += 1;
        double[] x = Lapack.choleskySolve(n, spd, 1, b);
        double[] ax = naiveProduct(false, false, n, 1, n, spd, x);
        assertArrayEquals(java.util.Arrays.copyOf(b, n), ax, 1e-11);
        double[] indefinite = {1, 2, 2, 1};
        var e = assertThrows(TangentException.class, () -> Lapack.choleskySolve(2, indefinite, 1, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
    }

    @Test
    void leastSquaresGivesTheMinimumNormSolution() {
        // Rank-1 system [1 1] x = 2 has minimum-norm solution (1, 1).
        LeastSquares ls = Lapack.leastSquares(1, 2, new double[] {1, 1}, 1, new double[] {2}, -1);
        assertArrayEquals(new double[] {1, 1}, ls.x(), 1e-14);
        assertEquals(1, ls.rank());
        // Overdetermined full rank: compare with normal equations.
        int m = 9, n = 4;
        double[] a = random(m * n, 7), b = random(m, 8);
        double[] x = Lapack.leastSquares(m, n, a, 1, b, -1).x();
        double[] ata = naiveProduct(true, false, n, n, m, a, a);
        double[] atb = naiveProduct(true, false, n, 1, m, a, b);
        assertArrayEquals(Lapack.choleskySolve(n, ata, 1, atb), x, 1e-11);
    }

    @Test
    void badShapesAreRejectedWithTheirSizes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(2, 2, 2, 1.0, new double[3], new double[4], 0.0, new double[4]));
        assertTrue(e.getMessage().contains("matrix A needs 4 entries"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lapack.svd(0, 3, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> NativeBackend.setThreads(0));
    }
}
