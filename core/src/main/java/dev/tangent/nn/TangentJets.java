package dev.tangent.nn;

import dev.tangent.linalg.Blas;
import dev.tangent.linalg.NativeMatrix;
import dev.tangent.nn.JetEngine.Phase;

/**
 * Forward-mode J·v: the tangent of every jet component pushed through the network alongside the jets of a prior
 * forward pass, contracted with the residual's partials. J is never formed. Runs block by block of points like the
 * forward pass (two GEMMs per layer and block on the calling thread, θ and v in native memory), so the tangents need
 * only two block-sized buffers per worker ({@link BlockScratch#tangentIn}, {@link BlockScratch#tangentOut}) instead
 * of a copy of the forward state.
 */
final class TangentJets {
    private final Mlp mlp;
    private final JetPlan plan;
    private final JetWorkspace ws;
    private final int[] fields;

    TangentJets(Mlp mlp, JetPlan plan, JetWorkspace ws, int[] fields) {
        this.fields = fields;
        this.mlp = mlp;
        this.plan = plan;
        this.ws = ws;
    }

    /**
     * out[i] = Σ_p ∂r_i/∂θ_p·v_p for points [p0, p1), given the forward state and {@link JetWorkspace#partials} of the
     * same θ and points; weights and direction hold θ and v natively, v the same direction for the biases.
     */
    void run(NativeMatrix weights, NativeMatrix direction, double[] v, int nPoints, int p0, int p1, BlockScratch s,
             double[] out) {
        int comps = ws.comps;
        int orders = ws.sigmaOrders;
        int cols = (p1 - p0) * comps;
        s.ensureTangents(cols);
        double[] ta = s.tangentIn, tp = s.tangentOut;
        long t = PhaseTimes.now();
        java.util.Arrays.fill(ta, 0, mlp.fanIn(0) * cols, 0.0);
        for (int l = 0; l < ws.layers; l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            double c = mlp.layerScale(l);
            // ż = c (W ȧ + V a) + ḃ on the value columns
            Blas.gemmOnCaller(false, false, nOut, cols, nIn, c, weights, mlp.weightOffset(l), nOut, ta, 0, nIn, 0.0, tp, 0, nOut);
            Blas.gemmOnCaller(false, false, nOut, cols, nIn, c, direction, mlp.weightOffset(l), nOut, ws.act[l],
                    p0 * comps * nIn, nIn, 1.0, tp, 0, nOut);
            s.times.addFlops(Phase.FORWARD_GEMM, 4L * nOut * nIn * cols);
            t = s.times.tick(Phase.FORWARD_GEMM, t);
            int bOff = mlp.biasOffset(l);
            double cb = mlp.biasScale(l);
            for (int i = 0; i < p1 - p0; i++) {
                int o = i * comps * nOut;
                for (int q = 0; q < nOut; q++) tp[o + q] += cb * v[bOff + q];
            }
            if (l < ws.layers - 1) {
                double[] z = ws.pre[l], sg = ws.sigma[l];
                for (int i = 0; i < p1 - p0; i++) {
                    int zOff = (p0 + i) * comps * nOut, sOff = (p0 + i) * orders * nOut, dOff = i * comps * nOut;
                    for (int q = 0; q < nOut; q++) ta[dOff + q] = sg[sOff + nOut + q] * tp[dOff + q];
                    for (int j = 0; j < plan.directionCount(); j++) {
                        JetOps.tangent(plan.order(j), nOut, z, zOff + plan.base(j) * nOut, sg, sOff, tp, dOff,
                                dOff - zOff, ta);
                    }
                }
            }
            t = s.times.tick(Phase.FORWARD_JETS, t);
        }
        contract(tp, nPoints, p0, p1, out);
    }

    /** out[i] = Σ_k partials[k·S+i]·(D_k of the output tangents) for the block's points. */
    private void contract(double[] ud, int nPoints, int p0, int p1, double[] out) {
        int comps = ws.comps, nf = mlp.fanOut(ws.layers - 1);
        double[] partials = ws.partials;
        java.util.Arrays.fill(out, p0, p1, 0.0);
        for (int k = 0; k < plan.derivatives().size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            int f = fields[k];
            for (int i = p0; i < p1; i++) {
                double dk = 0;
                for (int q = 0; q < t.length; q++) dk += w[q] * ud[((i - p0) * comps + t[q]) * nf + f];
                out[i] += partials[k * nPoints + i] * dk;
            }
        }
    }
}
