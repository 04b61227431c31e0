package dev.tangent.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuartilesTest {
    @Test
    void linearInterpolationBetweenOrderStatistics() {
        // numpy.percentile([4, 1, 3, 2], [25, 50, 75]) = 1.75, 2.5, 3.25; of five values: the 2nd, 3rd, 4th
        Quartiles q = Quartiles.of(new double[] {4, 1, 3, 2});
        assertEquals(1.75, q.q1(), 1e-15);
        assertEquals(2.5, q.median(), 1e-15);
        assertEquals(3.25, q.q3(), 1e-15);
        Quartiles five = Quartiles.of(new double[] {50, 10, 40, 20, 30});
        assertEquals(20, five.q1(), 1e-15);
        assertEquals(30, five.median(), 1e-15);
        assertEquals(40, five.q3(), 1e-15);
        Quartiles one = Quartiles.of(new double[] {7});
        assertEquals(7, one.q1(), 0);
        assertEquals(7, one.q3(), 0);
    }

    @Test
    void separationNeedsDisjointRanges() {
        Quartiles low = Quartiles.of(new double[] {1, 2, 3, 4, 5}), high = Quartiles.of(new double[] {4.5, 5, 6, 7, 8});
        assertTrue(low.below(high), "[2, 4] lies below [5, 7]");
        assertFalse(high.below(low));
        Quartiles touching = Quartiles.of(new double[] {3, 4, 5, 6, 7}); // [4, 6] shares 4 with [2, 4]
        assertFalse(low.below(touching));
    }

    @Test
    void groupsSkipFailedRowsAndTabulate() {
        List<Map<String, String>> rows = List.of(
                Map.of("status", "ok", "kind", "a", "err", "1"), Map.of("status", "ok", "kind", "a", "err", "3"),
                Map.of("status", "failed", "kind", "a", "err", "100"), Map.of("status", "ok", "kind", "b", "err", "x"));
        Map<List<String>, Quartiles> g = Quartiles.group(rows, List.of("kind"), "err");
        assertEquals(1, g.size());
        assertEquals(2.0, g.get(List.of("a")).median(), 0);
        assertTrue(Quartiles.table(rows, List.of("kind"), List.of("err")).contains("| a | 2.000e+00 [1.50e+00, 2.50e+00] | 2 |"));
    }
}
