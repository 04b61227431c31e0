package dev.tangent.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bidiagonal-factor SVD against dgesdd's explicit U, Σ, V (a second LAPACK path that forms the vectors). */
class BidiagonalSvdTest {
    @ParameterizedTest
    @CsvSource({"7, 5", "5, 7", "6, 6", "40, 23", "23, 40", "1, 4", "4, 1"})
    void solvesLikeTheExplicitSvd(int m, int n) {
        SplittableRandom rnd = new SplittableRandom(m * 31L + n);
        double[] a = new double[m * n];
        for (int j = 0; j < n; j++) { // columns graded over eight decades, so small σ take part
            double scale = Math.pow(10, -8.0 * j / Math.max(1, n - 1));
            for (int i = 0; i < m; i++) a[j * m + i] = scale * rnd.nextDouble(-1, 1);
        }
        double[] copy = a.clone();
        Svd explicit = Lapack.svd(m, n, a);
        BidiagonalSvd svd = new BidiagonalSvd();
        svd.decompose(m, n, a);
        assertArrayEquals(copy, a, 0.0, "input not modified");
        int k = Math.min(m, n);
        assertEquals(k, svd.k());
        for (int j = 0; j < k; j++) assertEquals(explicit.s()[j], svd.s()[j], 1e-14 * explicit.s()[0], "σ_" + j);

        double[] x = rnd.doubles(n, -1, 1).toArray();
        for (int rank : new int[] {0, 1, k / 2, k}) {
            double[] expected = new double[m];
            double predicted = 0;
            for (int j = 0; j < rank; j++) {
                double c = 0; // (Vᵀx)_j, row j of the k × n Vᵀ
                for (int p = 0; p < n; p++) c += explicit.vt()[p * k + j] * x[p];
                predicted += c * c;
                for (int i = 0; i < m; i++) expected[i] += explicit.u()[j * m + i] * c / explicit.s()[j];
            }
            double[] y = new double[m];
            java.util.Arrays.fill(y, 7.0); // overwritten, not accumulated into
            double got = svd.solveTransposed(rank, x, y);
            assertEquals(predicted, got, 1e-13 * Math.max(1, predicted), "‖V_rᵀx‖², rank " + rank);
            // directions of σ ~ 1e-8·σ_max are accurate to ε·σ_max/σ relative, scaled up by 1/σ in y
            double bound = 0;
            for (double e : expected) bound = Math.max(bound, Math.abs(e));
            double sigmaMin = rank == 0 ? 1 : explicit.s()[rank - 1];
            assertArrayEquals(expected, y, 1e-13 * Math.max(bound, 1) * explicit.s()[0] / sigmaMin, "y, rank " + rank);
        }
    }

    @ParameterizedTest
    @CsvSource({"-1", "6"})
    void rejectsARankOutsideTheDecomposition(int rank) {
        BidiagonalSvd svd = new BidiagonalSvd();
        svd.decompose(5, 5, new SplittableRandom(1).doubles(25, -1, 1).toArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> svd.solveTransposed(rank, new double[5], new double[5]));
        assertEquals("solveKept: rank must be in 0..5, got " + rank, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"9, 4", "3, 8"})
    void reusedAcrossShapesMatchesAFreshInstance(int m, int n) {
        BidiagonalSvd reused = new BidiagonalSvd(), fresh = new BidiagonalSvd();
        SplittableRandom rnd = new SplittableRandom(5);
        reused.decompose(12, 12, rnd.doubles(144, -1, 1).toArray());
        double[] a = rnd.doubles(m * n, -1, 1).toArray(), x = rnd.doubles(n, -1, 1).toArray();
        reused.decompose(m, n, a);
        fresh.decompose(m, n, a);
        double[] y1 = new double[m], y2 = new double[m];
        int k = Math.min(m, n);
        assertEquals(fresh.solveTransposed(k, x, y2), reused.solveTransposed(k, x, y1), 0.0);
        assertArrayEquals(y2, y1, 0.0, "bit-identical");
        assertArrayEquals(java.util.Arrays.copyOf(fresh.s(), k), java.util.Arrays.copyOf(reused.s(), k), 0.0);
    }
}
