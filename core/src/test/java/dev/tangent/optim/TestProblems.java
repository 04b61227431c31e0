package dev.tangent.optim;

import java.util.SplittableRandom;

/** Small least-squares problems with known solutions. */
public final class TestProblems {
    private TestProblems() {}

    /** r = Aθ − b with A (rows × params) row-major. */
    public static LeastSquaresProblem linear(double[] a, double[] b, int rows, int params) {
        return new LeastSquaresProblem() {
            @Override
            public int nParams() {
                return params;
            }

            @Override
            public int nRows() {
                return rows;
            }

            @Override
            public double evaluate(double[] theta, double[] r, double[] jac) {
                double loss = 0;
                for (int i = 0; i < rows; i++) {
                    double s = -b[i];
                    for (int j = 0; j < params; j++) s += a[i * params + j] * theta[j];
                    r[i] = s;
                    loss += s * s;
                }
                if (jac != null) System.arraycopy(a, 0, jac, 0, rows * params);
                return loss;
            }
        };
    }

    /**
     * The same problem, but its loss-only (trial) evaluations return +∞ while {@code failures[0] > 0}, counting it
     * down each time (a negative count fails forever): drives an optimizer through rejected trials.
     */
    static LeastSquaresProblem failingTrials(LeastSquaresProblem p, int[] failures) {
        return new LeastSquaresProblem() {
            @Override
            public int nParams() {
                return p.nParams();
            }

            @Override
            public int nRows() {
                return p.nRows();
            }

            @Override
            public double evaluate(double[] theta, double[] r, double[] jac) {
                double l = p.evaluate(theta, r, jac);
                if (jac != null || failures[0] == 0) return l;
                if (failures[0] > 0) failures[0]--;
                return Double.POSITIVE_INFINITY;
            }
        };
    }

    /** Fills r (2 rows) and, unless null, the row-major 2 × 2 Jacobian at θ (2 parameters). */
    interface TwoByTwo {
        void residual(double[] theta, double[] r, double[] jac);
    }

    /** A 2-parameter, 2-row problem from its residual and Jacobian; the loss is ‖r‖². */
    static LeastSquaresProblem twoByTwo(TwoByTwo f) {
        return new LeastSquaresProblem() {
            @Override
            public int nParams() {
                return 2;
            }

            @Override
            public int nRows() {
                return 2;
            }

            @Override
            public double evaluate(double[] t, double[] r, double[] jac) {
                f.residual(t, r, jac);
                return r[0] * r[0] + r[1] * r[1];
            }
        };
    }

    /** Rosenbrock as least squares: r = (10(y − x²), 1 − x); minimum 0 at (1, 1). */
    static LeastSquaresProblem rosenbrock() {
        return twoByTwo((t, r, jac) -> {
            r[0] = 10 * (t[1] - t[0] * t[0]);
            r[1] = 1 - t[0];
            if (jac != null) {
                jac[0] = -20 * t[0];
                jac[1] = 10;
                jac[2] = -1;
                jac[3] = 0;
            }
        });
    }

    static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextGaussian();
        return a;
    }
}
