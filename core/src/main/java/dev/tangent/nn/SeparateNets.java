package dev.tangent.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * The jets of a system with one scalar network per field: an engine per field that the residual reads, over that
 * field's derivatives only. A residual row's Jacobian is [∂r/∂θ_1 | … | ∂r/∂θ_F]; block f is the reverse pass of
 * network f seeded with the partials of field f's derivatives, written straight into its columns of J (row stride
 * P, column offset {@link Mlp#partOffset}). Blocks of fields the residual does not read are zero.
 *
 * <p>Buffers are per engine and grown, never allocated per point.
 */
final class SeparateNets {
    private final Mlp mlp;
    private final JetEngine[] parts;      // null where the field is not read
    private final int[][] columns;        // columns[f][j]: derivative j of part f is derivative columns[f][j] of the list
    private final double[][] thetas;      // each part's θ block, copied per call
    private final double[][] directions;  // each part's block of v (J·v)
    private final int nDerivatives;
    private double[] values = new double[0];
    private double[] partials = new double[0];
    private double[] sum = new double[0];

    SeparateNets(Mlp mlp, List<MultiIndex> derivatives, int[] fields, int workers) {
        this.mlp = mlp;
        Mlp[] nets = mlp.parts();
        this.parts = new JetEngine[nets.length];
        this.columns = new int[nets.length][];
        this.thetas = new double[nets.length][];
        this.directions = new double[nets.length][];
        this.nDerivatives = derivatives.size();
        for (int f = 0; f < nets.length; f++) {
            List<MultiIndex> mine = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            for (int k = 0; k < fields.length; k++) {
                if (fields[k] != f) continue;
                mine.add(derivatives.get(k));
                cols.add(k);
            }
            if (mine.isEmpty()) continue;
            parts[f] = new JetEngine(nets[f], mine, workers);
            columns[f] = cols.stream().mapToInt(Integer::intValue).toArray();
            thetas[f] = new double[nets[f].nParams()];
            directions[f] = new double[nets[f].nParams()];
        }
    }

    int blockSize() {
        for (JetEngine e : parts) if (e != null) return e.blockSize();
        return 1;
    }

    double[] derivatives(double[] theta, int n, double[] x, double[] out) {
        forward(theta, n, x, out);
        return out;
    }

    void residualJacobian(double[] theta, int n, double[] x, PointResidual residual, double[] r, double[] jac,
                          int jacRow, double rowScale) {
        evaluate(theta, n, x, residual, r);
        if (jac == null) return;
        int ldj = mlp.nParams();
        for (int f = 0; f < parts.length; f++) {
            int col0 = mlp.partOffset(f);
            if (parts[f] == null) {
                int width = mlp.parts()[f].nParams();
                for (int i = 0; i < n; i++) {
                    int row = (jacRow + i) * ldj + col0;
                    java.util.Arrays.fill(jac, row, row + width, 0.0);
                }
                continue;
            }
            scatterSeeds(f, n, 1.0, null);
            parts[f].backwardRows(n, jac, jacRow, ldj, col0, rowScale);
        }
    }

    /** grad += scale·Σ_i w_i ∇θ r_i with w = u, or w = r when u is null. */
    void residualGradient(double[] theta, int n, double[] x, PointResidual residual, double scale, double[] r,
                          double[] u, double[] grad) {
        evaluate(theta, n, x, residual, r);
        for (int f = 0; f < parts.length; f++) {
            if (parts[f] == null) continue;
            scatterSeeds(f, n, scale, u == null ? r : u);
            parts[f].backwardGradient(n, grad, mlp.partOffset(f));
        }
    }

    void jvp(double[] theta, double[] v, int n, double[] x, PointResidual residual, double[] r, double[] out) {
        evaluate(theta, n, x, residual, r);
        if (sum.length < n) sum = new double[n];
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int f = 0; f < parts.length; f++) {
            if (parts[f] == null) continue;
            scatterSeeds(f, n, 1.0, null);
            System.arraycopy(v, mlp.partOffset(f), directions[f], 0, directions[f].length);
            parts[f].tangent(thetas[f], directions[f], n, sum);
            for (int i = 0; i < n; i++) out[i] += sum[i];
        }
    }

    /** Rows Σ_k w[k·S+i] ∂D_k/∂θ after a forward pass at θ on these points (e.g. {@link #derivatives}). */
    void linearJacobian(double[] theta, int n, double[] weights, double[] jac) {
        int ldj = mlp.nParams();
        for (int f = 0; f < parts.length; f++) {
            int col0 = mlp.partOffset(f);
            if (parts[f] == null) {
                int width = mlp.parts()[f].nParams();
                for (int i = 0; i < n; i++) java.util.Arrays.fill(jac, i * ldj + col0, i * ldj + col0 + width, 0.0);
                continue;
            }
            System.arraycopy(theta, col0, thetas[f], 0, thetas[f].length);
            double[] seeds = parts[f].seeds();
            int[] cols = columns[f];
            for (int j = 0; j < cols.length; j++) System.arraycopy(weights, cols[j] * n, seeds, j * n, n);
            parts[f].linearRows(thetas[f], n, seeds, jac, ldj, col0);
        }
    }

    private void evaluate(double[] theta, int n, double[] x, PointResidual residual, double[] r) {
        if (values.length < nDerivatives * n) {
            values = new double[nDerivatives * n];
            partials = new double[nDerivatives * n];
        }
        forward(theta, n, x, values);
        residual.evaluate(n, x, values, r, partials);
    }

    /** Forward pass of every part that is read; derivative k's values into out[k·S…]. */
    private void forward(double[] theta, int n, double[] x, double[] out) {
        for (int f = 0; f < parts.length; f++) {
            if (parts[f] == null) continue;
            System.arraycopy(theta, mlp.partOffset(f), thetas[f], 0, thetas[f].length);
            double[] v = parts[f].forwardValues(thetas[f], n, x);
            int[] cols = columns[f];
            for (int j = 0; j < cols.length; j++) System.arraycopy(v, j * n, out, cols[j] * n, n);
        }
    }

    /** Part f's seeds = the partials of its derivatives, times scale·r_i when r is given (gradient). */
    private void scatterSeeds(int f, int n, double scale, double[] r) {
        double[] seeds = parts[f].seeds();
        int[] cols = columns[f];
        for (int j = 0; j < cols.length; j++) {
            int src = cols[j] * n, dst = j * n;
            if (r == null) {
                System.arraycopy(partials, src, seeds, dst, n);
            } else {
                for (int i = 0; i < n; i++) seeds[dst + i] = partials[src + i] * (scale * r[i]);
            }
        }
    }
}
