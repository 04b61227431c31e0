package dev.tangent.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * r_i = Σ_k c_k D_k u(x_i) − f(x_i): identity, Laplacian, heat and other linear operators.
 * {@code f} may be null (zero source).
 */
public final class LinearResidual implements PointResidual {
    private final int dim;
    private final List<MultiIndex> derivatives;
    private final double[] coefficients;
    private final ToDoubleFunction<double[]> source;

    public LinearResidual(int dim, List<MultiIndex> derivatives, double[] coefficients, ToDoubleFunction<double[]> source) {
        if (derivatives.size() != coefficients.length) {
            throw new IllegalArgumentException(derivatives.size() + " derivatives but " + coefficients.length + " coefficients");
        }
        this.dim = dim;
        this.derivatives = List.copyOf(derivatives);
        this.coefficients = coefficients.clone();
        this.source = source;
    }

    /** u itself (optionally minus a target g). */
    public static LinearResidual identity(int dim, ToDoubleFunction<double[]> target) {
        return new LinearResidual(dim, List.of(MultiIndex.value(dim)), new double[] {1}, target);
    }

    /** Δu − f over all d coordinates. */
    public static LinearResidual laplacian(int dim, ToDoubleFunction<double[]> f) {
        List<MultiIndex> ds = new ArrayList<>();
        double[] c = new double[dim];
        for (int k = 0; k < dim; k++) {
            ds.add(MultiIndex.pure(dim, k, 2));
            c[k] = 1;
        }
        return new LinearResidual(dim, ds, c, f);
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
    public void evaluate(int nPoints, double[] x, double[] values, double[] residual, double[] partials) {
        double[] xi = new double[dim];
        for (int i = 0; i < nPoints; i++) {
            double r = 0;
            for (int k = 0; k < coefficients.length; k++) {
                r += coefficients[k] * values[k * nPoints + i];
                partials[k * nPoints + i] = coefficients[k];
            }
            if (source != null) {
                System.arraycopy(x, i * dim, xi, 0, dim);
                r -= source.applyAsDouble(xi);
            }
            residual[i] = r;
        }
    }
}
