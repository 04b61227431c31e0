package dev.tangent.linalg;

import static org.bytedeco.openblas.global.openblas.CblasColMajor;
import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dbdsdc;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgebrd;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dormbr;
import static org.bytedeco.openblas.global.openblas.cblas_dgemv;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * Thin SVD A = U Σ Vᵀ of an m × n column-major matrix, kept as LAPACK's factors rather than U and V: A = Q_B B P_Bᵀ
 * (dgebrd, B bidiagonal k × k, k = min(m, n)) and B = U_B Σ V_Bᵀ (dbdsdc), so that U = Q_B [U_B; 0] and
 * V = P_B [V_B; 0] are applied to vectors and never formed.
 *
 * <p>This is dgesdd's own path for m ≤ 11/6·n and n ≤ 11/6·m, without its two back-transformations (dormbr on
 * k × k blocks, about a third of its time at k = 1140): the singular values are the same numbers, and a solve
 * applies the reflectors to one vector (O(mn)) instead of reading U and V. The factors stay in native memory that
 * this object owns, sized once per shape, so a solve copies only vectors.
 */
final class BidiagonalSvd {
    private int m, n, k;
    private double[] s = new double[0], w = new double[0];
    /** dgebrd's output (m × n, the reflectors of Q_B below the diagonal, of P_B right of the superdiagonal). */
    private DoublePointer factors;
    private DoublePointer tauq, taup, diag, offDiag, ub, vbt, px, py, pw;

    /** Factors the m × n column-major {@code a} (not modified); {@link #s} then holds σ(A), descending. */
    void decompose(int m, int n, double[] a) {
        Checks.shape(m > 0 && n > 0, "svd needs a non-empty matrix, got %dx%d", m, n);
        Checks.fits(a, 0, (long) m * n, "A");
        int k = Math.min(m, n);
        this.m = m;
        this.n = n;
        this.k = k;
        factors = grow(factors, (long) m * n);
        tauq = grow(tauq, k);
        taup = grow(taup, k);
        diag = grow(diag, k);
        offDiag = grow(offDiag, k);
        ub = grow(ub, (long) k * k);
        vbt = grow(vbt, (long) k * k);
        if (s.length != k) s = new double[k];
        factors.position(0).put(a, 0, m * n);
        NativeBackend.sized((double) m * n * k, () -> {
            Lapack.check(LAPACKE_dgebrd(LAPACK_COL_MAJOR, m, n, factors, m, diag, offDiag, tauq, taup), "dgebrd");
            Lapack.check(LAPACKE_dbdsdc(LAPACK_COL_MAJOR, (byte) (m >= n ? 'U' : 'L'), (byte) 'I', k, diag, offDiag,
                    ub, k, vbt, k, (DoublePointer) null, (IntPointer) null), "dbdsdc");
            return null;
        });
        diag.position(0).get(s, 0, k);
    }

    int m() {
        return m;
    }

    int n() {
        return n;
    }

    int k() {
        return k;
    }

    /** σ(A), descending (k values); a live view, overwritten by the next {@link #decompose}. */
    double[] s() {
        return s;
    }

    /** Number of singular values strictly above {@code tol}. */
    int rankAbove(double tol) {
        int r = 0;
        while (r < k && s[r] > tol) r++;
        return r;
    }

    /**
     * y ← U_r Σ_r⁻¹ V_rᵀ x on the leading {@code rank} triplets, i.e. (Aᵀ)⁺ x truncated (x of length n, y of length m
     * overwritten). Returns ‖V_rᵀ x‖².
     */
    double solveTransposed(int rank, double[] x, double[] y) {
        if (rank < 0 || rank > k) throw new IllegalArgumentException("solveKept: rank must be in 0.." + k + ", got " + rank);
        Checks.fits(x, 0, n, "x");
        Checks.fits(y, 0, m, "y");
        java.util.Arrays.fill(y, 0, m, 0.0);
        if (rank == 0) return 0.0;
        px = grow(px, n);
        py = grow(py, m);
        pw = grow(pw, k);
        if (w.length < k) w = new double[k];
        return NativeBackend.sized(4.0 * m * n, () -> {
            px.position(0).put(x, 0, n);
            // z = P_Bᵀ x, then w = V_Bᵀ z (the first k entries of z are B's column space)
            Lapack.check(LAPACKE_dormbr(LAPACK_COL_MAJOR, (byte) 'P', (byte) 'L', (byte) 'T', n, 1, m, factors, m, taup, px, n), "dormbr");
            cblas_dgemv(CblasColMajor, CblasNoTrans, rank, k, 1.0, vbt, k, px, 1, 0.0, pw, 1);
            pw.position(0).get(w, 0, rank);
            double sum = 0;
            for (int j = 0; j < rank; j++) {
                sum += w[j] * w[j];
                w[j] /= s[j];
            }
            pw.position(0).put(w, 0, rank);
            py.position(0).put(y, 0, m); // zeros: rows k..m-1 stay 0 below U_B w
            cblas_dgemv(CblasColMajor, CblasNoTrans, k, rank, 1.0, ub, k, pw, 1, 0.0, py, 1);
            Lapack.check(LAPACKE_dormbr(LAPACK_COL_MAJOR, (byte) 'Q', (byte) 'L', (byte) 'N', m, 1, n, factors, m, tauq, py, m), "dormbr");
            py.position(0).get(y, 0, m);
            return sum;
        });
    }

    private static DoublePointer grow(DoublePointer p, long need) {
        long size = Math.max(1, need);
        if (p != null && p.capacity() >= size) return p.position(0);
        if (p != null) p.close();
        return new DoublePointer(size);
    }
}
