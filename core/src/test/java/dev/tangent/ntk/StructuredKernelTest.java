package dev.tangent.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Activation;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.NetLayout;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.Parameterization;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.train.Config;
import dev.tangent.train.NetFactory;
import dev.tangent.train.ProblemFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The structured kernel against J_a J_bᵀ from the exact Jacobian rows ({@link LossGroup#rowJacobian}, formed and
 * multiplied): linear and nonlinear operators (their rows linearised at θ), a system of three fields, every output
 * bias option, both parameterisations, diagonal and off-diagonal blocks, each layer form, and memory budgets that force
 * panels and small tiles.
 */
class StructuredKernelTest {
    /** Equations on (t, x) ∈ [0, 1] × [−1, 1] with an initial line and Dirichlet sides; u_xy tests a mixed partial. */
    private static final String[] EQUATIONS = {
        "u_tt + u_xx = 0",                                   // Laplace in (t, x)
        "u_t + u*u_x - 0.01*u_xx = 0",                       // Burgers
        "u_t + u*u_x + 0.0025*u_xxx = 0",                    // KdV
        "u_t - 0.0001*u_xx + 5*u^3 - 5*u = 0",               // Allen–Cahn
        "u_tt - u_xx + sin(u) + u_tx = x"};                  // sine-Gordon with a mixed partial

    static List<Arguments> cases() {
        return List.of(Arguments.of(0, OutputBias.UNSCALED, Parameterization.STANDARD),
                Arguments.of(0, OutputBias.SCALED, Parameterization.NTK),
                Arguments.of(0, OutputBias.NONE, Parameterization.STANDARD),
                Arguments.of(1, OutputBias.UNSCALED, Parameterization.NTK),
                Arguments.of(2, OutputBias.SCALED, Parameterization.STANDARD),
                Arguments.of(3, OutputBias.NONE, Parameterization.NTK),
                Arguments.of(4, OutputBias.UNSCALED, Parameterization.STANDARD));
    }

    /** 23 interior points, 9 on the initial line and 9 on the sides, net 2-7-6-1 (tanh). */
    private static Discretization disc(int equation, OutputBias bias, Parameterization par) {
        Config c = Config.parse("""
                problem:
                  domain: {x: [-1, 1]}
                  time: [0, 1]
                  equation: "%s"
                  conditions:
                    - {kind: initial-value, value: "-sin(pi*x)", points: 9}
                    - {kind: dirichlet, value: "0", points: 9}
                  interior_points: 23
                net: {widths: [7, 6], s: 0.5, parameterization: %s, output_bias: %s}
                """.formatted(EQUATIONS[equation], par.name().toLowerCase(java.util.Locale.ROOT), bias.label()));
        var p = ProblemFactory.build(c);
        return new Discretization(p, new Mlp(NetFactory.build(c, p)), Map.of(), 3);
    }

    /** J_a J_bᵀ from the exact Jacobian rows (column-major S_a × S_b). */
    private static double[] reference(Mlp mlp, double[] theta, LossGroup a, LossGroup b) {
        KernelBlocks kb = new KernelBlocks(mlp, theta, 1 << 20, KernelBlocks.DEFAULT_MEMORY_MB, KernelBlocks.Method.DENSE);
        return KernelBlocks.product(kb.jacobian(a), a.size(), kb.jacobian(b), b.size(), theta.length);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyBlockEqualsTheProductOfExactJacobians(int equation, OutputBias bias, Parameterization par) {
        Discretization d = disc(equation, bias, par);
        String problem = EQUATIONS[equation];
        Mlp mlp = d.mlp();
        double[] theta = mlp.initialize(5);
        for (int i = 0; i < theta.length; i++) theta[i] += 0.1 * Math.sin(3.0 * i); // b_L ≠ 0: bias terms count
        List<LossGroup> groups = d.groups().stream().filter(g -> StructuredKernel.supports(mlp, g)).toList();
        assertTrue(groups.size() >= 2, "PDE and a condition");
        for (int mode = 0; mode < 3; mode++) {
            StructuredKernel sk = new StructuredKernel(mlp, theta, 64L << 20, mode);
            for (LossGroup a : groups) {
                for (LossGroup b : List.of(groups.get(0), a)) {
                    double err = KernelNorms.relativeDifference(sk.kernel(a, b), reference(mlp, theta, a, b));
                    assertTrue(err < 1e-12, problem + " K(" + a.name() + ", " + b.name() + ") form mode " + mode + ": " + err);
                }
            }
        }
    }

    @Test
    void systemOfThreeFieldsOnASharedNetwork() {
        Mlp net = new Mlp(MlpSpec.of(2, 6, 5).withActivation(Activation.TANH).withFields(3, NetLayout.SHARED));
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (LossGroup g : new Discretization(Catalog.get("kovasznay"), net, Map.of(), 3).groups()) counts.put(g.name(), 9);
        Discretization d = new Discretization(Catalog.get("kovasznay"), net, counts, 3);
        Mlp mlp = d.mlp();
        double[] theta = mlp.initialize(2);
        for (int i = 0; i < theta.length; i++) theta[i] += 0.05 * Math.cos(i);
        List<LossGroup> groups = d.groups();
        StructuredKernel sk = new StructuredKernel(mlp, theta, 64L << 20, 1);
        for (LossGroup a : groups) {
            if (!StructuredKernel.supports(mlp, a)) continue;
            for (LossGroup b : List.of(groups.get(0), a)) {
                double err = KernelNorms.relativeDifference(sk.kernel(a, b), reference(mlp, theta, a, b));
                assertTrue(err < 1e-12, "K(" + a.name() + ", " + b.name() + "): " + err);
            }
        }
    }

    @Test
    void theMemoryBudgetBoundsPanelsAndTilesAndLeavesTheKernelUnchanged() {
        Discretization d = new Discretization(Catalog.get("laplace2d"), new Mlp(MlpSpec.of(2, 40, 40)), Map.of("pde", 150), 1);
        Mlp mlp = d.mlp();
        double[] theta = mlp.initialize(1);
        LossGroup f = d.groups().get(0), b = d.groups().get(1);
        StructuredKernel roomy = new StructuredKernel(mlp, theta, 256L << 20, 0);
        double[] kff = roomy.kernel(f, f);
        assertEquals(f.size(), roomy.lastPlan().panelA(), "everything fits: one panel");
        double[] kbf = roomy.kernel(b, f);
        for (long mb : new long[] {2, 1}) {
            long budget = mb << 20;
            StructuredKernel tight = new StructuredKernel(mlp, theta, budget, 0);
            double err = KernelNorms.relativeDifference(tight.kernel(f, f), kff);
            KernelPlan p = tight.lastPlan();
            assertTrue(err < 1e-13, mb + " MB, " + p + ": " + err);
            assertTrue(p.panelA() < f.size(), mb + " MB must split K_ff into panels, got " + p);
            assertTrue(tight.lastBytes() <= budget, "held " + tight.lastBytes() + " bytes of a " + budget + "-byte budget, " + p);
            assertTrue(KernelNorms.relativeDifference(tight.kernel(b, f), kbf) < 1e-13);
            assertTrue(tight.lastBytes() <= budget, "K_bf held " + tight.lastBytes() + " of " + budget);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new StructuredKernel(mlp, theta, 100_000, 0).kernel(f, f));
        assertTrue(e.getMessage().contains("ntk.memory_mb") && e.getMessage().contains("needs at least"), e.getMessage());
    }

    @Test
    void autoTakesTheStructuredMethodForWideLayersAndTheDenseOneOtherwise() {
        Discretization wide = new Discretization(Catalog.get("laplace2d"), new Mlp(MlpSpec.of(2, 128, 128)), Map.of("pde", 20), 1);
        Discretization narrow = new Discretization(Catalog.get("laplace2d"), new Mlp(MlpSpec.of(2, 16)), Map.of("pde", 20), 1);
        LossGroup wf = wide.groups().get(0), nf = narrow.groups().get(0);
        assertTrue(new KernelBlocks(wide.mlp(), wide.mlp().initialize(0), 64).structured(wf, wf));
        assertFalse(new KernelBlocks(narrow.mlp(), narrow.mlp().initialize(0), 64).structured(nf, nf));
        assertFalse(new KernelBlocks(wide.mlp(), wide.mlp().initialize(0), 64, 1024, KernelBlocks.Method.DENSE).structured(wf, wf));
        Discretization periodic = GroupFixtures.withPeriodicGroup(1);
        LossGroup pg = periodic.groups().stream().filter(g -> g.pointRows() == null).findFirst().orElseThrow();
        KernelBlocks forced = new KernelBlocks(periodic.mlp(), periodic.mlp().initialize(0), 64, 1024, KernelBlocks.Method.STRUCTURED);
        var e = assertThrows(IllegalArgumentException.class, () -> forced.kernel(pg, pg));
        assertTrue(e.getMessage().contains("ntk.kernel"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelBlocks.Method.parse("fast"));
    }
}
