package dev.tangent.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Activation;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.NetLayout;
import dev.tangent.nn.Predictor;
import dev.tangent.sampling.SamplerKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * u = g + d·N: the transformed Jacobian (network and unknown columns) against central differences in θ, predicted
 * derivatives against differences in x, boundary rows and values exact, and the errors of bad constraints.
 */
class HardConstraintsTest {
    private final Domain box = Domain.box(new String[] {"x", "y"}, new double[] {0, -1}, new double[] {1, 2});
    private static final Problem.Defaults DEFAULTS = new Problem.Defaults(new int[] {5}, Activation.TANH, 7, SamplerKind.SOBOL, SamplerKind.SOBOL);

    private HardConstraints scalar() {
        return new HardConstraints(1, List.of(new HardConstraint(box, Region.spatialBoundary(box), List.of("u"), "u", "x*y + cos(y)", null)));
    }

    /** Every group's Jacobian (all P columns, unknowns included) against central differences of its residual. */
    private static void checkAgainstDifferences(Discretization d, double[] theta, String exactZeroGroup) {
        int np = theta.length;
        for (LossGroup g : d.groups()) {
            int n = g.size();
            double[] r = new double[n], jac = new double[n * np];
            g.evaluate(theta, r, jac, 0);
            if (g.name().equals(exactZeroGroup)) {
                for (int i = 0; i < n; i++) {
                    assertEquals(0.0, Math.abs(r[i]), "boundary residual is exactly zero");
                    for (int q = 0; q < np; q++) assertEquals(0.0, Math.abs(jac[i * np + q]));
                }
                continue;
            }
            double h = 1e-6;
            for (int q = 0; q < np; q++) {
                double[] tp = theta.clone(), tm = theta.clone();
                tp[q] += h;
                tm[q] -= h;
                double[] rp = new double[n], rm = new double[n];
                g.evaluate(tp, rp, null, 0);
                g.evaluate(tm, rm, null, 0);
                for (int i = 0; i < n; i++) {
                    double fd = (rp[i] - rm[i]) / (2 * h);
                    assertEquals(fd, jac[i * np + q], 1e-6 * Math.max(1, Math.abs(fd)), g.name() + " row " + i + " θ" + q);
                }
            }
        }
    }

    @Test
    void jacobianOfTheTransformedResidualMatchesFiniteDifferences() {
        ExpressionResidual pde = ExpressionResidual.parse(box, "u_xx + u*u_yy + u_x*u_y + u_xy = sin(x)", Map.of());
        Problem p = new Problem("hard", "test", box, "…", pde, List.of(Condition.dirichlet(box, "x*y + cos(y)", 12)), Map.of(), null, DEFAULTS);
        Mlp mlp = new Mlp(MlpSpec.of(2, 5));
        Discretization d = new Discretization(p, mlp, Map.of(), SamplerKind.SOBOL, SamplerKind.SOBOL, 1, scalar());
        checkAgainstDifferences(d, mlp.initialize(2), "boundary");
    }

    @Test
    void aSystemWithOneHardFieldAndAnUnknownHasExactColumns() {
        List<String> fields = List.of("u", "v");
        Map<String, Double> k = Map.of("k", 0.7);
        List<Equation> eqs = List.of(new Equation("pde-1", "", ExpressionResidual.parse(box, "k*(u_xx + u_yy) + v = x", k, fields)),
                new Equation("pde-2", "", ExpressionResidual.parse(box, "v_x - u*u_y + k^2*v = 0", k, fields)));
        Condition bu = rename(Condition.dirichlet(box, Region.spatialBoundary(box), fields, "u", "sin(x) + y", 9), "boundary-u");
        Condition bv = rename(Condition.dirichlet(box, Region.face(0, false), fields, "v", "y", 5), "boundary-v");
        Problem p = new Problem("sys", "test", box, fields, eqs, List.of(bu, bv), Map.of(), List.of(), DEFAULTS,
                List.of(new Unknown("k", 0.7, 0.1, 3)), Map.of());
        HardConstraints hard = new HardConstraints(2, List.of(HardConstraint.of(box, fields, bu, null)));
        for (NetLayout layout : NetLayout.values()) {
            Mlp mlp = new Mlp(MlpSpec.of(2, 4).withFields(2, layout), 1, null);
            Discretization d = new Discretization(p, mlp, Map.of(), SamplerKind.SOBOL, SamplerKind.SOBOL, 3, hard);
            double[] theta = mlp.initialize(4);
            theta[theta.length - 1] = 0.3;
            checkAgainstDifferences(d, theta, "boundary-u");
        }
    }

    private static Condition rename(Condition c, String name) {
        return new Condition(name, c.kind(), c.region(), c.residual(), c.description(), c.defaultPoints());
    }

