package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Problem;
import dev.tangent.study.InverseHeatStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown coefficients and data losses: exact Jacobian columns, every LossGroup path, recovery, bad input. */
class InverseProblemTest {
    @TempDir
    Path tmp;

    private Config config(Path obs, String unknowns, String of) {
        return Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  equation: "u_t = k*u_xx + c*u*u_x - sin(k)*u"
                  unknowns: %s
                  conditions:
                    - {kind: dirichlet, value: "0", points: 5}
                    - {kind: data, file: "%s", of: %s, weight: 3}
                  interior_points: 9
                net: {widths: [5]}
                """.formatted(unknowns, obs.toString().replace("\\", "/"), of));
    }

    private Path observations(String header, String... rows) throws Exception {
        Path f = tmp.resolve("obs" + System.nanoTime() + ".csv");
        Files.writeString(f, header + "\n" + String.join("\n", rows) + "\n");
        return f;
    }

    private Discretization discretization(Config c) {
        Problem p = ProblemFactory.build(c);
        Mlp mlp = NetFactory.network(c, p);
        return new Discretization(p, mlp, Map.of(), 2);
    }

    @Test
    void jacobianColumnsOfUnknownsMatchFiniteDifferencesOnEveryPath() throws Exception {
        Path obs = observations("t,x,u_x", "0.2,0.3,0.5", "0.7,0.1,-1.25", "0.5,0.5,2");
        Config c = config(obs, "{k: {start: 0.7, bounds: [0, 3]}, c: {start: -0.4}}", "u_x");
        Discretization d = discretization(c);
        WeightedProblem wp = new WeightedProblem(d);
        wp.weights()[2] = 3;
        int p = wp.nParams(), n = wp.nRows();
        assertEquals(d.mlp().networkParams() + 2, p);
        double[] theta = d.mlp().initialize(5);
        theta[p - 2] = 0.3;   // k = 3σ(0.3)
        theta[p - 1] = -0.4;
        double[] r = new double[n], jac = new double[n * p];
        java.util.Arrays.fill(jac, 7.0); // stale entries must be overwritten
        wp.evaluate(theta, r, jac);
        double h = 1e-6;
        for (int q = 0; q < p; q++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[q] += h;
            tm[q] -= h;
            double[] rp = new double[n], rm = new double[n];
            wp.evaluate(tp, rp, null);
            wp.evaluate(tm, rm, null);
            for (int i = 0; i < n; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                assertEquals(fd, jac[i * p + q], 1e-7 * Math.max(1, Math.abs(fd)), "row " + i + " column " + d.mlp().describeParameter(q));
            }
        }
        // the reverse-pass gradient, J·v and row Jacobians agree with the assembled Jacobian
        double[] g = new double[p];
        wp.gradient(theta, new double[n], g);
        for (int q = p - 2; q < p; q++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += 2 * r[i] * jac[i * p + q];
            assertEquals(s, g[q], 1e-10 * Math.max(1, Math.abs(s)));
        }
        LossGroup pde = d.groups().get(0);
        double scale = Math.sqrt(1.0 / pde.size());
        double[] v = new double[p];
        v[p - 2] = 1.5;
        v[p - 1] = -2;
        v[3] = 0.25;
        int[] rows = {4, 1};
        double[] jv = new double[2], rj = new double[2 * p];
        pde.jvp(theta, v, rows, jv);
        pde.rowJacobian(theta, rows, rj);
        for (int k = 0; k < 2; k++) {
            double s = 0;
            for (int q = 0; q < p; q++) {
                s += jac[rows[k] * p + q] / scale * v[q];
                assertEquals(jac[rows[k] * p + q] / scale, rj[k * p + q], 1e-12 * Math.max(1, Math.abs(rj[k * p + q])));
            }
            assertEquals(s, jv[k], 1e-11 * Math.max(1, Math.abs(s)));
        }
    }

    @Test
    void inverseHeatRecoversTheDiffusivityAndItsStandardError() throws Exception {
        var s = new InverseHeatStudy.Settings(50, 0.01, 1, 40, new int[] {12}, 120);
        var clean = InverseHeatStudy.runOne(s, 0, 0, tmp.resolve("exact"));
        assertTrue(clean.relativeError() < 1e-3, "k relative error " + clean.relativeError());
        var noisy = InverseHeatStudy.runOne(s, 0.01, 1, tmp.resolve("noisy"));
        // the Jacobian's standard error agrees with the closed-form sensitivity −π²t·u, and covers the truth
        assertEquals(noisy.closedFormError(), noisy.standardError(), 0.2 * noisy.closedFormError());
        assertTrue(noisy.standardErrors() < 3, noisy.toString());
        Map<String, Object> summary = RunSummary.read(tmp.resolve("noisy/summary.json"));
        assertTrue(summary.get("unknowns").toString().contains("standard_error"), summary.toString());
        assertTrue(Files.exists(tmp.resolve("noisy/unknowns.png")));
        assertTrue(Files.readString(tmp.resolve("noisy/metrics.csv")).lines().findFirst().orElseThrow().endsWith("unknown_k"));
    }

    @Test
    void badInputIsAnErrorNamingTheFileLineOrField() throws Exception {
        Path missing = observations("t,x", "0.2,0.3");
        String m1 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(config(missing, "{k: {start: 1}, c: {start: 0}}", "u"))).getMessage();
        assertTrue(m1.contains(missing.toString()) && m1.contains("no column 'u'"), m1);
        Path nan = observations("t,x,u", "0.2,0.3,1", "0.1,NaN,2");
        String m2 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(config(nan, "{k: {start: 1}, c: {start: 0}}", "u"))).getMessage();
        assertTrue(m2.contains(nan + " line 3") && m2.contains("column x"), m2);
        Path outside = observations("t,x,u", "0.2,0.3,1", "", "0.1,1.5,2");
        String m3 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(config(outside, "{k: {start: 1}, c: {start: 0}}", "u"))).getMessage();
        assertTrue(m3.contains(outside + " line 4") && m3.contains("x = 1.5 is outside the domain [0, 1]"), m3);
        Path ok = observations("t,x,u", "0.2,0.3,1");
        String m4 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(config(ok, "{k: {bounds: [0, 1]}, c: {start: 0}}", "u"))).getMessage();
        assertTrue(m4.contains("problem.unknowns.k.start is missing"), m4);
        String m5 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(config(ok, "{k: {start: 2, bounds: [0, 1]}, c: {start: 0}}", "u"))).getMessage();
        assertTrue(m5.contains("problem.unknowns.k") && m5.contains("strictly inside"), m5);
        String m6 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(config(tmp.resolve("none.csv"), "{k: {start: 1}, c: {start: 0}}", "u"))).getMessage();
        assertTrue(m6.contains("none.csv does not exist"), m6);
    }
}
