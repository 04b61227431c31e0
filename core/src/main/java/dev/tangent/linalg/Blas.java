package dev.tangent.linalg;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasLower;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_dsyrk;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Level-3 BLAS on flat column-major {@code double[]} matrices, executed by native OpenBLAS.
 * Every matrix argument is (array, offset, leading dimension); outputs are written in place.
 */
public final class Blas {
    private Blas() {}

    /**
     * C = alpha·op(A)·op(B) + beta·C, column-major. op(X) = Xᵀ when the flag is set.
     * A (not modified) is m×k after op, B (not modified) k×n after op, C (modified) m×n.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                            double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                            double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        Checks.shape(m >= 0 && n >= 0 && k >= 0, "gemm dimensions must be non-negative, got m=%d n=%d k=%d", m, n, k);
        int aCols = transA ? m : k;
        int bCols = transB ? k : n;
        Checks.shape(lda >= Math.max(1, transA ? k : m), "gemm lda=%d too small", lda);
        Checks.shape(ldb >= Math.max(1, transB ? n : k), "gemm ldb=%d too small", ldb);
        Checks.shape(ldc >= Math.max(1, m), "gemm ldc=%d too small", ldc);
        int aLen = k == 0 ? 0 : lda * (aCols - 1) + (transA ? k : m);
        int bLen = k == 0 ? 0 : ldb * (bCols - 1) + (transB ? n : k);
        int cLen = ldc * (n - 1) + m;
        Checks.fits(a, aOff, aLen, "A");
        Checks.fits(b, bOff, bLen, "B");
        Checks.fits(c, cOff, cLen, "C");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, aOff, Math.max(aLen, 0));
        DoublePointer pb = nb.load(1, b, bOff, Math.max(bLen, 0));
        // a strided C (ldc > m) is loaded so the entries between its columns survive the copy back
        DoublePointer pc = beta == 0.0 && ldc == m ? nb.doubles(2, cLen) : nb.load(2, c, cOff, cLen);
        NativeBackend.forGemm(2.0 * m * n * k);
        cblas_dgemm(CblasColMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        pc.get(c, cOff, cLen);
    }

    /**
     * As {@link #gemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[], int, int)}
     * with A already in native memory (not copied), computed on the calling thread only (never the BLAS thread pool),
     * so several Java threads can run these at once, each on its own core.
     */
    public static void gemmOnCaller(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                    NativeMatrix a, long aOff, int lda, double[] b, int bOff, int ldb,
                                    double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        Checks.shape(m >= 0 && n >= 0 && k >= 0, "gemm dimensions must be non-negative, got m=%d n=%d k=%d", m, n, k);
        Checks.shape(lda >= Math.max(1, transA ? k : m), "gemm lda=%d too small", lda);
        Checks.shape(ldb >= Math.max(1, transB ? n : k), "gemm ldb=%d too small", ldb);
        Checks.shape(ldc >= Math.max(1, m), "gemm ldc=%d too small", ldc);
        long aLen = k == 0 ? 0 : (long) lda * ((transA ? m : k) - 1) + (transA ? k : m);
        int bLen = k == 0 ? 0 : ldb * ((transB ? k : n) - 1) + (transB ? n : k);
        int cLen = ldc * (n - 1) + m;
        Checks.shape(aOff >= 0 && aOff + aLen <= a.capacity(), "matrix A needs %d entries from offset %d of %d", aLen, aOff, a.capacity());
        Checks.fits(b, bOff, bLen, "B");
        Checks.fits(c, cOff, cLen, "C");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pb = nb.load(1, b, bOff, Math.max(bLen, 0));
        DoublePointer pc = beta == 0.0 && ldc == m ? nb.doubles(2, cLen) : nb.load(2, c, cOff, cLen);
        SerialGemm.run(transA, transB, m, n, k, alpha, a.data(), aOff, lda, pb, 0, ldb, beta, pc, 0, ldc);
        pc.get(c, cOff, cLen);
    }

    /**
     * As {@link #gemm(boolean, boolean, int, int, int, double, double[], int, int, double[], int, int, double, double[], int, int)},
     * computed on the calling thread only, so Java threads can each run their own GEMMs on their own core.
     */
    public static void gemmSerial(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                  double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                  double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) return;
        Checks.shape(m >= 0 && n >= 0 && k >= 0, "gemm dimensions must be non-negative, got m=%d n=%d k=%d", m, n, k);
        Checks.shape(lda >= Math.max(1, transA ? k : m), "gemm lda=%d too small", lda);
        Checks.shape(ldb >= Math.max(1, transB ? n : k), "gemm ldb=%d too small", ldb);
        Checks.shape(ldc >= Math.max(1, m), "gemm ldc=%d too small", ldc);
        int aLen = k == 0 ? 0 : lda * ((transA ? m : k) - 1) + (transA ? k : m);
        int bLen = k == 0 ? 0 : ldb * ((transB ? k : n) - 1) + (transB ? n : k);
        int cLen = ldc * (n - 1) + m;
        Checks.fits(a, aOff, aLen, "A");
        Checks.fits(b, bOff, bLen, "B");
        Checks.fits(c, cOff, cLen, "C");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, aOff, Math.max(aLen, 0));
        DoublePointer pb = nb.load(1, b, bOff, Math.max(bLen, 0));
        DoublePointer pc = beta == 0.0 && ldc == m ? nb.doubles(2, cLen) : nb.load(2, c, cOff, cLen);
        SerialGemm.run(transA, transB, m, n, k, alpha, pa, 0, lda, pb, 0, ldb, beta, pc, 0, ldc);
        pc.get(c, cOff, cLen);
    }

    /** C = alpha·A·B + beta·C for dense column-major operands with tight leading dimensions. */
    public static void gemm(int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        gemm(false, false, m, n, k, alpha, a, 0, Math.max(1, m), b, 0, Math.max(1, k), beta, c, 0, Math.max(1, m));
    }

    /**
     * Gram matrix C = alpha·op(A)·op(A)ᵀ + beta·C (n×n, modified; both triangles are filled).
     * With {@code trans=false} A is n×k (C = A Aᵀ); with {@code trans=true} A is k×n (C = Aᵀ A).
     */
    public static void syrk(boolean trans, int n, int k, double alpha, double[] a, int lda, double beta, double[] c) {
        Checks.shape(n >= 0 && k >= 0, "syrk dimensions must be non-negative, got n=%d k=%d", n, k);
        if (n == 0) return;
        int rows = trans ? k : n;
        int cols = trans ? n : k;
        Checks.shape(lda >= Math.max(1, rows), "syrk lda=%d too small", lda);
        int aLen = cols == 0 ? 0 : lda * (cols - 1) + rows;
        Checks.fits(a, 0, aLen, "A");
        Checks.fits(c, 0, n * n, "C");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, aLen);
        DoublePointer pc = beta == 0.0 ? nb.doubles(2, (long) n * n) : nb.load(2, c, 0, n * n);
        NativeBackend.sized((double) n * n * k, () -> {
            cblas_dsyrk(CblasColMajor, CblasLower, trans ? CblasTrans : CblasNoTrans, n, k, alpha, pa, lda, beta, pc, n);
            return null;
        });
        pc.get(c, 0, n * n);
        symmetrizeFromLower(n, c);
    }

    static void symmetrizeFromLower(int n, double[] c) {
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) c[i * n + j] = c[j * n + i];
        }
    }
}
