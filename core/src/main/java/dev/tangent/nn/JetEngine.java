package dev.tangent.nn;

import dev.tangent.linalg.NativeMatrix;
import java.util.List;

/**
 * Forward Taylor-mode propagation of input derivatives through an {@link Mlp}, and the exact residual
 * Jacobian by reverse accumulation over the jets.
 *
 * <p>Work is done in fixed blocks of points ({@link PointBlocks}): each block runs through every layer's GEMM and
 * jet rules, forward and then reverse, writing its Jacobian rows, while its columns are in cache; blocks run on
 * Java threads. θ is copied to native memory once per call and every GEMM reads it there. A forward pass at the
 * same θ and points as one of the last two is reused, not recomputed (e.g. the accepted line-search trial, whose
 * Jacobian the next step needs). Layouts are in {@link JetWorkspace}; Jacobians are row-major S × P
 * ({@code jac[i·P + p]}), each point's gradient contiguous.
 *
 * <p>Fields: derivative k of the list belongs to field {@code fields[k]} (all 0 for a scalar problem). A shared
 * network reads field f off output row f; a network per field ({@link Mlp#parts()}) runs one engine per field that
 * the residual reads ({@link SeparateNets}), its Jacobian rows written into that field's column block of J.
 *
 * <p>Not thread-safe: workspaces are reused across calls and grown when more points arrive.
 */
public final class JetEngine {
    private final Mlp mlp;
    private final JetPlan plan;
    private final JetWorkspace ws;
    private final ForwardJets forward;
    private final ReverseJets reverse;
    private final TangentJets tangents;
    private final PointBlocks blocks;
    private final NativeMatrix weights;
    private final NativeMatrix direction;   // v of a J·v, native like θ
    private final PhaseTimes times = new PhaseTimes();
    private final int[] fields;
    private final SeparateNets separate;

    /** Stages timed on every call, for benchmarks (summed over worker threads). */
    public enum Phase { FORWARD_GEMM, FORWARD_JETS, BACKWARD_GEMM, BACKWARD_JETS, ASSEMBLY }

    public JetEngine(Mlp mlp, List<MultiIndex> derivatives) {
        this(mlp, derivatives, new int[derivatives.size()]);
    }

    /** Derivative k of field fields[k] (0 ≤ fields[k] ≤ F − 1). */
    public JetEngine(Mlp mlp, List<MultiIndex> derivatives, int[] fields) {
        this(mlp, derivatives, fields, Runtime.getRuntime().availableProcessors());
    }

    /** With at most {@code workers} Java threads per batch (for tests: the results must not depend on it). */
    JetEngine(Mlp mlp, List<MultiIndex> derivatives, int workers) {
        this(mlp, derivatives, new int[derivatives.size()], workers);
    }

    JetEngine(Mlp mlp, List<MultiIndex> derivatives, int[] fields, int workers) {
        this.mlp = mlp;
        this.plan = new JetPlan(mlp.spec().inputDim(), derivatives);
        EngineChecks.fields(fields, derivatives, mlp);
        this.fields = fields.clone();
        if (mlp.parts() != null) {
            this.separate = new SeparateNets(mlp, derivatives, this.fields, workers);
            this.ws = null;
            this.forward = null;
            this.reverse = null;
            this.tangents = null;
            this.blocks = null;
            this.weights = null;
            this.direction = null;
            return;
        }
        this.separate = null;
        this.ws = new JetWorkspace(mlp, plan);
        this.forward = new ForwardJets(mlp, plan, ws);
        this.reverse = new ReverseJets(mlp, plan, ws, this.fields);
        this.tangents = new TangentJets(mlp, plan, ws, this.fields);
        int maxWidth = 1;
        for (int l = 0; l < mlp.layers(); l++) maxWidth = Math.max(maxWidth, Math.max(mlp.fanIn(l), mlp.fanOut(l)));
        int width = maxWidth;
        this.blocks = new PointBlocks(plan.components(), Math.max(1, workers), () -> new BlockScratch(plan.components(), width));
        this.weights = new NativeMatrix(mlp.nParams());
        this.direction = new NativeMatrix(mlp.nParams());
    }

    public Mlp mlp() {
        return mlp;
    }

    public JetPlan plan() {
        return plan;
    }

    /** Points per block, fixed by the jet components (for benchmarks and tests). */
    public int blockSize() {
        return separate != null ? separate.blockSize() : blocks.size();
    }

