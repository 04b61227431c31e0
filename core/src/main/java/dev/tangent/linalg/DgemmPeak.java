package dev.tangent.linalg;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

import org.bytedeco.javacpp.DoublePointer;

/**
 * The machine's measured fp64 GEMM rate, the yardstick benchmarks divide by ("fraction of dgemm peak"). Square
 * native-resident operands, no copies; the best of several runs, because on a shared machine the best run is the one
 * least disturbed by other work.
 */
public final class DgemmPeak {
    private DgemmPeak() {}

    /** GFLOP/s of an n×n×n dgemm with {@code threads} BLAS threads (restored afterwards), best of {@code runs}. */
    public static double measure(int n, int threads, int runs) {
        Checks.shape(n > 0 && threads > 0 && runs > 0, "peak needs positive n, threads and runs, got %d, %d, %d", n, threads, runs);
        int before = NativeBackend.threads();
        long len = (long) n * n;
        try (DoublePointer a = new DoublePointer(len); DoublePointer b = new DoublePointer(len); DoublePointer c = new DoublePointer(len)) {
            for (long i = 0; i < len; i++) {
                a.put(i, Math.sin(i));
                b.put(i, Math.cos(i));
            }
            NativeBackend.setThreads(threads);
            double best = Double.MAX_VALUE;
            for (int r = 0; r <= runs; r++) {
                long t0 = System.nanoTime();
                cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
                long dt = System.nanoTime() - t0;
                if (r > 0) best = Math.min(best, dt);    // run 0 warms the packing buffers
            }
            return 2.0 * n * n * n / best;
        } finally {
            NativeBackend.setThreads(before);
        }
    }
}
