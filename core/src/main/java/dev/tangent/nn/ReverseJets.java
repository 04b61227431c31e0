package dev.tangent.nn;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.NativeMatrix;
import dev.tangent.nn.JetEngine.Phase;

/**
 * Reverse accumulation over the jets of one block of points: seed the output adjoints from ∂F/∂D_k u, then per
 * layer (last to first) write that layer's Jacobian rows, one transposed GEMM over the block's columns, and the
 * adjoint of the jet rules elementwise. The adjoints stay in {@link JetWorkspace#adj} for a batched gradient.
 */
final class ReverseJets {
    private final Mlp mlp;
    private final JetPlan plan;
    private final JetWorkspace ws;
    private final JacobianRows rows;
    private final int[] fields;

    ReverseJets(Mlp mlp, JetPlan plan, JetWorkspace ws, int[] fields) {
        this.mlp = mlp;
        this.plan = plan;
        this.ws = ws;
        this.fields = fields;
        this.rows = new JacobianRows(mlp, ws);
    }

    /**
     * Points [p0, p1) of a batch of nPoints; seeds[k·S + i] weighs derivative k at point i. Writes the rows of
     * those points, times rowScale, into jac (row stride ldj, from row jacRow and column col0) when jac is non-null.
     */
    void run(NativeMatrix weights, int nPoints, double[] seeds, double[] jac, int jacRow, int ldj, int col0, double rowScale,
             int p0, int p1, BlockScratch s) {
        int comps = ws.comps;
        int cols = (p1 - p0) * comps;
        seed(nPoints, seeds, p0, p1);
        PhaseTimes times = s.times;
        long t = PhaseTimes.now();
        for (int l = ws.layers - 1; l >= 0; l--) {
            if (jac != null) {
                rows.write(l, p0, p1, jac, jacRow, ldj, col0, rowScale, s);
                times.addFlops(Phase.ASSEMBLY, 2L * mlp.fanIn(l) * mlp.fanOut(l) * cols);
                t = times.tick(Phase.ASSEMBLY, t);
            }
            if (l == 0) break;
            int nIn = mlp.fanIn(l);
            int nOut = mlp.fanOut(l);
            // adjoint of the activations feeding layer l, written over adj[l-1], then mapped through σ's jets
            Blas.gemmOnCaller(true, false, nIn, cols, nOut, mlp.layerScale(l), weights, mlp.weightOffset(l), nOut,
                    ws.adj[l], p0 * comps * nOut, nOut, 0.0, ws.adj[l - 1], p0 * comps * nIn, nIn);
            times.addFlops(Phase.BACKWARD_GEMM, 2L * nOut * nIn * cols);
            t = times.tick(Phase.BACKWARD_GEMM, t);
            adjointJets(l - 1, p0, p1, s.valueAdjoint);
            t = times.tick(Phase.BACKWARD_JETS, t);
        }
    }

    /** Output adjoints: row f (the derivative's field) of column i·C + t of adj[L-1] gets Σ_k w_{k,t}·seeds[k·S + i]. */
    private void seed(int nPoints, double[] seeds, int p0, int p1) {
        int comps = ws.comps;
        int nf = mlp.fanOut(ws.layers - 1);
        double[] g = ws.adj[ws.layers - 1];
        java.util.Arrays.fill(g, p0 * comps * nf, p1 * comps * nf, 0.0);
        for (int k = 0; k < plan.derivatives().size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            int f = fields[k];
            for (int q = 0; q < t.length; q++) {
                for (int i = p0; i < p1; i++) g[(i * comps + t[q]) * nf + f] += w[q] * seeds[k * nPoints + i];
            }
        }
    }

    /** Maps activation adjoints of hidden layer l to pre-activation adjoints, in place. */
    private void adjointJets(int l, int p0, int p1, double[] b0) {
        int n = mlp.fanOut(l);
        int comps = ws.comps;
        int orders = ws.sigmaOrders;
        double[] z = ws.pre[l];
        double[] s = ws.sigma[l];
        double[] b = ws.adj[l];
        for (int i = p0; i < p1; i++) {
            int off = i * comps * n;
            int sOff = i * orders * n;
            for (int r = 0; r < n; r++) b0[r] = b[off + r] * s[sOff + n + r];
            for (int j = 0; j < plan.directionCount(); j++) {
                JetOps.adjoint(plan.order(j), n, z, off + plan.base(j) * n, s, sOff, b, b0);
            }
            System.arraycopy(b0, 0, b, off, n);
        }
    }

    /**
     * After every block's reverse pass: grad_W += c·Δ_l·A_lᵀ over all S·C columns (one GEMM per layer) and
     * grad_b += Σ_i Δ_l[:, value column of i].
     */
    void accumulateGradient(int nPoints, double[] grad, int gradOffset) {
        int cols = nPoints * ws.comps;
        for (int l = ws.layers - 1; l >= 0; l--) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            Blas.gemm(false, true, nOut, nIn, cols, mlp.layerScale(l), ws.adj[l], 0, nOut, ws.act[l], 0, nIn, 1.0, grad,
                    gradOffset + mlp.weightOffset(l), nOut);
            double[] g = ws.adj[l];
            int bOff = gradOffset + mlp.biasOffset(l);
            double cb = mlp.biasScale(l);
            for (int i = 0; i < nPoints; i++) {
                int o = i * ws.comps * nOut;
                for (int q = 0; q < nOut; q++) grad[bOff + q] += cb * g[o + q];
            }
        }
    }
}
