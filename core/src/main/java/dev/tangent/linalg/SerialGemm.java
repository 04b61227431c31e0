package dev.tangent.linalg;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.openblas.global.openblas_full;

/**
 * A GEMM that runs entirely on the calling thread whatever OpenBLAS's thread count, so Java threads can each drive
 * their own GEMMs without sharing (or spinning on) the BLAS thread pool, and without {@code blas_set_num_threads},
 * which costs milliseconds per call in OpenBLAS 0.3.31 (it reallocates per-thread buffers).
 *
 * <p>By size (OpenBLAS 0.3.31 rules): m·n·k ≤ 65536·4 runs single-threaded inside cblas_dgemm; above 10⁶ a
 * one-matrix {@code cblas_dgemm_batch} runs the ordinary single-thread driver on the caller (same kernels, same
 * bits); in between, the batch would take its small-matrix path, which crashes in this DYNAMIC_ARCH build (a null
 * kernel on Zen/Haswell), so the columns are cut into panels under the single-thread size, a multiple of 8 columns
 * wide where possible (the kernels' panels end there anyway, so entries stay bit-identical to one call).
 */
final class SerialGemm {
    private static final double SINGLE_THREAD_MNK = 65536.0 * 4;
    private static final double BATCH_SMALL_MNK = 100.0 * 100.0 * 100.0;
    private static final ThreadLocal<SerialGemm> LOCAL = ThreadLocal.withInitial(SerialGemm::new);

    private final IntPointer transA = new IntPointer(1);
    private final IntPointer transB = new IntPointer(1);
    private final IntPointer dims = new IntPointer(3);
    private final IntPointer lds = new IntPointer(3);
    private final IntPointer groupSize = new IntPointer(1L).put(1);
    private final DoublePointer alpha = new DoublePointer(1);
    private final DoublePointer beta = new DoublePointer(1);
    private final PointerPointer<DoublePointer> a = new PointerPointer<>(1);
    private final PointerPointer<DoublePointer> b = new PointerPointer<>(1);
    private final PointerPointer<DoublePointer> c = new PointerPointer<>(1);

    /** C = alpha·op(A)·op(B) + beta·C on native operands at explicit offsets (column-major; positions must be 0). */
    static void run(boolean ta, boolean tb, int m, int n, int k, double alpha, DoublePointer pa, long aOff, int lda,
                    DoublePointer pb, long bOff, int ldb, double beta, DoublePointer pc, long cOff, int ldc) {
        double mk = (double) m * k;
        double mnk = mk * n;
        if (mnk <= SINGLE_THREAD_MNK) {
            dgemm(ta, tb, m, n, k, alpha, pa, aOff, lda, pb, bOff, ldb, beta, pc, cOff, ldc);
        } else if (mnk > BATCH_SMALL_MNK) {
            LOCAL.get().batchOfOne(ta, tb, m, n, k, alpha, pa.getPointer(aOff), lda, pb.getPointer(bOff), ldb, beta,
                    pc.getPointer(cOff), ldc);
        } else {
            int fit = (int) (SINGLE_THREAD_MNK / mk);
            int panel = fit >= 8 ? fit / 8 * 8 : Math.max(1, fit);   // fit = 0: layers over 512², n ≤ 3; OpenBLAS may thread
            for (int j = 0; j < n; j += panel) {
                int w = Math.min(panel, n - j);
                long bCol = tb ? j : (long) j * ldb;    // column j of op(B)
                dgemm(ta, tb, m, w, k, alpha, pa, aOff, lda, pb, bOff + bCol, ldb, beta, pc, cOff + (long) j * ldc, ldc);
            }
        }
    }

    private static void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, DoublePointer pa, long aOff, int lda,
                              DoublePointer pb, long bOff, int ldb, double beta, DoublePointer pc, long cOff, int ldc) {
        // getPointer: fresh views at an offset, so operands shared between threads are never repositioned
        cblas_dgemm(CblasColMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, alpha,
                pa.getPointer(aOff), lda, pb.getPointer(bOff), ldb, beta, pc.getPointer(cOff), ldc);
    }

    private void batchOfOne(boolean ta, boolean tb, int m, int n, int k, double al, DoublePointer pa, int lda,
                            DoublePointer pb, int ldb, double be, DoublePointer pc, int ldc) {
        transA.put(0, ta ? CblasTrans : CblasNoTrans);
        transB.put(0, tb ? CblasTrans : CblasNoTrans);
        dims.put(0, m).put(1, n).put(2, k);
        lds.put(0, lda).put(1, ldb).put(2, ldc);
        alpha.put(0, al);
        beta.put(0, be);
        a.put(0, pa);
        b.put(0, pb);
        c.put(0, pc);
        openblas_full.cblas_dgemm_batch(CblasColMajor, transA, transB, dims.getPointer(0), dims.getPointer(1),
                dims.getPointer(2), alpha, a, lds.getPointer(0), b, lds.getPointer(1), beta, c, lds.getPointer(2), 1,
                groupSize);
    }
}
