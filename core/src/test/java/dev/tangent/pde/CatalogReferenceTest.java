package dev.tangent.pde;

import dev.tangent.pde.catalog.Catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.reference.AllenCahnSpectral;
import dev.tangent.pde.reference.BurgersColeHopf;
import dev.tangent.sampling.SamplerKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalog reference satisfies its PDE and conditions, checked with finite differences. */
class CatalogReferenceTest {

    /** Catalog problems with their own test below (a system, a shock, a spectral reference). */
    private static final java.util.Set<String> CHECKED_SEPARATELY = java.util.Set.of("kovasznay", "burgers", "allen-cahn");

    /** Every scalar catalog problem with a closed-form reference, read from the catalog (a new entry is checked too). */
    static List<String> closedForms() {
        return Catalog.names().stream().filter(n -> {
            Problem p = Catalog.get(n);
            return !p.system() && p.reference() != null && p.reference().describe().startsWith("exact:");
        }).toList();
    }

    @Test
    void everyCatalogReferenceIsChecked() {
        java.util.Set<String> unchecked = new java.util.TreeSet<>(Catalog.names());
        unchecked.removeAll(closedForms());
        unchecked.removeAll(CHECKED_SEPARATELY);
        assertTrue(unchecked.isEmpty(), "catalog problems whose reference no test checks: " + unchecked);
        assertTrue(closedForms().containsAll(List.of("laplace2d", "poisson-annulus", "poisson5d", "heat1d", "poisson1d", "wave1d",
                "sine-gordon", "kdv")), "closed forms found: " + closedForms());
    }

    @ParameterizedTest
    @MethodSource("closedForms")
    void exactReferencesSatisfyPdeAndConditions(String name) {
        Problem p = Catalog.get(name);
        Reference ref = p.reference();
        assertTrue(ref.pointwise());
        Domain d = p.domain();
        double h = 0.01 * Math.min(1, minWidth(d));
        double[] interior = Region.interior().sample(d, SamplerKind.SOBOL, 12, 3);
        assertResidualSmall(p.name() + " pde", p.pde(), interior, ref, h);
        for (Condition c : p.conditions()) {
            double[] pts = c.region().sample(d, SamplerKind.UNIFORM, 10, 5);
            assertResidualSmall(p.name() + " " + c.name(), c.residual(), pts, ref, h);
        }
    }

    /** Kovasznay flow: the closed forms of u, v and p satisfy both momentum equations, continuity and every condition. */
    @Test
    void kovasznayReferencesSatisfyEveryEquationAndCondition() {
        Problem p = Catalog.get("kovasznay");
        assertEquals(List.of("u", "v", "p"), p.fields());
        List<java.util.function.ToDoubleFunction<double[]>> exact = p.references().stream()
                .map(r -> (java.util.function.ToDoubleFunction<double[]>) r::value).toList();
        List<java.util.function.ToDoubleFunction<double[]>> shifted = List.of(exact.get(0), exact.get(1), x -> exact.get(2).applyAsDouble(x) + 0.1);
        double[] interior = Region.interior().sample(p.domain(), SamplerKind.SOBOL, 24, 3);
        for (Equation e : p.equations()) {
            double worst = UnseenProblemsTest.worst(e.residual(), interior, exact, 0.005, 4);
            assertTrue(worst < 1e-7, e.name() + ": " + worst);
        }
        for (Condition c : p.conditions()) {
            double[] pts = c.region().sample(p.domain(), SamplerKind.UNIFORM, 10, 5);
            assertTrue(UnseenProblemsTest.worst(c.residual(), pts, exact, 0.005, 4) < 1e-12, c.name());
        }
        // a constant shift of p solves the equations but not the outflow condition that pins it
        Condition outflow = p.conditions().get(2);
        double[] pts = outflow.region().sample(p.domain(), SamplerKind.UNIFORM, 10, 5);
        assertTrue(UnseenProblemsTest.worst(outflow.residual(), pts, shifted, 0.005, 1) > 0.05, "p is pinned");
    }

