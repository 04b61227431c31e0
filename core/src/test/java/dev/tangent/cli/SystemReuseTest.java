package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.TestSet;
import dev.tangent.report.RunReport;
import dev.tangent.train.Config;
import dev.tangent.train.Model;
import dev.tangent.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reuse of a system run (fields u, v) in both layouts, with and without a hard constraint on u: Model.load predicts
 * every field with the bits of the run's own test-grid prediction, derivatives of any field match central
 * differences, and solution.csv and tangent eval have a column per field.
 */
class SystemReuseTest {
    @TempDir
    Path tmp;

    /** −Δu = 2π² sin πx sin πy, v = u_y on [0, 1]²; Dirichlet data for both (u hard or soft). */
    static String pair(String layout, boolean hard) {
        return """
                problem:
                  domain: {x: [0, 1], y: [0, 1]}
                  fields: [u, v]
                  equations:
                    - "-(u_xx + u_yy) = 2*pi^2*sin(pi*x)*sin(pi*y)"
                    - "v - u_y = 0"
                  conditions:
                    - {kind: dirichlet, field: u, value: "0", points: 20%s}
                    - {kind: dirichlet, field: v, value: "pi*sin(pi*x)*cos(pi*y)", points: 20}
                  exact: {u: "sin(pi*x)*sin(pi*y)", v: "pi*sin(pi*x)*cos(pi*y)"}
                  interior_points: 40
                net: {widths: [6], layout: %s}
                train: {steps: 3, time: 0}
                seed: 3
                """.formatted(hard ? ", hard: true" : "", layout);
    }

    @ParameterizedTest(name = "{0}, hard u: {1}")
    @CsvSource({"shared, false", "separate, false", "shared, true", "separate, true"})
    void everyFieldIsReusedBitForBit(String layout, boolean hard) throws Exception {
        Path dir = tmp.resolve("run");
        Trainer.Result r = Trainer.run(Config.parse(pair(layout, hard)), dir, false, null);
        RunReport.plots(dir, r);
        Model m = Model.load(dir);
        assertEquals(List.of("u", "v"), m.fields());
        assertTrue(Arrays.equals(r.theta(), Arrays.copyOf(m.parameters(), r.theta().length)), "checkpoint holds the final θ");
        assertEquals(hard, m.hard() != null);

        // per field: the trainer's own test-grid prediction (Discretization.errors), bit for bit
        Discretization disc = r.discretization();
        disc.errors(r.theta());
        for (int f = 0; f < 2; f++) {
            TestSet ts = disc.fieldTestSets().get(f);
            double[] mine = m.predict(m.fields().get(f), ts.points());
            assertTrue(Arrays.equals(disc.lastTestPrediction(f), mine), "field " + m.fields().get(f));
            assertTrue(Arrays.equals(mine, m.predictAll(ts.points())[f]));
        }
        assertTrue(Arrays.equals(m.predict("u", new double[] {0.3, 0.4}), m.predict(new double[] {0.3, 0.4})), "predict(points) is the first field");

        // solution.csv: coordinates, a column per field, then the references
        List<String> sol = Files.readAllLines(dir.resolve("solution.csv"));
        assertEquals("x,y,u,v,u_reference,v_reference", sol.get(0));
        TestSet ts = disc.testSet();
        assertEquals(ts.size() + 1, sol.size());
        double[][] all = m.predictAll(ts.points());
        for (int i = 0; i < ts.size(); i += 97) {
            String[] c = sol.get(i + 1).split(",");
            assertEquals(Double.doubleToLongBits(all[0][i]), Double.doubleToLongBits(Double.parseDouble(c[2])), "u, line " + (i + 2));
            assertEquals(Double.doubleToLongBits(all[1][i]), Double.doubleToLongBits(Double.parseDouble(c[3])), "v, line " + (i + 2));
            double x = Double.parseDouble(c[0]), y = Double.parseDouble(c[1]);
            assertEquals(Math.PI * Math.sin(Math.PI * x) * Math.cos(Math.PI * y), Double.parseDouble(c[5]), 1e-12);
        }

        // tangent eval on solution.csv: the same bits, plus derivatives of either field (v is already a column)
        Path out = tmp.resolve("pred.csv");
        assertEquals(ExitCodes.OK, Subprocess.inProcess("eval", dir.toString(), "--points", dir.resolve("solution.csv").toString(),
                "--derivatives", "u_x,v_y,v", "--out", out.toString()).code());
        List<String> ev = Files.readAllLines(out);
        assertEquals("x,y,u,v,u_x,v_y", ev.get(0));
        assertEquals(sol.size(), ev.size());
        double[][] d = m.derivatives(List.of("u_x", "v_y"), ts.points());
        for (int i = 1; i < sol.size(); i += 89) {
            String[] a = sol.get(i).split(","), b = ev.get(i).split(",");
            assertEquals(a[2], b[2], "u, line " + (i + 1));
            assertEquals(a[3], b[3], "v, line " + (i + 1));
            assertEquals(Double.doubleToLongBits(d[1][i - 1]), Double.doubleToLongBits(Double.parseDouble(b[5])), "v_y, line " + (i + 1));
        }

        // derivatives of each field against central differences of predict
        double x = 0.37, y = 0.61, h = 1e-4;
        double[] pts = {x - h, y, x, y, x + h, y, x, y - h, x, y + h, x + h, y + h, x - h, y - h, x + h, y - h, x - h, y + h};
        double[][] uv = m.predictAll(pts);
        double[][] ds = m.derivatives(List.of("u_x", "v_y", "u_xx", "v_xy", "u", "v_yy"), new double[] {x, y});
        assertEquals((uv[0][2] - uv[0][0]) / (2 * h), ds[0][0], 1e-7, "u_x");
        assertEquals((uv[1][4] - uv[1][3]) / (2 * h), ds[1][0], 1e-7, "v_y");
        assertEquals((uv[0][2] - 2 * uv[0][1] + uv[0][0]) / (h * h), ds[2][0], 1e-4, "u_xx");
        assertEquals((uv[1][5] + uv[1][6] - uv[1][7] - uv[1][8]) / (4 * h * h), ds[3][0], 1e-4, "v_xy");
        assertEquals(uv[0][1], ds[4][0], 1e-14, "u");
        assertEquals((uv[1][4] - 2 * uv[1][1] + uv[1][3]) / (h * h), ds[5][0], 1e-4, "v_yy");

        // unknown names: the value and the declared fields
        var e1 = assertThrows(IllegalArgumentException.class, () -> m.predict("w", new double[] {0.5, 0.5}));
        assertEquals("'w' is not a declared field; fields: [u, v]", e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> m.derivative("w_x", new double[] {0.5, 0.5}));
        assertTrue(e2.getMessage().contains("'w' is not a declared field; fields: [u, v]") && e2.getMessage().contains("'w_x'"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> m.derivative("v_z", new double[] {0.5, 0.5}));
        assertTrue(e3.getMessage().contains("'v_z'") && e3.getMessage().contains("[x, y]"), e3.getMessage());
        Subprocess.Result bad = Subprocess.inProcess("eval", dir.toString(), "--points", dir.resolve("solution.csv").toString(), "--derivatives", "p_x");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("'p' is not a declared field; fields: [u, v]"), bad.err());
    }
}
