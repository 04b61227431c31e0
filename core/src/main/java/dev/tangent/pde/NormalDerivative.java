package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.expr.Evaluator;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.pde.geometry.BoundaryPart;
import dev.tangent.pde.geometry.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * r = ∂u/∂n − g = Σ_k n_k(x) u_{x_k} − g(x) (u: one field of a system) on parts of a shape's boundary, with n the outward unit normal of the
 * part the point lies on (looked up from x, so subsets of rows and resampled points need no side table). The
 * partials ∂r/∂u_{x_k} = n_k make the Jacobian exact.
 */
final class NormalDerivative implements PointResidual {
    private final int dim, first, spatial;
    private final int[] fields;
    private final List<BoundaryPart> parts;
    private final List<MultiIndex> derivatives = new ArrayList<>();
    private final Evaluator g;

    /** ∂u_f/∂n − g for field f (0 for a scalar problem). */
    NormalDerivative(Domain d, List<BoundaryPart> parts, String value, List<String> fieldNames, int field) {
        this.dim = d.dim();
        this.first = d.firstSpatial();
        this.spatial = dim - first;
        this.parts = List.copyOf(parts);
        for (int k = first; k < dim; k++) derivatives.add(MultiIndex.pure(dim, k, 1));
        this.fields = new int[derivatives.size()];
        java.util.Arrays.fill(fields, field);
        Map<String, Integer> slots = new HashMap<>();
        for (int k = 0; k < dim; k++) slots.put(d.coords()[k], k);
        dev.tangent.pde.expr.Expr e = new ExprParser(d.coords(), Set.of(), fieldNames).parse(value);
        List<String> read = dev.tangent.pde.expr.Exprs.symbols(e).stream().filter(s -> !slots.containsKey(s)).sorted().toList();
        if (!read.isEmpty()) {   // g is evaluated from x alone; a Robin-type value would need its own partials
            throw new IllegalArgumentException("a Neumann value on a shape's boundary is a function of the coordinates "
                    + List.of(d.coords()) + " only, but '" + value + "' reads the field quantities " + read + " (fields: " + fieldNames + ")");
        }
        this.g = Evaluator.compile(e, slots);
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
        double[] n = new double[spatial];
        double[] p = new double[dim];
        for (int i = 0; i < nPoints; i++) {
            Shape.normal(parts, x, i * dim + first, n, 0);
            System.arraycopy(x, i * dim, p, 0, dim);
            double r = -g.evaluate(p);
            for (int k = 0; k < spatial; k++) {
                r += n[k] * values[k * nPoints + i];
                partials[k * nPoints + i] = n[k];
            }
            residual[i] = r;
        }
    }
}
