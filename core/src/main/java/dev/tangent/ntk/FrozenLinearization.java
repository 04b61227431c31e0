package dev.tangent.ntk;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.LossGroup;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's rows with its coefficients frozen at θ₀: row i = Σ_k c_k(x_i)·∇θ D_k u(x_i; θ) with
 * c_k(x_i) = ∂F/∂(D_k u) at θ₀. For a nonlinear operator F (KdV's u·u_x, sine-Gordon's sin u) the kernel drift
 * has two sources: the coefficients F_k(u(θ_t)) change, and the network's own derivative Jacobians change. The
 * kernel of these rows moves only by the second, so its drift is the parameter (frozen-coefficient) drift. At
 * θ = θ₀ the rows equal the operator's Jacobian; for a linear operator they equal it at every θ.
 *
 * <p>The frozen operator is a pointwise residual r_i = Σ_k c_k(x_i)·D_k u(x_i; θ) on the given points, so its group
 * ({@link #group}) is an ordinary fixed point group: row subsets and J·v evaluate only the selected points.
 */
public final class FrozenLinearization implements PointResidual {
    private final PointResidual operator;
    private final double[] points;
    private final int n;
    private final int m;
    private final int dim;
    private final double[] coefficients; // c[k·n + i]
    private final Map<Point, Integer> index = new HashMap<>();

    private FrozenLinearization(PointResidual operator, double[] points, Mlp mlp, double[] theta0) {
        this.operator = operator;
        this.points = points.clone();
        this.dim = operator.inputDim();
        this.n = points.length / dim;
        this.m = operator.derivatives().size();
        this.coefficients = new double[m * n];
        JetEngine engine = new JetEngine(mlp, operator.derivatives(), operator.fields());
        double[] values = engine.derivatives(theta0, n, this.points, new double[m * n]);
        operator.evaluate(n, this.points, values, new double[n], coefficients);
        for (int i = 0; i < n; i++) index.putIfAbsent(new Point(Arrays.copyOfRange(this.points, i * dim, (i + 1) * dim)), i);
    }

    /** The frozen rows of {@code operator} on {@code points} (point-major), coefficients taken at θ₀. */
    public static LossGroup group(String name, PointResidual operator, double[] points, Mlp mlp, double[] theta0) {
        return LossGroup.of(name, new FrozenLinearization(operator, points, mlp, theta0), points, mlp);
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public List<MultiIndex> derivatives() {
        return operator.derivatives();
    }

    @Override
    public int[] fields() {
        return operator.fields();
    }

    @Override
    public void evaluate(int nPoints, double[] x, double[] values, double[] residual, double[] partials) {
        boolean all = nPoints == n && Arrays.equals(x, 0, n * dim, points, 0, n * dim);   // the group's own points, in order
        for (int i = 0; i < nPoints; i++) {
            int j = all ? i : indexOf(x, i);
            double r = 0;
            for (int k = 0; k < m; k++) {
                double c = coefficients[k * n + j];
                r += c * values[k * nPoints + i];
                partials[k * nPoints + i] = c;
            }
            residual[i] = r;
        }
    }

    /** The frozen point equal to point i of x (row subsets pass copies of the group's points). */
    private int indexOf(double[] x, int i) {
        Integer j = index.get(new Point(Arrays.copyOfRange(x, i * dim, (i + 1) * dim)));
        if (j == null) throw new IllegalArgumentException("frozen rows exist only at their own points; " + Arrays.toString(Arrays.copyOfRange(x, i * dim, (i + 1) * dim)) + " is not one");
        return j;
    }

    /** Coordinates compared by value. */
    private record Point(double[] x) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Point p && Arrays.equals(x, p.x);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(x);
        }
    }
}
