package dev.tangent.linalg;

/**
 * Damped least squares min ‖Φd − b‖² + μ‖d‖² by preconditioned conjugate gradients on the normal equations
 * (ΦᵀΦ + μI)d = Φᵀb, in the CGLS arrangement: Φ is only applied (one Φp and one Φᵀs per iteration, never ΦᵀΦ), and
 * the fit residual s = b − Φd is carried along, so the model loss ‖b − Φd‖² of every iterate is known without another
 * product. Started from d = 0, every iterate lowers ‖b − Φd‖² + μ‖d‖², so a truncated solve is still a descent
 * direction of the model (the inexact Gauss–Newton step).
 *
 * <p>Stops when the normal-equation residual ‖Φᵀs − μd‖ ≤ tolerance·‖Φᵀb‖ (unpreconditioned, so runs with and
 * without a preconditioner are comparable) or after maxIterations. Work vectors are sized once per shape.
 */
public final class DampedConjugateGradient {
    /**
     * What one solve did.
     *
     * @param iterations products with Φ (and with Φᵀ) taken
     * @param relativeResidual ‖Φᵀs − μd‖ / ‖Φᵀb‖ at the end
     * @param modelLoss ‖b − Φd‖² at the returned d
     * @param converged whether the tolerance was met
     */
    public record Result(int iterations, double relativeResidual, double modelLoss, boolean converged) {}

    private double[] s = new double[0], q = new double[0], g = new double[0], z = new double[0], p = new double[0];

    /**
     * Writes d (length ≥ cols, modified) for the given b (length ≥ rows, not modified) and μ ≥ 0. {@code precond}
     * may be null (plain CG) or a preconditioner built for the same Φ. When μ = 0 and Φᵀb = 0, d = 0 is returned.
     */
    public Result solve(LinearOperator op, double[] b, double mu, NystromPreconditioner precond, double tolerance,
                        int maxIterations, double[] d) {
        Checks.shape(mu >= 0 && Double.isFinite(mu), "damping μ must be finite and ≥ 0, got %s", mu);
        Checks.shape(maxIterations >= 1, "CG needs at least one iteration, got %d", maxIterations);
        int m = op.rows(), n = op.cols();
        s = grow(s, m);
        q = grow(q, m);
        g = grow(g, n);
        z = grow(z, n);
        p = grow(p, n);
        java.util.Arrays.fill(d, 0, n, 0.0);
        System.arraycopy(b, 0, s, 0, m);
        op.applyTranspose(s, g);                    // g = Φᵀb − μ·0
        double gNorm0 = Math.sqrt(dot(g, g, n));
        double ss = dot(s, s, m);
        if (!(gNorm0 > 0) || !Double.isFinite(gNorm0)) return new Result(0, 0, ss, Double.isFinite(gNorm0));
        precondition(precond, mu, n);
        System.arraycopy(z, 0, p, 0, n);
        double gamma = dot(g, z, n), rel = 1;
        int it = 0;
        while (it < maxIterations) {
            op.apply(p, q);
            it++;
            double curvature = dot(q, q, m) + mu * dot(p, p, n);
            if (!(curvature > 0) || !Double.isFinite(curvature)) break; // p in the null space (μ = 0): d is final
            double alpha = gamma / curvature;
            for (int i = 0; i < n; i++) d[i] += alpha * p[i];
            for (int i = 0; i < m; i++) s[i] -= alpha * q[i];
            op.applyTranspose(s, g);
            for (int i = 0; i < n; i++) g[i] -= mu * d[i];
            rel = Math.sqrt(dot(g, g, n)) / gNorm0;
            if (rel <= tolerance) break;
            precondition(precond, mu, n);
            double next = dot(g, z, n);
            double beta = next / gamma;
            gamma = next;
            for (int i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
        }
        return new Result(it, rel, dot(s, s, m), rel <= tolerance);
    }

    /** z = M⁻¹g (or g). */
    private void precondition(NystromPreconditioner precond, double mu, int n) {
        if (precond == null) System.arraycopy(g, 0, z, 0, n);
        else precond.apply(mu, g, z);
    }

    private static double dot(double[] a, double[] b, int len) {
        double t = 0;
        for (int i = 0; i < len; i++) t += a[i] * b[i];
        return t;
    }

    private static double[] grow(double[] a, int len) {
        return a.length >= len ? a : new double[len];
    }
}
