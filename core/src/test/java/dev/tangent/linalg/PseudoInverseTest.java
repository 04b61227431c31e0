package dev.tangent.linalg;

import static dev.tangent.linalg.DampedLeastSquaresTest.dot;
import static dev.tangent.linalg.DampedLeastSquaresTest.norm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Φ is built as U diag(σ) Vᵀ from orthonormal U, V (Gram–Schmidt here) with known σ spanning ten decades, so the
 * truncated pseudo-inverse step has a closed form: d = Σ_{σ_j kept} v_j (u_jᵀ r) / σ_j.
 */
class PseudoInverseTest {
    private static final double[] SIGMA = {3.0, 1.0, 0.2, 1e-3, 1e-7, 1e-10};

    @ParameterizedTest
    @CsvSource({"14, 9", "9, 14", "6, 6", "8, 40"}) // 8 × 40: P ≥ 11/6·S, the QR-first route
    void everyRouteGivesTheClosedFormTruncatedStep(int rows, int n) {
        int k = Math.min(SIGMA.length, Math.min(rows, n));
        double[][] u = orthonormal(rows, k, 1), v = orthonormal(n, k, 2);
        double[] phi = compose(rows, n, u, SIGMA, v); // row-major S × P
        double[] r = new SplittableRandom(3).doubles(rows, -1, 1).toArray();
        for (double rel : new double[] {0.1, 1e-5, 1e-8}) {
            int kept = 0;
            while (kept < k && SIGMA[kept] > rel * SIGMA[0]) kept++;
            double[] expected = new double[n];
            double predicted = 0;
            for (int j = 0; j < kept; j++) {
                double c = dot(u[j], r);
                predicted += c * c;
                for (int p = 0; p < n; p++) expected[p] += v[j][p] * c / SIGMA[j];
            }
            double scale = norm(expected);

            PseudoInverse pinv = new PseudoInverse();
            pinv.decompose(rows, n, phi);
            double[] sv = pinv.singularValues();
            for (int j = 0; j < k; j++) assertEquals(SIGMA[j], sv[j], 1e-13, "σ_" + j);
            int rank = pinv.rankAbove(rel * sv[0]);
            assertEquals(kept, rank, "kept rank at cutoff " + rel);
            double[] d = new double[n];
            // the singular vectors of σ = 1e-7 are accurate to about ε·σ_max/σ ≈ 3e-9
            assertEquals(predicted, pinv.solveKept(rank, r, d), 1e-8 * Math.max(1, predicted), "predicted decrease");
            assertArrayEquals(expected, d, 1e-8 * scale, "svd route, cutoff " + rel);

            // the normal equations square the condition number: exact enough while the kept σ are ≥ 1e-5·σ_max
            if (rel < 1e-6) continue;
            for (PseudoInverse.Form form : PseudoInverse.Form.values()) {
                double[] dn = new double[n], sigma = new double[form == PseudoInverse.Form.GRAM ? n : rows];
                int rn = pinv.solveNormal(form, rows, n, phi, r, rel, dn, sigma);
                assertEquals(kept, rn, form + " rank at cutoff " + rel);
                assertEquals(SIGMA[0], sigma[0], 1e-12, form + " σ_max");
                assertArrayEquals(expected, dn, 1e-6 * scale, form + " route, cutoff " + rel);
            }
        }
    }

