package dev.tangent.train;

import dev.tangent.linalg.Lapack;
import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Unknown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Final values of the unknown coefficients with standard errors from the linearised model.
 *
 * <p>The constraint rows (PDE, boundary and initial conditions) tie the network to k: a change dk moves θ by the
 * least-squares dθ that keeps them unchanged, Φ_C,θ·dθ = −Φ_C,k·dk (minimum-norm, by SVD). The observations then move
 * by G = J_D,θ·dθ/dk, the sensitivity of the observed quantity to k with the equation enforced. With one noise level
 * σ on every observation, estimated as σ̂² = Σ r_D² / (n_D − q) from the data residuals, the Gauss–Newton covariance
 * of the reduced model is Cov(k) = σ̂²·(GᵀG)⁻¹, and se(k_j) = sqrt(Cov_jj).
 */
public final class UnknownEstimates {
    private UnknownEstimates() {}

    /**
     * @param sensitivity G column of this unknown (∂ observed / ∂k at each data row), for tests
     */
    public record Estimate(String name, double value, double standardError, double noiseSigma, int observations,
                           double[] sensitivity) {}

    /** One estimate per unknown (empty without unknowns); without observations the errors are NaN. */
    public static List<Estimate> of(Discretization disc, double[] theta, double[] weights) {
        List<Unknown> unknowns = disc.problem().unknowns();
        List<Estimate> out = new ArrayList<>();
        if (unknowns.isEmpty()) return out;
        int q = unknowns.size(), pn = disc.mlp().networkParams(), p = theta.length;
        double[] k = new double[q], slope = new double[q];
        for (int j = 0; j < q; j++) {
            k[j] = unknowns.get(j).value(theta[pn + j]);
            slope[j] = unknowns.get(j).slope(theta[pn + j]);
        }
        Set<String> dataGroups = new HashSet<>();
        for (Condition c : disc.problem().conditions()) if (c.kind() == ConditionKind.DATA) dataGroups.add(c.name());
        WeightedProblem wp = new WeightedProblem(disc);
        if (weights != null) System.arraycopy(weights, 0, wp.weights(), 0, weights.length);
        int rows = wp.nRows();
        double[] r = new double[rows], jac = new double[rows * p];
        wp.evaluate(theta, r, jac);
        List<int[]> dataRows = new ArrayList<>(); // {row, group}
        List<Integer> constraintRows = new ArrayList<>();
        int row = 0;
        List<LossGroup> groups = disc.groups();
        for (int g = 0; g < groups.size(); g++) {
            boolean data = dataGroups.contains(groups.get(g).name());
            for (int i = 0; i < groups.get(g).size(); i++, row++) {
                if (data) dataRows.add(new int[] {row, g});
                else constraintRows.add(row);
            }
        }
        int nd = dataRows.size(), mc = constraintRows.size();
        if (nd <= q || mc == 0) {
            for (int j = 0; j < q; j++) out.add(new Estimate(unknowns.get(j).name(), k[j], Double.NaN, Double.NaN, nd, new double[nd]));
            return out;
        }
        // Φ_C,θ (mc × pn) and −Φ_C,z (mc × q), column-major for LAPACK
        double[] a = new double[mc * pn], b = new double[mc * q];
        for (int i = 0; i < mc; i++) {
            int base = constraintRows.get(i) * p;
            for (int c = 0; c < pn; c++) a[c * mc + i] = jac[base + c];
            for (int j = 0; j < q; j++) b[j * mc + i] = -jac[base + pn + j];
        }
        double[] dtheta = Lapack.leastSquares(mc, pn, a, q, b, -1).x(); // pn × q, column-major
        double[] sens = new double[nd * q]; // G[i, j] = ∂(observed_i)/∂k_j
        double rss = 0;
        for (int i = 0; i < nd; i++) {
            int rw = dataRows.get(i)[0];
            double scale = Math.sqrt(wp.weights()[dataRows.get(i)[1]] / groups.get(dataRows.get(i)[1]).size());
            double res = r[rw] / scale;
            rss += res * res;
            for (int j = 0; j < q; j++) {
                double s = 0;
                for (int c = 0; c < pn; c++) s += jac[rw * p + c] * dtheta[j * pn + c];
                sens[j * nd + i] = s / scale / slope[j];
            }
        }
        double sigma2 = rss / (nd - q);
        double[] cov = inverse(gram(sens, nd, q), q);
        for (int j = 0; j < q; j++) {
            out.add(new Estimate(unknowns.get(j).name(), k[j], Math.sqrt(sigma2 * cov[j * q + j]), Math.sqrt(sigma2), nd,
                    java.util.Arrays.copyOfRange(sens, j * nd, (j + 1) * nd)));
        }
        return out;
    }

    private static double[] gram(double[] g, int n, int q) {
        double[] m = new double[q * q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += g[a * n + i] * g[b * n + i];
                m[a * q + b] = s;
            }
        }
        return m;
    }

    /** Inverse of a small symmetric matrix by Gauss–Jordan with partial pivoting; NaN when singular. */
    private static double[] inverse(double[] m, int q) {
        double[] a = m.clone(), inv = new double[q * q];
        for (int i = 0; i < q; i++) inv[i * q + i] = 1;
        for (int c = 0; c < q; c++) {
            int piv = c;
            for (int i = c + 1; i < q; i++) if (Math.abs(a[i * q + c]) > Math.abs(a[piv * q + c])) piv = i;
            if (a[piv * q + c] == 0) {
                java.util.Arrays.fill(inv, Double.NaN);
                return inv;
            }
            for (int j = 0; j < q; j++) {
                double t = a[c * q + j]; a[c * q + j] = a[piv * q + j]; a[piv * q + j] = t;
                t = inv[c * q + j]; inv[c * q + j] = inv[piv * q + j]; inv[piv * q + j] = t;
            }
            double d = a[c * q + c];
            for (int j = 0; j < q; j++) {
                a[c * q + j] /= d;
                inv[c * q + j] /= d;
            }
            for (int i = 0; i < q; i++) {
                if (i == c) continue;
                double f = a[i * q + c];
                for (int j = 0; j < q; j++) {
                    a[i * q + j] -= f * a[c * q + j];
                    inv[i * q + j] -= f * inv[c * q + j];
                }
            }
        }
        return inv;
    }
}
