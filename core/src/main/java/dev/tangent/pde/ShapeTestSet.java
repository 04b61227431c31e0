package dev.tangent.pde;

import dev.tangent.pde.geometry.PointCloud;
import dev.tangent.sampling.SamplerKind;
import dev.tangent.sampling.UnitCube;
import java.util.function.ToDoubleFunction;

/**
 * The test set of a shape domain: the nodes of a closed tensor grid over the bounding box that lie in the closed
 * domain (level ≤ 0), with their grid positions for plots; Sobol points beyond 3 coordinates; for a point set, the
 * given points (times a grid of 21 times with a time axis).
 */
final class ShapeTestSet {
    private ShapeTestSet() {}

    static TestSet of(Domain domain, ToDoubleFunction<double[]> u, int gridPerDim) {
        int d = domain.dim(), first = domain.firstSpatial();
        if (domain.shape() instanceof PointCloud pc) return pointSet(domain, pc, u);
        double[] unit;
        int[] shape = null;
        if (d <= 3) {
            int m = Math.max(2, d == 3 ? Math.min(gridPerDim, 51) : gridPerDim);
            unit = UnitCube.closedGrid(m, d);
            shape = new int[d];
            java.util.Arrays.fill(shape, m);
        } else {
            unit = UnitCube.sample(SamplerKind.SOBOL, 16384, d, 12345);
        }
        int n = unit.length / d;
        double tol = 1e-12 * domain.shape().scale();
        double[] x = new double[unit.length];
        int[] index = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x[kept * d + k] = domain.lo()[k] + unit[i * d + k] * (domain.hi()[k] - domain.lo()[k]);
            if (domain.shape().level(x, kept * d + first) <= tol) index[kept++] = i;
        }
        if (kept == 0) throw new IllegalArgumentException("no test grid node lies in " + domain.describe());
        return values(java.util.Arrays.copyOf(x, kept * d), u, d, shape, shape == null ? null : java.util.Arrays.copyOf(index, kept));
    }

    private static TestSet pointSet(Domain domain, PointCloud pc, ToDoubleFunction<double[]> u) {
        double[] pts = pc.interiorPoints();
        if (domain.timeDependent()) {
            int s = domain.dim() - 1, count = pts.length / s, nt = 21;
            double[] x = new double[count * nt * domain.dim()];
            for (int j = 0; j < nt; j++) {
                for (int i = 0; i < count; i++) {
                    int at = (j * count + i) * domain.dim();
                    x[at] = domain.lo()[0] + j * (domain.hi()[0] - domain.lo()[0]) / (nt - 1);
                    System.arraycopy(pts, i * s, x, at + 1, s);
                }
            }
            pts = x;
        }
        return values(pts, u, domain.dim(), null, null);
    }

    private static TestSet values(double[] x, ToDoubleFunction<double[]> u, int d, int[] shape, int[] index) {
        double[] v = new double[x.length / d];
        double[] p = new double[d];
        for (int i = 0; i < v.length; i++) {
            System.arraycopy(x, i * d, p, 0, d);
            v[i] = u.applyAsDouble(p);
        }
        return new TestSet(x, v, shape, index);
    }
}
