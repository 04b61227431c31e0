package dev.tangent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * row_scaling: ANaGRAM's direction from the loss's rows is the weighted least-squares step, from the raw rows (none)
 * the unweighted one, each against the normal equations in closed form.
 */
class RowScalingTest {
    /** Raw residuals Aθ − b (6 × 2, inconsistent); the loss scales rows 0–3 by 1/2 and rows 4–5 by 3. */
    static final double[] A = {1, 0, 1, 1, 1, 2, 1, 3, 2, -1, 0, 1};
    static final double[] B = {1, 2, 2, 5, -1, 4};
    static final double[] S = {0.5, 0.5, 0.5, 0.5, 3, 3};

    static LeastSquaresProblem weighted() {
        return new LeastSquaresProblem() {
            public int nParams() {
                return 2;
            }

            public int nRows() {
                return 6;
            }

            public double evaluate(double[] theta, double[] r, double[] jac) {
                double loss = 0;
                for (int i = 0; i < 6; i++) {
                    r[i] = S[i] * (A[2 * i] * theta[0] + A[2 * i + 1] * theta[1] - B[i]);
                    loss += r[i] * r[i];
                    if (jac != null) for (int j = 0; j < 2; j++) jac[2 * i + j] = S[i] * A[2 * i + j];
                }
                return loss;
            }

            @Override
            public void rowScales(double[] out) {
                System.arraycopy(S, 0, out, 0, 6);
            }
        };
    }

    /** argmin_x Σ w_i (a_iᵀx − b_i)² by the 2 × 2 normal equations. */
    static double[] leastSquares(double[] w) {
        double g00 = 0, g01 = 0, g11 = 0, h0 = 0, h1 = 0;
        for (int i = 0; i < 6; i++) {
            double a0 = A[2 * i], a1 = A[2 * i + 1];
            g00 += w[i] * a0 * a0;
            g01 += w[i] * a0 * a1;
            g11 += w[i] * a1 * a1;
            h0 += w[i] * a0 * B[i];
            h1 += w[i] * a1 * B[i];
        }
        double det = g00 * g11 - g01 * g01;
        return new double[] {(g11 * h0 - g01 * h1) / det, (g00 * h1 - g01 * h0) / det};
    }

    static double[] direction(RowScaling rows) {
        AnagramOptimizer opt = new AnagramOptimizer(new AnagramOptimizer.Settings(Cutoff.absolute(1e-12), 30,
                LineSearchRule.DECREASE, rows));
        opt.step(new double[2], weighted());
        return opt.lastDirection(); // at θ = 0, θ − d is the least-squares solution of the rows decomposed
    }

    @Test
    void lossRowsGiveTheWeightedStepRawRowsTheUnweightedOne() {
        double[] w = new double[6], ones = new double[6];
        for (int i = 0; i < 6; i++) {
            w[i] = S[i] * S[i];
            ones[i] = 1;
        }
        double[] weighted = leastSquares(w), plain = leastSquares(ones);
        double[] dLoss = direction(RowScaling.LOSS), dRaw = direction(RowScaling.NONE);
        for (int j = 0; j < 2; j++) {
            assertEquals(-weighted[j], dLoss[j], 1e-12);
            assertEquals(-plain[j], dRaw[j], 1e-12);
        }
        assertEquals(true, Math.abs(weighted[0] - plain[0]) > 0.1, "the two steps differ on this problem");
    }

    @Test
    void rawRowsAreRefusedWithTheAdaptiveCutoff() {
        var e = assertThrows(IllegalArgumentException.class, () -> new AnagramOptimizer.Settings(Cutoff.adaptive(1e-10), 30,
                LineSearchRule.DECREASE, RowScaling.NONE));
        assertEquals(true, e.getMessage().contains("row_scaling: none"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RowScaling.parse("unit"));
    }
}
