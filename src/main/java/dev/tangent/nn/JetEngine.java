package dev.tangent.nn;

import dev.tangent.linalg.Blas;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Forward Taylor-mode propagation of input derivatives through an {@link Mlp}, and the exact residual
 * Jacobian by reverse accumulation over the jets.
 *
 * <p>Layout: each layer keeps its activations as one column-major matrix of n × (S·C) with column
 * {@code c·S + i} holding jet component c of point i. One GEMM per layer moves all components of all
 * points. Jacobians are row-major S × P ({@code jac[i·P + p]}), i.e. each point's gradient is contiguous.
 *
 * <p>Not thread-safe: workspaces are reused across calls and grown when more points arrive.
 */
public final class JetEngine {
    private static final int PARALLEL_GRAIN = 64;

    private final Mlp mlp;
    private final JetPlan plan;
    private final int layers;
    private final int comps;
    private final int sigmaOrders;
    private int capacity;
    private double[][] act;      // act[l]: input of layer l, n_in × S·C
    private double[][] pre;      // pre[l]: pre-activation of layer l, n_out × S·C
    private double[][] sigma;    // sigma[l]: σ^(m)(z0) of hidden layer l, (m·S + i)·n + r
    private double[][] adj;      // adj[l]: adjoint of pre[l], n_out × S·C
    private double[] values;
    private double[] partials;
    private final long[] phaseNanos = new long[Phase.values().length];
    private final long[] phaseFlops = new long[Phase.values().length];

    /** Stages timed on every call, for benchmarks. */
    public enum Phase { FORWARD_GEMM, FORWARD_JETS, BACKWARD_GEMM, BACKWARD_JETS, ASSEMBLY }

    public JetEngine(Mlp mlp, List<MultiIndex> derivatives) {
        this.mlp = mlp;
        this.plan = new JetPlan(mlp.spec().inputDim(), derivatives);
        this.layers = mlp.layers();
        this.comps = plan.components();
        this.sigmaOrders = plan.maxOrder() + 2;
    }

    public Mlp mlp() {
        return mlp;
    }

    public JetPlan plan() {
        return plan;
    }

    /** Accumulated wall time of a stage since the last {@link #resetTimings()}. */
    public long nanos(Phase p) {
        return phaseNanos[p.ordinal()];
    }

    /** Accumulated floating-point operations of a stage (GEMM and assembly stages only). */
    public long flops(Phase p) {
        return phaseFlops[p.ordinal()];
    }

    public void resetTimings() {
        java.util.Arrays.fill(phaseNanos, 0);
        java.util.Arrays.fill(phaseFlops, 0);
    }

    private long tick(Phase p, long since) {
        long now = System.nanoTime();
        phaseNanos[p.ordinal()] += now - since;
        return now;
    }

    private void ensure(int nPoints) {
        if (nPoints <= capacity) return;
        capacity = Math.max(nPoints, capacity + capacity / 2);
        act = new double[layers][];
        pre = new double[layers][];
        sigma = new double[layers][];
        adj = new double[layers][];
        for (int l = 0; l < layers; l++) {
            act[l] = new double[mlp.fanIn(l) * capacity * comps];
            pre[l] = new double[mlp.fanOut(l) * capacity * comps];
            adj[l] = new double[mlp.fanOut(l) * capacity * comps];
            if (l < layers - 1) sigma[l] = new double[mlp.fanOut(l) * capacity * sigmaOrders];
        }
        values = new double[plan.derivatives().size() * capacity];
        partials = new double[plan.derivatives().size() * capacity];
    }

    /**
     * Values of every requested derivative: {@code out[k·S + i] = D_k u(x_i)} (out modified).
     * x is point-major (x[i·d + k], not modified).
     */
    public double[] derivatives(double[] theta, int nPoints, double[] x, double[] out) {
        forward(theta, nPoints, x);
        gather(nPoints, out);
        return out;
    }

    /**
     * Residual r (length S, modified) and, when {@code jac} is non-null, the exact Jacobian ∂r/∂θ
     * (row-major S × P, modified).
     */
    public void residualJacobian(double[] theta, int nPoints, double[] x, PointResidual residual,
                                 double[] r, double[] jac) {
        if (residual.inputDim() != plan.dim()) {
            throw new IllegalArgumentException("residual expects " + residual.inputDim()
                    + "-dimensional points but the network has " + plan.dim() + " inputs");
        }
        if (!residual.derivatives().equals(plan.derivatives())) {
            throw new IllegalArgumentException("residual reads " + residual.derivatives()
                    + " but this engine was built for " + plan.derivatives());
        }
        checkLength(r, nPoints, "residual");
        if (jac != null) checkLength(jac, (long) nPoints * mlp.nParams(), "Jacobian");
        forward(theta, nPoints, x);
        gather(nPoints, values);
        residual.evaluate(nPoints, x, values, r, partials);
        if (jac != null) backward(theta, nPoints, partials, jac);
    }

