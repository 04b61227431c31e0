package dev.tangent.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Domain;
import dev.tangent.pde.Problem;
import dev.tangent.pde.Region;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SamplerTest {
    @Test
    void sobolMatchesThePublishedFirstPoints() {
        // Joe–Kuo Sobol, unscrambled, from the origin (as in scipy.stats.qmc.Sobol(scramble=False))
        double[] expected = {0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75, 0.375, 0.375, 0.875, 0.875, 0.625, 0.125, 0.125, 0.625};
        assertArrayEquals(expected, Sobol.points(8, 2, 0), 0);
    }

    @Test
    void sobolIsStratifiedInEveryCoordinate() {
        int n = 256, d = Sobol.maxDimension();
        double[] x = Sobol.points(n, d, 0);
        for (int k = 0; k < d; k++) {
            boolean[] hit = new boolean[n];
            for (int i = 0; i < n; i++) hit[(int) (x[i * d + k] * n)] = true;
            for (boolean b : hit) assertTrue(b, "coordinate " + k + " misses a slab");
        }
    }

    @Test
    void laplaceGridMatchesThePublishedSetup() {
        Problem p = Catalog.get("laplace2d");
        Domain d = p.domain();
        assertEquals(784, Region.interior().sample(d, SamplerKind.GRID, 784, 0).length / 2);
        assertEquals(116, Region.spatialBoundary(d).sample(d, SamplerKind.GRID, 116, 0).length / 2);
    }

    @Property(tries = 60)
    void samplersAreDeterministicAndStayInside(@ForAll @IntRange(min = 0, max = 3) int kind,
                                               @ForAll @IntRange(min = 1, max = 300) int n,
                                               @ForAll @IntRange(min = 1, max = 5) int dim,
                                               @ForAll @IntRange(min = 0, max = 2) int region,
                                               @ForAll long seed) {
        SamplerKind k = SamplerKind.values()[kind];
        String[] names = Domain.unitNames(dim);
        double[] lo = new double[dim], hi = new double[dim];
        for (int i = 0; i < dim; i++) {
            lo[i] = -1 - i;
            hi[i] = 2 + 0.5 * i;
        }
        Domain d = dim > 1 && region == 2
                ? Domain.spaceTime(0, 1, java.util.Arrays.copyOf(names, dim - 1), java.util.Arrays.copyOf(lo, dim - 1),
                java.util.Arrays.copyOf(hi, dim - 1)) : Domain.box(names, lo, hi);
        Region r = switch (region) {
            case 0 -> Region.interior();
            case 1 -> Region.spatialBoundary(d);
            default -> d.timeDependent() ? Region.initialSlice(0) : Region.interior();
        };
        double[] a = r.sample(d, k, n, seed);
        double[] b = r.sample(d, k, n, seed);
        assertArrayEquals(a, b, 0);
        assertEquals(0, a.length % dim, "whole points");
        int count = a.length / dim;
        boolean slice = region == 2 && d.timeDependent();
        if (k != SamplerKind.GRID) assertEquals(n, count, k + " gives exactly the points asked for");
        else if (region == 0) assertEquals(Math.pow(UnitCube.gridSide(n, dim), dim), count, 0, "interior grid m^d, m = ceil(n^(1/d))");
        else if (dim == 1 && region == 1) assertEquals(2, count, "a grid on an interval's boundary is its two ends, whatever n");
        else assertTrue(count >= n && count <= 4 * n + 64 * dim, "grid on faces or slice: " + count + " points for " + n);
        java.util.Set<java.util.List<Double>> distinct = new java.util.HashSet<>();
        for (int p = 0; p < count; p++) {
            java.util.List<Double> pt = new java.util.ArrayList<>();
            boolean onFace = false;
            for (int c = 0; c < dim; c++) {
                double v = a[p * dim + c];
                pt.add(v);
                assertTrue(v >= d.lo()[c] && v <= d.hi()[c], "coordinate " + c + " = " + v + " outside");
                onFace |= v == d.lo()[c] || v == d.hi()[c];
            }
            distinct.add(pt);
            if (region == 1) assertTrue(onFace, "boundary point " + pt + " is on no face");
            if (slice) assertEquals(d.lo()[0], a[p * dim], 0.0, "initial-slice point " + pt + " at t = lo");
            if (region == 0 || (region == 2 && !slice)) assertTrue(!onFace || k == SamplerKind.UNIFORM || k == SamplerKind.SOBOL,
                    "interior point " + pt + " on a face");
        }
        if (k != SamplerKind.GRID && region != 1) assertEquals(count, distinct.size(), "repeated points");
    }
}
