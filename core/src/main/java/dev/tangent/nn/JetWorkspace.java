package dev.tangent.nn;

import java.util.Arrays;

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
 *
 * <p>Forward states (act, pre, sigma) are kept for the last two (θ, points) pairs, and {@link #select} reuses one
 * whose θ and points are equal: a line search ends with the accepted trial one or two passes back, and the next
 * step's Jacobian starts from that trial's forward pass. The second state is allocated on first use.
 */
final class JetWorkspace {
    final int layers;
    final int comps;
    final int sigmaOrders;
    private final Mlp mlp;
    private final int nDerivatives;
    private final ForwardState[] states = new ForwardState[2];
    private ForwardState current;
    private long uses;
    int capacity;
    double[][] act;
    double[][] pre;
    double[][] sigma;
    double[][] adj;
    double[] values;
    double[] partials;

    /** One forward pass's matrices and the θ and points it was computed for. */
    private static final class ForwardState {
        double[][] act;
        double[][] pre;
        double[][] sigma;
        double[] theta;
        double[] x;
        int nPoints;
        boolean valid;
        long lastUse;
    }

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
        Arrays.fill(states, null);
        current = null;
        adj = new double[layers][];
        for (int l = 0; l < layers; l++) adj[l] = new double[mlp.fanOut(l) * capacity * comps];
        values = new double[nDerivatives * capacity];
        partials = new double[nDerivatives * capacity];
    }

    /**
     * Makes the forward state for (θ, the first nPoints points of x) current. Returns true when a kept state
     * matches exactly (no forward pass needed); otherwise the least recently used state is taken over, marked
     * invalid until {@link #remember} is called after its forward pass.
     */
    boolean select(double[] theta, int nPoints, double[] x, int dim) {
        for (ForwardState s : states) {
            if (s != null && s.valid && s.nPoints == nPoints && Arrays.equals(s.theta, theta)
                    && Arrays.equals(s.x, 0, nPoints * dim, x, 0, nPoints * dim)) {
                use(s);
                return true;
            }
        }
        int victim = states[0] == null || (states[1] != null && states[0].lastUse <= states[1].lastUse) ? 0 : 1;
        if (states[victim] == null) states[victim] = allocate();
        states[victim].valid = false;
        use(states[victim]);
        return false;
    }

    /** Records that the current state now holds the forward pass of (θ, points). */
    void remember(double[] theta, int nPoints, double[] x, int dim) {
        ForwardState s = current;
        if (s.theta == null || s.theta.length != theta.length) s.theta = new double[theta.length];
        System.arraycopy(theta, 0, s.theta, 0, theta.length);
        if (s.x == null || s.x.length < nPoints * dim) s.x = new double[capacity * dim];
        System.arraycopy(x, 0, s.x, 0, nPoints * dim);
        s.nPoints = nPoints;
        s.valid = true;
    }

    private void use(ForwardState s) {
        s.lastUse = ++uses;
        current = s;
        act = s.act;
        pre = s.pre;
        sigma = s.sigma;
    }

    private ForwardState allocate() {
        ForwardState s = new ForwardState();
        s.act = new double[layers][];
        s.pre = new double[layers][];
        s.sigma = new double[layers][];
        for (int l = 0; l < layers; l++) {
            s.act[l] = new double[mlp.fanIn(l) * capacity * comps];
            s.pre[l] = new double[mlp.fanOut(l) * capacity * comps];
            if (l < layers - 1) s.sigma[l] = new double[mlp.fanOut(l) * capacity * sigmaOrders];
        }
        return s;
    }

    /** Output jets (field f of derivative k is fields[k], nf outputs) → derivative values out[k·S + i]. */
    void gather(JetPlan plan, int[] fields, int nf, int nPoints, double[] out) {
        double[] u = pre[layers - 1];
        java.util.List<MultiIndex> ds = plan.derivatives();
        EngineChecks.length(out, (long) ds.size() * nPoints, "derivative output");
        for (int k = 0; k < ds.size(); k++) {
            int[] t = plan.terms(k);
            double[] w = plan.coefficients(k);
            int o = k * nPoints;
            int f = fields[k];
            for (int i = 0; i < nPoints; i++) {
                double v = 0;
                for (int q = 0; q < t.length; q++) v += w[q] * u[(i * comps + t[q]) * nf + f];
                out[o + i] = v;
            }
        }
    }
}
