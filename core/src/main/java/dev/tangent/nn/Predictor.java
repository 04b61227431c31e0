package dev.tangent.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * u_θ and its derivatives at arbitrary points, in chunks of {@link #CHUNK} points to bound memory. The test-grid
 * prediction of a run and {@code tangent eval} go through this one path, so the same points in the same order give
 * the same bits. With an {@link OutputTransform} (hard constraints) every value and derivative is of u = T(N): each
 * requested quantity is the transformed residual "D_α u_f", evaluated by the engine.
 */
public final class Predictor {
    public static final int CHUNK = 4096;

    private final Mlp mlp;
    private final OutputTransform transform;
    private JetEngine value;
    private JetEngine fields;

    public Predictor(Mlp mlp) {
        this(mlp, null);
    }

    /** Predictions of u = transform(N) (null: u = N). */
    public Predictor(Mlp mlp, OutputTransform transform) {
        this.mlp = mlp;
        this.transform = transform;
    }

    /** u_θ(x_i) (the first field) for point-major x. */
    public double[] predict(double[] theta, double[] points) {
        int d = mlp.spec().inputDim();
        if (transform != null) return derivatives(theta, points, List.of(MultiIndex.value(d)), new int[1])[0];
        if (value == null) value = new JetEngine(mlp, List.of(MultiIndex.value(d)));
        return run(value, theta, points, 1);
    }

    /** Every field of a system: out[f][i] = u_f(x_i). */
    public double[][] predictFields(double[] theta, double[] points) {
        int nf = mlp.fields();
        if (nf == 1) return new double[][] {predict(theta, points)};
        int[] index = new int[nf];
        for (int f = 0; f < nf; f++) index[f] = f;
        List<MultiIndex> values = java.util.Collections.nCopies(nf, MultiIndex.value(mlp.spec().inputDim()));
        if (transform != null) return derivatives(theta, points, values, index);
        if (fields == null) fields = new JetEngine(mlp, values, index);
        return split(run(fields, theta, points, nf), nf, points);
    }

    /** out[k][i] = D_k u_θ(x_i) of the first field. */
    public double[][] derivatives(double[] theta, double[] points, List<MultiIndex> ds) {
        return derivatives(theta, points, ds, new int[ds.size()]);
    }

    /** out[k][i] = D_k u_{fields[k]}(x_i). */
    public double[][] derivatives(double[] theta, double[] points, List<MultiIndex> ds, int[] fieldOf) {
        if (transform == null) return split(run(new JetEngine(mlp, new ArrayList<>(ds), fieldOf), theta, points, ds.size()), ds.size(), points);
        double[][] out = new double[ds.size()][];
        for (int k = 0; k < ds.size(); k++) {
            PointResidual r = transform.wrap(new Quantity(mlp.spec().inputDim(), ds.get(k), fieldOf[k]));
            out[k] = transformed(new JetEngine(mlp, r.derivatives(), r.fields()), r, theta, points);
        }
        return out;
    }

    private double[][] split(double[] flat, int m, double[] points) {
        int n = points.length / mlp.spec().inputDim();
        double[][] out = new double[m][];
        for (int k = 0; k < m; k++) out[k] = Arrays.copyOfRange(flat, k * n, (k + 1) * n);
        return out;
    }

    private double[] transformed(JetEngine engine, PointResidual r, double[] theta, double[] points) {
        int n = checked(points);
        int d = mlp.spec().inputDim();
        double[] out = new double[n];
        double[] buf = new double[Math.min(CHUNK, Math.max(1, n))];
        for (int start = 0; start < n; start += CHUNK) {
            int c = Math.min(CHUNK, n - start);
            double[] x = Arrays.copyOfRange(points, start * d, (start + c) * d);
            engine.residualJacobian(theta, c, x, r, buf, null);
            System.arraycopy(buf, 0, out, start, c);
        }
        return out;
    }

    private int checked(double[] points) {
        int d = mlp.spec().inputDim();
        if (points.length % d != 0) throw new IllegalArgumentException("points must hold whole " + d + "-dimensional points, got " + points.length + " coordinates");
        return points.length / d;
    }

    private double[] run(JetEngine engine, double[] theta, double[] points, int m) {
        int d = mlp.spec().inputDim();
        int n = checked(points);
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

    /** The residual r = D_α u_f (partial 1): a quantity to predict through the transform. */
    private record Quantity(int inputDim, MultiIndex alpha, int field) implements PointResidual {
        @Override
        public List<MultiIndex> derivatives() {
            return List.of(alpha);
        }

        @Override
        public int[] fields() {
            return new int[] {field};
        }

        @Override
        public void evaluate(int nPoints, double[] x, double[] values, double[] residual, double[] partials) {
            System.arraycopy(values, 0, residual, 0, nPoints);
            Arrays.fill(partials, 0, nPoints, 1.0);
        }
    }
}
