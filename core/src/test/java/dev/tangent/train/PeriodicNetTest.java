package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code net.periodic} from the config to training: the exact residual Jacobian through the embedding against
 * Richardson differences in θ (scalar with an unknown, systems in both layouts, with Fourier features), the
 * matrix-free J·v, Jᵀu and gradient against the formed Jacobian, the config
 * errors, a few steps of every optimizer and NTK weighting on a periodic advection problem without periodic rows.
 */
class PeriodicNetTest {
    @TempDir
    Path tmp;

    private static final String SCALAR = """
            problem:
              domain: {x: [0, 2]}
              time: [0, 1]
              equation: "u_t + u*u_x + k*u_xxxx + 0.1*u_tx = sin(x)"
              unknowns: {k: {start: 0.2}}
              conditions: [{kind: initial-value, value: "sin(pi*x)", points: 4}]
              interior_points: 6
            net: {widths: [5, 4], periodic: {periods: {x: 2}, harmonics: 2}}
            """;

    private static final String SYSTEM = """
            problem:
              domain: {x: [0, 1], y: [0, 3]}
              fields: [u, v]
              equations: ["u_xx + v*u_y = cos(y)", "v_xy - u*v_x = x"]
              conditions: [{kind: dirichlet, field: u, coord: x, side: lo, value: "0", points: 3}]
              interior_points: 6
            net: {widths: [5], layout: LAYOUT, periodic: {periods: {y: 3}}}
            """;

    static List<String> configs() {
        return List.of(SCALAR, SYSTEM.replace("LAYOUT", "shared"), SYSTEM.replace("LAYOUT", "separate"),
                SCALAR.replace("harmonics: 2}", "harmonics: 2}, fourier: {features: 4, scale: 0.3}"));
    }

    private static double[] residual(LossGroup g, double[] theta) {
        double[] r = new double[g.size()];
        g.evaluate(theta, r, null, 0);
        return r;
    }

    @ParameterizedTest
    @MethodSource("configs")
    void residualJacobianThroughTheEmbeddingMatchesDifferencesInTheta(String yaml) {
        RunSpec spec = RunSpec.from(Config.parse(yaml));
        Mlp mlp = spec.network();
        assertNotNull(mlp.periodic());
        Discretization d = spec.discretization(mlp);
        int np = mlp.nParams();
        double[] theta = mlp.initialize(7);
        for (int i = 0; i < np; i++) theta[i] += 0.05 * Math.sin(1.0 + i);
        double h = 1e-3;   // Richardson: O(h⁴) truncation; at 1e-4 and below rounding of the large u_xxxx rows shows (6e-8)
        for (LossGroup g : d.groups()) {
            int rows = g.size();
            double[] r = new double[rows], jac = new double[rows * np];
            g.evaluate(theta, r, jac, 0);
            for (int q = 0; q < np; q++) {
                double[][] f = new double[4][];
                double[] steps = {h, -h, h / 2, -h / 2};
                for (int s = 0; s < 4; s++) {
                    double[] t = theta.clone();
                    t[q] += steps[s];
                    f[s] = residual(g, t);
                }
                for (int i = 0; i < rows; i++) {
                    double d1 = (f[0][i] - f[1][i]) / (2 * h), d2 = (f[2][i] - f[3][i]) / h;
                    double fd = (4 * d2 - d1) / 3;
                    assertEquals(fd, jac[i * np + q], 1e-8 * Math.max(1, Math.abs(fd)), g.name() + " row " + i + " " + mlp.describeParameter(q));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void matrixFreeProductsThroughTheEmbeddingEqualTheFormedJacobian(String yaml) {
        RunSpec spec = RunSpec.from(Config.parse(yaml));
        Mlp mlp = spec.network();
        Discretization d = spec.discretization(mlp);
        int np = mlp.nParams();
        double[] theta = mlp.initialize(9), v = new double[np];
        for (int i = 0; i < np; i++) {
            theta[i] += 0.05 * Math.cos(2.0 + i);
            v[i] = Math.sin(0.7 * i + 0.3);
        }
        for (LossGroup g : d.groups()) {
            int rows = g.size();
            double[] r = new double[rows], jac = new double[rows * np];
            g.evaluate(theta, r, jac, 0);
            double[] jv = new double[rows], u = new double[rows], jtu = new double[np], grad = new double[np], rg = new double[rows];
            g.jvp(theta, v, jv, 0);
            for (int i = 0; i < rows; i++) u[i] = Math.cos(1.3 * i);
            g.vjp(theta, u, 0, jtu);
            g.gradient(theta, 0.5, rg, 0, grad);
            double scale = 0;
            for (double x : jac) scale = Math.max(scale, Math.abs(x));
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int q = 0; q < np; q++) s += jac[i * np + q] * v[q];
                assertEquals(s, jv[i], 1e-12 * scale * np, g.name() + " (J·v)_" + i);
                assertEquals(r[i], rg[i], 0.0, g.name() + " residual " + i);
            }
            for (int q = 0; q < np; q++) {
                double a = 0, b = 0;
                for (int i = 0; i < rows; i++) {
                    a += jac[i * np + q] * u[i];
                    b += 0.5 * r[i] * jac[i * np + q];
                }
                assertEquals(a, jtu[q], 1e-12 * scale * rows, g.name() + " (Jᵀu)_" + mlp.describeParameter(q));
                assertEquals(b, grad[q], 1e-12 * scale * rows * (1 + Math.abs(b)), g.name() + " gradient " + mlp.describeParameter(q));
            }
        }
    }

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> RunSpec.from(Config.parse(yaml))).getMessage();
    }

