package dev.tangent.pde;

import dev.tangent.pde.catalog.Catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tangent.nn.Mlp;
import dev.tangent.ntk.FrozenLinearization;
import dev.tangent.train.Config;
import dev.tangent.train.NetFactory;
import dev.tangent.train.ProblemFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every {@link LossGroup}, run on the groups of every catalog problem, of one text problem per
 * {@link ConditionKind} (with an unknown coefficient), of observations (all rows and a mini-batch), of a fixed
 * operator group and of frozen linearisations. A new catalog entry or condition kind is tested without editing a
 * list (a condition kind without a fixture fails {@link #everyConditionKindHasAFixture}).
 *
 * <p>Each group: Jacobian rows against central differences of its own residual; the residual does not depend on
 * whether J is asked for; the row offset and the row scale act as documented; {@code rowJacobian} and {@code jvp}
 * on an unordered subset with a repeat equal the rows of J; {@code gradient} accumulates scale·Jᵀr and {@code vjp} Jᵀu; a resample with
 * one seed is reproducible and keeps the row count.
 */
class LossGroupContractTest {
    @TempDir
    static Path tmp;

    /** One condition line per kind on a 1-D, time-dependent text problem. */
    private static final Map<ConditionKind, String> CONDITIONS = Map.of(
            ConditionKind.DIRICHLET, "{kind: dirichlet, value: \"x*(1 - x)\", points: 6}",
            ConditionKind.NEUMANN, "{kind: neumann, coord: x, side: hi, value: \"cos(t)\", points: 5}",
            ConditionKind.PERIODIC, "{kind: periodic, coord: x, points: 5}",
            ConditionKind.INITIAL_VALUE, "{kind: initial-value, value: \"sin(pi*x)\", points: 6}",
            ConditionKind.INITIAL_VELOCITY, "{kind: initial-velocity, value: \"x\", points: 5}",
            ConditionKind.DATA, "{kind: data, file: \"%s\", of: u_x, points: 4}");

    private static Path observations() {
        Path f = tmp.resolve("obs.csv");
        try {
            if (!Files.exists(f)) Files.writeString(f, "t,x,u_x\n0.2,0.3,0.5\n0.7,0.1,-1.25\n0.5,0.5,2\n0.1,0.9,0\n0.9,0.6,1\n0.4,0.2,-3\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private static Discretization textProblem(ConditionKind kind) {
        String cond = CONDITIONS.get(kind).formatted(observations().toString().replace("\\", "/"));
        Config c = Config.parse("""
                problem:
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  equation: "u_tt + u*u_x = k*u_xx + sin(x)"
                  unknowns: {k: {start: 0.6, bounds: [0, 2]}}
                  conditions:
                    - %s
                  interior_points: 7
                net: {widths: [5, 4]}
                """.formatted(cond));
        Problem p = ProblemFactory.build(c);
        return new Discretization(p, NetFactory.network(c, p), Map.of(), 3);
    }

    private static Discretization catalogProblem(String name) {
        Config c = Config.parse("problem: " + name + "\nnet: {widths: [5]}\n");
        Problem full = ProblemFactory.build(c);
        Problem p = new Problem(full.name(), full.description(), full.domain(), full.fields(), full.equations(), full.conditions(),
                full.parameters(), List.of(), full.defaults(), full.unknowns(), full.weights());   // no reference: not needed here
        Map<String, Integer> points = new LinkedHashMap<>();
        points.put("pde", 6);
        for (Condition cond : p.conditions()) points.put(cond.name(), cond.kind() == ConditionKind.DATA ? cond.defaultPoints() : 4);
        return new Discretization(p, NetFactory.network(c, p), points, 5);
    }

    record Case(String label, LossGroup group, double[] theta) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static List<Case> cases;

    /** Built once per class (catalog references are costly); the tests read each group afresh, so a resample between them is harmless. */
    static synchronized Stream<Case> groups() {
        if (cases == null) cases = build();
        return cases.stream();
    }

    private static List<Case> build() {
        List<Case> cases = new ArrayList<>();
        for (String name : Catalog.names()) add(cases, "catalog " + name, catalogProblem(name));
        for (ConditionKind k : CONDITIONS.keySet()) add(cases, "condition " + k.label(), textProblem(k));
        Discretization burgers = catalogProblem("burgers");
        double[] theta0 = burgers.mlp().initialize(8);
        Problem p = burgers.problem();
        LossGroup pde = burgers.groups().get(0);
        double[] moved = theta0.clone();
        for (int i = 0; i < moved.length; i++) moved[i] += 0.05 * Math.sin(i);   // frozen rows away from θ₀ too
        cases.add(new Case("frozen linearisation (burgers pde)",
                FrozenLinearization.group("frozen", p.pde(), pde.points(), burgers.mlp(), theta0), moved));
        cases.add(new Case("fixed operator group (burgers pde)", LossGroup.of("fixed", p.pde(), pde.points(), burgers.mlp()), moved));
        return cases;
    }

    private static void add(List<Case> cases, String label, Discretization d) {
        double[] theta = d.mlp().initialize(11);
        for (int i = d.mlp().networkParams(); i < theta.length; i++) theta[i] = 0.3;   // unknowns away from their start
        for (LossGroup g : d.groups()) cases.add(new Case(label + " / " + g.name(), g, theta));
    }

    @Test
    void everyConditionKindHasAFixture() {
        EnumSet<ConditionKind> missing = EnumSet.allOf(ConditionKind.class);
        missing.removeAll(CONDITIONS.keySet());
        if (!missing.isEmpty()) fail("add a fixture line to CONDITIONS for condition kinds " + missing);
    }

    private static double[] jacobian(LossGroup g, double[] theta) {
        double[] jac = new double[g.size() * theta.length];
        g.evaluate(theta, new double[g.size()], jac, 0);
        return jac;
    }

    private static double[] residual(LossGroup g, double[] theta) {
        double[] r = new double[g.size()];
        g.evaluate(theta, r, null, 0);
        return r;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void jacobianRowsMatchCentralDifferencesOfTheResidual(Case c) {
        LossGroup g = c.group();
        double[] theta = c.theta();
        int s = g.size(), p = theta.length;
        assertTrue(s > 0, "no rows");
        double[] jac = jacobian(g, theta);
        double[] r = new double[s];
        g.evaluate(theta, r, jac.clone(), 0);
        assertArrayEquals(residual(g, theta), r, 0.0, "the residual must not depend on whether J is asked for");
        double scale = Math.max(1, maxAbs(jac));
        double h = 1e-5;
        for (int q = 0; q < p; q++) {
            double[] tp = theta.clone(), tm = theta.clone();
            tp[q] += h;
            tm[q] -= h;
            double[] rp = residual(g, tp), rm = residual(g, tm);
            for (int i = 0; i < s; i++) {
                double fd = (rp[i] - rm[i]) / (2 * h);
                assertEquals(fd, jac[i * p + q], 2e-6 * scale, "row " + i + " parameter " + q);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void rowOffsetAndRowScaleActAsDocumented(Case c) {
        LossGroup g = c.group();
        double[] theta = c.theta();
        int s = g.size(), p = theta.length, off = 3;
        double[] jac = jacobian(g, theta), r0 = residual(g, theta);
        double[] r = new double[s + off + 2], big = new double[(s + off + 2) * p];
        Arrays.fill(r, 7.0);
        Arrays.fill(big, 7.0);
        double rowScale = 0.37;
        g.evaluate(theta, r, big, off, rowScale);
        for (int i = 0; i < r.length; i++) {
            boolean mine = i >= off && i < off + s;
            assertEquals(mine ? r0[i - off] : 7.0, r[i], mine ? 1e-15 * Math.max(1, Math.abs(r0[i - off])) : 0.0, "r[" + i + "]");
            for (int q = 0; q < p; q++) {
                double want = mine ? rowScale * jac[(i - off) * p + q] : 7.0;
                assertEquals(want, big[i * p + q], 1e-14 * Math.max(1, Math.abs(want)), "J[" + i + "," + q + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void rowSubsetsAndJvpsAreRowsOfTheJacobian(Case c) {
        LossGroup g = c.group();
        double[] theta = c.theta();
        int s = g.size(), p = theta.length;
        double[] jac = jacobian(g, theta);
        int[] rows = {s - 1, 0, s / 2, s - 1};  // unordered, with a repeat
        double[] sub = new double[rows.length * p], jv = new double[rows.length];
        double[] v = new double[p];
        SplittableRandom rng = new SplittableRandom(17);
        for (int q = 0; q < p; q++) v[q] = rng.nextGaussian();
        g.rowJacobian(theta, rows, sub);
        g.jvp(theta, v, rows, jv);
        double scale = Math.max(1, maxAbs(jac));
        for (int k = 0; k < rows.length; k++) {
            double dot = 0, abs = 0;
            for (int q = 0; q < p; q++) {
                assertEquals(jac[rows[k] * p + q], sub[k * p + q], 1e-13 * scale, "rowJacobian row " + rows[k] + " parameter " + q);
                dot += jac[rows[k] * p + q] * v[q];
                abs += Math.abs(jac[rows[k] * p + q] * v[q]);
            }
            assertEquals(dot, jv[k], 1e-12 * Math.max(1, abs), "J·v row " + rows[k]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void gradientAccumulatesScaledJacobianTransposeResidual(Case c) {
        LossGroup g = c.group();
        double[] theta = c.theta();
        int s = g.size(), p = theta.length;
        double[] jac = jacobian(g, theta), r0 = residual(g, theta);
        double scale = 0.8;
        double[] grad = new double[p], want = new double[p];
        for (int q = 0; q < p; q++) grad[q] = want[q] = Math.cos(q);   // accumulates onto what is there
        double[] r = new double[s + 2];
        g.gradient(theta, scale, r, 2, grad);
        double tol = 0;
        for (int i = 0; i < s; i++) {
            assertEquals(r0[i], r[2 + i], 1e-14 * Math.max(1, Math.abs(r0[i])), "r[" + i + "]");
            for (int q = 0; q < p; q++) {
                want[q] += scale * r0[i] * jac[i * p + q];
                tol = Math.max(tol, Math.abs(r0[i] * jac[i * p + q]));
            }
        }
        assertArrayEquals(want, grad, 1e-12 * Math.max(1, tol) * s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void vjpAccumulatesJacobianTransposeTimesU(Case c) {
        LossGroup g = c.group();
        double[] theta = c.theta();
        int s = g.size(), p = theta.length;
        double[] jac = jacobian(g, theta);
        double[] u = new double[s + 3];
        for (int i = 0; i < u.length; i++) u[i] = Math.sin(1.7 * i + 0.3);
        double[] grad = new double[p], want = new double[p];
        for (int q = 0; q < p; q++) grad[q] = want[q] = 0.5 * q;
        g.vjp(theta, u, 3, grad);   // u read from offset 3, added to what grad holds
        double tol = 0;
        for (int i = 0; i < s; i++) {
            for (int q = 0; q < p; q++) {
                want[q] += u[3 + i] * jac[i * p + q];
                tol = Math.max(tol, Math.abs(jac[i * p + q]));
            }
        }
        assertArrayEquals(want, grad, 1e-12 * Math.max(1, tol) * s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void resampleWithOneSeedIsReproducibleAndKeepsTheRowCount(Case c) {
        LossGroup g = c.group();
        int s = g.size();
        try {
            g.resample(42);
        } catch (UnsupportedOperationException fixed) {
            return;   // a group may refuse: its rows are tied to given points
        }
        double[] first = g.points().clone(), r1 = residual(g, c.theta());
        g.resample(43);
        g.resample(42);
        assertEquals(s, g.size(), "row count after resampling");
        assertArrayEquals(first, g.points(), 0.0, "points of seed 42");
        assertArrayEquals(r1, residual(g, c.theta()), 0.0, "residual at the points of seed 42");
    }

    /** Independent residuals of two kinds whose rows are easy to state: data rows u_x(x_i) − y_i, periodic u(lo) − u(hi). */
    @Test
    void dataAndPeriodicRowsAreWhatTheyClaim() {
        Discretization d = textProblem(ConditionKind.PERIODIC);
        LossGroup per = d.groups().get(1);
        double[] theta = d.mlp().initialize(11);
        double[] r = residual(per, theta), x = per.points();
        double[] u = d.predict(theta, x);
        int pairs = per.size() / 2;
        for (int i = 0; i < pairs; i++) {
            assertEquals(0.0, x[2 * i + 1], 0.0, "lo point on x = 0");
            assertEquals(1.0, x[2 * (pairs + i) + 1], 0.0, "hi point on x = 1");
            assertEquals(x[2 * i], x[2 * (pairs + i)], 0.0, "paired at one time");
            assertEquals(u[i] - u[pairs + i], r[i], 1e-12, "value row " + i);
        }
        Discretization data = textProblem(ConditionKind.DATA);
        LossGroup obs = data.groups().get(1);
        double[] pts = obs.points(), ry = residual(obs, theta);
        double h = 1e-5;
        Map<String, Double> observed = Map.of("0.2,0.3", 0.5, "0.7,0.1", -1.25, "0.5,0.5", 2.0, "0.1,0.9", 0.0, "0.9,0.6", 1.0, "0.4,0.2", -3.0);
        assertEquals(4, obs.size(), "a mini-batch of 4 of the 6 observations");
        for (int i = 0; i < obs.size(); i++) {
            double[] xp = {pts[2 * i], pts[2 * i + 1] + h}, xm = {pts[2 * i], pts[2 * i + 1] - h};
            double ux = (data.predict(theta, xp)[0] - data.predict(theta, xm)[0]) / (2 * h);
            Double y = observed.get(pts[2 * i] + "," + pts[2 * i + 1]);
            assertTrue(y != null, "point " + pts[2 * i] + "," + pts[2 * i + 1] + " is an observation");
            assertEquals(ux - y, ry[i], 1e-7, "data row " + i);
        }
    }
}