    /**
     * Jacobian of a linear combination of derivatives with per-point weights:
     * row i of {@code jac} = Σ_k w[k·S+i] ∂(D_k u(x_i))/∂θ. Requires a prior forward pass on the same points
     * (e.g. {@link #derivatives}).
     */
    public void linearJacobian(double[] theta, int nPoints, double[] weights, double[] jac) {
        checkLength(jac, (long) nPoints * mlp.nParams(), "Jacobian");
        backward(theta, nPoints, weights, jac);
    }

    private static void checkLength(double[] a, long n, String what) {
        if (a == null || a.length < n) {
            throw new IllegalArgumentException(what + " buffer needs " + n + " entries, got "
                    + (a == null ? "null" : a.length));
        }
    }

    // ---------------------------------------------------------------- forward

    private void forward(double[] theta, int nPoints, double[] x) {
        int d = plan.dim();
        if (theta == null || theta.length != mlp.nParams()) {
            throw new IllegalArgumentException("θ must have " + mlp.nParams() + " entries for net "
                    + mlp.spec().shape() + ", got " + (theta == null ? "null" : theta.length));
        }
        if (nPoints < 1) throw new IllegalArgumentException("need at least one point, got " + nPoints);
        if (x == null || x.length < (long) nPoints * d) {
            throw new IllegalArgumentException("points must hold " + nPoints + "×" + d + " coordinates, got "
                    + (x == null ? "null" : x.length));
        }
        for (int i = 0; i < nPoints * d; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("point " + (i / d) + " coordinate " + (i % d) + " is not finite: " + x[i]);
            }
        }
        ensure(nPoints);
        int cols = nPoints * comps;
        double[] a0 = act[0];
        java.util.Arrays.fill(a0, 0, d * cols, 0.0);
        System.arraycopy(x, 0, a0, 0, nPoints * d);
        for (int j = 0; j < plan.directionCount(); j++) {
            int[] p = plan.direction(j);
            int off = plan.base(j) * nPoints * d;
            for (int i = 0; i < nPoints; i++) {
                for (int k = 0; k < d; k++) a0[off + i * d + k] = p[k];
            }
        }
        long t = System.nanoTime();
        for (int l = 0; l < layers; l++) {
            int nIn = mlp.fanIn(l);
            int nOut = mlp.fanOut(l);
            Blas.gemm(false, false, nOut, cols, nIn, mlp.layerScale(l), theta, mlp.weightOffset(l), nOut,
                    act[l], 0, nIn, 0.0, pre[l], 0, nOut);
            phaseFlops[Phase.FORWARD_GEMM.ordinal()] += 2L * nOut * nIn * cols;
            t = tick(Phase.FORWARD_GEMM, t);
            double[] z = pre[l];
            int bOff = mlp.biasOffset(l);
            for (int i = 0; i < nPoints; i++) {
                int o = i * nOut;
                for (int r = 0; r < nOut; r++) z[o + r] += theta[bOff + r];
            }
            if (l < layers - 1) activate(l, nPoints);
            t = tick(Phase.FORWARD_JETS, t);
        }
    }

    private void activate(int l, int nPoints) {
        int n = mlp.fanOut(l);
        int sn = nPoints * n;
        double[] z = pre[l];
        double[] s = sigma[l];
        double[] a = act[l + 1];
        Activation f = mlp.spec().activation();
        int top = plan.maxOrder() + 1;
        parallelRange(sn, (lo, hi) -> {
            for (int e = lo; e < hi; e++) f.derivatives(z[e], top, s, e, sn);
            System.arraycopy(s, lo, a, lo, hi - lo);
            for (int j = 0; j < plan.directionCount(); j++) {
                JetOps.forward(plan.order(j), plan.base(j) * sn, sn, z, s, a, lo, hi);
            }
        });
    }

    /** Output jets → derivative values out[k·S + i]. */
    private void gather(int nPoints, double[] out) {
        double[] u = pre[layers - 1];
        List<MultiIndex> ds = plan.derivatives();
        checkLength(out, (long) ds.size() * nPoints, "derivative output");
        for (int k = 0; k < ds.size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            int o = k * nPoints;
            for (int i = 0; i < nPoints; i++) {
                double v = 0;
                for (int q = 0; q < t.length; q++) v += w[q] * u[t[q] * nPoints + i];
                out[o + i] = v;
            }
        }
    }

    // ---------------------------------------------------------------- backward

    private void backward(double[] theta, int nPoints, double[] seedsPerDerivative, double[] jac) {
        int cols = nPoints * comps;
        double[] g = adj[layers - 1];
        java.util.Arrays.fill(g, 0, cols, 0.0);
        for (int k = 0; k < plan.derivatives().size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            for (int q = 0; q < t.length; q++) {
                int o = t[q] * nPoints;
                for (int i = 0; i < nPoints; i++) g[o + i] += w[q] * seedsPerDerivative[k * nPoints + i];
            }
        }
        long t = System.nanoTime();
        for (int l = layers - 1; l >= 0; l--) {
            assembleRows(l, nPoints, jac);
            phaseFlops[Phase.ASSEMBLY.ordinal()] += 2L * mlp.fanIn(l) * mlp.fanOut(l) * cols;
            t = tick(Phase.ASSEMBLY, t);
            if (l == 0) break;
            int nIn = mlp.fanIn(l);
            int nOut = mlp.fanOut(l);
            // adjoint of the activations feeding layer l, written over adj[l-1], then mapped through σ's jets
            Blas.gemm(true, false, nIn, cols, nOut, mlp.layerScale(l), theta, mlp.weightOffset(l), nOut,
                    adj[l], 0, nOut, 0.0, adj[l - 1], 0, nIn);
            phaseFlops[Phase.BACKWARD_GEMM.ordinal()] += 2L * nOut * nIn * cols;
            t = tick(Phase.BACKWARD_GEMM, t);
            int sn = nPoints * nIn;
            double[] z = pre[l - 1];
            double[] s = sigma[l - 1];
            double[] b = adj[l - 1];
            parallelRange(sn, (lo, hi) -> {
                for (int e = lo; e < hi; e++) {
                    double zb0 = b[e] * s[sn + e];
                    for (int j = 0; j < plan.directionCount(); j++) {
                        zb0 += JetOps.adjoint(plan.order(j), plan.base(j) * sn, sn, z, s, b, e);
                    }
                    b[e] = zb0;
                }
            });
            t = tick(Phase.BACKWARD_JETS, t);
        }
    }

    /** Rows of J for layer l: ∂r_i/∂W = c·Σ_c adj_{c,i} ⊗ act_{c,i}, ∂r_i/∂b = adj_{0,i}. */
    private void assembleRows(int l, int nPoints, double[] jac) {
        int nIn = mlp.fanIn(l);
        int nOut = mlp.fanOut(l);
        int nParams = mlp.nParams();
        int wOff = mlp.weightOffset(l);
        int bOff = mlp.biasOffset(l);
        double scale = mlp.layerScale(l);
        double[] a = act[l];
        double[] g = adj[l];
        parallelRange(nPoints, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int row = i * nParams;
                System.arraycopy(g, i * nOut, jac, row + bOff, nOut);
                for (int q = 0; q < nIn; q++) {
                    int dst = row + wOff + q * nOut;
                    boolean written = false;
                    for (int c = 0; c < comps; c++) {
                        int col = c * nPoints + i;
                        double alpha = scale * a[col * nIn + q];
                        if (alpha == 0.0) continue;
                        int src = col * nOut;
                        if (!written) {
                            for (int r = 0; r < nOut; r++) jac[dst + r] = alpha * g[src + r];
                            written = true;
                        } else {
                            for (int r = 0; r < nOut; r++) jac[dst + r] += alpha * g[src + r];
                        }
                    }
                    if (!written) java.util.Arrays.fill(jac, dst, dst + nOut, 0.0);
                }
            }
        });
    }

    interface RangeTask {
        void run(int lo, int hi);
    }

    /** Splits [0, n) into contiguous chunks run on the common pool; results do not depend on the split. */
    static void parallelRange(int n, RangeTask task) {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        if (workers == 1 || n < PARALLEL_GRAIN * 2) {
            task.run(0, n);
            return;
        }
        int chunks = Math.min(workers * 4, n / PARALLEL_GRAIN);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long lo = (long) n * c / chunks;
            long hi = (long) n * (c + 1) / chunks;
            task.run((int) lo, (int) hi);
        });
    }
}