    /** Accumulated time of a stage since the last {@link #resetTimings()}, summed over worker threads. */
    public long nanos(Phase p) {
        return times.nanos[p.ordinal()];
    }

    /** Accumulated floating-point operations of a stage (GEMM and assembly stages only). */
    public long flops(Phase p) {
        return times.flops[p.ordinal()];
    }

    public void resetTimings() {
        times.clear();
    }

    /**
     * Values of every requested derivative: {@code out[k·S + i] = D_k u(x_i)} (out modified).
     * x is point-major (x[i·d + k], not modified).
     */
    public double[] derivatives(double[] theta, int nPoints, double[] x, double[] out) {
        if (separate != null) {
            EngineChecks.theta(theta, mlp);
            return separate.derivatives(theta, nPoints, x, out);
        }
        forward(theta, nPoints, x);
        ws.gather(plan, fields, mlp.fields(), nPoints, out);
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
        residualJacobian(theta, nPoints, x, residual, r, jac, jacRow, 1.0);
    }

    /**
     * As {@link #residualJacobian(double[], int, double[], PointResidual, double[], double[], int)} with the
     * Jacobian rows (not r) multiplied by rowScale as they are written, the same bits as scaling J afterwards
     * without another pass over it (loss groups scale their rows by sqrt(λ/S)).
     */
    public void residualJacobian(double[] theta, int nPoints, double[] x, PointResidual residual,
                                 double[] r, double[] jac, int jacRow, double rowScale) {
        EngineChecks.residual(residual, plan, fields);
        EngineChecks.length(r, nPoints, "residual");
        if (jac != null) EngineChecks.length(jac, (long) (jacRow + nPoints) * mlp.nParams(), "Jacobian");
        if (separate != null) {
            EngineChecks.theta(theta, mlp);
            separate.residualJacobian(theta, nPoints, x, residual, r, jac, jacRow, rowScale);
            return;
        }
        evaluate(theta, nPoints, x, residual, r);
        if (jac != null) backward(nPoints, ws.partials, jac, jacRow, mlp.nParams(), 0, rowScale);
    }

    /**
     * Residual r (modified) and the gradient of (scale/2)·Σ_i r_i², accumulated: grad += scale·Σ_i r_i ∇θ r_i.
     * One reverse pass with a GEMM per layer (Δ·Aᵀ); J is never formed, so this is the cheap path for
     * first-order optimizers.
     */
    public void residualGradient(double[] theta, int nPoints, double[] x, PointResidual residual, double scale,
                                 double[] r, double[] grad) {
        reverseProduct(theta, nPoints, x, residual, scale, null, r, grad);
    }

    /**
     * Exact vector–Jacobian product, accumulated: grad += Σ_i u_i ∇θ r_i = Jᵀu (u length ≥ S, not modified; r, the
     * residuals, modified). The reverse pass of {@link #residualGradient} seeded with u instead of r; J is never
     * formed, and a forward pass at the same θ and points is reused.
     */
    public void vjp(double[] theta, double[] u, int nPoints, double[] x, PointResidual residual, double[] r, double[] grad) {
        EngineChecks.length(u, nPoints, "Jᵀu weights");
        reverseProduct(theta, nPoints, x, residual, 1.0, u, r, grad);
    }

