package dev.tangent.optim;

/**
 * What one optimizer step did. Natural-gradient steps fill rank and singular values; others leave them NaN/−1.
 *
 * @param loss           loss after the step (line-search methods) or at the start of the step (Adam, GD)
 * @param eta            chosen step size (learning rate for Adam/GD)
 * @param rank           kept rank of the pseudo-inverse (−1 if not applicable)
 * @param sigmaMax       largest singular value of Φ (NaN if not computed)
 * @param sigmaMinKept   smallest kept singular value (NaN if not computed)
 * @param evaluations    loss evaluations used (line search included)
 * @param jacobianNanos  time spent assembling residuals and Jacobian
 * @param solveNanos     time spent in the factorisation / linear solve
 * @param lineSearchNanos time spent in the line search
 * @param singularValues the spectrum used (may be null)
 * @param damping        Levenberg–Marquardt damping μ after the step (NaN for undamped methods)
 * @param ratio          trust ratio ρ = actual / predicted decrease of the accepted (or last) trial (NaN if none)
 */
public record StepReport(double loss, double eta, int rank, double sigmaMax, double sigmaMinKept, int evaluations,
                         long jacobianNanos, long solveNanos, long lineSearchNanos, double[] singularValues,
                         double damping, double ratio) {
    /** A step of an undamped method. */
    public StepReport(double loss, double eta, int rank, double sigmaMax, double sigmaMinKept, int evaluations,
                      long jacobianNanos, long solveNanos, long lineSearchNanos, double[] singularValues) {
        this(loss, eta, rank, sigmaMax, sigmaMinKept, evaluations, jacobianNanos, solveNanos, lineSearchNanos, singularValues,
                Double.NaN, Double.NaN);
    }

    public static StepReport firstOrder(double loss, double eta, long jacobianNanos) {
        return new StepReport(loss, eta, -1, Double.NaN, Double.NaN, 1, jacobianNanos, 0, 0, null);
    }
}
