package dev.tangent.nn;

import dev.tangent.linalg.Blas;

/**
 * Forward-mode J·v: the tangent of every jet component pushed through the network alongside the jets of a prior
 * forward pass (two GEMMs per layer), contracted with the residual's partials. J is never formed.
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

    /** out[i] = Σ_p ∂r_i/∂θ_p·v_p given the forward state and {@link JetWorkspace#partials} of the same θ and points. */
    void run(double[] theta, double[] v, int nPoints, double[] out) {
        int comps = ws.comps;
        int orders = ws.sigmaOrders;
        int cols = nPoints * comps;
        ws.ensureTangents();
        double[][] ta = ws.tangentAct;
        double[][] tp = ws.tangentPre;
        java.util.Arrays.fill(ta[0], 0, mlp.fanIn(0) * cols, 0.0);
        for (int l = 0; l < ws.layers; l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            double c = mlp.layerScale(l);
            // ż = c (W ȧ + V a) + ḃ on the value columns
            Blas.gemm(false, false, nOut, cols, nIn, c, theta, mlp.weightOffset(l), nOut, ta[l], 0, nIn, 0.0, tp[l], 0, nOut);
            Blas.gemm(false, false, nOut, cols, nIn, c, v, mlp.weightOffset(l), nOut, ws.act[l], 0, nIn, 1.0, tp[l], 0, nOut);
            double[] zd = tp[l];
            int bOff = mlp.biasOffset(l);
            double cb = mlp.biasScale(l);
            for (int i = 0; i < nPoints; i++) {
                int o = i * comps * nOut;
                for (int q = 0; q < nOut; q++) zd[o + q] += cb * v[bOff + q];
            }
            if (l == ws.layers - 1) break;
            double[] z = ws.pre[l], s = ws.sigma[l], ad = ta[l + 1];
            for (int i = 0; i < nPoints; i++) {
                int zOff = i * comps * nOut;
                int sOff = i * orders * nOut;
                for (int q = 0; q < nOut; q++) ad[zOff + q] = s[sOff + nOut + q] * zd[zOff + q];
                for (int j = 0; j < plan.directionCount(); j++) {
                    JetOps.tangent(plan.order(j), nOut, z, zOff + plan.base(j) * nOut, s, sOff, zd, zOff, ad);
                }
            }
        }
        double[] ud = tp[ws.layers - 1];
        double[] partials = ws.partials;
        java.util.Arrays.fill(out, 0, nPoints, 0.0);
        int nf = mlp.fanOut(ws.layers - 1);
        for (int k = 0; k < plan.derivatives().size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            int f = fields[k];
            for (int i = 0; i < nPoints; i++) {
                double dk = 0;
                for (int q = 0; q < t.length; q++) dk += w[q] * ud[(i * comps + t[q]) * nf + f];
                out[i] += partials[k * nPoints + i] * dk;
            }
        }
    }
}
