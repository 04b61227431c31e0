package dev.tangent.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResidualSamplingTest {
    @Test
    void weightsFollowTheClosedForm() {
        double[] r = {1, -2, 0, 3};
        double[] w = new ResidualSampling(2, 0.5).weights(r); // |r|² = 1, 4, 0, 9; mean 3.5
        assertArrayEquals(new double[] {1 / 3.5 + 0.5, 4 / 3.5 + 0.5, 0.5, 9 / 3.5 + 0.5}, w, 1e-15);
        assertArrayEquals(new double[] {1, 1, 1, 1}, new ResidualSampling(0, 0).weights(r), 0.0, "k = 0, c = 0 is uniform");
        assertArrayEquals(new double[] {1.25, 1.25}, new ResidualSampling(1, 0.25).weights(new double[2]), 0.0, "zero residual");
        assertThrows(IllegalArgumentException.class, () -> new ResidualSampling(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResidualSampling(1, Double.NaN));
    }

    /** Draws are distinct, sorted, reproducible, and their inclusion frequencies follow the weights. */
    @Test
    void choiceFollowsTheWeights() {
        int n = 200, m = 20;
        double[] w = new double[n];
        Arrays.fill(w, 1);
        for (int i = 0; i < 10; i++) w[i] = 100; // 10 heavy candidates
        int[] a = ResidualSampling.choose(w, m, 7);
        assertArrayEquals(a, ResidualSampling.choose(w, m, 7), "same seed, same draw");
        for (int i = 1; i < m; i++) assertTrue(a[i] > a[i - 1], "distinct and increasing");
        int heavy = 0, trials = 400;
        for (long s = 0; s < trials; s++) for (int i : ResidualSampling.choose(w, m, s)) if (i < 10) heavy++;
        // each heavy candidate is kept almost surely; a uniform draw would keep 10·20/200 = 1 heavy one per draw
        assertTrue(heavy > 9.0 * trials, "heavy candidates per draw: " + (double) heavy / trials);
        int[] none = ResidualSampling.choose(new double[] {0, 0, 5}, 1, 3);
        assertEquals(2, none[0], "zero weights are never preferred");
        assertThrows(IllegalArgumentException.class, () -> ResidualSampling.choose(w, n + 1, 0));
    }
}
