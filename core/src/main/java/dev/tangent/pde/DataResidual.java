package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import java.nio.file.Path;
import java.util.List;

/**
 * Observations of u or of one derivative D u at given points: r_i = D u(x_i) − y_i. The group evaluates it on the
 * current batch of observations, in the order of {@link #select}; rows of other point lists (NTK rows, J·v) read
 * the same derivative, whose Jacobian does not depend on y.
 */
public final class DataResidual implements PointResidual {
    private final String quantity;
    private final MultiIndex derivative;
    private final double[] points;
    private final double[] observed;
    private final int dim;
    private int[] batch;

    public DataResidual(String quantity, MultiIndex derivative, double[] points, double[] observed) {
        this.quantity = quantity;
        this.derivative = derivative;
        this.dim = derivative.dim();
        if (points.length != observed.length * dim) throw new IllegalArgumentException("observations: " + observed.length + " values for " + points.length / dim + " points");
        this.points = points.clone();
        this.observed = observed.clone();
    }

    /** Reads the coordinates and the column named {@code quantity} (u, u_x, …) from a CSV file. */
    public static DataResidual read(Domain d, Path file, String quantity) {
        MultiIndex mi = new dev.tangent.pde.expr.ExprParser(d.coords(), java.util.Set.of()).derivativeOf(quantity);
        if (mi == null) {
            throw new IllegalArgumentException("observed quantity '" + quantity + "' is not u or a derivative of u such as u_"
                    + d.coords()[d.dim() - 1] + " over the coordinates " + List.of(d.coords()));
        }
        PointTable t = PointTable.read(file);
        double[] y = t.column(quantity);
        return new DataResidual(quantity, mi, t.points(d), y);
    }

    public String quantity() {
        return quantity;
    }

    public int size() {
        return observed.length;
    }

    /** All observation points, point-major. */
    public double[] points() {
        return points.clone();
    }

    public double[] observed() {
        return observed.clone();
    }

    /** Points of the given observations (null: all), and the residual evaluates those observations from now on. */
    double[] select(int[] rows) {
        batch = rows;
        if (rows == null) return points.clone();
        double[] x = new double[rows.length * dim];
        for (int k = 0; k < rows.length; k++) System.arraycopy(points, rows[k] * dim, x, k * dim, dim);
        return x;
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public List<MultiIndex> derivatives() {
        return List.of(derivative);
    }

    @Override
    public void evaluate(int nPoints, double[] x, double[] values, double[] residual, double[] partials) {
        for (int i = 0; i < nPoints; i++) {
            int j = batch == null ? i : batch[i % batch.length];
            residual[i] = values[i] - observed[j % observed.length];
            partials[i] = 1.0;
        }
    }
}
