package dev.tangent.study;

import dev.tangent.linalg.Lapack;
import dev.tangent.ntk.KernelNorms;
import dev.tangent.train.WeightedProblem;
import java.util.SplittableRandom;

/** The largest curvature of a loss at θ, for choosing a stable gradient-descent step η < 2/λ_max. */
final class LossCurvature {
    private LossCurvature() {}

    /**
     * The larger of the Gauss–Newton estimate 2σ_max(Φ)² (Φ the weighted Jacobian) and |λ| from 40 power iterations
     * on the full Hessian, with Hessian–vector products by central differences of the gradient. The full Hessian adds
     * Σ r_i ∇²r_i, which matters for nonlinear operators with large residuals.
     */
    static double lambdaMax(WeightedProblem wp, double[] theta) {
        return lambdaMax(wp, theta, 40);
    }

    /** As {@link #lambdaMax(WeightedProblem, double[])} with the given number of power iterations. */
    static double lambdaMax(WeightedProblem wp, double[] theta, int iterations) {
        int p = wp.nParams(), rows = wp.nRows();
        double[] jac = new double[rows * p];
        wp.evaluate(theta, new double[rows], jac);
        double sigma = Lapack.singularValues(p, rows, jac)[0];
        SplittableRandom rng = new SplittableRandom(1);
        double[] v = new double[p], gp = new double[p], gm = new double[p], t = new double[p];
        for (int i = 0; i < p; i++) v[i] = rng.nextGaussian();
        double lambda = 0, h = 1e-4;
        for (int it = 0; it < iterations; it++) {
            double norm = Math.sqrt(KernelNorms.sumOfSquares(v));
            for (int i = 0; i < p; i++) v[i] /= norm;
            for (int i = 0; i < p; i++) t[i] = theta[i] + h * v[i];
            wp.gradient(t, new double[rows], gp);
            for (int i = 0; i < p; i++) t[i] = theta[i] - h * v[i];
            wp.gradient(t, new double[rows], gm);
            lambda = 0;
            for (int i = 0; i < p; i++) {
                double hv = (gp[i] - gm[i]) / (2 * h);
                lambda += v[i] * hv;
                v[i] = hv;
            }
        }
        return Math.max(2 * sigma * sigma, Math.abs(lambda));
    }
}
