package dev.tangent.pde;

import dev.tangent.pde.catalog.Catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.sampling.SamplerKind;
import dev.tangent.train.Config;
import dev.tangent.train.ProblemFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The problems in {@code docs/unseen/*.yaml} (PDEs outside the catalog, stated in the text form) are well posed as
 * written: each file is built by Tangent's own {@link ProblemFactory}, and its {@code exact:} solution satisfies the
 * equation at interior points and every condition on its region, with derivatives from 8th-order finite differences
 * of the exact formula. Every file in the directory is tested; adding one needs no edit here.
 */
class UnseenProblemsTest {
    /** |F| ≤ TOL · scale, scale = max(1, |D_k u|, |∂F/∂(D_k u) · D_k u|) at the point (the size of the residual's terms). */
    private static final double TOL = 1e-6;
    /** A perturbed solution must violate the equation by far more than TOL: the check can fail. */
    private static final double TEETH = 1e-3;
    private static final int INTERIOR = 48;
    private static final int PER_CONDITION = 16;

    private static final Set<String> TOP_KEYS = Set.of("name", "problem", "net");
    /** The one net key a problem may state: a periodic input embedding is part of the problem (its periodic axis), not a tuning. */
    private static final Set<String> NET_KEYS = Set.of("periodic");
    private static final Set<String> PROBLEM_KEYS = Set.of("description", "domain", "time", "equation", "conditions", "exact",
            "fields", "equations");
    private static final Set<String> CONDITION_KEYS = Set.of("kind", "value", "coord", "side", "name", "field", "boundary");

    static Path directory() {
        Path p = Path.of("").toAbsolutePath();
        for (; p != null; p = p.getParent()) {
            Path d = p.resolve("docs").resolve("unseen");
            if (Files.isDirectory(d)) return d;
        }
        throw new IllegalStateException("docs/unseen not found above " + Path.of("").toAbsolutePath());
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(directory())) {
            return s.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theSuiteHasThirteenProblemsOutsideTheCatalog() throws IOException {
        List<Path> all = files().toList();
        assertTrue(all.size() >= 13, "expected at least 13 problems in " + directory() + ", found " + all.size());
        assertTrue(Files.isRegularFile(directory().resolve("README.md")), "docs/unseen/README.md is missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void exactSolutionSatisfiesTheEquationAndEveryCondition(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        Config c = Config.load(file);
        assertOnlyProblemKeys(c, base);

        Problem p = ProblemFactory.build(c);
        assertEquals(base, p.name(), "name: should match the file name");
        assertFalse(Catalog.names().contains(p.name()), p.name() + " is a catalog problem");
        assertFalse(p.description().equals("problem from config") || p.description().isBlank(), base + ": description missing");
        assertEquals(p.fields().size(), p.references().size(), base + ": exact: is missing (one per field)");
        List<ToDoubleFunction<double[]>> u = new java.util.ArrayList<>(), wrong = new java.util.ArrayList<>();
        for (Reference ref : p.references()) {
            assertNotNull(ref, base + ": exact: is missing for a field of " + p.fields());
            assertTrue(ref.pointwise(), base + ": exact: must be a closed form");
            u.add(ref::value);
            wrong.add(x -> ref.value(x) + perturbation(x));
        }
        assertTrue(!p.conditions().isEmpty(), base + ": no conditions");

        Domain d = p.domain();
        double h = 0.01 * Math.min(1, minWidth(d));
        StringBuilder log = new StringBuilder(base + ":");

        double[] interior = Region.interior().sample(d, SamplerKind.SOBOL, INTERIOR, 3);
        for (Equation e : p.equations()) {
            double pde = worst(e.residual(), interior, u, h, 4);
            assertTrue(pde <= TOL, base + " equation " + e.name() + ": relative residual " + pde + " > " + TOL);
            double pdeWrong = worst(e.residual(), interior, wrong, h, 1);
            assertTrue(pdeWrong > TEETH, base + " equation " + e.name() + ": a perturbed solution passes too (" + pdeWrong + ")");
            log.append(String.format(" %s %.1e (perturbed %.1e)", e.name(), pde, pdeWrong));
        }

        int k = 0;
        for (Condition cond : p.conditions()) {
            long seed = 11 + k++;
            double ok, bad;
            if (cond.kind() == ConditionKind.PERIODIC) {
                ok = periodicMismatch(cond, d, u.get(0), h, seed);
                bad = Double.NaN;
            } else {
                double[] pts = cond.region().sample(d, SamplerKind.UNIFORM, PER_CONDITION, seed);
                assertOnRegion(cond, d, pts);
                ok = worst(cond.residual(), pts, u, h, 4);
                bad = worst(cond.residual(), pts, wrong, h, 1);
                assertTrue(bad > TEETH, base + " " + cond.name() + ": a perturbed solution passes too (" + bad + ")");
            }
            assertTrue(ok <= TOL, base + " " + cond.name() + " (" + cond.description() + "): relative residual " + ok + " > " + TOL);
            log.append(String.format(", %s %.1e", cond.name(), ok));
        }
        System.out.println(log);
    }

    private static void assertOnlyProblemKeys(Config c, String base) {
        Map<String, Object> top = c.tree();
        assertTrue(TOP_KEYS.containsAll(top.keySet()), base + ": only name, problem and net.periodic belong in the file (settings come from"
                + " the defaults); found " + new TreeSet<>(top.keySet()));
        assertTrue(NET_KEYS.containsAll(c.section("net").keySet()), base + ": net may only state the periodic embedding; found "
                + new TreeSet<>(c.section("net").keySet()));
        Map<String, Object> prob = c.section("problem");
        assertTrue(PROBLEM_KEYS.containsAll(prob.keySet()), base + ": problem keys " + new TreeSet<>(prob.keySet())
                + " outside " + new TreeSet<>(PROBLEM_KEYS));
        assertTrue(prob.containsKey("exact"), base + ": exact: is missing");
        List<Object> conds = c.list("problem.conditions");
        assertNotNull(conds, base + ": no conditions");
        for (Object o : conds) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            assertTrue(CONDITION_KEYS.containsAll(m.keySet()), base + ": condition keys " + new TreeSet<>(m.keySet())
                    + " outside " + new TreeSet<>(CONDITION_KEYS) + " (point counts come from the defaults)");
        }
    }

    /** Sampled points really lie in the condition's region (a face or the initial slice). */
    private static void assertOnRegion(Condition cond, Domain d, double[] pts) {
        Region r = cond.region();
        int dim = d.dim();
        if (r.kind() == Region.Kind.BOUNDARY) {
            var parts = d.shape().parts(r.parts());
            for (int i = 0; i < pts.length / dim; i++) {
                double dist = Double.POSITIVE_INFINITY;
                for (var part : parts) dist = Math.min(dist, part.distance(pts, i * dim + d.firstSpatial()));
                assertTrue(dist <= 1e-9 * d.shape().scale(), cond.name() + ": point " + i + " is off " + r.describe(d));
            }
            return;
        }
        for (int i = 0; i < pts.length / dim; i++) {
            boolean on = r.kind() == Region.Kind.INTERIOR;
            for (int f = 0; f < r.axes().length; f++) {
                int a = r.axes()[f];
                double want = r.atHigh()[f] ? d.hi()[a] : d.lo()[a];
                on |= pts[i * dim + a] == want;
            }
            assertTrue(on, cond.name() + ": point " + i + " is off its region " + r.describe(d));
        }
    }

    /**
     * The largest relative residual over the points. At each point the derivatives come from nested 8th-order central
     * differences with step h, h/2, …, h/2^(levels−1) (the first that meets TOL is taken), since fronts of width ~0.04
     * need a finer step than smooth modes; a wrong equation fails at every step.
     */
    static double worst(PointResidual res, double[] pts, List<ToDoubleFunction<double[]>> u, double h, int levels) {
        int dim = res.inputDim();
        List<MultiIndex> ds = res.derivatives();
        int[] fields = res.fields();
        int m = ds.size();
        double[] values = new double[m];
        double[] partials = new double[m];
        double[] r = new double[1];
        double worst = 0;
        for (int i = 0; i < pts.length / dim; i++) {
            double[] x = Arrays.copyOfRange(pts, i * dim, (i + 1) * dim);
            double best = Double.POSITIVE_INFINITY;
            for (int level = 0; level < levels && best > TOL; level++) {
                double step = h / (1 << level);
                for (int k = 0; k < m; k++) values[k] = FiniteDifference.derivative(u.get(fields[k]), x, ds.get(k), step);
                res.evaluate(1, x, values, r, partials);
                double scale = 1;
                for (int k = 0; k < m; k++) {
                    scale = Math.max(scale, Math.max(Math.abs(values[k]), Math.abs(partials[k] * values[k])));
                }
                double rel = Math.abs(r[0]) / scale;
                if (Double.isNaN(rel)) rel = Double.POSITIVE_INFINITY;
                best = Math.min(best, rel);
            }
            worst = Math.max(worst, best);
        }
        return worst;
    }

    /** Periodic condition: every matched derivative agrees on the lo and hi faces. */
    private static double periodicMismatch(Condition cond, Domain d, ToDoubleFunction<double[]> u, double h, long seed) {
        int axis = cond.region().axes()[0];
        int dim = d.dim();
        double[] lo = cond.region().sample(d, SamplerKind.UNIFORM, PER_CONDITION, seed);
        double worst = 0;
        for (int i = 0; i < lo.length / dim; i++) {
            double[] a = Arrays.copyOfRange(lo, i * dim, (i + 1) * dim);
            double[] b = a.clone();
            b[axis] = d.hi()[axis];
            for (MultiIndex mi : cond.residual().derivatives()) {
                double va = FiniteDifference.derivative(u, a, mi, h), vb = FiniteDifference.derivative(u, b, mi, h);
                worst = Math.max(worst, Math.abs(va - vb) / Math.max(1, Math.max(Math.abs(va), Math.abs(vb))));
            }
        }
        return worst;
    }

    /** A smooth function that solves none of the problems: 0.1 Π_k cos((k+2) x_k + 0.3). */
    private static double perturbation(double[] x) {
        double q = 0.1;
        for (int k = 0; k < x.length; k++) q *= Math.cos((k + 2) * x[k] + 0.3);
        return q;
    }

    private static double minWidth(Domain d) {
        double w = Double.MAX_VALUE;
        for (int k = 0; k < d.dim(); k++) w = Math.min(w, d.hi()[k] - d.lo()[k]);
        return w;
    }
}