    /** The QR-first route (P ≥ 11/6·S) and its tall mirror (S ≥ 11/6·P, Φ = Q₁R) agree with the plain dgesdd route: σ, kept rank, predicted decrease and d. */
    @ParameterizedTest
    @CsvSource({"30, 200, 0.1", "30, 200, 1e-9", "64, 118, 1e-6", "200, 30, 0.1", "200, 30, 1e-9", "118, 64, 1e-6"}) // tall: Φ = Q₁R
    void theQrFirstRouteAgreesWithThePlainSvd(int rows, int n, double rel) {
        int k = Math.min(rows, n);
        double[] sigma = new double[k];
        for (int j = 0; j < k; j++) sigma[j] = Math.pow(10, -12.0 * j / (k - 1)); // 1 down to 1e-12
        double[][] u = orthonormal(rows, k, 5), v = orthonormal(n, k, 6);
        double[] phi = compose(rows, n, u, sigma, v); // row-major S × P
        double[] r = new SplittableRandom(7).doubles(rows, -1, 1).toArray();
        PseudoInverse qr = new PseudoInverse(), plain = new PseudoInverse();
        plain.qrFirst = false;
        qr.decompose(rows, n, phi);
        plain.decompose(rows, n, phi);
        for (int j = 0; j < k; j++) assertEquals(plain.singularValues()[j], qr.singularValues()[j], 1e-14, "σ_" + j);
        int rank = plain.rankAbove(rel);
        assertEquals(rank, qr.rankAbove(rel));
        double[] dq = new double[n], dp = new double[n];
        double pq = qr.solveKept(rank, r, dq), pp = plain.solveKept(rank, r, dp);
        // the predicted decrease ‖U_kᵀr‖² against the U it was composed from: the kept subspace is determined to
        // ~ε·σ_max/(gap at the cutoff), so both routes sit within ~ε/rel·‖r‖² of the truth
        double truth = 0, rr = dot(r, r);
        for (int j = 0; j < rank; j++) truth += dot(u[j], r) * dot(u[j], r);
        assertEquals(truth, pp, 1e-14 / rel * rr, "plain route's predicted decrease");
        assertEquals(truth, pq, 1e-14 / rel * rr, "QR-first route's predicted decrease");
        // both are backward stable: they agree to ~ε·σ_max/σ_kept relative to ‖d‖ (the smallest kept σ dominates d)
        assertArrayEquals(dp, dq, 1e-14 / rel * norm(dp), "d at cutoff " + rel);
        // the same decomposition, r changed in place: the tall route's cached Q₁ᵀr must follow it
        for (int i = 0; i < rows; i++) r[i] = -2 * r[i] + 0.1;
        double pq2 = qr.solveKept(rank, r, dq), pp2 = plain.solveKept(rank, r, dp);
        assertEquals(pp2, pq2, 1e-14 / rel * dot(r, r), "predicted decrease for the changed r");
        assertArrayEquals(dp, dq, 1e-14 / rel * norm(dp), "d for the changed r at cutoff " + rel);
        double[] check = new double[n];
        assertThrows(IllegalArgumentException.class, () -> qr.solveKept(k + 1, r, check));
    }

    /**
     * The eigen route (ΦΦᵀ for P ≥ S, ΦᵀΦ for P < S, one refinement step) agrees with the SVD route at the cutoffs it
     * serves, and a hint below its floor leaves the SVD route bit for bit.
     */
    @ParameterizedTest
    @CsvSource({"30, 200, 0.1", "30, 200, 1e-4", "200, 30, 1e-2", "200, 30, 1e-4", "40, 40, 3e-4"})
    void theEigenRouteAgreesWithTheSvdWhereItServes(int rows, int n, double rel) {
        int k = Math.min(rows, n);
        double[] sigma = new double[k];
        for (int j = 0; j < k; j++) sigma[j] = 3 * Math.pow(10, -12.0 * j / (k - 1)); // 3 down to 3e-12
        double[][] u = orthonormal(rows, k, 8), v = orthonormal(n, k, 9);
        double[] phi = compose(rows, n, u, sigma, v); // row-major S × P
        double[] r = new SplittableRandom(11).doubles(rows, -1, 1).toArray();
        PseudoInverse fast = new PseudoInverse(), svd = new PseudoInverse();
        svd.eigenRoute = false;
        fast.decompose(rows, n, phi, rel);
        svd.decompose(rows, n, phi);
        double tol = rel * svd.singularValues()[0];
        assertEquals(svd.singularValues()[0], fast.singularValues()[0], 1e-13, "σ_max");
        assertEquals(svd.rankAbove(tol), fast.rankAbove(tol), "kept rank");
        int rank = svd.rankAbove(tol);
        for (int j = 0; j < rank; j++) assertEquals(sigma[j], fast.singularValues()[j], 1e-3 * sigma[j], "σ_" + j);
        double[] df = new double[n], ds = new double[n];
        double pf = fast.solveKept(rank, r, df), ps = svd.solveKept(rank, r, ds);
        // the prediction is the unrefined one (it only steers the adaptive cutoff): off by ~ε·σ_max²/σ_kept²
        assertEquals(ps, pf, 1e-4 * ps, "predicted decrease");
        double[] diff = new double[n], fit = new double[rows];
        for (int p = 0; p < n; p++) diff[p] = df[p] - ds[p];
        MatrixOps.multiply(rows, n, phi, diff, fit);
        // measured at 1e-4: d to 0.8–1.4e-9 and Φd to ≤ 1.6e-10·‖r‖ (at 1e-6, outside the route: 3e-4 and 3e-5)
        assertArrayEquals(ds, df, 1e-8 * norm(ds), "d at cutoff " + rel);
        assertEquals(0.0, norm(fit), 1e-9 * norm(r), "Φd at cutoff " + rel);
        assertEquals(true, fast.serves(tol));
        assertEquals(false, fast.serves(1e-5 * svd.singularValues()[0]), "below the floor the eigen route must decline");

        PseudoInverse hinted = new PseudoInverse();
        hinted.decompose(rows, n, phi, 1e-5);
        double[] dh = new double[n];
        hinted.solveKept(rank, r, dh);
        assertArrayEquals(ds, dh, 0.0, "a hint below the floor takes the SVD route");
    }

