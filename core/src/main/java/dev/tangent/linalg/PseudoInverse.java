package dev.tangent.linalg;

/**
 * Truncated pseudo-inverse solves d = Φ⁺ r for the natural-gradient methods, with every buffer sized once per shape
 * and reused across steps (a step allocates nothing of size S·P, P² or S²).
 *
 * <p>Φ is S × P row-major, which is Φᵀ column-major (P × S), the layout residual Jacobians use. Three routes:
 * <ul>
 *   <li>{@link #decompose(int, int, double[], double)} with a relative cutoff ≥ 1e-4: the eigen-decomposition of
 *       ΦΦᵀ or ΦᵀΦ with one refinement step ({@link NormalEigenPseudoInverse}), then {@link #solveKept}.</li>
 *   <li>otherwise {@link #decompose} then {@link #solveKept}: the thin SVD Φᵀ = U' Σ V'ᵀ, so Φ⁺ = U' Σ⁺ V'ᵀ, kept as
 *       its bidiagonal factors ({@link BidiagonalSvd}: U' and V' are applied to vectors, never formed); the
 *       caller picks the kept rank from {@link #singularValues} by any cutoff rule (ANaGRAM). When P ≥ 11/6·S
 *       (wide nets) Φᵀ = QR first, then the SVD of the S × S factor R = U_R Σ V'ᵀ, and U' = Q·U_R is never formed:
 *       d = Q·[U_R Σ⁺ V'ᵀr; 0] applies the S reflectors to one vector (dgesdd itself takes a QR first at this
 *       shape, but then builds Q and Q·U_R, about as much work again; 1.8× faster at 4353 × 1140). Its mirror for
 *       tall Φ (S ≥ 11/6·P): Φ = Q₁R, the SVD of the P × P factor, and Q₁ᵀ applied to r only.</li>
 *   <li>{@link #solveNormal}: the minimum-norm solution of the normal equations, G d = Φᵀr with G = ΦᵀΦ (P × P,
 *       {@link Form#GRAM}) or d = Φᵀ y with K y = r, K = ΦΦᵀ (S × S, {@link Form#KERNEL}), by dgelsd with the
 *       eigenvalues below c²·λ_max dropped, i.e. the singular values of Φ below c·σ_max (ENGD).</li>
 * </ul>
 */
public final class PseudoInverse {
    /** Which normal-equation matrix {@link #solveNormal} forms. */
    public enum Form { GRAM, KERNEL }

    /** The SVD of the matrix the route decomposes (Φᵀ, or the QR routes' square factor), kept as bidiagonal factors. */
    private final BidiagonalSvd svd = new BidiagonalSvd();
    /** The eigen route of {@link NormalEigenPseudoInverse} for cutoffs it serves; tests switch it off. */
    boolean eigenRoute = true;
    private final NormalEigenPseudoInverse eigen = new NormalEigenPseudoInverse();
    private boolean eigenUsed;
    /** The QR-first routes: of Φᵀ for P ≥ 11/6·S (LAPACK's own crossover), of Φ for S ≥ 11/6·P; tests switch them off. */
    boolean qrFirst = true;
    private boolean qrUsed;
    /** The tall route, S ≥ 11/6·P: Φ = Q₁ R, the SVD of L = Rᵀ, and Q₁ᵀ applied to r only (qtr = Q₁ᵀr). */
    private boolean tallUsed;
    private double[] qtr = new double[0];
    /** The r that qtr was computed from (valid while tallApplied): a solve per cutoff reuses it. */
    private double[] tallRhs = new double[0];
    private boolean tallApplied;
    private int tallRows;
    /** P of the last QR-route decomposition (the SVD there is of the S × S factor, so it does not hold P). */
    private int params;
    private double[] qr = new double[0], tau = new double[0], rFactor = new double[0];
    private double[] normal = new double[0], rhs = new double[0], x = new double[0], eig = new double[0];
    private double predicted;

    /** Thin SVD of Φ (row-major rows × n, not modified); {@link #singularValues} are then σ(Φ), descending. */
    public void decompose(int rows, int n, double[] phi) {
        decompose(rows, n, phi, 0.0);
    }

