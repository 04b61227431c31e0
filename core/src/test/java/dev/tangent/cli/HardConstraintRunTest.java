package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tangent.pde.expr.Evaluator;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.train.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard Dirichlet constraints end to end: training with {@code hard: true} (a text problem) and {@code net.hard} (the
 * catalog's laplace2d), the boundary loss exactly zero in metrics.csv, eval bit for bit with the test grid, and an
 * export whose g + d·N rebuilds the prediction.
 */
class HardConstraintRunTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void train() throws Exception {
        Path cfg = tmp.resolve("hard.yaml");
        Files.writeString(cfg, """
                problem:
                  equation: u_xx + u_yy = -2*pi^2*sin(pi*x)*sin(pi*y)
                  domain: {x: [0, 1], y: [0, 1]}
                  exact: sin(pi*x)*sin(pi*y) + x
                  interior_points: 100
                  conditions: [{kind: dirichlet, value: "x", points: 40, hard: true}]
                net: {widths: [8]}
                train: {steps: 15}
                """);
        assertEquals(ExitCodes.OK, Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("runs").toString(), "--quiet").code());
        run = Subprocess.runDir(tmp.resolve("runs"));
    }

    private static List<String[]> csv(Path f) throws Exception {
        return Files.readAllLines(f).stream().map(l -> l.split(",")).toList();
    }

    private static double column(List<String[]> rows, int row, String name) {
        int k = List.of(rows.get(0)).indexOf(name);
        assertTrue(k >= 0, name + " in " + List.of(rows.get(0)));
        return Double.parseDouble(rows.get(row)[k]);
    }

    @Test
    void theBoundaryLossIsExactlyZeroAndEvalReproducesTheGrid() throws Exception {
        List<String[]> m = csv(run.resolve("metrics.csv"));
        for (int i = 1; i < m.size(); i++) assertEquals(0.0, column(m, i, "loss_boundary"), "row " + i);
        assertTrue(column(m, m.size() - 1, "relative_l2") < column(m, 1, "relative_l2"), "training lowers the error");
        Path out = tmp.resolve("pred.csv");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("eval", run.toString(), "--points", run.resolve("solution.csv").toString(),
                "--out", out.toString()).code());
        List<String[]> a = csv(run.resolve("solution.csv")), b = csv(out);
        for (int i = 1; i < a.size(); i++) assertEquals(a.get(i)[2], b.get(i)[2], "line " + (i + 1));
        Model model = Model.load(run);
        double[] edge = model.predict(new double[] {0, 0.3, 1, 0.7, 0.4, 0, 0.6, 1});
        assertEquals(List.of(0.0, 1.0, 0.4, 0.6), java.util.Arrays.stream(edge).boxed().toList());
    }

    @Test
    void theExportCarriesTheTransform() throws Exception {
        Path dir = tmp.resolve("export");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("export", run.toString(), "--out", dir.toString()).code());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        JsonNode hard = json.get("hard_constraints").get(0);
        assertEquals("u", hard.get("field").asText());
        assertEquals("x", hard.get("value").asText());
        // N from the layers, then u = g + d·N with g and d read back from their text
        ExprParser parser = new ExprParser(new String[] {"x", "y"}, Set.of());
        Map<String, Integer> slots = Map.of("x", 0, "y", 1);
        Evaluator g = Evaluator.compile(parser.parse(hard.get("value").asText()), slots);
        Evaluator d = Evaluator.compile(parser.parse(hard.get("distance").asText()), slots);
        Model model = Model.load(run);
        for (double[] p : new double[][] {{0.3, 0.8}, {0.61, 0.12}, {0.5, 0.5}}) {
            double[] a = p.clone();
            for (JsonNode layer : json.get("layers")) {
                int nOut = layer.get("weight_shape").get(0).asInt();
                double[] z = new double[nOut];
                for (int i = 0; i < nOut; i++) {
                    double s = 0;
                    for (int j = 0; j < a.length; j++) s += layer.get("weight").get(i).get(j).asDouble() * a[j];
                    z[i] = layer.get("weight_scale").asDouble() * s + layer.get("bias_scale").asDouble() * layer.get("bias").get(i).asDouble();
                    if (!layer.get("activation").asText().equals("identity")) z[i] = Math.tanh(z[i]);
                }
                a = z;
            }
            assertEquals(model.predict(p)[0], g.evaluate(p) + d.evaluate(p) * a[0], 1e-13);
        }
    }

    @Test
    void aCatalogProblemTrainsWithNetHard() throws Exception {
        Path cfg = tmp.resolve("catalog.yaml");
        Files.writeString(cfg, """
                problem: laplace2d
                net: {widths: [12], hard: [boundary]}
                points: {pde: 144, boundary: 40}
                train: {steps: 25}
                """);
        Path out = tmp.resolve("catalog-runs");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("train", cfg.toString(), "--out", out.toString(), "--quiet").code());
        List<String[]> m = csv(Subprocess.runDir(out).resolve("metrics.csv"));
        for (int i = 1; i < m.size(); i++) assertEquals(0.0, column(m, i, "loss_boundary"), "row " + i);
        double err = column(m, m.size() - 1, "relative_l2");
        assertTrue(err < 1e-3, "laplace2d with a hard boundary after 25 lm steps: relative L2 " + err);
    }

    @Test
    void badHardKeysAreClearErrors() throws Exception {
        Path cfg = tmp.resolve("bad.yaml");
        Files.writeString(cfg, """
                problem: laplace2d
                net: {hard: [edge]}
                """);
        Subprocess.Result r = Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("bad").toString(), "--quiet");
        assertTrue(r.code() == ExitCodes.BAD_INPUT && r.err().contains("net.hard") && r.err().contains("'edge'") && r.err().contains("[boundary]"), r.err());
        Files.writeString(cfg, """
                problem:
                  equation: u_xx = 0
                  domain: {x: [0, 1]}
                  conditions: [{kind: neumann, coord: x, side: hi, value: "1", hard: true}]
                """);
        r = Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("bad").toString(), "--quiet");
        assertTrue(r.code() == ExitCodes.BAD_INPUT && r.err().contains("hard"), r.err());
        Files.writeString(cfg, """
                problem:
                  equation: u_xx = 0
                  domain: {x: [0, 1]}
                  conditions: [{kind: dirichlet, value: "1", distance: "x*(1-x)"}]
                """);
        r = Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("bad").toString(), "--quiet");
        assertTrue(r.code() == ExitCodes.BAD_INPUT && r.err().contains("distance applies only with hard: true"), r.err());
    }
}
