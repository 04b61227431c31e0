package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.train.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every place a field name is given, wrong, in a system with fields [u, v]: the equation text, a condition's field
 * (box and shape), its value, exact:, data of:/field:, hard constraints, net.hard, tangent eval --derivatives and the
 * Model API. Each error names the key (or option), the value and the declared fields.
 */
class FieldNameErrorsTest {
    @TempDir
    static Path tmp;

    private static final String BOX = "{x: [0, 1], y: [0, 1]}", DISK = "{shape: disk, center: [0, 0], radius: 1}";

    static String config(String domain, String fields, String eq1, String cond, String exact, String extra) {
        return """
                problem:
                  domain: %s
                  fields: %s
                  equations: ["%s", "v_xx + v_yy = 0"]
                  conditions:
                    - %s
                    - {kind: dirichlet, field: v, value: "0"}
                  exact: {%s}
                %s
                """.formatted(domain, fields, eq1, cond, exact, extra);
    }

    static Stream<Arguments> cases() throws Exception {
        Path obs = tmp.resolve("obs.csv");
        Files.writeString(obs, "x,y,u,w,w_x,u_q\n0.5,0.5,1,1,1,1\n");
        String f = obs.toString().replace("\\", "/");
        String eq = "u_xx + u_yy = 0", ok = "{kind: dirichlet, field: u, value: \"0\"}", ex = "u: \"0\"";
        String declared = "'w' is not a declared field; fields: [u, v]";
        return Stream.of(
                Arguments.of("equation: derivative of an undeclared field", config(BOX, "[u, v]", "u_xx + w_yy = 0", ok, ex, ""),
                        List.of("problem.equations[0]", "'w_yy'", declared)),
                Arguments.of("equation: an undeclared name", config(BOX, "[u, v]", "u_xx + w = 0", ok, ex, ""),
                        List.of("problem.equations[0]", "unknown symbol 'w' (not a declared field, coordinate or parameter; fields: [u, v])")),
                Arguments.of("equation: a field over a coordinate that does not exist", config(BOX, "[u, v]", "u_xx + u_z = 0", ok, ex, ""),
                        List.of("problem.equations[0]", "'u' is a field, but 'z' is not made of the coordinates [x, y]")),
                Arguments.of("fields: a coordinate", config(BOX, "[u, x]", eq, ok, ex, ""),
                        List.of("problem.fields[1]", "the field name 'x' is a coordinate; fields: [u, x]")),
                Arguments.of("condition field: undeclared (box)", config(BOX, "[u, v]", eq, "{kind: dirichlet, field: w, value: \"0\"}", ex, ""),
                        List.of("problem.conditions[0].field", declared)),
                Arguments.of("condition field: missing in a system", config(BOX, "[u, v]", eq, "{kind: neumann, coord: x, value: \"0\"}", ex, ""),
                        List.of("problem.conditions[0].field is required in a system: which of [u, v]")),
                Arguments.of("condition field: a list on a dirichlet condition", config(BOX, "[u, v]", eq, "{kind: dirichlet, field: [u, v], value: \"0\"}", ex, ""),
                        List.of("problem.conditions[0].field", "sets one field, got [u, v]")),
                Arguments.of("periodic field: undeclared", config(BOX, "[u, v]", eq, "{kind: periodic, coord: x, field: [u, w]}", ex, ""),
                        List.of("problem.conditions[0].field", declared)),
                Arguments.of("condition field: undeclared (shape)", config(DISK, "[u, v]", eq, "{kind: neumann, field: w, value: \"0\"}", ex, ""),
                        List.of("problem.conditions[0].field", declared)),
                Arguments.of("condition field: missing in a system (shape)", config(DISK, "[u, v]", eq, "{kind: dirichlet, value: \"0\"}", ex, ""),
                        List.of("problem.conditions[0].field is required in a system: which of [u, v]")),
                Arguments.of("neumann value on a shape: reads a field", config(DISK, "[u, v]", eq, "{kind: neumann, field: u, value: \"v + u_x\"}", ex, ""),
                        List.of("problem.conditions[0]", "function of the coordinates [x, y] only, but 'v + u_x' reads the field quantities [u_x, v] (fields: [u, v])")),
                Arguments.of("condition value: an undeclared field", config(BOX, "[u, v]", eq, "{kind: dirichlet, field: u, value: \"w_x\"}", ex, ""),
                        List.of("problem.conditions[0].value", "'w_x'", declared)),
                Arguments.of("exact: an undeclared field's key", config(BOX, "[u, v]", eq, ok, "w: \"0\"", ""),
                        List.of("problem.exact.w", declared)),
                Arguments.of("exact: a formula that reads a field", config(BOX, "[u, v]", eq, ok, "u: \"v + x\"", ""),
                        List.of("problem.exact.u", "function of the coordinates [x, y] only", "reads the field quantities [v] (fields: [u, v])")),
                Arguments.of("data of: an undeclared field", config(BOX, "[u, v]", eq, "{kind: data, file: \"" + f + "\", of: [u, w_x]}", ex, ""),
                        List.of("problem.conditions[0].of", declared)),
                Arguments.of("data of: no derivative of a field", config(BOX, "[u, v]", eq, "{kind: data, file: \"" + f + "\", of: u_q}", ex, ""),
                        List.of("problem.conditions[0].of", "'u_q' is not a field [u, v] or a derivative of one over the coordinates [x, y]")),
                Arguments.of("data field: undeclared", config(BOX, "[u, v]", eq, "{kind: data, file: \"" + f + "\", field: w}", ex, ""),
                        List.of("problem.conditions[0].field", declared)),
                Arguments.of("hard: true on an undeclared field", config(BOX, "[u, v]", eq, "{kind: dirichlet, field: w, value: \"0\", hard: true}", ex, ""),
                        List.of("problem.conditions[0].field", declared)),
                Arguments.of("net.hard: no such group", config(BOX, "[u, v]", eq, ok, ex, "net: {hard: [boundary-w]}"),
                        List.of("net.hard", "no loss group 'boundary-w'; dirichlet groups: [boundary-u, boundary-v]")),
                Arguments.of("net.hard: an equation", config(BOX, "[u, v]", eq, ok, ex, "net: {hard: [pde-2]}"),
                        List.of("net.hard", "'pde-2' is an equation, not a dirichlet condition; dirichlet groups: [boundary-u, boundary-v]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tangentTrainRefusesItNamingKeyValueAndFields(String label, String yaml, List<String> parts) throws Exception {
        Path cfg = Files.createTempFile(tmp, "c", ".yaml");
        Files.writeString(cfg, yaml);
        Subprocess.Result r = Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("never").toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), label + ": " + r.err());
        for (String p : parts) assertTrue(r.err().contains(p), label + ": '" + p + "' not in\n" + r.err());
        assertTrue(!Files.exists(tmp.resolve("never")) || Subprocess.runDir(tmp.resolve("never")) == null, "nothing ran");
    }

    @Test
    void evalAndTheModelApiNameTheFieldAndTheFields() throws Exception {
        Path cfg = tmp.resolve("ok.yaml");
        Files.writeString(cfg, config(BOX, "[u, v]", "u_xx + u_yy = 0", "{kind: dirichlet, field: u, value: \"x\"}", "u: \"x\", v: \"0\"",
                "net: {widths: [4]}\ntrain: {steps: 1, time: 0}"));
        assertEquals(ExitCodes.OK, Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("runs").toString(), "--quiet", "--no-plots").code());
        Path run = Subprocess.runDir(tmp.resolve("runs"));
        Path pts = tmp.resolve("pts.csv");
        Files.writeString(pts, "x,y\n0.5,0.5\n");
        for (String bad : List.of("w", "w_x", "u,w_y")) {
            Subprocess.Result r = Subprocess.inProcess("eval", run.toString(), "--points", pts.toString(), "--derivatives", bad);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("'w' is not a declared field; fields: [u, v]") && r.err().contains("derivative '"), r.err());
        }
        Subprocess.Result r = Subprocess.inProcess("eval", run.toString(), "--points", pts.toString(), "--derivatives", "v_z");
        assertTrue(r.code() == ExitCodes.BAD_INPUT && r.err().contains("'v_z'") && r.err().contains("[x, y]"), r.err());
        Model m = Model.load(run);
        double[] x = {0.5, 0.5};
        assertEquals("'w' is not a declared field; fields: [u, v]", assertThrows(IllegalArgumentException.class, () -> m.predict("w", x)).getMessage());
        assertEquals("'w' is not a declared field; fields: [u, v]", assertThrows(IllegalArgumentException.class, () -> m.field("w")).getMessage());
        assertEquals("derivative 'w_y': 'w' is not a declared field; fields: [u, v]",
                assertThrows(IllegalArgumentException.class, () -> m.derivative("w_y", x)).getMessage());
        assertEquals("derivative 'u_q' is not u or a derivative of u over the coordinates [x, y] (e.g. u_y)",
                assertThrows(IllegalArgumentException.class, () -> m.derivatives(List.of("v_x", "u_q"), x)).getMessage());
    }
}
