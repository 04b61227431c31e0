package dev.tangent.ntk;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.Lapack;
import dev.tangent.nn.Mlp;
import dev.tangent.pde.LossGroup;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Empirical NTK blocks K(a, b) = J_a J_bᵀ of loss groups, where J_g is the Jacobian of group g's rows with
 * respect to θ ({@link LossGroup#rowJacobian}: the same rows the loss and the NTK weights use, periodic groups
 * included). For an operator group T on points X this is the operator kernel T_x T_x' K(x, x').
 *
 * <p>Two methods ({@link Method}): <b>dense</b> assembles J in row blocks of at most {@code blockPoints} rows per
 * side (capped so two blocks fit the memory budget) and multiplies them, memory O(block·P + S·S'); <b>structured</b>
 * ({@link StructuredKernel}) never forms J and builds K from the network's layer factors, within the memory budget.
 * {@code auto} takes the structured one when both groups have pointwise rows and it needs at most half the flops
 * per kernel entry of J·Jᵀ (wide layers), else the dense one, which stays the independent reference. Every structured
 * block is spot-checked against a few exact rows ({@link KernelSpotCheck}); a block that fails is recomputed densely
 * under auto and is an error under structured. Kernels are column-major.
 */
public final class KernelBlocks {
    /** Default working-memory budget of one kernel block (ntk.memory_mb). */
    public static final int DEFAULT_MEMORY_MB = 1024;
    /** Largest budget accepted (1 TB): larger values are typos, and MB·2²⁰ must fit a long comfortably. */
    public static final int MAX_MEMORY_MB = 1 << 20;

    /** How kernel blocks are computed (ntk.kernel). */
    public enum Method {
        AUTO, DENSE, STRUCTURED;

        public static Method parse(String name) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            String near = null;
            int best = Math.max(2, n.length() / 3) + 1;
            for (Method m : values()) {
                if (m.label().equals(n)) return m;
                int d = LevenshteinDistance.getDefaultInstance().apply(m.label(), n);
                if (d < best) {
                    best = d;
                    near = m.label();
                }
            }
            throw new IllegalArgumentException("ntk.kernel must be one of [auto, dense, structured], got '" + name + "'"
                    + (near != null ? "; did you mean '" + near + "'?" : ""));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Mlp mlp;
    private final int nParams;
    private final double[] theta;
    private final int blockPoints;
    private final long memoryBytes;
    private final Method method;
    private StructuredKernel structured;
    private boolean fellBack;

    public KernelBlocks(Mlp mlp, double[] theta, int blockPoints) {
        this(mlp, theta, blockPoints, DEFAULT_MEMORY_MB, Method.AUTO);
    }

    /** memoryMb: working memory of one block besides the kernel itself; method: how blocks are computed. */
    public KernelBlocks(Mlp mlp, double[] theta, int blockPoints, int memoryMb, Method method) {
        if (blockPoints < 1) throw new IllegalArgumentException("block size must be >= 1, got " + blockPoints);
        if (memoryMb < 1) throw new IllegalArgumentException("ntk.memory_mb must be >= 1 (megabytes), got " + memoryMb);
        this.mlp = mlp;
        this.nParams = mlp.nParams();
        this.theta = theta.clone();
        this.memoryBytes = (long) memoryMb << 20;
        // two row blocks of P doubles per point and the engine's share must fit the budget
        long cap = Math.max(1, memoryBytes / (4L * 8 * Math.max(1, nParams)));
        this.blockPoints = (int) Math.min(blockPoints, cap);
        this.method = method;
    }

    /** Whether K(a, b) is built by the structured method. */
    public boolean structured(LossGroup a, LossGroup b) {
        if (method == Method.DENSE) return false;
        boolean ok = StructuredKernel.supports(mlp, a) && StructuredKernel.supports(mlp, b);
        if (method == Method.STRUCTURED) {
            if (!ok) {
                throw new IllegalArgumentException("ntk.kernel = structured needs pointwise rows of one network; groups "
                        + a.name() + " and " + b.name() + (mlp.parts() != null ? " use one network per field" : " are not both pointwise")
                        + " (use auto or dense)");
            }
            return true;
        }
        if (!ok) return false;
        int ca = StructuredKernel.components(mlp, a), cb = StructuredKernel.components(mlp, b);
        return StructuredKernel.flopsPerEntry(mlp, ca, cb) <= nParams;
    }

    /** Points per dense row block (the requested size, capped by the memory budget). */
    public int blockPoints() {
        return blockPoints;
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
     * K(a, b) = J_a J_bᵀ (column-major S_a × S_b) by the method chosen for the pair. For a diagonal block (a == b)
     * only the upper block triangle is computed and mirrored, halving the work.
     */
    public double[] kernel(LossGroup a, LossGroup b) {
        if (structured(a, b)) {
            if (structured == null) structured = new StructuredKernel(mlp, theta, memoryBytes);
            double[] k = structured.kernel(a, b);
            double err = KernelSpotCheck.error(k, a, b, theta);
            if (err <= KernelSpotCheck.TOLERANCE) return k;
            if (method == Method.STRUCTURED) {
                throw new IllegalStateException(String.format("ntk.kernel = structured: K(%s, %s) differs from the exact Jacobian rows"
                        + " by %.1e (relative), so this network or group is not one the structured method describes; use auto or dense",
                        a.name(), b.name(), err));
            }
            fellBack = true;   // auto: the dense kernel, which is right by construction
        }
        return denseKernel(a, b);
    }

    /** Whether auto had to replace a structured block that failed its spot check by the dense one (a defect to report). */
    public boolean fellBack() {
        return fellBack;
    }

    /** K(a, b) by the dense method: J_a J_bᵀ from row blocks (the reference). */
    public double[] denseKernel(LossGroup a, LossGroup b) {
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
                place(kernel(a, b), a.size(), b.size(), false, k, ro, co, na);
                co += b.size();
            }
            ro += a.size();
        }
        return k;
    }

    /** Writes block (sa × sb, column-major) into k (leading dimension ld) at (ro, co), or its transpose at (co, ro). */
    static void place(double[] blk, int sa, int sb, boolean transposed, double[] k, int ro, int co, int ld) {
        if (!transposed) {
            for (int j = 0; j < sb; j++) System.arraycopy(blk, j * sa, k, ro + (co + j) * ld, sa);
            return;
        }
        for (int j = 0; j < sb; j++) {
            for (int i = 0; i < sa; i++) k[(co + j) + (ro + i) * ld] = blk[i + j * sa];
        }
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

    /** Eigen-spectrum (LAPACK dsyevd_2stage, eigenvalues only) of a symmetric n×n kernel. */
    public static NtkSpectrum spectrum(String name, int n, double[] k) {
        return NtkSpectrum.of(name, Lapack.symmetricEigenvalues(n, k));
    }
}
