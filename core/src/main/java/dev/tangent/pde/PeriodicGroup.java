package dev.tangent.pde;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MultiIndex;
import dev.tangent.sampling.SamplerKind;
import java.util.List;

/**
 * Rows u_f(lo_i) − u_f(hi_i) and ∂_a u_f(lo_i) − ∂_a u_f(hi_i) for points paired across the two faces of axis a, for
 * every matched field f (one field of a scalar problem; all or some fields of a system). Row k·pairs + i is quantity
 * k (field k/2: its value for even k, its a-derivative for odd k) at pair i.
 */
final class PeriodicGroup implements LossGroup {
    private final String name;
    private final Domain domain;
    private final int axis;
    private final SamplerKind sampler;
    private final int requested;
    private final JetEngine engine;
    private final FieldQuantities[] pick; // pick[k] reads quantity k alone, for row subsets
    private final int quantities;
    private final int nParams;
    private double[] points;  // lo points then hi points
    private int pairs;
    private double[] values;
    private double[] weights;
    private double[] rows;

    PeriodicGroup(String name, Domain domain, int axis, SamplerKind sampler, int requested, Mlp mlp, long seed) {
        this(name, domain, axis, new int[] {0}, sampler, requested, mlp, seed);
    }

    /** Matching the given fields (indices into the problem's fields). */
    PeriodicGroup(String name, Domain domain, int axis, int[] fields, SamplerKind sampler, int requested, Mlp mlp, long seed) {
        this.name = name;
        this.domain = domain;
        this.axis = axis;
        this.sampler = sampler;
        this.requested = requested;
        int d = domain.dim();
        FieldQuantities all = matched(d, axis, fields);
        this.quantities = 2 * fields.length;
        this.engine = new JetEngine(mlp, all.derivatives(), all.fields());
        this.pick = new FieldQuantities[quantities];
        for (int k = 0; k < quantities; k++) pick[k] = all.pick(k);
        this.nParams = mlp.nParams();
        resample(seed);
    }

    /** Value and a-derivative of each field, in that order, all weighted 1 (a condition's marker residual). */
    static FieldQuantities matched(int d, int axis, int[] fields) {
        List<MultiIndex> ds = new java.util.ArrayList<>();
        int[] f = new int[2 * fields.length];
        for (int j = 0; j < fields.length; j++) {
            ds.add(MultiIndex.value(d));
            ds.add(MultiIndex.pure(d, axis, 1));
            f[2 * j] = f[2 * j + 1] = fields[j];
        }
        double[] w = new double[f.length];
        java.util.Arrays.fill(w, 1.0);
        return new FieldQuantities(d, ds, f, w);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return quantities * pairs;
    }

    @Override
    public double[] points() {
        return points;
    }

    @Override
    public void evaluate(double[] theta, double[] r, double[] jac, int rowOffset) {
        int s = 2 * pairs;
        engine.derivatives(theta, s, points, values);
        for (int k = 0; k < quantities; k++) {
            for (int i = 0; i < pairs; i++) r[rowOffset + k * pairs + i] = values[k * s + i] - values[k * s + pairs + i];
        }
        if (jac == null) return;
        for (int k = 0; k < quantities; k++) {
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
        for (int k = 0; k < quantities; k++) {
            int[] sel = selected(rows, k);
            if (sel.length == 0) continue;
            double[] jv = new double[2 * sel.length];
            engine.jvp(theta, v, 2 * sel.length, pairPoints(rows, sel), pick[k], new double[2 * sel.length], jv);
            for (int j = 0; j < sel.length; j++) out[sel[j]] = jv[j] - jv[sel.length + j];
        }
    }

    @Override
    public void rowJacobian(double[] theta, int[] rows, double[] out) {
        for (int k = 0; k < quantities; k++) {
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
        values = new double[quantities * 2 * pairs];
        weights = new double[quantities * 2 * pairs];
        rows = new double[2 * pairs * nParams];
    }
}
