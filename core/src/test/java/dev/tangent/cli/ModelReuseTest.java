package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.train.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tangent eval, Model.load and tangent export on a trained run. */
class ModelReuseTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void train() throws Exception {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, """
                problem:
                  equation: u_xx = -pi^2*sin(pi*x)
                  domain: {x: [0, 1]}
                  exact: sin(pi*x)
                  interior_points: 30
                  conditions: [{kind: dirichlet, value: 0, points: 2}]
                net: {widths: [8]}
                train: {steps: 5}
                """);
        assertEquals(ExitCodes.OK, Subprocess.inProcess("train", cfg.toString(), "--out", tmp.resolve("runs").toString(), "--quiet").code());
        run = Subprocess.runDir(tmp.resolve("runs"));
    }

    @Test
    void evalReproducesTheTestGridPredictionBitForBit() throws Exception {
        Path grid = run.resolve("solution.csv");
        Path out = tmp.resolve("pred.csv");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("eval", run.toString(), "--points", grid.toString(), "--derivatives", "u_x,u_xx",
                "--out", out.toString()).code());
        List<String> a = Files.readAllLines(grid), b = Files.readAllLines(out);
        assertEquals("x,u,u_reference", a.get(0));
        assertEquals("x,u,u_x,u_xx", b.get(0));
        assertEquals(a.size(), b.size());
        for (int i = 1; i < a.size(); i++) {
            String[] p = a.get(i).split(","), q = b.get(i).split(",");
            assertEquals(Double.doubleToLongBits(Double.parseDouble(p[1])), Double.doubleToLongBits(Double.parseDouble(q[1])), "line " + (i + 1));
        }
        // derivatives against central differences of the prediction
        Model m = Model.load(run);
        double x = 0.37, h = 1e-4;
        double[] u = m.predict(new double[] {x - h, x, x + h});
        double[][] d = m.derivatives(List.of("u_x", "u_xx"), new double[] {x});
        assertEquals((u[2] - u[0]) / (2 * h), d[0][0], 1e-7);
        assertEquals((u[2] - 2 * u[1] + u[0]) / (h * h), d[1][0], 1e-4);
    }

    @Test
    void exportWritesNpyArraysThatHoldTheParameters() throws Exception {
        Path dir = tmp.resolve("export");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("export", run.toString(), "--out", dir.toString()).code());
        Model m = Model.load(run);
        double[] theta = m.parameters();
        var mlp = m.network();
        byte[] w1 = Files.readAllBytes(dir.resolve("W1.npy"));
        assertEquals((byte) 0x93, w1[0]);
        int headerLen = ByteBuffer.wrap(w1, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(0, (10 + headerLen) % 64, "data 64-byte aligned");
        String header = new String(w1, 10, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (8, 1)") && header.endsWith("\n"), header);
        ByteBuffer data = ByteBuffer.wrap(w1, 10 + headerLen, w1.length - 10 - headerLen).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) assertEquals(theta[mlp.weightOffset(0) + i], data.getDouble());
        // a plain re-implementation of the forward pass from model.json reproduces the prediction
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("model.json").toFile());
        double x = 0.61;
        double[] a = {x};
        for (var layer : json.get("layers")) {
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
        assertEquals(m.predict(new double[] {x})[0], a[0], 1e-13);
    }

    @Test
    void badEvalInputNamesTheFileLineOrField() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not-trained"));
        Files.copy(run.resolve("config.yaml"), empty.resolve("config.yaml"));
        Path pts = tmp.resolve("pts.csv");
        Files.writeString(pts, "x\n0.5\n");
        Subprocess.Result r1 = Subprocess.inProcess("eval", empty.toString(), "--points", pts.toString());
        assertEquals(ExitCodes.BAD_INPUT, r1.code());
        assertTrue(r1.err().contains("has no checkpoint"), r1.err());
        Files.writeString(pts, "y,u\n0.5,1\n");
        Subprocess.Result r2 = Subprocess.inProcess("eval", run.toString(), "--points", pts.toString());
        assertTrue(r2.code() == ExitCodes.BAD_INPUT && r2.err().contains("no column 'x'") && r2.err().contains("pts.csv"), r2.err());
        Files.writeString(pts, "x\n0.5\n2\n");
        Subprocess.Result r3 = Subprocess.inProcess("eval", run.toString(), "--points", pts.toString());
        assertTrue(r3.err().contains("line 3") && r3.err().contains("outside the domain"), r3.err());
        Files.writeString(pts, "x\nnan\n");
        Subprocess.Result r4 = Subprocess.inProcess("eval", run.toString(), "--points", pts.toString());
        assertTrue(r4.err().contains("line 2") && r4.err().contains("not a finite number"), r4.err());
        Files.writeString(pts, "x\n0.5\n");
        Subprocess.Result r5 = Subprocess.inProcess("eval", run.toString(), "--points", pts.toString(), "--derivatives", "u_y");
        assertTrue(r5.err().contains("'u_y'"), r5.err());
    }
}
