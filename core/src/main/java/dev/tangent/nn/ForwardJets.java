package dev.tangent.nn;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.NativeMatrix;
import dev.tangent.nn.JetEngine.Phase;

/**
 * Forward Taylor jets of one block of points: seed the input jets, then per layer one GEMM over all the block's
 * columns (z_k = c·W a_k; the bias enters z₀ only) and the Faà di Bruno rules elementwise.
 */
final class ForwardJets {
    private final Mlp mlp;
    private final JetPlan plan;
    private final JetWorkspace ws;

    ForwardJets(Mlp mlp, JetPlan plan, JetWorkspace ws) {
        this.mlp = mlp;
        this.plan = plan;
        this.ws = ws;
    }

    /** Points [p0, p1): x is point-major, weights hold θ natively, theta the same θ for the biases. */
    void run(double[] theta, NativeMatrix weights, double[] x, int p0, int p1, PhaseTimes times) {
        int comps = ws.comps;
        int cols = (p1 - p0) * comps;
        seedInputs(x, p0, p1);
        long t = PhaseTimes.now();
        for (int l = 0; l < ws.layers; l++) {
            int nIn = mlp.fanIn(l);
            int nOut = mlp.fanOut(l);
            Blas.gemmOnCaller(false, false, nOut, cols, nIn, mlp.layerScale(l), weights, mlp.weightOffset(l), nOut,
                    ws.act[l], p0 * comps * nIn, nIn, 0.0, ws.pre[l], p0 * comps * nOut, nOut);
            times.addFlops(Phase.FORWARD_GEMM, 2L * nOut * nIn * cols);
            t = times.tick(Phase.FORWARD_GEMM, t);
            double[] z = ws.pre[l];
            int bOff = mlp.biasOffset(l);
            double cb = mlp.biasScale(l); // 1·x is exact, so the default stays bit-identical
            for (int i = p0; i < p1; i++) {
                int o = i * comps * nOut;
                for (int r = 0; r < nOut; r++) z[o + r] += cb * theta[bOff + r];
            }
            if (l < ws.layers - 1) activate(l, p0, p1);
            t = times.tick(Phase.FORWARD_JETS, t);
        }
    }

    /** Input jets: value column x_i, first-order column of direction j = the direction, the rest zero (or embedded). */
    private void seedInputs(double[] x, int p0, int p1) {
        int d = plan.dim();
        int comps = ws.comps;
        double[] a0 = ws.act[0];
        PeriodicEmbedding pe = mlp.periodic();
        if (pe != null) {   // the embedded inputs and their jets, width() rows per column
            for (int i = p0; i < p1; i++) pe.seed(x, i * d, plan, a0, i * comps * pe.width());
            return;
        }
        java.util.Arrays.fill(a0, p0 * comps * d, p1 * comps * d, 0.0);
        for (int i = p0; i < p1; i++) {
            System.arraycopy(x, i * d, a0, i * comps * d, d);
            for (int j = 0; j < plan.directionCount(); j++) {
                int[] p = plan.direction(j);
                int off = (i * comps + plan.base(j)) * d;
                for (int k = 0; k < d; k++) a0[off + k] = p[k];
            }
        }
    }

    private void activate(int l, int p0, int p1) {
        int n = mlp.fanOut(l);
        int comps = ws.comps;
        int orders = ws.sigmaOrders;
        double[] z = ws.pre[l];
        double[] s = ws.sigma[l];
        double[] a = ws.act[l + 1];
        Activation f = mlp.activation(l);
        int top = plan.maxOrder() + 1;
        for (int i = p0; i < p1; i++) {
            int zOff = i * comps * n;
            int sOff = i * orders * n;
            for (int r = 0; r < n; r++) f.derivatives(z[zOff + r], top, s, sOff + r, n);
            System.arraycopy(s, sOff, a, zOff, n);
            for (int j = 0; j < plan.directionCount(); j++) {
                JetOps.forward(plan.order(j), n, z, zOff + plan.base(j) * n, s, sOff, a);
            }
        }
    }
}
