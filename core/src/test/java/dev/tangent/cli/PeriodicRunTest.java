package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.Predictor;
import dev.tangent.train.Model;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with {@code net.periodic} reused: eval bit for bit, Model.load periodic in x, the export's embedding fields,
 * the README's NumPy snippet (cut from README.md and run by python3) reproducing the prediction, and tangent ntk.
 */
class PeriodicRunTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Path cfg;

    @BeforeAll
    static void train() throws Exception {
        cfg = tmp.resolve("periodic.yaml");
        Files.writeString(cfg, """
                problem:
                  domain: {x: [0, 2]}
                  time: [0, 0.5]
                  equation: "u_t + u_x = 0"
                  conditions: [{kind: initial-value, value: "exp(sin(pi*x))", points: 24}]
                  exact: "exp(sin(pi*(x - t)))"
                  interior_points: 80
                net: {widths: [12], periodic: {periods: {x: 2}, harmonics: 2}}
                train: {steps: 8}
                """);
        assertEquals(ExitCodes.OK, Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("runs").toString(), "--quiet").code());
        run = Subprocess.runDir(tmp.resolve("runs"));
    }

    @Test
    void evalIsBitForBitAndTheLoadedModelIsPeriodic() throws Exception {
        Path out = tmp.resolve("pred.csv");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("eval", run.toString(), "--points", run.resolve("solution.csv").toString(),
                "--out", out.toString()).code());
        List<String> a = Files.readAllLines(run.resolve("solution.csv")), b = Files.readAllLines(out);
        assertEquals(a.size(), b.size());
        for (int i = 1; i < a.size(); i++) assertEquals(a.get(i).split(",")[2], b.get(i).split(",")[2], "line " + (i + 1));
        Model m = Model.load(run);
        assertTrue(m.network().periodic() != null && m.network().fanIn(0) == 1 + 4, "t and two (cos, sin) pairs of x");
        // u and its derivatives at x and x + 2 (outside the domain, so through the network's own predictor)
        double[] pts = {0.1, 0.3, 0.45, 1.7, 0.2, 0.0}, shifted = pts.clone();
        for (int i = 1; i < pts.length; i += 2) shifted[i] += 2;
        Predictor p = new Predictor(m.network());
        List<MultiIndex> ds = List.of(MultiIndex.value(2), MultiIndex.of(0, 1), MultiIndex.of(1, 1), MultiIndex.of(0, 4));
        double[][] u = p.derivatives(m.parameters(), pts, ds), v = p.derivatives(m.parameters(), shifted, ds);
        for (int k = 0; k < ds.size(); k++) {
            for (int i = 0; i < u[k].length; i++) assertEquals(u[k][i], v[k][i], 1e-12 * Math.max(1, Math.abs(u[k][i])), ds.get(k) + " point " + i);
        }
        assertEquals(m.predict(new double[] {0.3, 0.0})[0], m.predict(new double[] {0.3, 2.0})[0], 1e-12, "u(t, 0) = u(t, L)");
    }

    @Test
    void theExportAndTheReadmeSnippetRebuildThePrediction() throws Exception {
        Path dir = run.resolve("export");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("export", run.toString()).code());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertEquals("x", json.get("periodic_inputs").get(0).asText());
        assertEquals(2.0, json.get("periods").get(0).asDouble());
        assertEquals(2, json.get("periodic_harmonics").asInt());
        assertEquals(5, json.get("layers").get(0).get("weight_shape").get(1).asInt(), "W1 reads the 5 embedded inputs");
        boolean numpy;
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            numpy = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException e) {
            numpy = false;
        }
        Assumptions.assumeTrue(numpy, "python3 with numpy is not available: the README snippet was not run");
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf("```python", readme.indexOf("### Reusing a trained run"));
        String code = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("```", at + 9));
        assertTrue(code.contains("run = \"runs/heat-20261201-120000\""), "the snippet names its run directory");
        code = code.replace("run = \"runs/heat-20261201-120000\"", "run = " + pythonString(run.toString()));
        Path script = tmp.resolve("snippet.py");
        Files.writeString(script, code);
        Process py = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        assertTrue(py.waitFor(120, TimeUnit.SECONDS), "python3 finished");
        String printed = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, py.exitValue(), printed);
        double diff = 0;   // one line per field: "u 8.9e-16"
        for (String line : printed.split("\n")) {
            String[] w = line.trim().split("\\s+");
            assertEquals("u", w[0], printed);
            diff = Math.max(diff, Double.parseDouble(w[w.length - 1]));
        }
        System.out.println("README NumPy snippet on a periodic run: max |NumPy − Tangent| = " + diff);
        assertTrue(diff < 1e-13, "max |NumPy − Tangent| = " + diff);
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void ntkRunsOnTheEmbeddedNetAndItsKernelMethodsAgree() throws Exception {
        var mapper = new ObjectMapper();
        double[][] traces = new double[2][];
        String[] methods = {"dense", "structured"};
        for (int k = 0; k < 2; k++) {
            Path out = tmp.resolve("ntk-" + methods[k]);
            Subprocess.Result r = Subprocess.inProcess("ntk", cfg.toString(), "--kernel", methods[k], "--out", out.toString());
            assertEquals(ExitCodes.OK, r.code(), r.err());
            JsonNode json = mapper.readTree(out.resolve("ntk.json").toFile()), blocks = json.get("blocks");
            assertTrue(json.get("net").asText().contains("periodic x period 2.0 harmonics 2"), json.get("net").asText());
            traces[k] = new double[blocks.size()];
            for (int b = 0; b < blocks.size(); b++) traces[k][b] = blocks.get(b).get("trace").asDouble();
        }
        assertEquals(3, traces[0].length, "K_pde,pde, K_initial,initial and the cross block");
        for (int b = 0; b < traces[0].length; b++) {
            assertTrue(Double.isFinite(traces[0][b]));
            assertEquals(traces[0][b], traces[1][b], 1e-10 * Math.abs(traces[0][b]), "block " + b);
        }
    }
}
