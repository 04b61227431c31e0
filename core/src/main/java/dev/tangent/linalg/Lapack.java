package dev.tangent.linalg;

import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgelsd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgeqrt;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgesdd_work;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dormqr;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd_2stage;

import dev.tangent.TangentException;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * LAPACK decompositions on flat column-major {@code double[]} matrices (native OpenBLAS).
 * Inputs are never modified: they are copied to native scratch, which LAPACK may overwrite.
 */
public final class Lapack {
    private Lapack() {}

    /** Thin SVD (divide and conquer, dgesdd) of the m×n column-major matrix {@code a} (not modified). */
    public static Svd svd(int m, int n, double[] a) {
        Svd out = Svd.allocate(m, n);
        svdInto(m, n, a, out);
        return out;
    }

    /**
     * As {@link #svd}, into the arrays of {@code out} (from {@link Svd#allocate} for this m×n), so that a caller that
     * decomposes one shape every step allocates nothing per step.
     */
    public static void svdInto(int m, int n, double[] a, Svd out) {
        Checks.shape(out.m() == m && out.n() == n && out.k() == Math.min(m, n) && out.u().length == m * out.k()
                && out.s().length == out.k() && out.vt().length == out.k() * n, "svdInto: the output is not sized for %dx%d (use Svd.allocate)", m, n);
        NativeBackend.sized((double) m * n * Math.min(m, n), () -> {
            svdNative(m, n, a, out);
            return null;
        });
    }

