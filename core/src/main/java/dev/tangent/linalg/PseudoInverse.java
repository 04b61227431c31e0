package dev.tangent.linalg;

/**
 * Truncated pseudo-inverse solves d = Φ⁺ r for the natural-gradient methods, with every buffer sized once per shape
 * and reused across steps (a step allocates nothing of size S·P, P² or S²).
 *
 * <p>Φ is S × P row-major, which is Φᵀ column-major (P × S), the layout residual Jacobians use. Two routes:
 * <ul>
 *   <li>{@link #decompose} then {@link #solveKept}: the thin SVD Φᵀ = U' Σ V'ᵀ (dgesdd), so Φ⁺ = U' Σ⁺ V'ᵀ; the
 *       caller picks the kept rank from {@link #singularValues} by any cutoff rule (ANaGRAM).</li>
 *   <li>{@link #solveNormal}: the minimum-norm solution of the normal equations, G d = Φᵀr with G = ΦᵀΦ (P × P,
 *       {@link Form#GRAM}) or d = Φᵀ y with K y = r, K = ΦΦᵀ (S × S, {@link Form#KERNEL}), by dgelsd with the
 *       eigenvalues below c²·λ_max dropped, i.e. the singular values of Φ below c·σ_max (ENGD).</li>
 * </ul>
 */
public final class PseudoInverse {
    /** Which normal-equation matrix {@link #solveNormal} forms. */
    public enum Form { GRAM, KERNEL }

    private Svd svd;
    private double[] w = new double[0], normal = new double[0], rhs = new double[0], x = new double[0], eig = new double[0];
    private double predicted;

    /** Thin SVD of Φ (row-major rows × n, not modified); {@link #singularValues} are then σ(Φ), descending. */
    public void decompose(int rows, int n, double[] phi) {
        svd = Svd.reuse(svd, n, rows);
        Lapack.svdInto(n, rows, phi, svd);
    }

    /** σ(Φ) of the last {@link #decompose} (descending, min(S, P) values); a live view, overwritten by the next one. */
    public double[] singularValues() {
        return svd.s();
    }

    /** Number of singular values of the last decomposition strictly above {@code tol}. */
    public int rankAbove(double tol) {
        return svd.rankAbove(tol);
    }

    /**
     * d = U'_k Σ_k⁻¹ V'_kᵀ r on the leading {@code rank} singular triplets of the last decomposition (d of length P is
     * overwritten; r is read for S entries). Returns ‖V'_kᵀ r‖², the decrease of ‖r‖² the kept subspace predicts for
     * the full step.
     */
    public double solveKept(int rank, double[] r, double[] d) {
        int k = svd.k(), rows = svd.n(), n = svd.m();
        if (w.length < Math.max(rank, 1)) w = new double[Math.max(rank, 1)];
        Blas.gemm(false, false, rank, 1, rows, 1.0, svd.vt(), 0, k, r, 0, Math.max(1, rows), 0.0, w, 0, Math.max(1, rank));
        double pred = 0;
        for (int j = 0; j < rank; j++) {
            pred += w[j] * w[j];
            w[j] /= svd.s()[j];
        }
        java.util.Arrays.fill(d, 0, n, 0.0);
        if (rank > 0) Blas.gemm(false, false, n, 1, rank, 1.0, svd.u(), 0, n, w, 0, rank, 0.0, d, 0, n);
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

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
