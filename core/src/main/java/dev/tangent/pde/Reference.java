package dev.tangent.pde;

import dev.tangent.sampling.SamplerKind;
import dev.tangent.sampling.UnitCube;
import java.util.function.ToDoubleFunction;

/** A reference solution that can produce a dense test set. */
public interface Reference {
    /** Dense test points of the domain with reference values. */
    TestSet testSet(Domain domain);

    /** One-line description, e.g. "exact: sin(pi x) sin(pi y)" or "Cole–Hopf quadrature". */
    String describe();

    /** Whether {@link #value} works at arbitrary points (grid-only references return false). */
    default boolean pointwise() {
        return false;
    }

    /** u*(x) at an arbitrary point, for pointwise references. */
    default double value(double[] x) {
        throw new UnsupportedOperationException(describe() + " is only available on its grid");
    }

    /** Reference from a closed form, on a closed tensor grid (or Sobol points for d > 3). */
    static Reference exact(ToDoubleFunction<double[]> u, String formula, int gridPerDim) {
        return new Reference() {
            @Override
            public TestSet testSet(Domain domain) {
                if (!domain.isBox()) return ShapeTestSet.of(domain, u, gridPerDim);
                int d = domain.dim();
                double[] unit;
                int[] shape = null;
                if (d <= 3) {
                    unit = UnitCube.closedGrid(gridPerDim, d);
                    shape = new int[d];
                    java.util.Arrays.fill(shape, gridPerDim);
                } else {
                    unit = UnitCube.sample(SamplerKind.SOBOL, 16384, d, 12345);
                }
                int n = unit.length / d;
                double[] x = new double[unit.length];
                double[] v = new double[n];
                double[] p = new double[d];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < d; k++) {
                        x[i * d + k] = domain.lo()[k] + unit[i * d + k] * (domain.hi()[k] - domain.lo()[k]);
                        p[k] = x[i * d + k];
                    }
                    v[i] = u.applyAsDouble(p);
                }
                return new TestSet(x, v, shape);
            }

            @Override
            public String describe() {
                return "exact: " + formula;
            }

            @Override
            public boolean pointwise() {
                return true;
            }

            @Override
            public double value(double[] x) {
                return u.applyAsDouble(x);
            }
        };
    }
}
