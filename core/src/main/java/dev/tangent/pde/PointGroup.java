package dev.tangent.pde;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.PointResidual;
import dev.tangent.sampling.SamplerKind;

/** A loss group whose rows are a pointwise residual at its own points. */
final class PointGroup implements LossGroup {
    private final String name;
    private final Domain domain;
    private final Region region;
    private final SamplerKind sampler;
    private final int requested;
    private final PointResidual residual;
    private final JetEngine engine;
    private double[] points;
    private int n;
    private double[] rowBuf;

    PointGroup(String name, Domain domain, Region region, SamplerKind sampler, int requested, PointResidual residual,
               Mlp mlp, long seed) {
        this.name = name;
        this.domain = domain;
        this.region = region;
        this.sampler = sampler;
        this.requested = requested;
        this.residual = residual;
        this.engine = new JetEngine(mlp, residual.derivatives());
        resample(seed);
    }

    PointGroup(String name, double[] points, PointResidual residual, Mlp mlp) {
        this.name = name;
        this.domain = null;
        this.region = null;
        this.sampler = null;
        this.requested = points.length / residual.inputDim();
        this.residual = residual;
        this.engine = new JetEngine(mlp, residual.derivatives());
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
        engine.residualJacobian(theta, n, points, residual, rowBuf, jac, rowOffset, rowScale);
        System.arraycopy(rowBuf, 0, r, rowOffset, n);
    }

    @Override
    public void gradient(double[] theta, double scale, double[] r, int rowOffset, double[] grad) {
        engine.residualGradient(theta, n, points, residual, scale, rowBuf, grad);
        System.arraycopy(rowBuf, 0, r, rowOffset, n);
    }

    @Override
    public void jvp(double[] theta, double[] v, int[] rows, double[] out) {
        engine.jvp(theta, v, rows.length, pointsOf(rows), residual, new double[rows.length], out);
    }

    @Override
    public void rowJacobian(double[] theta, int[] rows, double[] out) {
        engine.residualJacobian(theta, rows.length, pointsOf(rows), residual, new double[rows.length], out, 0);
    }

    private double[] pointsOf(int[] rows) {
        int d = residual.inputDim();
        double[] x = new double[rows.length * d];
        for (int k = 0; k < rows.length; k++) System.arraycopy(points, rows[k] * d, x, k * d, d);
        return x;
    }

    @Override
    public void resample(long seed) {
        if (region == null) return;
        setPoints(region.sample(domain, sampler, requested, seed));
    }
}
