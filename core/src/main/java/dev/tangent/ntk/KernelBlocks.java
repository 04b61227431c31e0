package dev.tangent.ntk;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.Lapack;
import dev.tangent.nn.JetEngine;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.PointResidual;
import java.util.ArrayList;
import java.util.List;

/**
 * Empirical NTK blocks K_T,T'(X, X') = J_T(X) J_T'(X')ᵀ, where J_T is the Jacobian with respect to θ of an
 * operator T applied to the network (identity, a linearised PDE operator, a boundary operator), i.e. the
 * residual Jacobian of T. Operator kernels T_x T_x' K(x, x') are exactly these products.
 *
 * <p>Kernels are assembled in row blocks of at most {@code blockPoints} points per side, so memory is
 * O(blockPoints·P + S·S') instead of holding full Jacobians.
 */
public final class KernelBlocks {
    private final Mlp mlp;
    private final double[] theta;
    private final int blockPoints;

    /** One side of a block: an operator (pointwise residual, linearised at θ) on a point set. */
    public record Side(String name, PointResidual operator, double[] points) {
        public int size() {
            return points.length / operator.inputDim();
        }
    }

    public KernelBlocks(Mlp mlp, double[] theta, int blockPoints) {
        if (blockPoints < 1) throw new IllegalArgumentException("block size must be >= 1, got " + blockPoints);
        this.mlp = mlp;
        this.theta = theta.clone();
        this.blockPoints = blockPoints;
    }

    /** Jacobian rows (row-major S × P) of a side. */
    public double[] jacobian(Side s) {
        return jacobian(s, 0, s.size());
    }

    private double[] jacobian(Side s, int from, int to) {
        int d = s.operator().inputDim();
        int n = to - from;
        double[] x = java.util.Arrays.copyOfRange(s.points(), from * d, to * d);
        double[] jac = new double[n * mlp.nParams()];
        new JetEngine(mlp, s.operator().derivatives()).residualJacobian(theta, n, x, s.operator(), new double[n], jac);
        return jac;
    }

    /**
     * K(a, b) = J_a J_bᵀ (column-major S_a × S_b), in blocks. For a diagonal block (a == b) only the upper
     * block triangle is computed and mirrored, halving the GEMM work.
     */
    public double[] kernel(Side a, Side b) {
        int sa = a.size(), sb = b.size(), p = mlp.nParams();
        boolean symmetric = a == b;
        double[] k = new double[sa * sb];
        for (int i0 = 0; i0 < sa; i0 += blockPoints) {
            int i1 = Math.min(sa, i0 + blockPoints);
            double[] ja = jacobian(a, i0, i1); // column-major P × (i1−i0)
            for (int j0 = symmetric ? i0 : 0; j0 < sb; j0 += blockPoints) {
                int j1 = Math.min(sb, j0 + blockPoints);
                double[] jb = symmetric && i0 == j0 ? ja : jacobian(b, j0, j1);
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

    /** The full kernel over several sides stacked in order (column-major, symmetric). */
    public double[] full(List<Side> sides) {
        int total = sides.stream().mapToInt(Side::size).sum();
        double[] k = new double[total * total];
        int ro = 0;
        for (Side a : sides) {
            int co = 0;
            for (Side b : sides) {
                double[] blk = kernel(a, b);
                for (int j = 0; j < b.size(); j++) {
                    System.arraycopy(blk, j * a.size(), k, ro + (co + j) * total, a.size());
                }
                co += b.size();
            }
            ro += a.size();
        }
        return k;
    }

    /** tr(K_aa) = ‖J_a‖_F², computed blockwise. */
    public double trace(Side a) {
        double t = 0;
        for (int i0 = 0; i0 < a.size(); i0 += blockPoints) {
            for (double v : jacobian(a, i0, Math.min(a.size(), i0 + blockPoints))) t += v * v;
        }
        return t;
    }

    /** Eigen-spectrum (LAPACK syevd) of a symmetric n×n kernel. */
    public static NtkSpectrum spectrum(String name, int n, double[] k) {
        return NtkSpectrum.of(name, Lapack.symmetricEigen(n, k, false).values());
    }

    /** ‖K_t − K_0‖_F / ‖K_0‖_F. */
    public static double drift(double[] k0, double[] kt) {
        double num = 0, den = 0;
        for (int i = 0; i < k0.length; i++) {
            num += (kt[i] - k0[i]) * (kt[i] - k0[i]);
            den += k0[i] * k0[i];
        }
        return Math.sqrt(num / den);
    }

    /** Sides for every loss group of a discretization: the PDE residual and each condition. */
    public static List<Side> sides(dev.tangent.pde.Discretization disc) {
        List<Side> out = new ArrayList<>();
        var problem = disc.problem();
        var groups = disc.groups();
        out.add(new Side(groups.get(0).name(), problem.pde(), groups.get(0).points()));
        for (int g = 1; g < groups.size(); g++) {
            var c = problem.conditions().get(g - 1);
            if (c.kind() == dev.tangent.pde.ConditionKind.PERIODIC) continue; // paired rows: not a pointwise operator
            out.add(new Side(groups.get(g).name(), c.residual(), groups.get(g).points()));
        }
        return out;
    }
}
