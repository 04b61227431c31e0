package dev.tangent.ntk;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.Lapack;
import dev.tangent.nn.Mlp;
import dev.tangent.pde.LossGroup;
import java.util.List;

/**
 * Empirical NTK blocks K(a, b) = J_a J_bᵀ of loss groups, where J_g is the Jacobian of group g's rows with
 * respect to θ ({@link LossGroup#rowJacobian}: the same rows the loss and the NTK weights use, periodic groups
 * included). For an operator group T on points X this is the operator kernel T_x T_x' K(x, x').
 *
 * <p>Dense blocked strategy: kernels are assembled in row blocks of at most {@code blockPoints} rows per side, so
 * memory is O(blockPoints·P + S·S') instead of holding full Jacobians. Kernels are column-major.
 */
public final class KernelBlocks {
    private final int nParams;
    private final double[] theta;
    private final int blockPoints;

    public KernelBlocks(Mlp mlp, double[] theta, int blockPoints) {
        if (blockPoints < 1) throw new IllegalArgumentException("block size must be >= 1, got " + blockPoints);
        this.nParams = mlp.nParams();
        this.theta = theta.clone();
        this.blockPoints = blockPoints;
    }

    /** All Jacobian rows (row-major S × P) of a group. */
    public double[] jacobian(LossGroup g) {
        return rows(g, theta, 0, g.size());
    }

    /** Rows [from, to) of J_g at θ (row-major). */
    static double[] rows(LossGroup g, double[] theta, int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) idx[i] = from + i;
        double[] jac = new double[idx.length * theta.length];
        g.rowJacobian(theta, idx, jac);
        return jac;
    }

    /**
     * K(a, b) = J_a J_bᵀ (column-major S_a × S_b), in blocks. For a diagonal block (a == b) only the upper
     * block triangle is computed and mirrored, halving the GEMM work.
     */
    public double[] kernel(LossGroup a, LossGroup b) {
        int sa = a.size(), sb = b.size(), p = nParams;
        boolean symmetric = a == b;
        double[] k = new double[sa * sb];
        for (int i0 = 0; i0 < sa; i0 += blockPoints) {
            int i1 = Math.min(sa, i0 + blockPoints);
            double[] ja = rows(a, theta, i0, i1); // column-major P × (i1−i0)
            for (int j0 = symmetric ? i0 : 0; j0 < sb; j0 += blockPoints) {
                int j1 = Math.min(sb, j0 + blockPoints);
                double[] jb = symmetric && i0 == j0 ? ja : rows(b, theta, j0, j1);
                Blas.gemm(true, false, i1 - i0, j1 - j0, p, 1.0, ja, 0, p, jb, 0, p, 0.0, k, i0 + j0 * sa, sa);
            }
        }
        if (symmetric) {
            for (int j = 0; j < sa; j++) {
                for (int i = j + 1; i < sa; i++) {
                    if ((i / blockPoints) > (j / blockPoints)) k[i + j * sa] = k[j + i * sa];
                }
            }
        }
        return k;
    }

    /** The kernel between two stacks of groups, rows and columns in list order (column-major). */
    public double[] kernel(List<LossGroup> as, List<LossGroup> bs) {
        int na = size(as), nb = size(bs);
        double[] k = new double[na * nb];
        int ro = 0;
        for (LossGroup a : as) {
            int co = 0;
            for (LossGroup b : bs) {
                double[] blk = kernel(a, b);
                for (int j = 0; j < b.size(); j++) System.arraycopy(blk, j * a.size(), k, ro + (co + j) * na, a.size());
                co += b.size();
            }
            ro += a.size();
        }
        return k;
    }

    /** The full kernel over several groups stacked in order (column-major, symmetric). */
    public double[] full(List<LossGroup> groups) {
        return kernel(groups, groups);
    }

    /** tr(K_aa) = ‖J_a‖_F². */
    public double trace(LossGroup a) {
        return TraceEstimator.trace(a, theta, blockPoints);
    }

    /** The Jacobian rows of several groups stacked in order (row-major S × P), each group computed once. */
    public static double[] stackedJacobian(List<LossGroup> groups, double[] theta) {
        int p = theta.length;
        double[] jac = new double[size(groups) * p];
        int row = 0;
        for (LossGroup g : groups) {
            System.arraycopy(rows(g, theta, 0, g.size()), 0, jac, row * p, g.size() * p);
            row += g.size();
        }
        return jac;
    }

    /** K = J_a J_bᵀ (column-major n_a × n_b) from row-major Jacobians with p columns. */
    public static double[] product(double[] ja, int na, double[] jb, int nb, int p) {
        double[] k = new double[na * nb];
        Blas.gemm(true, false, na, nb, p, 1.0, ja, 0, p, jb, 0, p, 0.0, k, 0, na);
        return k;
    }

    public static int size(List<LossGroup> groups) {
        return groups.stream().mapToInt(LossGroup::size).sum();
    }

    /** Eigen-spectrum (LAPACK syevd) of a symmetric n×n kernel. */
    public static NtkSpectrum spectrum(String name, int n, double[] k) {
        return NtkSpectrum.of(name, Lapack.symmetricEigen(n, k, false).values());
    }
}