    @Test
    void predictedDerivativesMatchFiniteDifferencesAndTheBoundaryValueIsExact() {
        Mlp mlp = new Mlp(MlpSpec.of(2, 6));
        double[] theta = mlp.initialize(5);
        Predictor pr = new Predictor(mlp, scalar());
        double x = 0.3, y = 0.4, h = 1e-4;
        double[] u = pr.predict(theta, new double[] {x - h, y, x, y, x + h, y, x, y - h, x, y + h});
        double[][] d = pr.derivatives(theta, new double[] {x, y}, List.of(MultiIndex.of(1, 0), MultiIndex.of(2, 0), MultiIndex.of(0, 1)));
        assertEquals((u[2] - u[0]) / (2 * h), d[0][0], 1e-7);
        assertEquals((u[2] - 2 * u[1] + u[0]) / (h * h), d[1][0], 1e-4);
        assertEquals((u[4] - u[3]) / (2 * h), d[2][0], 1e-7);
        double[] edge = pr.predict(theta, new double[] {1, 0.7, 0.25, -1, 0, 1.5});
        assertEquals(1 * 0.7 + Math.cos(0.7), edge[0], 0.0);
        assertEquals(0.25 * -1 + Math.cos(-1), edge[1], 1e-15);
        assertEquals(Math.cos(1.5), edge[2], 0.0);
        // inside, u − g = d·N with N the plain network
        double[] n = new Predictor(mlp).predict(theta, new double[] {x, y});
        double dist = 4 * x * (1 - x) * 4 * (y + 1) * (2 - y) / 9;
        assertEquals(x * y + Math.cos(y) + dist * n[0], pr.predict(theta, new double[] {x, y})[0], 1e-14);
    }

    @Test
    void aFaceAndAGivenDistanceAreHonoured() {
        HardConstraint lo = new HardConstraint(box, Region.face(1, false), List.of("u"), "u", "x", null);
        assertEquals("(y - (-1)) / 3", lo.distanceText());
        assertEquals("(2 - y) / 3", new HardConstraint(box, Region.face(1, true), List.of("u"), "u", "x", null).distanceText());
        Domain disk = Domain.of(dev.tangent.pde.geometry.Shapes.disk(0, 0, 1), "x", "y");
        HardConstraint c = new HardConstraint(disk, Region.boundary(), List.of("u"), "u", "x", "1 - x^2 - y^2");
        assertTrue(c.describe().contains("1 - x ^ 2 - y ^ 2"), c.describe());
    }

    @Test
    void badConstraintsAreClearErrors() {
        List<String> u = List.of("u");
        Region all = Region.spatialBoundary(box);
        String m1 = assertThrows(IllegalArgumentException.class, () -> new HardConstraint(box, all, u, "u", "x + z", null)).getMessage();
        assertTrue(m1.contains("'z'") && m1.contains("only the coordinates"), m1);
        String m2 = assertThrows(IllegalArgumentException.class, () -> new HardConstraint(box, all, u, "u", "x", "x*(1-x)*(y+1)*(2-y)*(x-0.5)")).getMessage();
        assertTrue(m2.contains("other sign") && m2.contains("inside the domain"), m2);
        String m3 = assertThrows(IllegalArgumentException.class, () -> new HardConstraint(box, all, u, "u", "x", "x*(1-x)")).getMessage();
        assertTrue(m3.contains("must vanish") && m3.contains("boundary point"), m3);
        Domain disk = Domain.of(dev.tangent.pde.geometry.Shapes.disk(0, 0, 1), "x", "y");
        String m4 = assertThrows(IllegalArgumentException.class, () -> new HardConstraint(disk, Region.boundary(), u, "u", "x", null)).getMessage();
        assertTrue(m4.contains("needs distance:"), m4);
        HardConstraint c = new HardConstraint(box, all, u, "u", "x", null);
        String m5 = assertThrows(IllegalArgumentException.class, () -> new HardConstraints(1, List.of(c, c))).getMessage();
        assertTrue(m5.contains("two hard constraints set field u"), m5);
        Condition neumann = Condition.neumann(box, "x", true, "0", 4);
        String m6 = assertThrows(IllegalArgumentException.class, () -> HardConstraint.of(box, u, neumann, null)).getMessage();
        assertTrue(m6.contains("neumann") && m6.contains("only dirichlet"), m6);
        String m7 = assertThrows(IllegalArgumentException.class, () -> new HardConstraint(box, all, u, "w", "x", null)).getMessage();
        assertTrue(m7.contains("'w' is not a declared field"), m7);
    }

    @Test
    void aPeriodicConditionOnAHardFieldIsRefused() {
        ExpressionResidual pde = ExpressionResidual.parse(box, "u_xx + u_yy = 0", Map.of());
        Problem p = new Problem("hp", "test", box, "…", pde, List.of(Condition.periodic(box, "x", 8)), Map.of(), null, DEFAULTS);
        String m = assertThrows(IllegalArgumentException.class, () -> new Discretization(p, new Mlp(MlpSpec.of(2, 3)), Map.of(),
                SamplerKind.SOBOL, SamplerKind.SOBOL, 1, scalar())).getMessage();
        assertTrue(m.contains("periodic-x") && m.contains("hard constraint"), m);
    }
}
