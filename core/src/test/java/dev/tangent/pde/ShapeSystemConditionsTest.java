package dev.tangent.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.NetLayout;
import dev.tangent.nn.Predictor;
import dev.tangent.report.RunReport;
import dev.tangent.train.Config;
import dev.tangent.train.Trainer;
import java.nio.file.Files;
import dev.tangent.train.ProblemFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditions on shape domains set one field of a system ({@code field:}, as on boxes): each reads only its field, the
 * residual rows are the field's own Dirichlet or normal-derivative values, the Jacobian matches central differences
 * in θ (zero in the other field's block with separate networks), and bad field names are refused with the field list.
 */
class ShapeSystemConditionsTest {
    private static final Path UNSEEN = Path.of("..", "docs", "unseen", "coupled-annulus2d.yaml");

    @Test
    void eachConditionReadsItsOwnFieldAndTheExactSolutionSatisfiesIt() {
        Problem p = ProblemFactory.build(Config.load(UNSEEN));
        assertEquals(List.of("u", "v"), p.fields());
        assertEquals(List.of("boundary-u", "boundary-outer-v", "neumann-inner-v"), p.conditions().stream().map(Condition::name).toList());
        int[] expected = {0, 1, 1};
        List<ToDoubleFunction<double[]>> exact = List.of(x -> Math.sin(Math.PI * x[0]) * Math.sin(Math.PI * x[1]),
                x -> Math.exp(-(x[0] * x[0] + x[1] * x[1])));
        for (int c = 0; c < 3; c++) {
            Condition cond = p.conditions().get(c);
            int[] fs = cond.residual().fields();
            int want = expected[c];
            assertTrue(fs.length > 0 && Arrays.stream(fs).allMatch(f -> f == want), cond.name() + " reads " + Arrays.toString(fs));
            double[] pts = cond.region().sample(p.domain(), dev.tangent.sampling.SamplerKind.SOBOL, 24, 5);
            double[] right = residuals(cond.residual(), pts, exact);
            double[] swapped = residuals(cond.residual(), pts, List.of(exact.get(1), exact.get(0)));
            for (int i = 0; i < right.length; i++) assertEquals(0, right[i], 1e-6, cond.name() + " point " + i);
            assertTrue(Arrays.stream(swapped).map(Math::abs).max().orElse(0) > 1e-2, cond.name() + ": the other field does not satisfy it");
        }
    }

    /** Residual at each point, derivative k of field fields()[k] by finite differences. */
    private static double[] residuals(dev.tangent.nn.PointResidual res, double[] pts, List<ToDoubleFunction<double[]>> u) {
        int d = res.inputDim(), n = pts.length / d;
        List<MultiIndex> ds = res.derivatives();
        int[] fs = res.fields();
        double[] values = new double[ds.size() * n], r = new double[n], partials = new double[ds.size() * n];
        for (int i = 0; i < n; i++) {
            double[] x = Arrays.copyOfRange(pts, i * d, i * d + d);
            for (int k = 0; k < ds.size(); k++) values[k * n + i] = FiniteDifference.derivative(u.get(fs[k]), x, ds.get(k), 1e-3);
        }
        res.evaluate(n, pts, values, r, partials);
        return r;
    }

    @ParameterizedTest
    @EnumSource(NetLayout.class)
    void groupRowsAreTheFieldsValuesAndTheJacobianMatchesDifferences(NetLayout layout) {
        Problem p = ProblemFactory.build(Config.load(UNSEEN));
        Mlp mlp = new Mlp(MlpSpec.of(2, 7).withFields(2, layout));
        Discretization disc = new Discretization(p, mlp, Map.of("pde", 30, "boundary-u", 12, "boundary-outer-v", 12, "neumann-inner-v", 12), 4);
        double[] theta = mlp.initialize(9);
        Predictor pred = new Predictor(mlp);
        for (LossGroup g : disc.groups()) {
            if (!g.name().endsWith("-v")) continue;
            int n = g.size(), np = mlp.nParams();
            double[] r = new double[n], jac = new double[n * np];
            g.evaluate(theta, r, jac, 0);
            double[] x = g.points();
            double[][] v = pred.derivatives(theta, x, List.of(MultiIndex.value(2), MultiIndex.pure(2, 0, 1), MultiIndex.pure(2, 1, 1)), new int[] {1, 1, 1});
            for (int i = 0; i < n; i++) {
                double px = x[2 * i], py = x[2 * i + 1], rr = Math.hypot(px, py), e = Math.exp(-rr * rr);
                // outer: v − e^{−r²}; inner (normal −(x, y)/r): −(x v_x + y v_y)/r − 2 r e^{−r²}
                double want = g.name().equals("boundary-outer-v") ? v[0][i] - e : -(px * v[1][i] + py * v[2][i]) / rr - 2 * rr * e;
                assertEquals(want, r[i], 1e-12, g.name() + " row " + i);
            }
            double h = 1e-6;
            for (int j = 0; j < np; j += 3) {
                double[] tp = theta.clone(), tm = theta.clone();
                tp[j] += h;
                tm[j] -= h;
                double[] rp = new double[n], rm = new double[n];
                g.evaluate(tp, rp, null, 0);
                g.evaluate(tm, rm, null, 0);
                for (int i = 0; i < n; i++) assertEquals((rp[i] - rm[i]) / (2 * h), jac[i * np + j], 1e-6, g.name() + " J[" + i + "," + j + "]");
                if (layout == NetLayout.SEPARATE && j < mlp.partOffset(1)) {
                    for (int i = 0; i < n; i++) assertEquals(0.0, jac[i * np + j], g.name() + ": u's block is zero");
                }
            }
        }
    }

    /**
     * The unseen annulus system with every default but the budget (separate 2-64-1 per field, 1000 Sobol points, lm):
     * the error falls by orders of magnitude in 40 steps, and the run's plots and solution.csv cover both fields.
     */
    @Test
    void theUnseenAnnulusSystemTrainsWithDefaultsAndIsPlotted(@TempDir Path tmp) throws Exception {
        Config c = Config.load(UNSEEN).setAll(List.of("train.steps=40", "train.time=0"));
        Trainer.Result r = Trainer.run(c, tmp, false, null);
        // measured 8.3e-5 (u) and 7.8e-5 (v) after 40 steps; the untrained error is O(1); 120 s with defaults: 5.5e-8
        for (int f = 0; f < 2; f++) assertTrue(r.errors().fields().get(f).relativeL2() < 1e-3, "field " + f + ": " + r.errors().describe());
        RunReport.plots(tmp, r);
        for (String f : List.of("solution_u.png", "solution_v.png", "solution.png")) assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        List<String> csv = Files.readAllLines(tmp.resolve("solution.csv"));
        assertEquals("x,y,u,v,u_reference,v_reference", csv.get(0));
        assertEquals(r.discretization().testSet().size() + 1, csv.size(), "the points of the annulus's test grid");
    }

    private static final String SYSTEM_ON_DISK = """
            problem:
              domain: {shape: disk, center: [0, 0], radius: 1}
              fields: [u, v]
              equations: ["u_xx + u_yy = 0", "v_xx + v_yy = 0"]
              conditions:
                - %s
                - {kind: dirichlet, field: v, value: "0"}
            """;

    @Test
    void badFieldsOnShapeConditionsNameTheFieldAndTheFields() {
        String missing = error(SYSTEM_ON_DISK.formatted("{kind: dirichlet, value: \"0\"}"));
        assertTrue(missing.contains("problem.conditions[0].field is required in a system") && missing.contains("[u, v]"), missing);
        String undeclared = error(SYSTEM_ON_DISK.formatted("{kind: neumann, field: w, value: \"0\"}"));
        assertTrue(undeclared.contains("'w' is not a declared field; fields: [u, v]") && undeclared.contains("problem.conditions[0].field"), undeclared);
        String list = error(SYSTEM_ON_DISK.formatted("{kind: dirichlet, field: [u, v], value: \"0\"}"));
        assertTrue(list.contains("sets one field") && list.contains("[u, v]"), list);
        // a condition on a shape may be given by name and may carry a weight, as on boxes
        Problem p = ProblemFactory.build(Config.parse(SYSTEM_ON_DISK.formatted("{kind: neumann, field: u, boundary: circle, value: \"0\", weight: 3}")));
        assertEquals(List.of("neumann-circle-u", "boundary-v"), p.conditions().stream().map(Condition::name).toList());
        assertEquals(3.0, p.weights().get("neumann-circle-u"));
    }

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> ProblemFactory.build(Config.parse(yaml))).getMessage();
    }
}
