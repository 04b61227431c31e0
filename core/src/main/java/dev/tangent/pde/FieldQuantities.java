package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import java.util.List;

/**
 * r_i = Σ_k c_k·D_k u_{f_k}(x_i): fixed derivatives of given fields with constant weights, e.g. one quantity picked
 * out of a list (c one-hot) for a periodic pair's rows, or the list of matched quantities itself.
 */
final class FieldQuantities implements PointResidual {
    private final int dim;
    private final List<MultiIndex> derivatives;
    private final int[] fields;
    private final double[] weights;

    FieldQuantities(int dim, List<MultiIndex> derivatives, int[] fields, double[] weights) {
        if (derivatives.size() != fields.length || fields.length != weights.length) {
            throw new IllegalArgumentException(derivatives.size() + " derivatives, " + fields.length + " fields, " + weights.length + " weights");
        }
        this.dim = dim;
        this.derivatives = List.copyOf(derivatives);
        this.fields = fields.clone();
        this.weights = weights.clone();
    }

    /** The same quantities with only quantity k weighted (1). */
    FieldQuantities pick(int k) {
        double[] w = new double[weights.length];
        w[k] = 1;
        return new FieldQuantities(dim, derivatives, fields, w);
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public List<MultiIndex> derivatives() {
        return derivatives;
    }

    @Override
    public int[] fields() {
        return fields.clone();
    }

    @Override
    public void evaluate(int nPoints, double[] x, double[] values, double[] residual, double[] partials) {
        for (int i = 0; i < nPoints; i++) {
            double r = 0;
            for (int k = 0; k < weights.length; k++) {
                r += weights[k] * values[k * nPoints + i];
                partials[k * nPoints + i] = weights[k];
            }
            residual[i] = r;
        }
    }
}