    /** grad += scale·Σ_i w_i ∇θ r_i with w = u, or w = r when u is null. */
    private void reverseProduct(double[] theta, int nPoints, double[] x, PointResidual residual, double scale, double[] u,
                                double[] r, double[] grad) {
        EngineChecks.length(r, nPoints, "residual");
        EngineChecks.length(grad, mlp.nParams(), "gradient");
        if (separate != null) {
            EngineChecks.residual(residual, plan, fields);
            EngineChecks.theta(theta, mlp);
            separate.residualGradient(theta, nPoints, x, residual, scale, r, u, grad);
            return;
        }
        evaluate(theta, nPoints, x, residual, r);
        double[] partials = ws.partials, w = u == null ? r : u;
        int m = plan.derivatives().size();
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < nPoints; i++) partials[k * nPoints + i] *= scale * w[i];
        }
        backward(nPoints, partials, null, 0, 0, 0, 1.0);
        reverse.accumulateGradient(nPoints, grad, 0);
    }

    /**
     * Jacobian of a linear combination of derivatives with per-point weights:
     * row i of {@code jac} = Σ_k w[k·S+i] ∂(D_k u(x_i))/∂θ. Requires a prior forward pass on the same θ and
     * points (e.g. {@link #derivatives}).
     */
    public void linearJacobian(double[] theta, int nPoints, double[] weights, double[] jac) {
        EngineChecks.length(jac, (long) nPoints * mlp.nParams(), "Jacobian");
        EngineChecks.theta(theta, mlp);
        if (separate != null) {
            separate.linearJacobian(theta, nPoints, weights, jac);
            return;
        }
        linearRows(theta, nPoints, weights, jac, mlp.nParams(), 0);
    }

    /**
     * Exact forward-mode Jacobian–vector product: out[i] = Σ_p ∂r_i/∂θ_p · v_p (out modified), by pushing the
     * tangent of every jet component through the network alongside the jets. Costs about one extra forward pass
     * (two GEMMs per layer) and never forms J.
     */
    public void jvp(double[] theta, double[] v, int nPoints, double[] x, PointResidual residual, double[] r, double[] out) {
        EngineChecks.direction(v, mlp);
        EngineChecks.length(out, nPoints, "J·v output");
        if (separate != null) {
            EngineChecks.residual(residual, plan, fields);
            EngineChecks.theta(theta, mlp);
            separate.jvp(theta, v, nPoints, x, residual, r, out);
            return;
        }
        evaluate(theta, nPoints, x, residual, r);
        tangent(theta, v, nPoints, out);
    }

    // Hooks for SeparateNets: one field's network, its θ block given alone, its Jacobian block at column col0.

    /** Forward pass and derivative values (ws.values, derivative-major) at the part's θ. */
    double[] forwardValues(double[] theta, int nPoints, double[] x) {
        forward(theta, nPoints, x);
        ws.gather(plan, fields, mlp.fields(), nPoints, ws.values);
        return ws.values;
    }

    /** Seeds of the reverse pass, derivative-major; valid after {@link #forwardValues}. */
    double[] seeds() {
        return ws.partials;
    }

    /** Jacobian rows from {@link #seeds()} into jac (row stride ldj, columns from col0). */
    void backwardRows(int nPoints, double[] jac, int jacRow, int ldj, int col0, double rowScale) {
        backward(nPoints, ws.partials, jac, jacRow, ldj, col0, rowScale);
    }

    /** grad[gradOffset…] += Σ_i Σ_k seeds[k·S+i] ∂D_k u(x_i)/∂θ. */
    void backwardGradient(int nPoints, double[] grad, int gradOffset) {
        backward(nPoints, ws.partials, null, 0, 0, 0, 1.0);
        reverse.accumulateGradient(nPoints, grad, gradOffset);
    }

    /** out[i] = Σ_k seeds[k·S+i]·(∂D_k u(x_i)/∂θ)·v after a forward pass at θ. */
    void tangent(double[] theta, double[] v, int nPoints, double[] out) {
        direction.load(v, 0, v.length);
        blocks.run(nPoints, times, (p0, p1, s) -> tangents.run(weights, direction, v, nPoints, p0, p1, s, out));
    }

    /** The batch's matrices (for {@link LayerFactors}); null for the separate layout. */
    JetWorkspace workspace() {
        return ws;
    }

    void linearRows(double[] theta, int nPoints, double[] seeds, double[] jac, int ldj, int col0) {
        this.weights.load(theta, 0, theta.length);
        backward(nPoints, seeds, jac, 0, ldj, col0, 1.0);
    }

    private void evaluate(double[] theta, int nPoints, double[] x, PointResidual residual, double[] r) {
        forward(theta, nPoints, x);
        ws.gather(plan, fields, mlp.fields(), nPoints, ws.values);
        residual.evaluate(nPoints, x, ws.values, r, ws.partials);
    }

    private void forward(double[] theta, int nPoints, double[] x) {
        EngineChecks.theta(theta, mlp);
        int d = plan.dim();
        EngineChecks.points(x, nPoints, d);
        ws.ensure(nPoints);
        weights.load(theta, 0, theta.length);
        if (ws.select(theta, nPoints, x, d)) return;    // the same θ and points as a kept pass: reuse it
        blocks.run(nPoints, times, (p0, p1, s) -> forward.run(theta, weights, x, p0, p1, s.times));
        ws.remember(theta, nPoints, x, d);
    }

    private void backward(int nPoints, double[] seeds, double[] jac, int jacRow, int ldj, int col0, double rowScale) {
        blocks.run(nPoints, times, (p0, p1, s) -> reverse.run(weights, nPoints, seeds, jac, jacRow, ldj, col0, rowScale, p0, p1, s));
    }
}
