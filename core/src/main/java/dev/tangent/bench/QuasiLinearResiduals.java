package dev.tangent.bench;

import dev.tangent.pde.catalog.Catalog;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import java.util.List;

/**
 * Hand-written nonlinear residuals on (t, x) inputs, used as fixed reference cases by tests and
 * benchmarks. Catalog problems are normally stated through the PDE text form instead.
 */
public final class QuasiLinearResiduals {
    private QuasiLinearResiduals() {}

    /** Burgers: u_t + u·u_x − ν·u_xx on points (t, x). */
    public static PointResidual burgers(double nu) {
        return new Fixed(List.of(MultiIndex.of(0, 0), MultiIndex.of(1, 0), MultiIndex.of(0, 1), MultiIndex.of(0, 2))) {
            @Override
            public void evaluate(int n, double[] x, double[] v, double[] r, double[] p) {
                for (int i = 0; i < n; i++) {
                    double u = v[i], ut = v[n + i], ux = v[2 * n + i], uxx = v[3 * n + i];
                    r[i] = ut + u * ux - nu * uxx;
                    p[i] = ux;
                    p[n + i] = 1;
                    p[2 * n + i] = u;
                    p[3 * n + i] = -nu;
                }
            }
        };
    }

    /** KdV: u_t + u·u_x + δ²·u_xxx on points (t, x). */
    public static PointResidual kdv(double delta2) {
        return new Fixed(List.of(MultiIndex.of(0, 0), MultiIndex.of(1, 0), MultiIndex.of(0, 1), MultiIndex.of(0, 3))) {
            @Override
            public void evaluate(int n, double[] x, double[] v, double[] r, double[] p) {
                for (int i = 0; i < n; i++) {
                    double u = v[i], ut = v[n + i], ux = v[2 * n + i], uxxx = v[3 * n + i];
                    r[i] = ut + u * ux + delta2 * uxxx;
                    p[i] = ux;
                    p[n + i] = 1;
                    p[2 * n + i] = u;
                    p[3 * n + i] = delta2;
                }
            }
        };
    }

    private abstract static class Fixed implements PointResidual {
        private final List<MultiIndex> derivatives;

        Fixed(List<MultiIndex> derivatives) {
            this.derivatives = derivatives;
        }

        @Override
        public int inputDim() {
            return 2;
        }

        @Override
        public List<MultiIndex> derivatives() {
            return derivatives;
        }
    }
}
