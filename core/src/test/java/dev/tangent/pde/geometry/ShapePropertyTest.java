package dev.tangent.pde.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.sampling.SamplerKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For every shape and sampler kind and any seed: interior points are inside (level &lt; 0), boundary points are on
 * the boundary with unit normals that point outward (a step along −n is inside, along +n not), the normal the
 * Neumann residual looks up from the point equals the sampled one, and the same seed gives the same points.
 */
class ShapePropertyTest {
    static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("disk", Shapes.disk(0.3, -0.2, 0.7));
        SHAPES.put("annulus", Shapes.annulus(new double[] {0, 0}, 0.5, 1));
        SHAPES.put("L-polygon", Shapes.polygon(new double[][] {{-1, -1}, {1, -1}, {1, 0}, {0, 0}, {0, 1}, {-1, 1}}));
        SHAPES.put("clockwise-arrow", Shapes.polygon(new double[][] {{0, 0}, {0.5, 2}, {1, 0}, {0.5, 0.6}}));
        SHAPES.put("L-from-boxes", Shapes.difference(Shapes.box(new double[] {-1, -1}, new double[] {1, 1}),
                Shapes.box(new double[] {0, 0}, new double[] {1, 1})));
        SHAPES.put("box-minus-disk", Shapes.difference(Shapes.box(new double[] {0, 0}, new double[] {2, 1}), Shapes.disk(0.5, 0.5, 0.25)));
        SHAPES.put("box-bitten-by-disk", Shapes.difference(Shapes.box(new double[] {0, 0}, new double[] {1, 1}), Shapes.disk(1, 1, 0.5)));
        SHAPES.put("two-disks", Shapes.union(Shapes.disk(0, 0, 0.75), Shapes.disk(1, 0, 0.75)));
        SHAPES.put("lens", Shapes.intersection(Shapes.disk(0, 0, 0.75), Shapes.disk(1, 0, 0.75)));
        SHAPES.put("box-and-disk", Shapes.intersection(Shapes.box(new double[] {0, 0}, new double[] {1, 1}), Shapes.disk(0, 0, 1)));
        SHAPES.put("ball", Shapes.ball(new double[] {0, 0, 0}, 1));
        SHAPES.put("shell", Shapes.annulus(new double[] {0, 0, 1}, 0.4, 1));
        SHAPES.put("cube-minus-ball", Shapes.difference(Shapes.box(new double[] {0, 0, 0}, new double[] {1, 1, 1}),
                Shapes.ball(new double[] {0.5, 0.5, 0.5}, 0.3)));
    }

    @Provide
    Arbitrary<String> shapes() {
        return Arbitraries.of(List.copyOf(SHAPES.keySet()));
    }

    @Property(tries = 150)
    void interiorPointsAreInsideAndSeeded(@ForAll("shapes") String name, @ForAll SamplerKind kind, @ForAll long seed) {
        Shape s = SHAPES.get(name);
        int n = 50;
        double[] x = ShapeSampler.interior(s, s.lo(), s.hi(), 0, kind, n, seed);
        int d = s.dim();
        if (kind == SamplerKind.GRID) assertTrue(x.length / d >= n, name + " grid gave " + x.length / d);
        else assertEquals(n * d, x.length, name + " " + kind);
        for (int i = 0; i < x.length / d; i++) assertTrue(s.level(x, i * d) < 0, name + " " + kind + ": point " + i + " is not inside");
        assertArrayEquals(x, ShapeSampler.interior(s, s.lo(), s.hi(), 0, kind, n, seed), name + ": not deterministic");
    }

    @Property(tries = 150)
    void boundaryPointsLieOnTheBoundaryWithUnitOutwardNormals(@ForAll("shapes") String name, @ForAll SamplerKind kind, @ForAll long seed) {
        Shape s = SHAPES.get(name);
        int d = s.dim(), n = 40;
        ShapeSampler.Sample b = ShapeSampler.boundary(s, s.parts(), s.lo(), s.hi(), 0, kind, n, seed);
        assertTrue(b.size(d) >= n, name + " gave " + b.size(d) + " boundary points");
        double tol = 1e-9 * s.scale(), eps = 1e-6 * s.scale();
        double[] p = new double[d], looked = new double[d];
        for (int i = 0; i < b.size(d); i++) {
            String at = name + " " + kind + " point " + i + " " + java.util.Arrays.toString(java.util.Arrays.copyOfRange(b.points(), i * d, i * d + d));
            assertTrue(Math.abs(s.level(b.points(), i * d)) <= tol, at + ": off the boundary, level " + s.level(b.points(), i * d));
            double len = 0;
            for (int k = 0; k < d; k++) len += b.normals()[i * d + k] * b.normals()[i * d + k];
            assertEquals(1, Math.sqrt(len), 1e-12, at + ": normal not unit");
            for (int k = 0; k < d; k++) p[k] = b.points()[i * d + k] - eps * b.normals()[i * d + k];
            assertTrue(s.level(p, 0) < 0, at + ": a step against the normal leaves the shape");
            for (int k = 0; k < d; k++) p[k] = b.points()[i * d + k] + eps * b.normals()[i * d + k];
            assertTrue(s.level(p, 0) >= -tol, at + ": a step along the normal goes inside");
            Shape.normal(s.parts(), b.points(), i * d, looked, 0);
            for (int k = 0; k < d; k++) assertEquals(b.normals()[i * d + k], looked[k], 1e-9, at + ": looked-up normal differs");
        }
        ShapeSampler.Sample again = ShapeSampler.boundary(s, s.parts(), s.lo(), s.hi(), 0, kind, n, seed);
        assertArrayEquals(b.points(), again.points(), name + ": not deterministic");
    }

    @Property(tries = 60)
    void namedPartsAreSampledOnlyOnThemselves(@ForAll("shapes") String name, @ForAll SamplerKind kind, @ForAll long seed) {
        Shape s = SHAPES.get(name);
        int d = s.dim();
        for (BoundaryPart part : s.parts()) {
            ShapeSampler.Sample b = ShapeSampler.boundary(s, List.of(part), s.lo(), s.hi(), 0, kind, 12, seed);
            for (int i = 0; i < b.size(d); i++) {
                assertTrue(part.distance(b.points(), i * d) <= 1e-9 * s.scale(), name + " " + part.name() + ": point " + i + " is off the part");
                assertTrue(part.keeps(b.points(), i * d), name + " " + part.name() + ": point " + i + " is on a dropped piece");
            }
        }
    }

    @Property(tries = 60)
    void aTimeAxisKeepsTheSpatialPointsInside(@ForAll("shapes") String name, @ForAll SamplerKind kind, @ForAll long seed) {
        Shape s = SHAPES.get(name);
        int d = s.dim() + 1;
        double[] lo = new double[d], hi = new double[d];
        lo[0] = 0.5;
        hi[0] = 2;
        System.arraycopy(s.lo(), 0, lo, 1, d - 1);
        System.arraycopy(s.hi(), 0, hi, 1, d - 1);
        double[] x = ShapeSampler.interior(s, lo, hi, 1, kind, 30, seed);
        ShapeSampler.Sample b = ShapeSampler.boundary(s, s.parts(), lo, hi, 1, kind, 30, seed);
        for (int i = 0; i < x.length / d; i++) {
            assertTrue(x[i * d] > 0.5 && x[i * d] < 2 && s.level(x, i * d + 1) < 0, name + ": space-time point " + i);
        }
        for (int i = 0; i < b.points().length / d; i++) {
            assertTrue(b.points()[i * d] > 0.5 && b.points()[i * d] < 2, name + ": time of boundary point " + i);
            assertTrue(Math.abs(s.level(b.points(), i * d + 1)) <= 1e-9 * s.scale(), name + ": boundary point " + i);
        }
    }
}
