package dev.tangent.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * u_θ and its derivatives at arbitrary points, in chunks of {@link #CHUNK} points to bound memory. The test-grid
 * prediction of a run and {@code tangent eval} go through this one path, so the same points in the same order give
 * the same bits.
 */
public final class Predictor {
    public static final int CHUNK = 4096;

    private final Mlp mlp;
    private final JetEngine value;
    private JetEngine fields;

    public Predictor(Mlp mlp) {
        this.mlp = mlp;
        this.value = new JetEngine(mlp, List.of(MultiIndex.value(mlp.spec().inputDim())));
    }

    /** u_θ(x_i) (the first field) for point-major x. */
    public double[] predict(double[] theta, double[] points) {
        return run(value, theta, points, 1);
    }

    /** Every field of a system: out[f][i] = u_f(x_i). */
    public double[][] predictFields(double[] theta, double[] points) {
        int nf = mlp.fields();
        if (nf == 1) return new double[][] {predict(theta, points)};
        if (fields == null) {
            int[] index = new int[nf];
            for (int f = 0; f < nf; f++) index[f] = f;
            fields = new JetEngine(mlp, java.util.Collections.nCopies(nf, MultiIndex.value(mlp.spec().inputDim())), index);
        }
        double[] flat = run(fields, theta, points, nf);
        int n = points.length / mlp.spec().inputDim();
        double[][] out = new double[nf][];
        for (int f = 0; f < nf; f++) out[f] = Arrays.copyOfRange(flat, f * n, (f + 1) * n);
        return out;
    }

    /** out[k][i] = D_k u_θ(x_i). */
    public double[][] derivatives(double[] theta, double[] points, List<MultiIndex> ds) {
        double[] flat = run(new JetEngine(mlp, new ArrayList<>(ds)), theta, points, ds.size());
        int n = points.length / mlp.spec().inputDim();
        double[][] out = new double[ds.size()][];
        for (int k = 0; k < ds.size(); k++) out[k] = Arrays.copyOfRange(flat, k * n, (k + 1) * n);
        return out;
    }

    private double[] run(JetEngine engine, double[] theta, double[] points, int m) {
        int d = mlp.spec().inputDim();
        if (points.length % d != 0) throw new IllegalArgumentException("points must hold whole " + d + "-dimensional points, got " + points.length + " coordinates");
        int n = points.length / d;
        double[] out = new double[m * n];
        double[] buf = new double[m * Math.min(CHUNK, Math.max(1, n))];
        for (int start = 0; start < n; start += CHUNK) {
            int c = Math.min(CHUNK, n - start);
            double[] x = Arrays.copyOfRange(points, start * d, (start + c) * d);
            engine.derivatives(theta, c, x, buf);
            for (int k = 0; k < m; k++) System.arraycopy(buf, k * c, out, k * n + start, c);
        }
        return out;
    }
}
