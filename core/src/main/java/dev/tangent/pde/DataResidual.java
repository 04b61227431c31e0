package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import java.nio.file.Path;
import java.util.List;

/**
 * Observations of a field or of one derivative D u_f at given points: r_i = D u_f(x_i) − y_i (f: the field index, 0
 * for a scalar problem). The group evaluates it on the
 * current batch of observations, in the order of {@link #select}; rows of other point lists (NTK rows, J·v) read
 * the same derivative, whose Jacobian does not depend on y.
 */
public final class DataResidual implements PointResidual {
    private final String quantity;
    private final MultiIndex derivative;
    private final double[] points;
    private final double[] observed;
    private final int dim;
    private final int field;
    private int[] batch;

    public DataResidual(String quantity, MultiIndex derivative, double[] points, double[] observed) {
        this(quantity, 0, derivative, points, observed);
    }

    /** Observations of derivative {@code derivative} of field {@code field}. */
    public DataResidual(String quantity, int field, MultiIndex derivative, double[] points, double[] observed) {
        if (field < 0) throw new IllegalArgumentException("observed field index must be >= 0, got " + field);
        this.field = field;
        this.quantity = quantity;
        this.derivative = derivative;
        this.dim = derivative.dim();
        if (points.length != observed.length * dim) throw new IllegalArgumentException("observations: " + observed.length + " values for " + points.length / dim + " points");
        this.points = points.clone();
        this.observed = observed.clone();
    }

    /** Reads the coordinates and the column named {@code quantity} (u, u_x, …) from a CSV file. */
    public static DataResidual read(Domain d, Path file, String quantity) {
        return read(d, file, quantity, List.of("u"));
    }

    /** Reads the coordinates and the column named {@code quantity}: a field or its derivative (v, v_x, …). */
    public static DataResidual read(Domain d, Path file, String quantity, List<String> fields) {
        return read(d, PointTable.read(file), quantity, fields);
    }

    /** The column {@code quantity} of a table already read. */
    public static DataResidual read(Domain d, PointTable t, String quantity, List<String> fields) {
        dev.tangent.pde.expr.ExprParser.FieldDerivative fd = new dev.tangent.pde.expr.ExprParser(d.coords(), java.util.Set.of(), fields)
                .fieldDerivativeOf(quantity);
        if (fd == null) {
            throw new IllegalArgumentException("observed quantity '" + quantity + "' is not a field " + fields + " or a derivative of one such as "
                    + fields.get(fields.size() - 1) + "_" + d.coords()[d.dim() - 1] + " over the coordinates " + List.of(d.coords()));
        }
        double[] y = t.column(quantity);
        return new DataResidual(quantity, fd.field(), fd.index(), t.points(d), y);
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
    public int[] fields() {
        return new int[] {field};
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
