package dev.tangent.pde;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.PointResidual;
import dev.tangent.sampling.ResidualSampling;
import dev.tangent.sampling.SamplerKind;

/**
 * A loss group whose rows are a pointwise residual at its own points: sampled in a region, fixed, or a batch of
 * observations (all of them, or {@code batch} drawn afresh at each resample). θ's trailing entries (unknown
 * coefficients) get their columns from {@link UnknownColumns}.
 */
final class PointGroup implements LossGroup {
    private final String name;
    private final Domain domain;
    private final Region region;
    private final SamplerKind sampler;
    private final int requested;
    private final PointResidual residual;
    private final JetEngine engine;
    private final DataResidual data;
    private UnknownColumns unknowns;
    private double[] points;
    private int n;
    private double[] rowBuf;
    private double[] rowWork;

    PointGroup(String name, Domain domain, Region region, SamplerKind sampler, int requested, PointResidual residual,
               Mlp mlp, long seed) {
        this.name = name;
        this.domain = domain;
        this.region = region;
        this.sampler = sampler;
        this.requested = requested;
        this.residual = residual;
        this.engine = new JetEngine(mlp, residual.derivatives(), residual.fields());
        this.data = null;
        this.unknowns = new UnknownColumns(mlp, residual, java.util.List.of(), engine);
        resample(seed);
    }

    /**
     * Observations: all of them when batch ≥ their count, else batch of them drawn at each resample. {@code residual}
     * is the data residual itself or its hard-constraint wrapper.
     */
    PointGroup(String name, DataResidual data, PointResidual residual, int batch, Mlp mlp, long seed) {
        this.name = name;
        this.domain = null;
        this.region = null;
        this.sampler = null;
        this.requested = Math.min(batch, data.size());
        this.residual = residual;
        this.engine = new JetEngine(mlp, residual.derivatives(), residual.fields());
        this.data = data;
        this.unknowns = new UnknownColumns(mlp, residual, java.util.List.of(), engine);
        resample(seed);
    }

    /** Trains the unknown coefficients this group's expression residual reads (θ's trailing entries, in order). */
    void unknowns(java.util.List<Unknown> list) {
        this.unknowns = new UnknownColumns(engine.mlp(), residual, list, engine);
    }

    PointGroup(String name, double[] points, PointResidual residual, Mlp mlp) {
        this.name = name;
        this.domain = null;
        this.region = null;
        this.sampler = null;
        this.requested = points.length / residual.inputDim();
        this.residual = residual;
        this.engine = new JetEngine(mlp, residual.derivatives(), residual.fields());
        this.data = null;
        this.unknowns = new UnknownColumns(mlp, residual, java.util.List.of(), engine);
        setPoints(points);
    }

    private void setPoints(double[] pts) {
        this.points = pts;
        this.n = pts.length / residual.inputDim();
        this.rowBuf = new double[n];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double[] points() {
        return points;
    }

    @Override
    public void evaluate(double[] theta, double[] r, double[] jac, int rowOffset) {
        evaluate(theta, r, jac, rowOffset, 1.0);
    }

    @Override
    public void evaluate(double[] theta, double[] r, double[] jac, int rowOffset, double rowScale) {
        unknowns.bind(theta);
        engine.residualJacobian(theta, n, points, residual, rowBuf, jac, rowOffset, rowScale);
        unknowns.write(theta, n, points, jac, rowOffset, rowScale);
        System.arraycopy(rowBuf, 0, r, rowOffset, n);
    }

    @Override
    public void gradient(double[] theta, double scale, double[] r, int rowOffset, double[] grad) {
        unknowns.bind(theta);
        engine.residualGradient(theta, n, points, residual, scale, rowBuf, grad);
        unknowns.addGradient(theta, n, points, scale, rowBuf, grad);
        System.arraycopy(rowBuf, 0, r, rowOffset, n);
    }

    @Override
    public void jvp(double[] theta, double[] v, int[] rows, double[] out) {
        unknowns.bind(theta);
        double[] x = pointsOf(rows);
        engine.jvp(theta, v, rows.length, x, residual, new double[rows.length], out);
        unknowns.addJvp(theta, v, rows.length, x, out);
    }

    @Override
    public void jvp(double[] theta, double[] v, double[] out, int rowOffset) {
        unknowns.bind(theta);
        double[] jv = rowWork();
        engine.jvp(theta, v, n, points, residual, rowBuf, jv);
        unknowns.addJvp(theta, v, n, points, jv);
        System.arraycopy(jv, 0, out, rowOffset, n);
    }

    @Override
    public void vjp(double[] theta, double[] u, int uOffset, double[] grad) {
        unknowns.bind(theta);
        double[] w = rowWork();
        System.arraycopy(u, uOffset, w, 0, n);
        engine.vjp(theta, w, n, points, residual, rowBuf, grad);
        unknowns.addGradient(theta, n, points, 1.0, w, grad);
    }

    /** A second row buffer (J·v output, Jᵀu weights), allocated on first use for the current points. */
    private double[] rowWork() {
        if (rowWork == null || rowWork.length != n) rowWork = new double[n];
        return rowWork;
    }

    @Override
    public void rowJacobian(double[] theta, int[] rows, double[] out) {
        unknowns.bind(theta);
        double[] x = pointsOf(rows);
        engine.residualJacobian(theta, rows.length, x, residual, new double[rows.length], out, 0);
        unknowns.write(theta, rows.length, x, out, 0, 1.0);
    }

    @Override
    public PointRows pointRows() {
        return unknowns.active() ? null : new PointRows(residual, points);
    }

    private double[] pointsOf(int[] rows) {
        int d = residual.inputDim();
        double[] x = new double[rows.length * d];
        for (int k = 0; k < rows.length; k++) System.arraycopy(points, rows[k] * d, x, k * d, d);
        return x;
    }

    @Override
    public void resample(long seed) {
        if (data != null) {
            setPoints(data.select(requested >= data.size() ? null : batch(seed)));
            return;
        }
        if (region == null) return;
        setPoints(region.sample(domain, sampler, requested, seed));
    }

    /** requested distinct observations, drawn with the seed (partial Fisher–Yates), in increasing order. */
    private int[] batch(long seed) {
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = 0; i < requested; i++) {
            int j = i + rng.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] pick = java.util.Arrays.copyOf(all, requested);
        java.util.Arrays.sort(pick);
        return pick;
    }

    @Override
    public void usePoints(double[] pts) {
        int d = residual.inputDim();
        if (pts.length % d != 0) throw new IllegalArgumentException(name + ": " + pts.length + " coordinates is not a whole number of " + d + "-D points");
        setPoints(pts.clone());
    }

    @Override
    public void resampleByResidual(double[] theta, ResidualSampling rule, int candidatesPerPoint, long seed) {
        if (region == null) return;
        int d = residual.inputDim();
        double[] candidates = region.sample(domain, sampler, Math.multiplyExact(requested, candidatesPerPoint), seed);
        int m = candidates.length / d;
        double[] r = new double[m];
        unknowns.bind(theta);
        engine.residualJacobian(theta, m, candidates, residual, r, null, 0, 1.0);
        int[] keep = ResidualSampling.choose(rule.weights(r), Math.min(requested, m), seed ^ 0x9E3779B97F4A7C15L);
        double[] pts = new double[keep.length * d];
        for (int k = 0; k < keep.length; k++) System.arraycopy(candidates, keep[k] * d, pts, k * d, d);
        setPoints(pts);
    }
}