    /**
     * As {@link #decompose(int, int, double[])}, for a caller that will keep only σ above {@code minRelativeCutoff}·σ_max:
     * from {@link NormalEigenPseudoInverse#MIN_CUTOFF} up, the eigen-decomposition of the smaller normal matrix
     * replaces the SVD (Φ is then kept by reference until {@link #solveKept}: do not modify it in between). Check the
     * cutoff actually used with {@link #serves}.
     */
    public void decompose(int rows, int n, double[] phi, double minRelativeCutoff) {
        eigenUsed = eigenRoute && minRelativeCutoff >= NormalEigenPseudoInverse.MIN_CUTOFF;
        if (eigenUsed) {
            eigen.decompose(rows, n, phi);
            return;
        }
        qrUsed = qrFirst && 6L * n >= 11L * rows;
        tallUsed = qrFirst && 6L * rows >= 11L * n;
        if (tallUsed) { // Φ (S × P column-major, a transposed copy) = Q₁ R, then the SVD of the P × P factor L = Rᵀ
            qr = grow(qr, n * rows);
            tau = grow(tau, n);
            rFactor = grow(rFactor, n * n);
            MatrixOps.transposeInto(n, rows, phi, qr); // dgeqrf on tall Φ is ~1.5× faster than dgelqf on wide Φᵀ
            Lapack.qrInto(rows, n, qr, qr, tau);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) rFactor[j * n + i] = i >= j ? qr[i * rows + j] : 0.0;
            }
            svd.decompose(n, n, rFactor);
            tallRows = rows;
            params = n;
            tallApplied = false;
            return;
        }
        if (!qrUsed) {
            svd.decompose(n, rows, phi);
            return;
        }
        qr = grow(qr, n * rows);
        tau = grow(tau, rows);
        rFactor = grow(rFactor, rows * rows);
        Lapack.qrInto(n, rows, phi, qr, tau); // Φᵀ (P × S column-major) = Q R
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < rows; i++) rFactor[j * rows + i] = i <= j ? qr[j * n + i] : 0.0;
        }
        svd.decompose(rows, rows, rFactor);
        params = n;
    }

    /** σ(Φ) of the last {@link #decompose} (descending, min(S, P) values); a live view, overwritten by the next one. */
    public double[] singularValues() {
        return eigenUsed ? eigen.singularValues() : svd.s();
    }

    /** Number of singular values of the last decomposition strictly above {@code tol}. */
    public int rankAbove(double tol) {
        if (!eigenUsed) return svd.rankAbove(tol);
        double[] s = eigen.singularValues();
        int r = 0;
        while (r < eigen.count() && s[r] > tol) r++;
        return r;
    }

    /** Whether the last decomposition resolves σ down to {@code tol} (false: decompose again with no hint). */
    public boolean serves(double tol) {
        return !eigenUsed || tol >= NormalEigenPseudoInverse.MIN_CUTOFF * eigen.singularValues()[0];
    }

    /**
     * d = U'_k Σ_k⁻¹ V'_kᵀ r on the leading {@code rank} singular triplets of the last decomposition (d of length P is
     * overwritten; r is read for S entries). Returns ‖V'_kᵀ r‖², the decrease of ‖r‖² the kept subspace predicts for
     * the full step.
     */
    public double solveKept(int rank, double[] r, double[] d) {
        if (eigenUsed) {
            if (rank < 0 || rank > eigen.count()) throw new IllegalArgumentException("solveKept: rank must be in 0.." + eigen.count() + ", got " + rank);
            predicted = eigen.solveKept(rank, r, d);
            return predicted;
        }
        if (tallUsed) { // Φ⁺r = U_L Σ⁺ W_Lᵀ (Q₁ᵀ r): the solve below on L, with Q₁ᵀ r for r
            if (!tallApplied || !java.util.Arrays.equals(r, 0, tallRows, tallRhs, 0, tallRows)) {
                qtr = grow(qtr, tallRows);
                tallRhs = grow(tallRhs, tallRows);
                System.arraycopy(r, 0, qtr, 0, tallRows);
                System.arraycopy(r, 0, tallRhs, 0, tallRows);
                Lapack.applyQrQt(tallRows, params, qr, tau, qtr);
                tallApplied = true;
            }
            r = qtr;
        }
        int n = qrUsed ? params : svd.m();
        Checks.fits(d, 0, n, "d");
        double pred = svd.solveTransposed(rank, r, d); // writes d's first svd.m() entries
        if (qrUsed) {
            java.util.Arrays.fill(d, svd.m(), n, 0.0);
            applyQ(n, svd.m(), d);
        }
        predicted = pred;
        return pred;
    }

    /** ‖V'_kᵀ r‖² of the last {@link #solveKept}. */
    public double predicted() {
        return predicted;
    }

    /**
     * Minimum-norm d from the normal equations of min ‖Φd − r‖ (see the class comment), keeping the singular values
     * of Φ above {@code cutoff}·σ_max. Writes d (length P); {@code sigma} (length ≥ the matrix order: P for GRAM, S for
     * KERNEL) receives σ(Φ) = sqrt(λ), descending. Returns the kept rank.
     */
    public int solveNormal(Form form, int rows, int n, double[] phi, double[] r, double cutoff, double[] d, double[] sigma) {
        double rcond = cutoff * cutoff; // eigenvalues of G or K are σ²
        int order = form == Form.GRAM ? n : rows;
        normal = grow(normal, order * order);
        x = grow(x, order);
        eig = grow(eig, order);
        int rank;
        if (form == Form.GRAM) {
            rhs = grow(rhs, n);
            Blas.syrk(false, n, rows, 1.0, phi, n, 0.0, normal); // Φᵀ Φ from column-major Φᵀ
            Blas.gemm(false, false, n, 1, rows, 1.0, phi, 0, n, r, 0, Math.max(1, rows), 0.0, rhs, 0, n);
            rank = Lapack.leastSquaresInto(n, n, normal, 1, rhs, rcond, x, eig);
            System.arraycopy(x, 0, d, 0, n);
        } else {
            Blas.syrk(true, rows, n, 1.0, phi, n, 0.0, normal); // Φ Φᵀ
            rank = Lapack.leastSquaresInto(rows, rows, normal, 1, r, rcond, x, eig);
            Blas.gemm(false, false, n, 1, rows, 1.0, phi, 0, n, x, 0, rows, 0.0, d, 0, n);
        }
        for (int i = 0; i < order; i++) sigma[i] = Math.sqrt(Math.max(eig[i], 0));
        return rank;
    }

    /** x ← Q x = H_1 H_2 … H_S x for the reflectors H_j = I − τ_j v_j v_jᵀ of the last QR (v_j = e_j + the tail below R). */
    private void applyQ(int n, int rows, double[] x) {
        for (int j = rows - 1; j >= 0; j--) {
            int col = j * n;
            double dot = x[j];
            for (int i = j + 1; i < n; i++) dot += qr[col + i] * x[i];
            double t = tau[j] * dot;
            if (t == 0) continue;
            x[j] -= t;
            for (int i = j + 1; i < n; i++) x[i] -= t * qr[col + i];
        }
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