    private static final String ADVECTION = """
            problem:
              domain: {x: [0, 1]}
              time: [0, 0.5]
              equation: "u_t + u_x = 0"
              conditions: [{kind: initial-value, value: "sin(2*pi*x)", points: 16}]
              exact: "sin(2*pi*(x - t))"
              interior_points: 48
            net: {widths: [10], periodic: PERIODIC}
            """;

    @Test
    void configErrorsNameTheKeyAndWhatIsAllowed() {
        String m = error(ADVECTION.replace("PERIODIC", "{periods: {t: 1}}"));
        assertTrue(m.contains("net.periodic.periods.t") && m.contains("time axis") && m.contains("[x]"), m);
        m = error(ADVECTION.replace("PERIODIC", "{periods: {z: 1}}"));
        assertTrue(m.contains("net.periodic.periods.z") && m.contains("unknown coordinate 'z'") && m.contains("[t, x]"), m);
        for (String bad : new String[] {"0", "-1"}) {
            m = error(ADVECTION.replace("PERIODIC", "{periods: {x: " + bad + "}}"));
            assertTrue(m.contains("net.periodic.periods.x") && m.contains("> 0"), m);
        }
        m = error(ADVECTION.replace("PERIODIC", "{periods: {x: .inf}}"));
        assertTrue(m.contains("net.periodic.periods.x") && m.contains("finite"), m);
        m = error(ADVECTION.replace("PERIODIC", "{harmonics: 2}"));
        assertTrue(m.contains("net.periodic.periods") && m.contains("at least one coordinate"), m);
        m = error(ADVECTION.replace("PERIODIC", "{periods: {x: 1}, harmonics: 0}"));
        assertTrue(m.contains("net.periodic.harmonics"), m);
        m = error(ADVECTION.replace("PERIODIC", "{period: {x: 1}}"));
        assertTrue(m.contains("net.periodic.period") && m.contains("periods"), m);
    }

    static List<String> optimizers() {
        return Optimizers.NAMES;
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void everyOptimizerLowersTheLossOfAPeriodicProblemWithoutPeriodicRows(String optimizer) {
        String lr = Optimizers.kind(optimizer).keys().contains("lr") ? ", lr: 0.01" : "";
        Config c = Config.parse(ADVECTION.replace("PERIODIC", "{periods: {x: 1}}") + """
                optimizer: {name: %s%s}
                train: {steps: 6, time: 0, eval_every: 1}
                seed: 3
                """.formatted(optimizer, lr));
        Trainer.Result r = Trainer.run(c, tmp.resolve(optimizer), false, null);
        double[] loss = r.metrics().series("loss");
        // measured after six steps: lm 0.105, lbfgs 0.18, adam 0.67, gd 0.64, anagram 0.76, engd 0.87 of the first loss
        assertTrue(Double.isFinite(r.loss()) && r.loss() < 0.99 * loss[0], optimizer + ": " + java.util.Arrays.toString(loss));
        System.out.printf("periodic advection, %s: loss %.3g -> %.3g (ratio %.3g)%n", optimizer, loss[0], r.loss(), r.loss() / loss[0]);
        assertEquals(List.of("pde", "initial"), r.discretization().groups().stream().map(LossGroup::name).toList(), "no periodic rows");
        assertNotNull(r.discretization().mlp().periodic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ntk", "ntk-sketch"})
    void ntkWeightsTrainThePeriodicNet(String kind) {
        Config c = Config.parse(ADVECTION.replace("PERIODIC", "{periods: {x: 1}, harmonics: 2}") + """
                weights: {kind: %s, every: 2}
                ntk: {every: 2, max_points: 16}
                train: {steps: 6, time: 0, eval_every: 1}
                seed: 3
                """.formatted(kind));
        Trainer.Result r = Trainer.run(c, tmp.resolve(kind), false, null);
        double[] loss = r.metrics().series("loss"), lambda = r.metrics().series("lambda_initial");
        assertTrue(r.loss() < loss[0] && Double.isFinite(r.loss()), kind + ": " + java.util.Arrays.toString(loss));
        boolean moved = false;
        for (double l : lambda) {
            assertTrue(Double.isFinite(l) && l > 0, kind + " λ " + java.util.Arrays.toString(lambda));
            moved |= l != 1.0;
        }
        assertTrue(moved, kind + ": the NTK weights changed λ: " + java.util.Arrays.toString(lambda));
    }
}
