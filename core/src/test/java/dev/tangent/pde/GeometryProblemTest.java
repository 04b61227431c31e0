package dev.tangent.pde;

import dev.tangent.pde.catalog.Catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.geometry.ShapeSampler;
import dev.tangent.sampling.SamplerKind;
import dev.tangent.train.Config;
import dev.tangent.train.ProblemFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shape domains end to end: YAML, Neumann on curved boundaries against closed forms, test grids, CSV sets, errors. */
class GeometryProblemTest {
    private static Problem build(String yaml) {
        return ProblemFactory.build(Config.parse(yaml));
    }

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> build(yaml)).getMessage();
    }

    /** Residual at each point with the derivatives of u from finite differences. */
    private static double[] residuals(PointResidual res, double[] pts, ToDoubleFunction<double[]> u) {
        int d = res.inputDim(), n = pts.length / d;
        List<MultiIndex> ds = res.derivatives();
        double[] values = new double[ds.size() * n], r = new double[n], partials = new double[ds.size() * n];
        for (int i = 0; i < n; i++) {
            double[] x = java.util.Arrays.copyOfRange(pts, i * d, i * d + d);
            for (int k = 0; k < ds.size(); k++) values[k * n + i] = FiniteDifference.derivative(u, x, ds.get(k), 1e-3);
        }
        res.evaluate(n, pts, values, r, partials);
        return r;
    }

    @Test
    void neumannOnCircles() {
        // u = r²: ∂u/∂n = −2 r_in = −1 on the hole (normal towards the center), +2 on the outer circle
        String yaml = """
                problem:
                  domain: {shape: annulus, center: [0, 0], inner_radius: 0.5, outer_radius: 1}
                  equation: "u_xx + u_yy = 4"
                  conditions:
                    - {kind: neumann, boundary: inner, value: "%s"}
                    - {kind: neumann, boundary: outer, value: "2"}
                    - {kind: dirichlet, boundary: outer, value: "1"}
                  exact: "x^2 + y^2"
                """;
        Problem p = build(yaml.formatted("-1"));
        assertEquals(List.of("neumann-inner", "neumann-outer", "boundary-outer"), p.conditions().stream().map(Condition::name).toList());
        ToDoubleFunction<double[]> u = x -> x[0] * x[0] + x[1] * x[1];
        for (Condition c : p.conditions()) {
            double[] pts = c.region().sample(p.domain(), SamplerKind.SOBOL, 40, 7);
            for (double r : residuals(c.residual(), pts, u)) assertEquals(0, r, 1e-8, c.name());
        }
        // the wrong sign (the inward normal's value) misses by 2 at every point
        Condition wrong = build(yaml.formatted("1")).conditions().get(0);
        double[] pts = wrong.region().sample(p.domain(), SamplerKind.UNIFORM, 20, 3);
        for (double r : residuals(wrong.residual(), pts, u)) assertEquals(-2, r, 1e-8);
    }

    @Test
    void neumannOnAnOffCenterDiskAndAPolygonEdge() {
        // u = x y: on |x − c| = 0.7 with c = (0.3, −0.2), ∂u/∂n = (y (x − 0.3) + x (y + 0.2)) / 0.7
        Problem disk = build("""
                problem:
                  domain: {shape: disk, center: [0.3, -0.2], radius: 0.7}
                  equation: "u_xx + u_yy = 0"
                  conditions: [{kind: neumann, value: "(y*(x - 0.3) + x*(y + 0.2))/0.7"}]
                """);
        // a triangle: edge2 from (2, 0) to (0, 1) has outward normal (1, 2)/√5, so ∂(x y)/∂n = (y + 2x)/√5
        Problem tri = build("""
                problem:
                  domain: {shape: polygon, vertices: [[0, 0], [2, 0], [0, 1]]}
                  equation: "u_xx + u_yy = 0"
                  conditions: [{kind: neumann, boundary: edge2, value: "(y + 2*x)/sqrt(5)"}]
                """);
        for (Problem p : List.of(disk, tri)) {
            Condition c = p.conditions().get(0);
            double[] pts = c.region().sample(p.domain(), SamplerKind.LHS, 30, 5);
            for (double r : residuals(c.residual(), pts, x -> x[0] * x[1])) assertEquals(0, r, 1e-8, p.domain().describe());
        }
    }

    @Test
    void theTestGridFollowsTheDomain() {
        Problem p = Catalog.get("poisson-annulus");
        TestSet ts = p.reference().testSet(p.domain());
        int m = ts.shape()[0];
        assertEquals(ts.size(), ts.gridIndex().length);
        for (int i = 0; i < ts.size(); i++) {
            double x = ts.points()[2 * i], y = ts.points()[2 * i + 1], r = Math.hypot(x, y);
            assertTrue(r >= 0.5 - 1e-12 && r <= 1 + 1e-12, "test point " + i + " at r = " + r);
            int g = ts.gridIndex()[i];
            assertEquals(-1 + 2.0 * (g / m) / (m - 1), x, 1e-12, "grid position of x");
            assertEquals(-1 + 2.0 * (g % m) / (m - 1), y, 1e-12, "grid position of y");
        }
        // one node per h² of the ring's area 3π/4
        double h = 2.0 / (m - 1);
        assertEquals(3 * Math.PI / 4, ts.size() * h * h, 0.01);
        double[] full = ts.onFullGrid(ts.values());
        assertTrue(Double.isNaN(full[(m / 2) * m + m / 2]), "the center of the hole is blank");
    }

    @Test
    void aTimeAxisOnTopOfADisk() {
        Problem p = build("""
                problem:
                  domain: {shape: disk, center: [0, 0], radius: 1}
                  time: [0, 0.5]
                  equation: "u_t - 0.1*(u_xx + u_yy) = 0"
                  conditions:
                    - {kind: initial-value, value: "1 - x^2 - y^2"}
                    - {kind: dirichlet, value: "0"}
                """);
        Domain d = p.domain();
        assertEquals(List.of("t", "x", "y"), List.of(d.coords()));
        double[] init = p.conditions().get(0).region().sample(d, SamplerKind.SOBOL, 25, 1);
        double[] bnd = p.conditions().get(1).region().sample(d, SamplerKind.SOBOL, 25, 1);
        for (int i = 0; i < 25; i++) {
            assertEquals(0, init[3 * i]);
            assertTrue(Math.hypot(init[3 * i + 1], init[3 * i + 2]) < 1);
            assertEquals(1, Math.hypot(bnd[3 * i + 1], bnd[3 * i + 2]), 1e-12);
            assertTrue(bnd[3 * i] >= 0 && bnd[3 * i] <= 0.5);
        }
    }

    @Test
    void pointSetsFromCsvWithNormals(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv"), b = dir.resolve("b.csv");
        Files.writeString(in, "x,y\n0.1,0.2\n-0.3,0.4\n0,0\n");
        Files.writeString(b, "y,x,n_x,n_y,part\n0,1,2,0,right\n1,0,0,1,top\n0,-1,-1,0,left\n");
        Problem p = build("""
                problem:
                  domain: {shape: points, interior: %s, boundary: %s}
                  equation: "u_xx + u_yy = 0"
                  conditions:
                    - {kind: neumann, boundary: [right, top], value: "1"}
                    - {kind: dirichlet, boundary: left, value: "-1"}
                  exact: "x + y"
                """.formatted(in, b));
        double[] interior = Region.interior().sample(p.domain(), SamplerKind.SOBOL, 1000, 0);
        assertEquals(6, interior.length, "the given interior points, whatever the count");
        Condition neu = p.conditions().get(0);
        double[] pts = neu.region().sample(p.domain(), SamplerKind.GRID, 5, 0);
        assertEquals(List.of(1.0, 0.0, 0.0, 1.0), java.util.Arrays.stream(pts).boxed().toList());
        // u = x + y: ∂u/∂n = 1 with the normals (1, 0) (given as (2, 0), normalised) and (0, 1)
        for (double r : residuals(neu.residual(), pts, x -> x[0] + x[1])) assertEquals(0, r, 1e-9);
        assertEquals(3, p.reference().testSet(p.domain()).size());

        Files.writeString(b, "x,y,n_x,n_y\n1,0,1,0\n0,1,NaN,1\n");
        String msg = error("""
                problem:
                  domain: {shape: points, interior: %s, boundary: %s}
                  equation: "u_xx + u_yy = 0"
                """.formatted(in, b));
        assertTrue(msg.contains("b.csv line 3") && msg.contains("n_x") && msg.contains("NaN"), msg);
    }

    @Test
    void badGeometryIsReportedWithTheKeyAndValue() {
        String eq = "\n  equation: \"u_xx + u_yy = 0\"";
        String bowtie = error("problem:\n  domain: {shape: polygon, vertices: [[0, 0], [1, 1], [1, 0], [0, 1]]}" + eq);
        assertTrue(bowtie.contains("problem.domain.vertices") && bowtie.contains("edge1") && bowtie.contains("edge3")
                && bowtie.contains("not simple"), bowtie);
        String empty = error("problem:\n  domain: {shape: intersection, shapes: [{shape: disk, center: [0, 0], radius: 1},"
                + " {shape: disk, center: [3, 0], radius: 1}]}" + eq);
        assertTrue(empty.contains("problem.domain") && empty.contains("intersection") && empty.contains("empty"), empty);
        String unknown = error("problem:\n  domain: {shape: circle, center: [0, 0], radius: 1}" + eq);
        assertTrue(unknown.contains("problem.domain.shape") && unknown.contains("'circle'") && unknown.contains("disk"), unknown);
        String radius = error("problem:\n  domain: {shape: union, shapes: [{shape: disk, center: [0, 0], radius: 1},"
                + " {shape: disk, center: [1, 0], radius: -2}]}" + eq);
        assertTrue(radius.contains("problem.domain.shapes[1].radius") && radius.contains("-2"), radius);
        String part = error("problem:\n  domain: {shape: annulus, center: [0, 0], inner_radius: 0.5, outer_radius: 1}" + eq
                + "\n  conditions: [{kind: dirichlet, boundary: hole}]");
        assertTrue(part.contains("problem.conditions[0].boundary") && part.contains("'hole'") && part.contains("[outer, inner]"), part);
        String face = error("problem:\n  domain: {shape: disk, center: [0, 0], radius: 1}" + eq
                + "\n  conditions: [{kind: neumann, coord: x, side: hi}]");
        assertTrue(face.contains("'coord'") && face.contains("[circle]"), face);
        String key = error("problem:\n  domain: {shape: disk, center: [0, 0], radius: 1, vertices: [[0, 0]]}" + eq);
        assertTrue(key.contains("problem.domain.vertices") && key.contains("radius"), key);
    }

    @Test
    void namedShapesNameTheirParts() {
        Problem p = build("""
                problem:
                  domain:
                    shape: difference
                    shapes:
                      - {shape: box, lo: [-1, -1], hi: [1, 1]}
                      - {shape: disk, center: [0, 0], radius: 0.3, name: hole}
                  equation: "u_xx + u_yy = 0"
                  conditions: [{kind: neumann, boundary: hole}, {kind: dirichlet, boundary: [x-lo, x-hi, y-lo, y-hi]}]
                """);
        assertEquals(List.of("x-lo", "x-hi", "y-lo", "y-hi", "hole"), p.domain().shape().partNames());
        ShapeSampler.Sample s = p.conditions().get(0).region().boundarySample(p.domain(), SamplerKind.SOBOL, 10, 1);
        for (int i = 0; i < 10; i++) {
            double x = s.points()[2 * i], y = s.points()[2 * i + 1];
            assertEquals(-x / 0.3, s.normals()[2 * i], 1e-12, "the hole's normal points to its center");
            assertEquals(-y / 0.3, s.normals()[2 * i + 1], 1e-12);
        }
    }
}
