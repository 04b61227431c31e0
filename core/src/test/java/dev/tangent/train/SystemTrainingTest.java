package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.ErrorMetrics;
import dev.tangent.pde.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Systems from YAML: a coupled linear elliptic pair trains to a tight error per field; bad input names the field. */
class SystemTrainingTest {
    @TempDir
    Path tmp;

    /** −u'' + v = f, −v'' + u = g on [0, 1], u = sin(πx), v = sin(2πx), zero Dirichlet data for both. */
    static String coupledPair(String layout) {
        return """
                problem:
                  domain: {x: [0, 1]}
                  fields: [u, v]
                  equations:
                    - "-u_xx + v = pi^2*sin(pi*x) + sin(2*pi*x)"
                    - "-v_xx + u = 4*pi^2*sin(2*pi*x) + sin(pi*x)"
                  conditions:
                    - {kind: dirichlet, field: u, value: "0", points: 2}
                    - {kind: dirichlet, field: v, value: "0", points: 2}
                  exact: {u: "sin(pi*x)", v: "sin(2*pi*x)"}
                  interior_points: 40
                net: {widths: [12], layout: %s}
                train: {steps: 60, time: 0, eval_every: 10, target_error: 1e-7}
                seed: 1
                """.formatted(layout);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "separate"})
    void aCoupledLinearPairTrainsToATightErrorInEveryField(String layout) {
        Trainer.Result r = Trainer.run(Config.parse(coupledPair(layout)), tmp.resolve(layout), false, null);
        ErrorMetrics e = r.errors();
        assertEquals(2, e.fields().size());
        for (int f = 0; f < 2; f++) {
            // measured 1.5e-5 (shared) and 3e-6 (separate) after 60 steps; untrained the error is O(1)
            assertTrue(e.fields().get(f).relativeL2() < 1e-4, layout + " field " + f + " rel L2 " + e.fields().get(f).relativeL2());
        }
        assertEquals(Math.max(e.fields().get(0).relativeL2(), e.fields().get(1).relativeL2()), e.relativeL2(), 0.0,
                "the headline is the worst field");
        List<String> cols = r.metrics().columns();
        assertTrue(cols.containsAll(List.of("loss_pde-1", "loss_pde-2", "loss_boundary-u", "loss_boundary-v", "relative_l2_u", "relative_l2_v",
                "absolute_rms_v")), cols.toString());
        Map<String, Object> summary = RunSummary.summary(Config.parse(coupledPair(layout)), r);
        assertNotNull(((Map<?, ?>) summary.get("fields")).get("v"), summary.toString());
    }

    static List<String> optimizers() {
        return Optimizers.NAMES;
    }

    /** Every optimizer (ANaGRAM, ENGD, lm, first-order) and the NTK block traces run on a system as on a scalar problem. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("optimizers")
    void everyOptimizerAndTheNtkBlocksWorkOnASystem(String optimizer) {
        String yaml = coupledPair("separate").replace("train: {steps: 60, time: 0, eval_every: 10, target_error: 1e-7}",
                "train: {steps: 4, time: 0, eval_every: 1}\nntk: {every: 2}\noptimizer: {name: " + optimizer
                        + (Optimizers.kind(optimizer).keys().contains("lr") ? ", lr: 0.001" : "") + "}");
        Trainer.Result r = Trainer.run(Config.parse(yaml), tmp.resolve(optimizer), false, null);
        double[] loss = r.metrics().series("loss");
        assertTrue(r.loss() < loss[0], optimizer + ": " + loss[0] + " -> " + r.loss());
        List<String> ntk = r.metrics().columns().stream().filter(c -> c.startsWith("ntk_")).toList();
        assertTrue(!ntk.isEmpty(), r.metrics().columns().toString());
        for (String c : ntk) {
            double[] v = r.metrics().series(c);
            assertTrue(Double.isFinite(v[v.length - 1]), c + " " + java.util.Arrays.toString(v));
        }
    }

    @Test
    void scalarProblemsKeepTheirColumnsAndOneGroupNamedPde() {
        Problem p = ProblemFactory.build(Config.parse("problem: laplace2d"));
        assertEquals(List.of("u"), p.fields());
        assertEquals("pde", p.equations().get(0).name());
        assertTrue(!p.system());
    }

    private static String message(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(yaml))).getMessage();
    }

    @Test
    void anUndeclaredFieldIsNamed() {
        String m = message(coupledPair("shared").replace("\"-v_xx + u", "\"-w_xx + u"));
        assertTrue(m.contains("problem.equations[1]") && m.contains("'w' is not a declared field") && m.contains("[u, v]"), m);
    }

    @Test
    void anEquationCountThatDoesNotMatchTheFieldsIsNamed() {
        String m = message(coupledPair("shared").replace("fields: [u, v]", "fields: [u, v, p]"));
        assertTrue(m.contains("2 equation(s)") && m.contains("3 field(s) [u, v, p]"), m);
        String single = message("""
                problem:
                  domain: {x: [0, 1]}
                  fields: [u, v]
                  equation: "u_xx + v"
                """);
        assertTrue(single.contains("1 equation(s) for 2 field(s) [u, v]"), single);
    }

    @Test
    void aConditionOnAnUnknownFieldIsNamed() {
        String m = message(coupledPair("shared").replace("field: v, value", "field: q, value"));
        assertTrue(m.contains("problem.conditions[1].field") && m.contains("'q' is not a declared field") && m.contains("[u, v]"), m);
        String missing = message(coupledPair("shared").replace("{kind: dirichlet, field: v, value", "{kind: dirichlet, value"));
        assertTrue(missing.contains("field is required") && missing.contains("[u, v]"), missing);
    }

    @Test
    void anExactSolutionForAnUnknownFieldIsNamed() {
        String m = message(coupledPair("shared").replace("v: \"sin(2*pi*x)\"", "w: \"sin(2*pi*x)\""));
        assertTrue(m.contains("problem.exact.w") && m.contains("'w' is not a declared field"), m);
    }

    @Test
    void fieldNamesThatClashAreRefused() {
        String m = message(coupledPair("shared").replace("fields: [u, v]", "fields: [u, x]"));
        assertTrue(m.contains("problem.fields[1]") && m.contains("'x'") && m.contains("coordinate"), m);
        String twice = message(coupledPair("shared").replace("fields: [u, v]", "fields: [u, u]"));
        assertTrue(twice.contains("declared twice"), twice);
    }
}
