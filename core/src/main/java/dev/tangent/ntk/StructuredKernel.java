package dev.tangent.ntk;

import dev.tangent.linalg.Blas;
import dev.tangent.nn.LayerFactors;
import dev.tangent.nn.Mlp;
import dev.tangent.pde.LossGroup;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * NTK blocks K(a, b) = J_a J_bᵀ of an MLP without forming J, layer by layer. Row i of a pointwise group is
 * ∂F/∂θ = Σ_k F_k(x_i)·∂D_k u(x_i)/∂θ (F_k the residual's partials at θ: the exact Jacobian's linearisation), and
 * its (W_l, b_l) block is Σ_c δ_{i,c} ã_{i,c}ᵀ over the jet components c ({@link FactorPanel}), so
 *
 * <pre>  K(i, j) = Σ_l Σ_{c,c'} (δ_{l,i,c}·δ_{l,j,c'}) (ã_{l,i,c}·ã_{l,j,c'})</pre>
 *
 * computed per pair of point tiles with two GEMMs per layer (the Gram matrices of D and of Ã over all components)
 * and a Hadamard product summed over the C_a×C_b component blocks: O(S_a·S_b·C_a·C_b·(n_in + n_out)) instead of
 * O(S_a·S_b·n_in·n_out). Layers where the row block is smaller than that (the first layer, a scalar output) use the
 * row blocks directly. Tile pairs run on Java threads, each GEMM on its own core. Working memory (factors, tiles,
 * engine workspaces) stays within the budget ({@link KernelPlan}); the kernel is column-major S_a × S_b.
 */
public final class StructuredKernel {
    private final Mlp mlp;
    private final double[] theta;
    private final long budget;
    private final int workers;
    private final int formMode;
    private KernelPlan lastPlan;
    private long lastBytes;

    /** memoryBytes: working memory besides the kernel itself (ntk.memory_mb). */
    public StructuredKernel(Mlp mlp, double[] theta, long memoryBytes) {
        this(mlp, theta, memoryBytes, 0);
    }

    /** formMode (tests): 0 = each layer's cheaper form, 1 = every layer factored, 2 = every layer as row blocks. */
    StructuredKernel(Mlp mlp, double[] theta, long memoryBytes, int formMode) {
        this.formMode = formMode;
        if (memoryBytes < 1) throw new IllegalArgumentException("ntk.memory_mb must be >= 1, got " + (memoryBytes >> 20));
        if (mlp.parts() != null) throw new IllegalArgumentException("the structured kernel needs one network, not " + mlp.spec().shape());
        this.mlp = mlp;
        this.theta = theta.clone();
        this.budget = memoryBytes;
        this.workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Whether a group's kernels can be built this way: pointwise rows of one network (no unknown columns). */
    public static boolean supports(Mlp mlp, LossGroup g) {
        return mlp.parts() == null && g.pointRows() != null;
    }

    /** Jet components of a supported group's rows. */
    static int components(Mlp mlp, LossGroup g) {
        return new dev.tangent.nn.JetPlan(mlp.spec().inputDim(), g.pointRows().residual().derivatives()).components();
    }

    /** Per layer: the factored form (true) or row blocks (false), whichever costs fewer flops per kernel entry. */
    static boolean[] forms(Mlp mlp, int ca, int cb) {
        boolean[] f = new boolean[mlp.layers()];
        for (int l = 0; l < f.length; l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            f[l] = (long) ca * cb * (nIn + 1 + nOut) < (long) nOut * (nIn + 1);
        }
        return f;
    }

    /** Flops per kernel entry of this method (GEMMs and Hadamard sums), for choosing it over J·Jᵀ (which costs 2P). */
    public static double flopsPerEntry(Mlp mlp, int ca, int cb) {
        boolean[] f = forms(mlp, ca, cb);
        double s = 0;
        for (int l = 0; l < f.length; l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            s += f[l] ? 2.0 * ca * cb * (nIn + 1 + nOut + 1) : 2.0 * nOut * (nIn + 1);
        }
        return s;
    }

    /** The plan of the last {@link #kernel} call and the bytes its panels and tiles actually held. */
    KernelPlan lastPlan() {
        return lastPlan;
    }

    long lastBytes() {
        return lastBytes;
    }

    /** K(a, b) (column-major S_a × S_b); symmetric when a is b (upper tiles computed, then mirrored). */
    public double[] kernel(LossGroup ga, LossGroup gb) {
        if (!supports(mlp, ga) || !supports(mlp, gb)) {
            throw new IllegalArgumentException("groups " + ga.name() + " and " + gb.name() + " need pointwise rows for the structured kernel");
        }
        LossGroup.PointRows ra = ga.pointRows(), rb = gb.pointRows();
        boolean sym = ga == gb;
        int sa = ga.size(), sb = gb.size(), dim = mlp.spec().inputDim();
        LayerFactors fa = new LayerFactors(mlp, ra.residual());
        LayerFactors fb = sym ? fa : new LayerFactors(mlp, rb.residual());
        int ca = fa.components(), cb = fb.components();
        boolean[] form = forms(mlp, ca, cb);
        if (formMode != 0) java.util.Arrays.fill(form, formMode == 1);
        KernelPlan plan = KernelPlan.of(mlp, sa, sb, ca, cb, form, sym, budget, workers);
        FactorPanel pa = new FactorPanel(mlp, ca, plan.tile(), plan.panelA(), form);
        boolean onePanel = sym && plan.panelA() >= sa;
        FactorPanel pb = onePanel ? pa : new FactorPanel(mlp, cb, plan.tile(), plan.panelB(), form);
        Tiles[] tiles = new Tiles[workers];
        for (int w = 0; w < workers; w++) tiles[w] = new Tiles(ca * plan.tile(), cb * plan.tile(), plan.tile());
        double[] k = new double[sa * sb];
        for (int i0 = 0; i0 < sa; i0 += plan.panelA()) {
            pa.fill(fa, theta, ra.points(), dim, i0, Math.min(plan.panelA(), sa - i0), plan.chunk());
            for (int j0 = sym ? i0 : 0; j0 < sb; j0 += plan.panelB()) {
                if (!onePanel) pb.fill(fb, theta, rb.points(), dim, j0, Math.min(plan.panelB(), sb - j0), plan.chunk());
                products(pa, pb, ca, cb, form, sym && i0 == j0, k, sa, tiles);
            }
        }
        if (sym) mirrorUpper(k, sa);
        lastPlan = plan;
        lastBytes = pa.bytes() + (pb == pa ? 0 : pb.bytes()) + workers * tiles[0].bytes()
                + KernelPlan.engineBytes(mlp, ca, plan.chunk()) + (sym ? 0 : KernelPlan.engineBytes(mlp, cb, plan.chunk()));
        return k;
    }

    /** One worker's Gram tiles and column buffers, allocated once per kernel. */
    private static final class Tiles {
        final double[] gd, ga, kt, acc, t1, t2;

        Tiles(int rows, int cols, int tile) {
            gd = new double[rows * cols];
            ga = new double[rows * cols];
            kt = new double[tile * tile];
            acc = new double[tile];
            t1 = new double[tile];
            t2 = new double[tile];
        }

        long bytes() {
            return 8L * (gd.length + ga.length + kt.length + acc.length + t1.length + t2.length);
        }
    }

    /** All tile pairs of two panels (only ta ≤ tb when they are the same points of a symmetric kernel), on W threads. */
    private void products(FactorPanel pa, FactorPanel pb, int ca, int cb, boolean[] form, boolean diagonal, double[] k, int ld,
                          Tiles[] tiles) {
        int na = pa.tiles(), nb = pb.tiles();
        int pairs = na * nb;
        AtomicInteger next = new AtomicInteger();
        int w = Math.min(workers, pairs);
        IntStream.range(0, w).parallel().forEach(worker -> {
            for (int q = next.getAndIncrement(); q < pairs; q = next.getAndIncrement()) {
                int ta = q / nb, tb = q % nb;
                if (diagonal && tb < ta) continue;
                tilePair(pa, ta, pb, tb, ca, cb, form, k, ld, tiles[worker]);
            }
        });
    }

    /**
     * K's tile (rows of tile ta, columns of tile tb): every layer's contribution is summed in the worker's own tile
     * buffer (a strided GEMM output would copy back the rows between its columns, which other workers own), then
     * the tile is copied into K.
     */
    private void tilePair(FactorPanel pa, int ta, FactorPanel pb, int tb, int ca, int cb, boolean[] form, double[] k, int ld, Tiles t) {
        int ni = pa.tileSize(ta), nj = pb.tileSize(tb);
        int si = pa.tileStart(ta), sj = pb.tileStart(tb);
        int m = ca * ni, n = cb * nj;
        double[] kt = t.kt;
        java.util.Arrays.fill(kt, 0, ni * nj, 0.0);
        for (int l = 0; l < form.length; l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            if (form[l]) {
                Blas.gemmSerial(true, false, m, n, nOut, 1.0, pa.d[l], si * ca * nOut, nOut, pb.d[l], sj * cb * nOut, nOut,
                        0.0, t.gd, 0, m);
                Blas.gemmSerial(true, false, m, n, nIn + 1, 1.0, pa.a[l], si * ca * (nIn + 1), nIn + 1, pb.a[l],
                        sj * cb * (nIn + 1), nIn + 1, 0.0, t.ga, 0, m);
                hadamardSum(t, m, ca, cb, ni, nj);
            } else {
                int len = nOut * (nIn + 1);
                Blas.gemmSerial(true, false, ni, nj, len, 1.0, pa.rows[l], si * len, len, pb.rows[l], sj * len, len, 1.0, kt, 0, ni);
            }
        }
        int kOff = (pa.from + si) + (pb.from + sj) * ld;
        for (int j = 0; j < nj; j++) System.arraycopy(kt, j * ni, k, kOff + j * ld, ni);
    }

    /**
     * kt[i, j] += Σ_{c,c'} GD[c·n_i + i, c'·n_j + j]·GA[same] (Gram tiles m × C_b·n_j, column-major). Segments are
     * copied into zero-offset buffers so the loops vectorise.
     */
    private static void hadamardSum(Tiles t, int m, int ca, int cb, int ni, int nj) {
        double[] acc = t.acc, t1 = t.t1, t2 = t.t2, gd = t.gd, ga = t.ga, kt = t.kt;
        for (int j = 0; j < nj; j++) {
            System.arraycopy(kt, j * ni, acc, 0, ni);
            for (int c2 = 0; c2 < cb; c2++) {
                int col = (c2 * nj + j) * m;
                for (int c1 = 0; c1 < ca; c1++) {
                    int o = col + c1 * ni;
                    System.arraycopy(gd, o, t1, 0, ni);
                    System.arraycopy(ga, o, t2, 0, ni);
                    for (int i = 0; i < ni; i++) acc[i] += t1[i] * t2[i];
                }
            }
            System.arraycopy(acc, 0, kt, j * ni, ni);
        }
    }

    /** Copies the upper triangle into the lower one (column-major n × n). */
    static void mirrorUpper(double[] k, int n) {
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) k[i + j * n] = k[j + i * n];
        }
    }
}