    private static void svdNative(int m, int n, double[] a, Svd out) {
        Checks.shape(m > 0 && n > 0, "svd needs a non-empty matrix, got %dx%d", m, n);
        Checks.fits(a, 0, (long) m * n, "A");
        int k = Math.min(m, n);
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, m * n);
        DoublePointer ps = nb.doubles(1, k);
        DoublePointer pu = nb.doubles(2, (long) m * k);
        DoublePointer pvt = nb.doubles(3, (long) k * n);
        gesdd(nb, (byte) 'S', m, n, pa, ps, pu, m, pvt, k);
        ps.get(out.s());
        pu.get(out.u());
        pvt.get(out.vt());
    }

    /**
     * dgeqrt's block for an n-column QR: its panels are factored recursively and each trailing update is a GEMM of
     * this inner size. Best of four, ms (dgeqrf, whose default block is 32 / dgeqrt 64 / 128): 4417 × 1140 246 / 197 /
     * 189, 5301 × 2192 839 / 693 / 660, 2200 × 921 84 / 63 / 63, 4500 × 449 68 / 46 / 48.
     */
    static int qrBlock(int n) {
        return Math.min(n, n >= 1000 ? 128 : 64);
    }

    /**
     * Householder QR of the m×n column-major {@code a} (m ≥ n, not modified), LAPACK's compact form: R on and above
     * the diagonal of {@code qr} (m×n, overwritten), the reflectors' tails below it, their scalars in {@code tau} (n)
     * (dgeqrt, blocked by {@link #qrBlock}; the same factors as dgeqrf up to rounding).
     * {@code a} is copied to native memory first, so {@code qr} may be {@code a} itself.
     */
    public static void qrInto(int m, int n, double[] a, double[] qr, double[] tau) {
        Checks.shape(m >= n && n > 0, "qrInto needs m >= n > 0, got %dx%d", m, n);
        Checks.fits(a, 0, (long) m * n, "A");
        Checks.fits(qr, 0, (long) m * n, "qr");
        Checks.fits(tau, 0, n, "tau");
        NativeBackend.sized(2.0 * m * n * n, () -> {
            NativeBuffers nb = NativeBuffers.get();
            DoublePointer pa = nb.load(0, a, 0, m * n);
            int block = qrBlock(n);
            DoublePointer pt = nb.doubles(1, (long) block * n);
            check(LAPACKE_dgeqrt(LAPACK_COL_MAJOR, m, n, block, pa, m, pt, block), "dgeqrt");
            pa.get(qr, 0, m * n);
            for (int j = 0; j < n; j++) tau[j] = pt.get(j % block + (long) j * block); // τ_j: the diagonal of each block's T
            return null;
        });
    }

    /**
     * x ← Qᵀ x (dormqr; x of length m) for {@link #qrInto}'s m × k factor A = Q R: x's first k entries are then Q₁ᵀx,
     * the coordinates of x's projection on the range of A.
     */
    public static void applyQrQt(int m, int k, double[] qr, double[] tau, double[] x) {
        Checks.shape(k <= m && k > 0, "applyQrQt needs 0 < k <= m, got m=%d, k=%d", m, k);
        Checks.fits(qr, 0, (long) m * k, "qr");
        Checks.fits(x, 0, m, "x");
        Checks.fits(tau, 0, k, "tau");
        NativeBackend.sized(4.0 * k * m, () -> {
            NativeBuffers nb = NativeBuffers.get();
            DoublePointer pa = nb.load(0, qr, 0, m * k);
            DoublePointer pt = nb.load(1, tau, 0, k);
            DoublePointer px = nb.load(2, x, 0, m);
            check(LAPACKE_dormqr(LAPACK_COL_MAJOR, (byte) 'L', (byte) 'T', m, 1, k, pa, m, pt, px, m), "dormqr");
            px.get(x, 0, m);
            return null;
        });
    }

    /** Singular values only (descending) of the m×n matrix {@code a} (not modified). */
    public static double[] singularValues(int m, int n, double[] a) {
        return NativeBackend.sized((double) m * n * Math.min(m, n), () -> singularValuesNative(m, n, a));
    }

    private static double[] singularValuesNative(int m, int n, double[] a) {
        Checks.shape(m > 0 && n > 0, "svd needs a non-empty matrix, got %dx%d", m, n);
        Checks.fits(a, 0, (long) m * n, "A");
        int k = Math.min(m, n);
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, m * n);
        DoublePointer ps = nb.doubles(1, k);
        DoublePointer dummy = nb.doubles(2, 1);
        gesdd(nb, (byte) 'N', m, n, pa, ps, dummy, 1, dummy, 1);
        double[] s = new double[k];
        ps.get(s);
        return s;
    }

    /** Eigenvalues (ascending) and optionally eigenvectors of the symmetric n×n matrix {@code a} (not modified). */
    public static SymmetricEigen symmetricEigen(int n, double[] a, boolean vectors) {
        Checks.shape(n > 0, "symmetricEigen needs n > 0, got %d", n);
        Checks.fits(a, 0, (long) n * n, "A");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, n * n);
        DoublePointer pw = nb.doubles(1, n);
        check(LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'L', n, pa, n, pw), "dsyevd");
        double[] w = new double[n];
        pw.get(w);
        double[] v = null;
        if (vectors) {
            v = new double[n * n];
            pa.get(v);
        }
        return new SymmetricEigen(n, w, v);
    }

    /**
     * Eigenvalues (ascending, into {@code values}) and eigenvectors of the symmetric n×n matrix {@code a}, which is
     * overwritten by the column-major eigenvectors (dsyevd; a per-step decomposition allocates nothing in Java).
     */
    public static void symmetricEigenInto(int n, double[] a, double[] values) {
        Checks.shape(n > 0, "symmetricEigenInto needs n > 0, got %d", n);
        Checks.fits(a, 0, (long) n * n, "A");
        Checks.fits(values, 0, n, "values");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, n * n);
        DoublePointer pw = nb.doubles(1, n);
        int info = NativeBackend.sized(4.0 * n * n * n, () -> LAPACKE_dsyevd(LAPACK_COL_MAJOR, (byte) 'V', (byte) 'L', n, pa, n, pw));
        check(info, "dsyevd");
        pw.get(values, 0, n);
        pa.get(a, 0, n * n);
    }

    /**
     * Eigenvalues only (ascending) of the symmetric n×n matrix {@code a} (not modified; its lower triangle is read), by
     * LAPACK's two-stage reduction (dsyevd_2stage: full → band with BLAS-3, then band → tridiagonal), which for
     * n in the thousands is about twice as fast as the one-stage dsyevd, whose reduction is half BLAS-2.
     */
    public static double[] symmetricEigenvalues(int n, double[] a) {
        Checks.shape(n > 0, "symmetricEigenvalues needs n > 0, got %d", n);
        Checks.fits(a, 0, (long) n * n, "A");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, n * n);
        DoublePointer pw = nb.doubles(1, n);
        int info = NativeBackend.sized((double) n * n * n, () -> LAPACKE_dsyevd_2stage(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, pa, n, pw));
        check(info, "dsyevd_2stage");
        double[] w = new double[n];
        pw.get(w);
        return w;
    }

    /**
     * Solves A·X = B for symmetric positive definite A (n×n, not modified) by Cholesky (dpotrf/dpotrs).
     * B is n×nrhs (not modified); returns X. Throws {@link TangentException} when A is not positive definite.
     */
    public static double[] choleskySolve(int n, double[] a, int nrhs, double[] b) {
        Checks.shape(n > 0 && nrhs > 0, "choleskySolve needs n > 0 and nrhs > 0, got n=%d nrhs=%d", n, nrhs);
        Checks.fits(a, 0, (long) n * n, "A");
        Checks.fits(b, 0, (long) n * nrhs, "B");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, n * n);
        DoublePointer pb = nb.load(1, b, 0, n * nrhs);
        int info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'L', n, pa, n);
        if (info > 0) {
            throw new TangentException("Cholesky failed: the matrix is not positive definite (leading minor "
                    + info + " of " + n + ")");
        }
        check(info, "dpotrf");
        check(LAPACKE_dpotrs(LAPACK_COL_MAJOR, (byte) 'L', n, nrhs, pa, n, pb, n), "dpotrs");
        double[] x = new double[n * nrhs];
        pb.get(x);
        return x;
    }

    /**
     * Solves (A + shift·I)·x = b for symmetric A (n×n, not modified; e.g. a Gram matrix) by Cholesky, writing x
     * (length ≥ n, modified). Returns false, leaving x undefined, when A + shift·I is not numerically positive
     * definite, so a damped solver can raise the shift and retry. The factor is kept in a per-thread buffer:
     * {@link #choleskyResolve} reuses it for further right-hand sides until the next native call.
     */
    public static boolean choleskyShiftedSolve(int n, double[] a, double shift, double[] b, double[] x) {
        Checks.shape(n > 0, "choleskyShiftedSolve needs n > 0, got %d", n);
        Checks.fits(a, 0, (long) n * n, "A");
        Checks.fits(b, 0, n, "b");
        Checks.fits(x, 0, n, "x");
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(5, a, 0, n * n);
        if (shift != 0) {
            for (int i = 0; i < n; i++) pa.put((long) i * n + i, a[i * n + i] + shift);
        }
        int info = NativeBackend.sized((double) n * n * n / 3, () -> LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'L', n, pa, n));
        if (info > 0) return false;
        check(info, "dpotrf");
        choleskyResolve(n, b, x);
        return true;
    }

    /** Solves with the factor of the last successful {@link #choleskyShiftedSolve} on this thread; x is modified. */
    public static void choleskyResolve(int n, double[] b, double[] x) {
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.doubles(5, (long) n * n);
        DoublePointer pb = nb.load(6, b, 0, n);
        check(LAPACKE_dpotrs(LAPACK_COL_MAJOR, (byte) 'L', n, 1, pa, n, pb, n), "dpotrs");
        pb.get(x, 0, n);
    }

    /**
     * Minimum-norm least squares min‖A·X − B‖ by SVD (dgelsd). A is m×n, B is m×nrhs (neither modified).
     * Singular values below {@code rcond}·σ_max are treated as zero (rcond &lt; 0: machine precision).
     */
    public static LeastSquares leastSquares(int m, int n, double[] a, int nrhs, double[] b, double rcond) {
        double[] x = new double[n * nrhs], s = new double[Math.min(m, n)];
        int rank = leastSquaresInto(m, n, a, nrhs, b, rcond, x, s);
        return new LeastSquares(x, rank, s);
    }

    /**
     * As {@link #leastSquares}, writing X (n×nrhs) into {@code x} and the singular values of A (descending, min(m, n))
     * into {@code s}; returns the effective rank. Nothing is allocated on the Java heap.
     */
    public static int leastSquaresInto(int m, int n, double[] a, int nrhs, double[] b, double rcond, double[] x, double[] s) {
        return NativeBackend.sized((double) m * n * Math.min(m, n), () -> leastSquaresNative(m, n, a, nrhs, b, rcond, x, s));
    }

    private static int leastSquaresNative(int m, int n, double[] a, int nrhs, double[] b, double rcond, double[] x, double[] s) {
        Checks.shape(m > 0 && n > 0 && nrhs > 0, "leastSquares needs positive sizes, got m=%d n=%d nrhs=%d", m, n, nrhs);
        Checks.fits(a, 0, (long) m * n, "A");
        Checks.fits(b, 0, (long) m * nrhs, "B");
        Checks.fits(x, 0, (long) n * nrhs, "X");
        int k = Math.min(m, n);
        Checks.fits(s, 0, k, "s");
        int ldb = Math.max(m, n);
        NativeBuffers nb = NativeBuffers.get();
        DoublePointer pa = nb.load(0, a, 0, m * n);
        DoublePointer pb = nb.doubles(1, (long) ldb * nrhs);
        for (int j = 0; j < nrhs; j++) {
            pb.position((long) j * ldb).put(b, j * m, m);
            // rows m..ldb−1 are outputs, but LAPACKE NaN-checks them: clear what the scratch slot held before
            for (long i = (long) j * ldb + m; i < (long) (j + 1) * ldb; i++) pb.put(i, 0.0);
        }
        pb.position(0);
        DoublePointer ps = nb.doubles(2, k);
        IntPointer rank = nb.ints(1);
        check(LAPACKE_dgelsd(LAPACK_COL_MAJOR, m, n, nrhs, pa, m, pb, ldb, ps, rcond, rank), "dgelsd");
        for (int j = 0; j < nrhs; j++) {
            pb.position((long) j * ldb).get(x, j * n, n);
        }
        pb.position(0);
        ps.get(s, 0, k);
        return rank.get(0);
    }

    /** dgesdd with a workspace query first (the workspace buffer is reused across calls). */
    private static void gesdd(NativeBuffers nb, byte jobz, int m, int n, DoublePointer pa, DoublePointer ps,
                              DoublePointer pu, int ldu, DoublePointer pvt, int ldvt) {
        IntPointer iwork = nb.ints(8L * Math.min(m, n));
        DoublePointer query = nb.doubles(4, 1);
        check(LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, jobz, m, n, pa, m, ps, pu, ldu, pvt, ldvt, query, -1, iwork),
                "dgesdd workspace query");
        int lwork = (int) Math.ceil(query.get(0));
        DoublePointer work = nb.doubles(4, lwork);
        check(LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, jobz, m, n, pa, m, ps, pu, ldu, pvt, ldvt, work, lwork, iwork), "dgesdd");
    }

    static void check(int info, String routine) {
        if (info < 0) throw new IllegalArgumentException(routine + ": argument " + (-info) + " is invalid");
        if (info > 0) throw new TangentException(routine + " did not converge (info=" + info + ")");
    }
}
