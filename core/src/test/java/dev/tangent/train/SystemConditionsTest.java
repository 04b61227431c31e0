package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Periodic conditions and observations in systems: rows against the fields' own predictions, Jacobians against
 * central differences in θ (both layouts), group names, an inverse problem that recovers a coefficient from one field's
 * data, and the errors of bad keys.
 */
class SystemConditionsTest {
    @TempDir
    Path tmp;

    private static String system(String layout, String conditions) {
        return """
                problem:
                  domain: {x: [0, 1], y: [0, 1]}
                  fields: [u, v]
                  equations: ["u_xx + v*u_y = 0", "v_yy - u*v_x = x"]
                  conditions:
                %s
                  interior_points: 9
                net: {widths: [5], layout: %s}
                """.formatted(conditions, layout);
    }

    private static Discretization discretization(Config c) {
        Problem p = ProblemFactory.build(c);
        Mlp mlp = NetFactory.network(c, p);
        return new Discretization(p, mlp, Map.of(), 3);
    }

    private static void jacobianMatchesDifferences(LossGroup g, double[] theta) {
        int n = g.size(), p = theta.length;
        double[] r = new double[n], jac = new double[n * p];
        g.evaluate(theta, r, jac, 0);
        double h = 1e-6;
        for (int q = 0; q < p; q++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[q] += h;
            tm[q] -= h;
            double[] rp = new double[n], rm = new double[n];
            g.evaluate(tp, rp, null, 0);
            g.evaluate(tm, rm, null, 0);
            for (int i = 0; i < n; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                assertEquals(fd, jac[i * p + q], 1e-7 * Math.max(1, Math.abs(fd)), g.name() + " row " + i + " θ" + q);
            }
        }
        // the NTK rows and J·v of a subset agree with the assembled rows
        int[] rows = {n - 1, 0, n / 2};
        double[] rj = new double[rows.length * p], v = new double[p], jv = new double[rows.length];
        for (int q = 0; q < p; q++) v[q] = Math.sin(q + 1.0);
        g.rowJacobian(theta, rows, rj);
        g.jvp(theta, v, rows, jv);
        for (int k = 0; k < rows.length; k++) {
            double s = 0;
            for (int q = 0; q < p; q++) {
                assertEquals(jac[rows[k] * p + q], rj[k * p + q], 1e-12 * Math.max(1, Math.abs(jac[rows[k] * p + q])));
                s += jac[rows[k] * p + q] * v[q];
            }
            assertEquals(s, jv[k], 1e-11 * Math.max(1, Math.abs(s)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "separate"})
    void periodicConditionsMatchEveryFieldOrTheNamedOnes(String layout) {
        Discretization d = discretization(Config.parse(system(layout, """
                    - {kind: periodic, coord: x, points: 4}
                    - {kind: periodic, coord: y, field: v, points: 3}
                    - {kind: dirichlet, field: u, coord: y, side: lo, value: "0", points: 3}
                """)));
        LossGroup all = d.groups().stream().filter(g -> g.name().equals("periodic-x")).findFirst().orElseThrow();
        LossGroup onlyV = d.groups().stream().filter(g -> g.name().equals("periodic-y-v")).findFirst().orElseThrow();
        assertEquals(4 * 4, all.size(), "u, u_x, v, v_x at 4 pairs");
        assertEquals(2 * 3, onlyV.size(), "v, v_y at 3 pairs");
        double[] theta = d.mlp().initialize(9);
        // rows are field differences across the faces, from the predictions of each field
        double[] r = new double[all.size()];
        all.evaluate(theta, r, null, 0);
        double[] pts = all.points();
        int pairs = 4;
        for (int i = 0; i < pairs; i++) {
            double[] lo = {pts[2 * i], pts[2 * i + 1]}, hi = {pts[2 * (pairs + i)], pts[2 * (pairs + i) + 1]};
            assertEquals(1.0, hi[0], 0.0);
            double[][] a = d.predictFields(theta, lo), b = d.predictFields(theta, hi);
            assertEquals(a[0][0] - b[0][0], r[i], 1e-14, "u row");
            assertEquals(a[1][0] - b[1][0], r[2 * pairs + i], 1e-14, "v row");
        }
        jacobianMatchesDifferences(all, theta);
        jacobianMatchesDifferences(onlyV, theta);
    }

    private Path csv(String text) throws Exception {
        Path f = tmp.resolve("obs" + System.nanoTime() + ".csv");
        Files.writeString(f, text);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared", "separate"})
    void observationsNameTheirFields(String layout) throws Exception {
        Path obs = csv("x,y,v,u_x,w\n0.2,0.3,1.5,-0.5,9\n0.7,0.1,-1.25,2,9\n0.5,0.5,2,0.25,9\n");
        String f = obs.toString().replace("\\", "/");
        Discretization d = discretization(Config.parse(system(layout, """
                    - {kind: data, file: "%s", of: [v, u_x], weight: 2}
                    - {kind: data, file: "%s", field: v, name: vdata}
                    - {kind: data, file: "%s", name: columns}
                """.formatted(f, f, f))));
        List<String> names = d.groups().stream().map(LossGroup::name).toList();
        // without of/field a system observes every field that has a column: v (u has none; w is no field)
        assertTrue(names.containsAll(List.of("data-v", "data-u_x", "vdata", "columns")), names.toString());
        assertEquals(names.size(), names.stream().distinct().count());
        assertEquals(2.0, d.problem().weights().get("data-u_x"));
        double[] theta = d.mlp().initialize(4);
        LossGroup v = d.groups().get(names.indexOf("data-v")), ux = d.groups().get(names.indexOf("data-u_x"));
        double[] rv = new double[3], rux = new double[3];
        v.evaluate(theta, rv, null, 0);
        ux.evaluate(theta, rux, null, 0);
        double[][] pred = d.predictFields(theta, new double[] {0.2, 0.3, 0.7, 0.1, 0.5, 0.5});
        double[] y = {1.5, -1.25, 2};
        for (int i = 0; i < 3; i++) assertEquals(pred[1][i] - y[i], rv[i], 1e-14, "v observation " + i);
        double[] rc = new double[3];
        d.groups().get(names.indexOf("columns")).evaluate(theta, rc, null, 0);
        assertEquals(java.util.Arrays.toString(rv), java.util.Arrays.toString(rc), "the columns default observes v");
        double h = 1e-5;
        double[][] right = d.predictFields(theta, new double[] {0.2 + h, 0.3}), left = d.predictFields(theta, new double[] {0.2 - h, 0.3});
        assertEquals((right[0][0] - left[0][0]) / (2 * h) + 0.5, rux[0], 1e-8, "u_x observation");
        jacobianMatchesDifferences(v, theta);
        jacobianMatchesDifferences(ux, theta);
    }

    @Test
    void badFieldKeysAreClearErrors() throws Exception {
        Path obs = csv("x,y,v\n0.2,0.3,1.5\n");
        String f = obs.toString().replace("\\", "/");
        String m1 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(system("shared",
                "    - {kind: periodic, coord: x, field: [u, w]}")))).getMessage();
        assertTrue(m1.contains("'w' is not a declared field"), m1);
        String m2 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(system("shared",
                "    - {kind: data, file: \"" + f + "\", of: v, field: v}")))).getMessage();
        assertTrue(m2.contains("not both"), m2);
        String m3 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(system("shared",
                "    - {kind: data, file: \"" + f + "\", of: w_x}")))).getMessage();
        assertTrue(m3.contains("problem.conditions[0].of") && m3.contains("'w' is not a declared field; fields: [u, v]"), m3);
        String m4 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(system("shared",
                "    - {kind: data, file: \"" + f + "\", of: u}")))).getMessage();
        assertTrue(m4.contains("no column 'u'") && m4.contains(obs.toString()), m4);
        Path none = csv("x,y,q\n0.2,0.3,1.5\n");
        String m5 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(system("shared",
                "    - {kind: data, file: \"" + none.toString().replace("\\", "/") + "\"}")))).getMessage();
        assertTrue(m5.contains("no column named after a field [u, v]") && m5.contains("[x, y, q]"), m5);
        String m6 = assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(system("shared",
                "    - {kind: dirichlet, field: [u, v], value: 0}")))).getMessage();
        assertTrue(m6.contains("sets one field"), m6);
    }

    /**
     * −u'' = π² sin(πx), −v'' + k·u = 0, zero Dirichlet data: v = −k sin(πx)/π². Observations of v alone recover
     * k = 2 from the start 1.
     */
    @Test
    void anInverseProblemOnASystemRecoversTheCoefficientFromOneField() throws Exception {
        StringBuilder sb = new StringBuilder("x,v\n");
        for (int i = 1; i <= 12; i++) {
            double x = i / 13.0;
            sb.append(x).append(',').append(-2 * Math.sin(Math.PI * x) / (Math.PI * Math.PI)).append('\n');
        }
        Path obs = csv(sb.toString());
        Config c = Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  fields: [u, v]
                  equations: ["-u_xx = pi^2*sin(pi*x)", "-v_xx + k*u = 0"]
                  unknowns: {k: {start: 1}}
                  conditions:
                    - {kind: dirichlet, field: u, value: "0", points: 2}
                    - {kind: dirichlet, field: v, value: "0", points: 2}
                    - {kind: data, file: "%s", field: v}
                  exact: {u: "sin(pi*x)", v: "-2*sin(pi*x)/pi^2"}
                  interior_points: 30
                net: {widths: [10]}
                train: {steps: 60, time: 0}
                """.formatted(obs.toString().replace("\\", "/")));
        Trainer.Result r = Trainer.run(c, tmp.resolve("inv"), false, null);
        double k = r.metrics().series(Trainer.UNKNOWN_COLUMN + "k")[r.metrics().series(Trainer.UNKNOWN_COLUMN + "k").length - 1];
        assertEquals(2.0, k, 1e-4, "k recovered from v alone");
        assertTrue(r.errors().relativeL2() < 1e-3, "worst field rel L2 " + r.errors().relativeL2());
    }
}