    /** Reusing one instance across shapes gives bit for bit what a fresh one gives (no stale buffer is read). */
    @ParameterizedTest
    @CsvSource({"8, 5", "5, 8"})
    void reuseAcrossShapesIsBitIdentical(int rows, int n) {
        PseudoInverse shared = new PseudoInverse();
        for (int[] shape : new int[][] {{rows, n}, {rows + 7, n + 3}, {rows, n}}) {
            int s = shape[0], p = shape[1];
            double[] phi = new SplittableRandom(s * 31L + p).doubles((long) s * p, -1, 1).toArray();
            double[] r = new SplittableRandom(s + 5L * p).doubles(s, -1, 1).toArray();
            PseudoInverse fresh = new PseudoInverse();
            double[] a = new double[p], b = new double[p];
            shared.decompose(s, p, phi);
            fresh.decompose(s, p, phi);
            shared.solveKept(shared.rankAbove(1e-12), r, a);
            fresh.solveKept(fresh.rankAbove(1e-12), r, b);
            assertArrayEquals(b, a, 0.0, "svd route after reuse");
            for (PseudoInverse.Form form : PseudoInverse.Form.values()) {
                double[] sa = new double[Math.max(s, p)], sb = new double[Math.max(s, p)];
                shared.solveNormal(form, s, p, phi, r, 1e-6, a, sa);
                fresh.solveNormal(form, s, p, phi, r, 1e-6, b, sb);
                assertArrayEquals(b, a, 0.0, form + " after reuse");
                assertArrayEquals(sb, sa, 0.0, form + " σ after reuse");
            }
        }
    }

    /** An underdetermined dgelsd after a call that left NaN in the scratch slot of B: the unused rows are cleared. */
    @org.junit.jupiter.api.Test
    void underdeterminedLeastSquaresIgnoresStaleScratch() {
        double[] eye = {1, 0, 0, 0, 1, 0, 0, 0, 1}, nan = {1, 1, Double.NaN}; // row 2 is the one the 2 × 3 call leaves
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Lapack.leastSquares(3, 3, eye, 1, nan, -1));
        double[] a = {1, 0, 0, 2, 0, 0}; // 2 × 3 column-major: x₁ and 2x₂; x₃ free
        LeastSquares ls = Lapack.leastSquares(2, 3, a, 1, new double[] {1, 4}, -1);
        assertArrayEquals(new double[] {1, 2, 0}, ls.x(), 1e-15, "minimum-norm solution");
    }

    /** Φ = Σ_j σ_j u_j v_jᵀ, row-major rows × n, from the first σ.length (or fewer) vectors of u and v. */
    private static double[] compose(int rows, int n, double[][] u, double[] sigma, double[][] v) {
        double[] phi = new double[rows * n];
        int k = Math.min(u.length, v.length);
        for (int i = 0; i < rows; i++) {
            for (int p = 0; p < n; p++) {
                for (int j = 0; j < k; j++) phi[i * n + p] += u[j][i] * sigma[j] * v[j][p];
            }
        }
        return phi;
    }

    /** k orthonormal vectors of length m (modified Gram–Schmidt on random vectors). */
    private static double[][] orthonormal(int m, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] q = new double[k][];
        for (int j = 0; j < k; j++) {
            double[] x = rnd.doubles(m, -1, 1).toArray();
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double c = dot(q[i], x);
                    for (int t = 0; t < m; t++) x[t] -= c * q[i][t];
                }
            }
            double nx = norm(x);
            for (int t = 0; t < m; t++) x[t] /= nx;
            q[j] = x;
        }
        return q;
    }
}
