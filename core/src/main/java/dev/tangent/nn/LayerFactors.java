package dev.tangent.nn;

/**
 * The factors of a residual's exact Jacobian rows, layer by layer, without forming the rows: for point i and layer
 * l the weight block of row i is c_l·Σ_c δ_{l,i,c} a_{l,i,c}ᵀ and the bias block c_b,l·δ_{l,i,0}, where a_{l,i,c} is
 * jet component c of layer l's input and δ_{l,i,c} the adjoint of component c of its pre-activation, seeded with the
 * residual's partials ∂F/∂D_k u at the current θ (the linearisation the Jacobian uses, also for nonlinear F).
 * A structured NTK builds K from Gram matrices of these factors (see StructuredKernel in the ntk package).
 *
 * <p>After {@link #compute}, {@link #inputs(int)} is column-major n_in × S·C and {@link #adjoints(int)} n_out × S·C,
 * column {@code i·C + c} holding component c of point i (the engine's own buffers: read them, do not modify them;
 * they are valid until the next call). One network only (not the separate layout). Not thread-safe.
 */
public final class LayerFactors {
    private final Mlp mlp;
    private final PointResidual residual;
    private final JetEngine engine;
    private double[] r = new double[0];
    private int nPoints;

    public LayerFactors(Mlp mlp, PointResidual residual) {
        if (mlp.parts() != null) throw new IllegalArgumentException("layer factors need one network, not " + mlp.spec().shape());
        this.mlp = mlp;
        this.residual = residual;
        this.engine = new JetEngine(mlp, residual.derivatives(), residual.fields());
        EngineChecks.residual(residual, engine.plan(), residual.fields());
    }

    /** Jet components C per point. */
    public int components() {
        return engine.plan().components();
    }

    public Mlp mlp() {
        return mlp;
    }

    /** Forward jets at θ on nPoints points x (point-major), residual partials, reverse pass; no Jacobian rows. */
    public void compute(double[] theta, int nPoints, double[] x) {
        if (r.length < nPoints) r = new double[nPoints];
        double[] values = engine.forwardValues(theta, nPoints, x);
        residual.evaluate(nPoints, x, values, r, engine.seeds());
        engine.backwardRows(nPoints, null, 0, 0, 0, 1.0);
        this.nPoints = nPoints;
    }

    /** Points of the last {@link #compute}. */
    public int points() {
        return nPoints;
    }

    /** Layer l's input jets a_{l,i,c} at column i·C + c (n_in rows). */
    public double[] inputs(int l) {
        return engine.workspace().act[l];
    }

    /** Layer l's pre-activation adjoints δ_{l,i,c} at column i·C + c (n_out rows). */
    public double[] adjoints(int l) {
        return engine.workspace().adj[l];
    }
}
