package dev.tangent.ntk;

import dev.tangent.nn.Mlp;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.train.Config;
import dev.tangent.train.NetFactory;
import dev.tangent.train.ProblemFactory;
import java.util.Map;

/** Small discretizations for NTK tests, including a periodic group (rows paired across two faces). */
public final class GroupFixtures {
    private GroupFixtures() {}

    /** u_t + u·u_x − 0.1·u_xx = sin x with an initial line and a periodic pair of faces, net 2-8-6-1. */
    public static Discretization withPeriodicGroup(long seed) {
        Config c = Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  equation: "u_t + u*u_x - 0.1*u_xx = sin(x)"
                  conditions:
                    - {kind: initial-value, value: "cos(pi*x)", points: 12}
                    - {kind: periodic, coord: x, points: 9}
                  interior_points: 40
                net: {widths: [8, 6]}
                """);
        var p = ProblemFactory.build(c);
        return new Discretization(p, new Mlp(NetFactory.build(c, p)), Map.of(), seed);
    }

    /** The same rows as g, each listed twice (rows i and S + i are row i of g). */
    public static LossGroup duplicated(LossGroup g) {
        return new LossGroup() {
            public String name() {
                return g.name() + "x2";
            }

            public int size() {
                return 2 * g.size();
            }

            public double[] points() {
                return g.points();
            }

            public void evaluate(double[] theta, double[] r, double[] jac, int rowOffset) {
                int s = g.size(), p = theta.length;
                double[] rr = new double[s];
                double[] jj = jac == null ? null : new double[s * p];
                g.evaluate(theta, rr, jj, 0);
                for (int copy = 0; copy < 2; copy++) {
                    System.arraycopy(rr, 0, r, rowOffset + copy * s, s);
                    if (jj != null) System.arraycopy(jj, 0, jac, (rowOffset + copy * s) * p, s * p);
                }
            }

            public void resample(long seed) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
