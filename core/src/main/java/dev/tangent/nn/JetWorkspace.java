package dev.tangent.nn;

/**
 * The per-layer matrices of one batch of S points, grown when more points arrive and reused otherwise.
 *
 * <p>Layouts (C = jet components, M = σ orders kept, n = the layer's width):
 * <ul>
 *   <li>{@code act[l]}: input of layer l, column-major n_in × S·C; column {@code i·C + c} is jet component c of
 *       point i, so a point's components are adjacent columns and a block of points is one contiguous range.</li>
 *   <li>{@code pre[l]}: pre-activation z of layer l, n_out × S·C, same columns.</li>
 *   <li>{@code adj[l]}: adjoint of {@code pre[l]}, same shape.</li>
 *   <li>{@code sigma[l]}: σ^(m)(z₀) of hidden layer l at {@code (i·M + m)·n + r}.</li>
 *   <li>{@code values}, {@code partials}: derivative-major, entry {@code k·S + i}.</li>
 * </ul>
 */
final class JetWorkspace {
    final int layers;
    final int comps;
    final int sigmaOrders;
    private final Mlp mlp;
    private final int nDerivatives;
    int capacity;
    double[][] act;
    double[][] pre;
    double[][] sigma;
    double[][] adj;
    double[] values;
    double[] partials;
    double[][] tangentAct;   // ȧ and ż per layer (forward-mode J·v), allocated on first use
    double[][] tangentPre;

    JetWorkspace(Mlp mlp, JetPlan plan) {
        this.mlp = mlp;
        this.layers = mlp.layers();
        this.comps = plan.components();
        this.sigmaOrders = plan.maxOrder() + 2;
        this.nDerivatives = plan.derivatives().size();
    }

    void ensure(int nPoints) {
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
        values = new double[nDerivatives * capacity];
        partials = new double[nDerivatives * capacity];
        tangentAct = null;
        tangentPre = null;
    }

    void ensureTangents() {
        if (tangentAct != null) return;
        tangentAct = new double[layers][];
        tangentPre = new double[layers][];
        for (int l = 0; l < layers; l++) {
            tangentAct[l] = new double[act[l].length];
            tangentPre[l] = new double[pre[l].length];
        }
    }
}