    @Test
    void burgersColeHopfSatisfiesThePdeAwayFromTheShockAndConverges() {
        Problem p = Catalog.get("burgers");
        BurgersColeHopf fine = (BurgersColeHopf) p.reference();
        BurgersColeHopf coarse = new BurgersColeHopf(0.01 / Math.PI, 14.0, 3001, 8, 8);
        double[][] pts = {{0.2, 0.5}, {0.5, -0.6}, {0.9, 0.35}, {0.05, -0.2}, {0.7, 0.8}};
        for (double[] x : pts) {
            assertEquals(fine.value(x), coarse.value(x), 1e-10, "quadrature refinement at " + java.util.Arrays.toString(x));
        }
        double[] flat = new double[pts.length * 2];
        for (int i = 0; i < pts.length; i++) System.arraycopy(pts[i], 0, flat, 2 * i, 2);
        assertResidualSmall("burgers pde", p.pde(), flat, fine, 2e-3);
        // the front: u jumps from ≈ +0.8 to −0.8 across x = 0 at t = 1
        assertTrue(fine.value(1, -0.02) > 0.5 && fine.value(1, 0.02) < -0.5);
        assertEquals(0.0, fine.value(0.7, 0.0), 1e-12, "odd symmetry");
    }

    @Test
    void allenCahnSpectralReferenceSelfConverges() {
        double[][] fine = new AllenCahnSpectral(1e-3, 5, 512, 2e-4, 11).solve(1.0);
        double[][] coarse = new AllenCahnSpectral(1e-3, 5, 256, 4e-4, 11).solve(1.0);
        double max = 0;
        for (int j = 0; j <= 256; j++) max = Math.max(max, Math.abs(fine[10][2 * j] - coarse[10][j]));
        assertTrue(max < 1e-6, "N=256/dt=4e-4 vs N=512/dt=2e-4 differ by " + max);
        assertEquals(-1.0, fine[10][0], 0.0);
        assertEquals(-1.0, fine[10][512], 0.0);
    }

    /** A second algorithm: 3-point finite differences + RK4 on two grids, Richardson-extrapolated. */
    @Test
    void allenCahnSpectralReferenceAgreesWithFiniteDifferences() {
        double[][] spectral = new AllenCahnSpectral(1e-3, 5, 512, 2e-4, 11).solve(1.0);
        double[] h1 = allenCahnFiniteDifferences(1024), h2 = allenCahnFiniteDifferences(2048);
        double max = 0;
        for (int j = 0; j <= 512; j++) {
            double extrapolated = (4 * h2[4 * j] - h1[2 * j]) / 3;
            max = Math.max(max, Math.abs(spectral[10][j] - extrapolated));
        }
        assertTrue(max < 1e-6, "spectral vs Richardson-extrapolated finite differences at t = 1: " + max);
    }

    private static double[] allenCahnFiniteDifferences(int n) {
        double h = 2.0 / n, dt = 1e-4, eps = 1e-3;
        double[] u = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            double x = -1 + h * j;
            u[j] = j == 0 || j == n ? -1 : x * x * Math.cos(Math.PI * x);
        }
        double[][] k = new double[4][n + 1];
        double[] stage = new double[n + 1];
        for (int step = 0; step < 10000; step++) {
            for (int s = 0; s < 4; s++) {
                double c = s == 0 ? 0 : s == 3 ? dt : dt / 2;
                for (int j = 0; j <= n; j++) stage[j] = s == 0 ? u[j] : u[j] + c * k[s - 1][j];
                for (int j = 1; j < n; j++) {
                    double v = stage[j];
                    k[s][j] = eps * (stage[j - 1] - 2 * v + stage[j + 1]) / (h * h) + 5 * (v - v * v * v);
                }
            }
            for (int j = 1; j < n; j++) u[j] += dt / 6 * (k[0][j] + 2 * k[1][j] + 2 * k[2][j] + k[3][j]);
        }
        return u;
    }

    private static double minWidth(Domain d) {
        double w = Double.MAX_VALUE;
        for (int k = 0; k < d.dim(); k++) w = Math.min(w, d.hi()[k] - d.lo()[k]);
        return w;
    }

    static void assertResidualSmall(String what, PointResidual res, double[] pts, Reference ref, double h) {
        int dim = res.inputDim();
        int n = pts.length / dim;
        List<MultiIndex> ds = res.derivatives();
        double[] values = new double[ds.size() * n];
        double scale = 1;
        for (int i = 0; i < n; i++) {
            double[] x = java.util.Arrays.copyOfRange(pts, i * dim, (i + 1) * dim);
            for (int k = 0; k < ds.size(); k++) {
                values[k * n + i] = FiniteDifference.derivative(ref::value, x, ds.get(k), h);
                scale = Math.max(scale, Math.abs(values[k * n + i]));
            }
        }
        double[] r = new double[n];
        res.evaluate(n, pts, values, r, new double[ds.size() * n]);
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(r[i]) < 1e-6 * scale, what + ": residual " + r[i] + " at point " + i + " (scale " + scale + ")");
        }
    }
}
