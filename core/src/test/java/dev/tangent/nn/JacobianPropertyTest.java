package dev.tangent.nn;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random shapes, seeds and points: the Jacobian of a mixed nonlinear residual matches finite differences. */
class JacobianPropertyTest {
    @Property(tries = 25)
    void jacobianMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 3) int depth,
                                          @ForAll @IntRange(min = 1, max = 9) int width,
                                          @ForAll @IntRange(min = 1, max = 3) int dim,
                                          @ForAll @IntRange(min = 1, max = 8) int points,
                                          @ForAll @IntRange(min = 0, max = 2) int activation,
                                          @ForAll long seed) {
        int[] hidden = new int[depth];
        java.util.Arrays.fill(hidden, width);
        MlpSpec spec = MlpSpec.of(dim, hidden).withActivation(Activation.values()[activation]);
        List<MultiIndex> ds = new java.util.ArrayList<>();
        ds.add(MultiIndex.value(dim));
        ds.add(MultiIndex.pure(dim, 0, 2));
        ds.add(MultiIndex.pure(dim, dim - 1, 1));
        PointResidual nonlinear = new PointResidual() {
            @Override
            public int inputDim() {
                return dim;
            }

            @Override
            public List<MultiIndex> derivatives() {
                return ds;
            }

            @Override
            public void evaluate(int n, double[] x, double[] v, double[] r, double[] p) {
                for (int i = 0; i < n; i++) {
                    double u = v[i], uxx = v[n + i], ul = v[2 * n + i];
                    r[i] = uxx + Math.sin(u) * ul - u * u * u;
                    p[i] = Math.cos(u) * ul - 3 * u * u;
                    p[n + i] = 1;
                    p[2 * n + i] = Math.sin(u);
                }
            }
        };
        ResidualJacobianTest.checkJacobian(spec, nonlinear, points, seed);
    }
}
