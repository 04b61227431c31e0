package dev.tangent.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Problem;
import dev.tangent.train.Config;
import dev.tangent.train.NetFactory;
import dev.tangent.train.ProblemFactory;
import dev.tangent.train.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structured kernel's contract on every kind of network and loss group on main: every catalog problem, hard
 * constraints (the output transform u = g + d·N, scalar and on one field of a system), Fourier features, the periodic
 * input embedding (alone and under Fourier features; the first layer's input factors are the embedded jets),
 * observations of a value and of a derivative, systems with the shared layout (periodic conditions per field and
 * observations of one field), the separate layout, an inverse problem's unknown columns and periodic pairs. For
 * every pair of groups: when {@link StructuredKernel#supports} both, the structured kernel (each layer form) equals
 * J_a J_bᵀ of the exact rows to 1e-12; otherwise {@code ntk.kernel: structured} is a clear error and {@code auto}
 * gives the dense kernel. Each case also states which of its groups must be supported, so the test cannot pass by
 * supporting nothing.
 */
class StructuredKernelContractTest {
    @TempDir
    static Path tmp;

    record Case(String label, Discretization disc, List<String> mustSupport, List<String> mustRefuse) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static Path observations() {
        Path f = tmp.resolve("obs.csv");
        try {
            if (!Files.exists(f)) {
                Files.writeString(f, "x,y,u,v,u_x\n0.2,0.3,0.5,1,2\n0.7,0.1,-1.25,0,1\n0.5,0.5,2,3,-1\n0.1,0.9,0,1,1\n0.9,0.6,1,2,0\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private static Discretization fromSpec(String yaml) {
        RunSpec spec = RunSpec.from(Config.parse(yaml.replace("OBS", observations().toString().replace("\\", "/"))));
        return spec.discretization(spec.network());
    }

    private static Discretization catalog(String name) {
        Config c = Config.parse("problem: " + name + "\nnet: {widths: [6, 5]}\n");
        Problem full = ProblemFactory.build(c);
        Problem p = new Problem(full.name(), full.description(), full.domain(), full.fields(), full.equations(), full.conditions(),
                full.parameters(), List.of(), full.defaults(), full.unknowns(), full.weights());   // no reference: not needed
        Map<String, Integer> points = new LinkedHashMap<>();
        points.put("pde", 11);
        for (Condition cond : p.conditions()) points.put(cond.name(), cond.kind() == ConditionKind.DATA ? cond.defaultPoints() : 5);
        return new Discretization(p, NetFactory.network(c, p), points, 5);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String name : Catalog.names()) {
            Discretization d = catalog(name);
            List<String> first = List.of(d.groups().get(0).name());
            boolean shared = d.mlp().parts() == null;   // kovasznay's default is one network per field
            cases.add(new Case("catalog " + name, d, shared ? first : List.of(), shared ? List.of() : first));
        }
        cases.add(new Case("hard constraint and derivative data", fromSpec("""
                problem:
                  domain: {x: [0, 1], y: [0, 1]}
                  equation: "u_xx + u*u_y = sin(x)"
                  conditions:
                    - {kind: dirichlet, coord: x, side: lo, value: "y*y", points: 5, hard: true}
                    - {kind: neumann, coord: y, side: hi, value: "1", points: 5}
                    - {kind: data, file: "OBS", of: [u, u_x]}
                  interior_points: 12
                net: {widths: [6, 5], s: 0.5, output_bias: scaled}
                """), List.of("pde", "boundary-x-lo", "neumann-y-hi", "data", "data-u_x"), List.of()));
        cases.add(new Case("Fourier features and ntk parameterisation", fromSpec("""
                problem:
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  equation: "u_t + u*u_x - 0.1*u_xx = 0"
                  conditions:
                    - {kind: initial-value, value: "sin(pi*x)", points: 6}
                    - {kind: dirichlet, value: "0", points: 5, hard: true}
                  interior_points: 12
                net: {widths: [5], parameterization: ntk, fourier: {features: 6, scale: 1.5}}
                """), List.of("pde", "initial", "boundary"), List.of()));
        cases.add(new Case("periodic embedding with Fourier features and a hard constraint", fromSpec("""
                problem:
                  domain: {x: [0, 2], y: [0, 1]}
                  equation: "u_y + u*u_x - 0.1*(u_xx + u_xy) + u_xxxx = 0"
                  conditions:
                    - {kind: dirichlet, coord: y, side: hi, value: "sin(pi*x)", points: 6}
                    - {kind: dirichlet, coord: y, side: lo, value: "0", points: 5, hard: true}
                    - {kind: data, file: "OBS", of: [u_x]}
                  interior_points: 12
                net: {widths: [5], periodic: {periods: {x: 2}, harmonics: 2}, fourier: {features: 6, scale: 0.5}}
                """), List.of("pde", "boundary-y-hi", "boundary-y-lo", "data-u_x"), List.of()));
        cases.add(new Case("periodic embedding", fromSpec("""
                problem:
                  domain: {x: [0, 1], y: [0, 3]}
                  equation: "u_xx + u_yy + u*u_x = sin(y)"
                  conditions: [{kind: dirichlet, coord: x, side: lo, value: "0", points: 5}]
                  interior_points: 12
                net: {widths: [6, 5], parameterization: ntk, periodic: {periods: {y: 3}, harmonics: 3}}
                """), List.of("pde", "boundary-x-lo"), List.of()));
        for (String layout : new String[] {"shared", "separate"}) {
            cases.add(new Case("system, " + layout + " layout", fromSpec("""
                    problem:
                      domain: {x: [0, 1], y: [0, 1]}
                      fields: [u, v]
                      equations: ["u_xx + v*u_y = 0", "v_yy - u*v_x = x"]
                      conditions:
                        - {kind: periodic, coord: x, field: v, points: 4}
                        - {kind: periodic, coord: y, field: v, points: 3}
                        - {kind: dirichlet, field: u, coord: y, side: lo, value: "x", points: 4, hard: true}
                        - {kind: dirichlet, field: v, coord: y, side: hi, value: "0", points: 4}
                        - {kind: data, file: "OBS", field: v, name: vdata}
                      interior_points: 9
                    net: {widths: [5, 4], layout: LAYOUT}
                    """.replace("LAYOUT", layout)),
                    layout.equals("shared") ? List.of("pde-1", "pde-2", "boundary-y-lo-u", "vdata") : List.of(),
                    layout.equals("shared") ? List.of("periodic-x-v", "periodic-y-v") : List.of("pde-1", "vdata", "periodic-x-v")));
        }
        cases.add(new Case("inverse problem (unknown columns)", fromSpec("""
                problem:
                  domain: {x: [0, 1]}
                  equation: "k*u_xx = sin(x)"
                  unknowns: {k: {start: 0.6, bounds: [0, 2]}}
                  conditions:
                    - {kind: dirichlet, value: "0", points: 2}
                  interior_points: 10
                net: {widths: [5]}
                """), List.of("boundary"), List.of("pde")));
        return cases.stream();
    }

    /** J_a J_bᵀ from the exact Jacobian rows (column-major S_a × S_b). */
    private static double[] reference(Mlp mlp, double[] theta, LossGroup a, LossGroup b) {
        KernelBlocks kb = new KernelBlocks(mlp, theta, 1 << 20, KernelBlocks.DEFAULT_MEMORY_MB, KernelBlocks.Method.DENSE);
        return KernelBlocks.product(kb.jacobian(a), a.size(), kb.jacobian(b), b.size(), theta.length);
    }

    /** ‖k − ref‖_F ≤ 1e-12·‖ref‖_F (exact zeros too: the rows a hard constraint makes zero). */
    private static double error(double[] k, double[] ref) {
        double num = 0, den = 0;
        for (int i = 0; i < k.length; i++) {
            num += (k[i] - ref[i]) * (k[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        return num == 0 ? 0 : Math.sqrt(num / den);
    }

    private static LossGroup group(Discretization d, String name) {
        return d.groups().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + name + " in " + d.groups().stream().map(LossGroup::name).toList()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everySupportedPairEqualsTheDenseKernelAndEveryOtherIsRefusedOrDense(Case c) {
        Discretization d = c.disc();
        Mlp mlp = d.mlp();
        double[] theta = mlp.initialize(4);
        for (int i = 0; i < theta.length; i++) theta[i] += 0.1 * Math.sin(2.0 * i + 1);   // b_L ≠ 0, unknowns moved
        for (String g : c.mustSupport()) assertTrue(StructuredKernel.supports(mlp, group(d, g)), c + ": " + g + " must be supported");
        for (String g : c.mustRefuse()) assertFalse(StructuredKernel.supports(mlp, group(d, g)), c + ": " + g + " cannot be supported");
        List<LossGroup> groups = d.groups();
        KernelBlocks auto = new KernelBlocks(mlp, theta, 7, 64, KernelBlocks.Method.AUTO);
        KernelBlocks forced = new KernelBlocks(mlp, theta, 7, 64, KernelBlocks.Method.STRUCTURED);
        for (LossGroup a : groups) {
            for (LossGroup b : List.of(groups.get(0), a)) {
                String what = c + " K(" + a.name() + ", " + b.name() + ")";
                double[] ref = reference(mlp, theta, a, b);
                assertTrue(error(auto.kernel(a, b), ref) < 1e-12, what + " auto");
                if (StructuredKernel.supports(mlp, a) && StructuredKernel.supports(mlp, b)) {
                    for (int mode = 0; mode < 3; mode++) {
                        double err = error(new StructuredKernel(mlp, theta, 64L << 20, mode).kernel(a, b), ref);
                        assertTrue(err < 1e-12, what + " form mode " + mode + ": " + err);
                    }
                    assertTrue(error(forced.kernel(a, b), ref) < 1e-12, what + " structured");
                } else {
                    var e = assertThrows(IllegalArgumentException.class, () -> forced.kernel(a, b), what);
                    assertTrue(e.getMessage().contains("ntk.kernel") && e.getMessage().contains("auto or dense"), e.getMessage());
                }
            }
        }
        assertEquals(groups.size(), d.groups().size());
    }

    /** A group whose rows are one operator's while it describes itself (pointRows) as another's: a structured defect. */
    private static LossGroup misdescribed(LossGroup rows, LossGroup description) {
        return new LossGroup() {
            public String name() {
                return "misdescribed";
            }

            public int size() {
                return rows.size();
            }

            public double[] points() {
                return rows.points();
            }

            public void evaluate(double[] theta, double[] r, double[] jac, int rowOffset) {
                rows.evaluate(theta, r, jac, rowOffset);
            }

            public void resample(long seed) {}

            @Override
            public PointRows pointRows() {
                return description.pointRows();
            }
        };
    }

    @org.junit.jupiter.api.Test
    void autoTakesTheStructuredPathThroughAWidePeriodicEmbeddingAndPassesItsSpotCheck() {
        Discretization d = fromSpec("""
                problem:
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  equation: "u_t + u_x - 0.01*u_xx = 0"
                  conditions: [{kind: initial-value, value: "sin(2*pi*x)", points: 20}]
                  interior_points: 70
                net: {widths: [128, 128], periodic: {periods: {x: 1}, harmonics: 2}}
                """);
        Mlp mlp = d.mlp();
        double[] theta = mlp.initialize(2);
        KernelBlocks auto = new KernelBlocks(mlp, theta, 64, 64, KernelBlocks.Method.AUTO);
        for (LossGroup a : d.groups()) {
            assertTrue(auto.structured(a, a), "wide layers: auto picks the structured method for " + a.name());
            assertTrue(error(auto.kernel(a, a), reference(mlp, theta, a, a)) < 1e-12, a.name());
        }
        LossGroup pde = d.groups().get(0), ini = d.groups().get(1);
        assertTrue(error(auto.kernel(ini, pde), reference(mlp, theta, ini, pde)) < 1e-12, "cross block");
        assertFalse(auto.fellBack(), "every structured block passed its spot check (no silent dense fallback)");
    }

    @org.junit.jupiter.api.Test
    void aBlockThatFailsItsSpotCheckIsDenseUnderAutoAndAnErrorUnderStructured() {
        Discretization burgers = catalog("burgers"), allenCahn = catalog("allen-cahn");
        Mlp mlp = new Mlp(dev.tangent.nn.MlpSpec.of(2, 128, 128));
        double[] pts = burgers.groups().get(0).points();
        LossGroup rows = LossGroup.of("burgers", burgers.problem().pde(), pts, mlp);
        LossGroup lie = misdescribed(rows, LossGroup.of("allen-cahn", allenCahn.problem().pde(), pts, mlp));
        double[] theta = mlp.initialize(3);
        KernelBlocks auto = new KernelBlocks(mlp, theta, 64, 64, KernelBlocks.Method.AUTO);
        assertTrue(auto.structured(lie, lie), "wide layers: auto picks the structured method first");
        assertTrue(error(auto.kernel(lie, lie), reference(mlp, theta, rows, rows)) < 1e-12, "auto recomputed the block densely");
        assertTrue(auto.fellBack());
        KernelBlocks honest = new KernelBlocks(mlp, theta, 64, 64, KernelBlocks.Method.AUTO);
        honest.kernel(rows, rows);
        assertFalse(honest.fellBack(), "a correct structured block passes its spot check");
        var e = assertThrows(IllegalStateException.class,
                () -> new KernelBlocks(mlp, theta, 64, 64, KernelBlocks.Method.STRUCTURED).kernel(lie, rows));
        assertTrue(e.getMessage().contains("ntk.kernel = structured") && e.getMessage().contains("use auto or dense"), e.getMessage());
    }
}
