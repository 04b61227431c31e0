package dev.tangent.nn;

import dev.tangent.linalg.Blas;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Forward Taylor-mode propagation of input derivatives through an {@link Mlp}, and the exact residual
 * Jacobian by reverse accumulation over the jets.
 *
 * <p>Layout: each layer keeps its activations as one column-major matrix of n × (S·C) with column
 * {@code i·C + c} holding jet component c of point i, so one point's jets are contiguous. One GEMM per layer moves all components of all
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
    private double[][] sigma;    // sigma[l]: σ^(m)(z0) of hidden layer l at (i·M + m)·n + r
    private double[][] adj;      // adj[l]: adjoint of pre[l], n_out × S·C
    private double[] values;
    private double[] partials;
    private double[][] tangentAct;   // ȧ per layer (forward-mode J·v), allocated on first use
    private double[][] tangentPre;
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
        residualJacobian(theta, nPoints, x, residual, r, jac, 0);
    }

    /**
     * As {@link #residualJacobian(double[], int, double[], PointResidual, double[], double[])}, writing the
     * Jacobian rows from row {@code jacRow} on, so several groups can stack into one matrix.
     */
    public void residualJacobian(double[] theta, int nPoints, double[] x, PointResidual residual,
                                 double[] r, double[] jac, int jacRow) {
        if (residual.inputDim() != plan.dim()) {
            throw new IllegalArgumentException("residual expects " + residual.inputDim()
                    + "-dimensional points but the network has " + plan.dim() + " inputs");
        }
        if (!residual.derivatives().equals(plan.derivatives())) {
            throw new IllegalArgumentException("residual reads " + residual.derivatives()
                    + " but this engine was built for " + plan.derivatives());
        }
        checkLength(r, nPoints, "residual");
        if (jac != null) checkLength(jac, (long) (jacRow + nPoints) * mlp.nParams(), "Jacobian");
        forward(theta, nPoints, x);
        gather(nPoints, values);
        residual.evaluate(nPoints, x, values, r, partials);
        if (jac != null) backward(theta, nPoints, partials, jac, jacRow, null);
    }

    /**
     * Residual r (modified) and the gradient of (scale/2)·Σ_i r_i², accumulated: grad += scale·Σ_i r_i ∇θ r_i.
     * One reverse pass with a GEMM per layer (Δ·Aᵀ); J is never formed, so this is the cheap path for
     * first-order optimizers.
     */
    public void residualGradient(double[] theta, int nPoints, double[] x, PointResidual residual, double scale,
                                 double[] r, double[] grad) {
        checkLength(r, nPoints, "residual");
        checkLength(grad, mlp.nParams(), "gradient");
        forward(theta, nPoints, x);
        gather(nPoints, values);
        residual.evaluate(nPoints, x, values, r, partials);
        int m = plan.derivatives().size();
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < nPoints; i++) partials[k * nPoints + i] *= scale * r[i];
        }
        backward(theta, nPoints, partials, null, 0, grad);
    }

    /**
     * Jacobian of a linear combination of derivatives with per-point weights:
     * row i of {@code jac} = Σ_k w[k·S+i] ∂(D_k u(x_i))/∂θ. Requires a prior forward pass on the same points
     * (e.g. {@link #derivatives}).
     */
    public void linearJacobian(double[] theta, int nPoints, double[] weights, double[] jac) {
        checkLength(jac, (long) nPoints * mlp.nParams(), "Jacobian");
        backward(theta, nPoints, weights, jac, 0, null);
    }

    private static void checkLength(double[] a, long n, String what) {
        if (a == null || a.length < n) {
            throw new IllegalArgumentException(what + " buffer needs " + n + " entries, got "
                    + (a == null ? "null" : a.length));
        }
    }

    /**
     * Exact forward-mode Jacobian–vector product: out[i] = Σ_p ∂r_i/∂θ_p · v_p (out modified), by pushing the
     * tangent of every jet component through the network alongside the jets. Costs about one extra forward pass
     * (two GEMMs per layer) and never forms J.
     */
    public void jvp(double[] theta, double[] v, int nPoints, double[] x, PointResidual residual, double[] r, double[] out) {
        if (v == null || v.length != mlp.nParams()) {
            throw new IllegalArgumentException("direction v must have " + mlp.nParams() + " entries, got " + (v == null ? "null" : v.length));
        }
        checkLength(out, nPoints, "J·v output");
        forward(theta, nPoints, x);
        gather(nPoints, values);
        residual.evaluate(nPoints, x, values, r, partials);
        int cols = nPoints * comps;
        if (tangentAct == null || tangentAct[0].length < act[0].length) {
            tangentAct = new double[layers][];
            tangentPre = new double[layers][];
            for (int l = 0; l < layers; l++) {
                tangentAct[l] = new double[act[l].length];
                tangentPre[l] = new double[pre[l].length];
            }
        }
        java.util.Arrays.fill(tangentAct[0], 0, mlp.fanIn(0) * cols, 0.0);
        for (int l = 0; l < layers; l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            double c = mlp.layerScale(l);
            // ż = c (W ȧ + V a) + ḃ on the value columns
            Blas.gemm(false, false, nOut, cols, nIn, c, theta, mlp.weightOffset(l), nOut, tangentAct[l], 0, nIn, 0.0, tangentPre[l], 0, nOut);
            Blas.gemm(false, false, nOut, cols, nIn, c, v, mlp.weightOffset(l), nOut, act[l], 0, nIn, 1.0, tangentPre[l], 0, nOut);
            double[] zd = tangentPre[l];
            int bOff = mlp.biasOffset(l);
            double cb = mlp.biasScale(l);
            for (int i = 0; i < nPoints; i++) {
                int o = i * comps * nOut;
                for (int q = 0; q < nOut; q++) zd[o + q] += cb * v[bOff + q];
            }
            if (l == layers - 1) break;
            double[] z = pre[l], s = sigma[l], ad = tangentAct[l + 1];
            for (int i = 0; i < nPoints; i++) {
                int zOff = i * comps * nOut;
                int sOff = i * sigmaOrders * nOut;
                for (int q = 0; q < nOut; q++) ad[zOff + q] = s[sOff + nOut + q] * zd[zOff + q];
                for (int j = 0; j < plan.directionCount(); j++) {
                    JetOps.tangent(plan.order(j), nOut, z, zOff + plan.base(j) * nOut, s, sOff, zd, zOff, ad);
                }
            }
        }
        double[] ud = tangentPre[layers - 1];
        java.util.Arrays.fill(out, 0, nPoints, 0.0);
        for (int k = 0; k < plan.derivatives().size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            for (int i = 0; i < nPoints; i++) {
                double dk = 0;
                for (int q = 0; q < t.length; q++) dk += w[q] * ud[i * comps + t[q]];
                out[i] += partials[k * nPoints + i] * dk;
            }
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
        for (int i = 0; i < nPoints; i++) {
            System.arraycopy(x, i * d, a0, i * comps * d, d);
            for (int j = 0; j < plan.directionCount(); j++) {
                int[] p = plan.direction(j);
                int off = (i * comps + plan.base(j)) * d;
                for (int k = 0; k < d; k++) a0[off + k] = p[k];
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
            double cb = mlp.biasScale(l); // 1·x is exact, so the default stays bit-identical
            for (int i = 0; i < nPoints; i++) {
                int o = i * comps * nOut;
                for (int r = 0; r < nOut; r++) z[o + r] += cb * theta[bOff + r];
            }
            if (l < layers - 1) activate(l, nPoints);
            t = tick(Phase.FORWARD_JETS, t);
        }
    }

    private void activate(int l, int nPoints) {
        int n = mlp.fanOut(l);
        double[] z = pre[l];
        double[] s = sigma[l];
        double[] a = act[l + 1];
        Activation f = mlp.spec().activation();
        int top = plan.maxOrder() + 1;
        parallelRange(nPoints, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int zOff = i * comps * n;
                int sOff = i * sigmaOrders * n;
                for (int r = 0; r < n; r++) f.derivatives(z[zOff + r], top, s, sOff + r, n);
                System.arraycopy(s, sOff, a, zOff, n);
                for (int j = 0; j < plan.directionCount(); j++) {
                    JetOps.forward(plan.order(j), n, z, zOff + plan.base(j) * n, s, sOff, a);
                }
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
                for (int q = 0; q < t.length; q++) v += w[q] * u[i * comps + t[q]];
                out[o + i] = v;
            }
        }
    }

    // ---------------------------------------------------------------- backward

    /** Reverse pass; writes Jacobian rows when jac is non-null, accumulates Σ_i rows into grad when grad is non-null. */
    private void backward(double[] theta, int nPoints, double[] seedsPerDerivative, double[] jac, int jacRow, double[] grad) {
        int cols = nPoints * comps;
        double[] g = adj[layers - 1];
        java.util.Arrays.fill(g, 0, cols, 0.0);
        for (int k = 0; k < plan.derivatives().size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            for (int q = 0; q < t.length; q++) {
                for (int i = 0; i < nPoints; i++) g[i * comps + t[q]] += w[q] * seedsPerDerivative[k * nPoints + i];
            }
        }
        long t = System.nanoTime();
        for (int l = layers - 1; l >= 0; l--) {
            if (jac != null) {
                assembleRows(l, nPoints, jac, jacRow);
                phaseFlops[Phase.ASSEMBLY.ordinal()] += 2L * mlp.fanIn(l) * mlp.fanOut(l) * cols;
            }
            if (grad != null) accumulateGradient(l, nPoints, grad);
            t = tick(Phase.ASSEMBLY, t);
            if (l == 0) break;
            int nIn = mlp.fanIn(l);
            int nOut = mlp.fanOut(l);
            // adjoint of the activations feeding layer l, written over adj[l-1], then mapped through σ's jets
            Blas.gemm(true, false, nIn, cols, nOut, mlp.layerScale(l), theta, mlp.weightOffset(l), nOut,
                    adj[l], 0, nOut, 0.0, adj[l - 1], 0, nIn);
            phaseFlops[Phase.BACKWARD_GEMM.ordinal()] += 2L * nOut * nIn * cols;
            t = tick(Phase.BACKWARD_GEMM, t);
            double[] z = pre[l - 1];
            double[] s = sigma[l - 1];
            double[] b = adj[l - 1];
            parallelRange(nPoints, (lo, hi) -> {
                double[] b0 = new double[nIn];
                for (int i = lo; i < hi; i++) {
                    int off = i * comps * nIn;
                    int sOff = i * sigmaOrders * nIn;
                    for (int r = 0; r < nIn; r++) b0[r] = b[off + r] * s[sOff + nIn + r];
                    for (int j = 0; j < plan.directionCount(); j++) {
                        JetOps.adjoint(plan.order(j), nIn, z, off + plan.base(j) * nIn, s, sOff, b, b0);
                    }
                    System.arraycopy(b0, 0, b, off, nIn);
                }
            });
            t = tick(Phase.BACKWARD_JETS, t);
        }
    }

    /** grad_W += c·Δ_l·A_lᵀ over all columns (one GEMM), grad_b += c_b·Σ_i Δ_l[:, value column of i]. */
    private void accumulateGradient(int l, int nPoints, double[] grad) {
        int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l), cols = nPoints * comps;
        Blas.gemm(false, true, nOut, nIn, cols, mlp.layerScale(l), adj[l], 0, nOut, act[l], 0, nIn, 1.0, grad,
                mlp.weightOffset(l), nOut);
        double[] g = adj[l];
        int bOff = mlp.biasOffset(l);
        double cb = mlp.biasScale(l);
        for (int i = 0; i < nPoints; i++) {
            int o = i * comps * nOut;
            for (int q = 0; q < nOut; q++) grad[bOff + q] += cb * g[o + q];
        }
    }

    /**
     * Rows of J for layer l. Point i's block is the small product scale·G_i·A_iᵀ (n_out × n_in), with
     * G_i = adjoints (n_out × C) and A_i = layer inputs (n_in × C), both contiguous; ∂r_i/∂b = c_b·G_i[:, 0].
     */
    private void assembleRows(int l, int nPoints, double[] jac, int jacRow) {
        int nIn = mlp.fanIn(l);
        int nOut = mlp.fanOut(l);
        int nParams = mlp.nParams();
        int wOff = mlp.weightOffset(l);
        int bOff = mlp.biasOffset(l);
        double scale = mlp.layerScale(l);
        double cb = mlp.biasScale(l);
        double[] a = act[l];
        double[] g = adj[l];
        parallelRange(nPoints, (lo, hi) -> {
            double[] alpha = new double[comps];
            int[] live = new int[comps];
            for (int i = lo; i < hi; i++) {
                int row = (jacRow + i) * nParams;
                int gOff = i * comps * nOut;
                int aOff = i * comps * nIn;
                if (cb == 1.0) System.arraycopy(g, gOff, jac, row + bOff, nOut);
                else for (int q = 0; q < nOut; q++) jac[row + bOff + q] = cb * g[gOff + q];
                for (int q = 0; q < nIn; q++) {
                    int dst = row + wOff + q * nOut;
                    int nLive = 0;
                    for (int c = 0; c < comps; c++) {
                        double v = a[aOff + c * nIn + q];
                        if (v != 0.0) {
                            alpha[nLive] = scale * v;
                            live[nLive++] = gOff + c * nOut;
                        }
                    }
                    accumulate(nOut, nLive, alpha, live, g, jac, dst);
                }
            }
        });
    }

    /** jac[dst + r] = Σ_t alpha[t]·g[src_t + r], two terms per pass to keep the loop vectorizable. */
    private static void accumulate(int n, int terms, double[] alpha, int[] src, double[] g, double[] jac, int dst) {
        if (terms == 0) {
            java.util.Arrays.fill(jac, dst, dst + n, 0.0);
            return;
        }
        int t = 0;
        if (terms % 2 == 1) {
            double a0 = alpha[0];
            int s0 = src[0];
            for (int r = 0; r < n; r++) jac[dst + r] = a0 * g[s0 + r];
            t = 1;
        } else {
            double a0 = alpha[0], a1 = alpha[1];
            int s0 = src[0], s1 = src[1];
            for (int r = 0; r < n; r++) jac[dst + r] = a0 * g[s0 + r] + a1 * g[s1 + r];
            t = 2;
        }
        for (; t < terms; t += 2) {
            double a0 = alpha[t], a1 = alpha[t + 1];
            int s0 = src[t], s1 = src[t + 1];
            for (int r = 0; r < n; r++) jac[dst + r] += a0 * g[s0 + r] + a1 * g[s1 + r];
        }
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
