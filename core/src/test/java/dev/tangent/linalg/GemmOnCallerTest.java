package dev.tangent.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The on-caller GEMM with native-resident A, on every size path, against the naive product and the plain GEMM. */
class GemmOnCallerTest {
    /** m, n, k covering: direct (≤ 2.6e5), 8-column panels, batch of one (> 1e6), panels under 8 columns, m or k = 1. */
    private static final int[][] SHAPES = {{7, 5, 9}, {64, 280, 64}, {50, 280, 50}, {64, 1000, 64}, {200, 30, 200},
            {200, 20, 200}, {300, 10, 300}, {1, 280, 64}, {64, 280, 1}, {256, 3, 256}};

    @Test
    void everySizePathMatchesNaiveAndIsBitIdenticalToPlainGemm() {
        for (int[] s : SHAPES) {
            int m = s[0], n = s[1], k = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                double[] a = LinalgTest.random(m * k + 3, m + 31L * n);
                double[] b = LinalgTest.random(k * n, k + 7L * n);
                int lda = ta ? k : m;
                double[] aTight = java.util.Arrays.copyOfRange(a, 3, 3 + m * k);
                double[] want = LinalgTest.naiveProduct(ta, false, m, n, k, aTight, b);
                for (int i = 0; i < want.length; i++) want[i] *= 0.5;
                try (NativeMatrix na = new NativeMatrix(a.length)) {
                    na.load(a, 0, a.length);
                    double[] c = new double[m * n];
                    Blas.gemmOnCaller(ta, false, m, n, k, 0.5, na, 3, lda, b, 0, k, 0.0, c, 0, m);
                    double[] plain = new double[m * n];
                    Blas.gemm(ta, false, m, n, k, 0.5, aTight, 0, lda, b, 0, k, 0.0, plain, 0, m);
                    String shape = m + "x" + n + "x" + k + (ta ? " Aᵀ" : "");
                    assertArrayEquals(want, c, 1e-12 * k, shape);
                    if (n % 8 == 0 || (double) m * n * k <= 65536.0 * 4) assertArrayEquals(plain, c, 0.0, shape + " bits");
                }
            }
        }
    }

    @Test
    void betaAndStridedOutputKeepTheRestOfC() {
        int m = 3, n = 2, k = 2;
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {1, 1, 2, 0};
        double[] c = {1, 1, 1, 9, 1, 1, 1, 9};
        try (NativeMatrix na = new NativeMatrix(6)) {
            na.load(a, 0, 6);
            Blas.gemmOnCaller(false, false, m, n, k, 1.0, na, 0, m, b, 0, k, 1.0, c, 0, 4);
        }
        assertArrayEquals(new double[] {6, 8, 10, 9, 3, 5, 7, 9}, c, 0.0);
    }

    @Test
    void concurrentCallersGetTheSameAnswers() {
        int m = 64, n = 280, k = 64;
        double[] a = LinalgTest.random(m * k, 5), b = LinalgTest.random(k * n, 6);
        double[] want = new double[m * n];
        Blas.gemm(false, false, m, n, k, 1.0, a, 0, m, b, 0, k, 0.0, want, 0, m);
        AtomicInteger mismatches = new AtomicInteger();
        try (NativeMatrix na = new NativeMatrix(a.length)) {
            na.load(a, 0, a.length);
            IntStream.range(0, 8).parallel().forEach(t -> {
                double[] c = new double[m * n];
                for (int rep = 0; rep < 20; rep++) {
                    Blas.gemmOnCaller(false, false, m, n, k, 1.0, na, 0, m, b, 0, k, 0.0, c, 0, m);
                    if (!java.util.Arrays.equals(want, c)) mismatches.incrementAndGet();
                }
            });
        }
        assertEquals(0, mismatches.get());
    }

    @Test
    void rejectsOperandsOutsideTheNativeMatrix() {
        try (NativeMatrix na = new NativeMatrix(4)) {
            assertThrows(IllegalArgumentException.class,
                    () -> Blas.gemmOnCaller(false, false, 2, 2, 2, 1.0, na, 1, 2, new double[4], 0, 2, 0.0, new double[4], 0, 2));
        }
    }

    @Test
    void dgemmPeakIsPositiveAndRestoresThreads() {
        int before = NativeBackend.threads();
        double peak = DgemmPeak.measure(200, 1, 2);
        assertEquals(before, NativeBackend.threads());
        org.junit.jupiter.api.Assertions.assertTrue(peak > 0.1 && peak < 1e4, "peak " + peak);
    }
}
