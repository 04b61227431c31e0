package dev.tangent.pde;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MultiIndex;
import dev.tangent.sampling.SamplerKind;
import java.util.List;

/** Rows u(lo_i) − u(hi_i) and u_a(lo_i) − u_a(hi_i) for points paired across the two faces of axis a. */
final class PeriodicGroup implements LossGroup {
    private final String name;
    private final Domain domain;
    private final int axis;
    private final SamplerKind sampler;
    private final int requested;
    private final JetEngine engine;
    private final LinearResidual[] pick; // pick[k] reads D_k u (k = 0: u, k = 1: u_a), for row subsets
    private final int nParams;
    private double[] points;  // lo points then hi points
    private int pairs;
    private double[] values;
    private double[] weights;
    private double[] rows;

    PeriodicGroup(String name, Domain domain, int axis, SamplerKind sampler, int requested, Mlp mlp, long seed) {
        this.name = name;
        this.domain = domain;
        this.axis = axis;
        this.sampler = sampler;
        this.requested = requested;
        int d = domain.dim();
        List<MultiIndex> ds = List.of(MultiIndex.value(d), MultiIndex.pure(d, axis, 1));
        this.engine = new JetEngine(mlp, ds);
        this.pick = new LinearResidual[] {new LinearResidual(d, ds, new double[] {1, 0}, null),
                new LinearResidual(d, ds, new double[] {0, 1}, null)};
        this.nParams = mlp.nParams();
        resample(seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return 2 * pairs;
    }

    @Override
    public double[] points() {
        return points;
    }

    @Override
    public void evaluate(double[] theta, double[] r, double[] jac, int rowOffset) {
        int s = 2 * pairs;
        engine.derivatives(theta, s, points, values);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < pairs; i++) r[rowOffset + k * pairs + i] = values[k * s + i] - values[k * s + pairs + i];
        }
        if (jac == null) return;
        for (int k = 0; k < 2; k++) {
            java.util.Arrays.fill(weights, 0.0);
            java.util.Arrays.fill(weights, k * s, (k + 1) * s, 1.0);
            engine.linearJacobian(theta, s, weights, rows);
            for (int i = 0; i < pairs; i++) {
                int dst = (rowOffset + k * pairs + i) * nParams;
                int lo = i * nParams, hi = (pairs + i) * nParams;
                for (int p = 0; p < nParams; p++) jac[dst + p] = rows[lo + p] - rows[hi + p];
            }
        }
    }

    /** Row k·pairs + i of J·v is (J_k v)(lo_i) − (J_k v)(hi_i): one exact JVP per derivative on the selected pairs. */
    @Override
    public void jvp(double[] theta, double[] v, int[] rows, double[] out) {
        for (int k = 0; k < 2; k++) {
            int[] sel = selected(rows, k);
            if (sel.length == 0) continue;
            double[] jv = new double[2 * sel.length];
            engine.jvp(theta, v, 2 * sel.length, pairPoints(rows, sel), pick[k], new double[2 * sel.length], jv);
            for (int j = 0; j < sel.length; j++) out[sel[j]] = jv[j] - jv[sel.length + j];
        }
    }

    @Override
    public void rowJacobian(double[] theta, int[] rows, double[] out) {
        for (int k = 0; k < 2; k++) {
            int[] sel = selected(rows, k);
            if (sel.length == 0) continue;
            int n = 2 * sel.length;
            double[] jac = new double[n * nParams];
            engine.residualJacobian(theta, n, pairPoints(rows, sel), pick[k], new double[n], jac);
            for (int j = 0; j < sel.length; j++) {
                int dst = sel[j] * nParams, lo = j * nParams, hi = (sel.length + j) * nParams;
                for (int p = 0; p < nParams; p++) out[dst + p] = jac[lo + p] - jac[hi + p];
            }
        }
    }

    /** Positions in {@code rows} of the rows that read derivative k. */
    private int[] selected(int[] rows, int k) {
        return java.util.stream.IntStream.range(0, rows.length).filter(j -> rows[j] / pairs == k).toArray();
    }

    /** The lo points of the selected pairs, then their hi points. */
    private double[] pairPoints(int[] rows, int[] sel) {
        int d = domain.dim();
        double[] x = new double[2 * sel.length * d];
        for (int j = 0; j < sel.length; j++) {
            int i = rows[sel[j]] % pairs;
            System.arraycopy(points, i * d, x, j * d, d);
            System.arraycopy(points, (pairs + i) * d, x, (sel.length + j) * d, d);
        }
        return x;
    }

    @Override
    public void resample(long seed) {
        int d = domain.dim();
        double[] lo = Region.face(axis, false).sample(domain, sampler, requested, seed);
        pairs = lo.length / d;
        points = new double[2 * lo.length];
        System.arraycopy(lo, 0, points, 0, lo.length);
        for (int i = 0; i < pairs; i++) {
            System.arraycopy(lo, i * d, points, (pairs + i) * d, d);
            points[(pairs + i) * d + axis] = domain.hi()[axis];
        }
        values = new double[2 * 2 * pairs];
        weights = new double[2 * 2 * pairs];
        rows = new double[2 * pairs * nParams];
    }
}
