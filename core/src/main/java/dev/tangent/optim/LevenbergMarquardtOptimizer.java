package dev.tangent.optim;

import dev.tangent.linalg.DampedLeastSquares;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Damped Gauss–Newton (Levenberg–Marquardt) with Nielsen's trust-region rule and geodesic acceleration.
 *
 * <p>Each step forms r̃ and Φ once and factorises once ({@link DampedLeastSquares}). For the current μ the
 * velocity is d = (ΦᵀΦ + μI)⁻¹Φᵀr̃. With acceleration, the second directional derivative r̃''[d, d] comes from
 * one residual pass at θ − h·d (h = 0.1), a = (ΦᵀΦ + μI)⁻¹Φᵀ r̃'' reuses the factorisation, and the trial is
 * θ − d − a/2 (Transtrum &amp; Sethna); a correction larger than α·‖d‖ counts as a rejection. The trial is
 * accepted when it lowers the loss with trust ratio ρ = (L(θ) − L(trial)) / (L(θ) − ‖r̃ − Φd‖²) above
 * {@link Settings#acceptRatio}; then μ ← μ·max(1/3, 1 − (2ρ − 1)³), ν ← 2. Otherwise μ ← μ·ν, ν ← 2ν and the
 * same factorisation is tried again. Every accepted step is a decrease.
 *
 * <p>Routes: the dense ones form Φ ({@link DenseDampedSolve}); with {@link MatrixFreeSettings} the step runs
 * matrix-free instead, by conjugate gradients over exact JVPs and VJPs ({@link MatrixFreeDampedSolve}), chosen per
 * step by the size of Φ. Both share everything above.
 *
 * <p>Why the acceleration: on PINN losses the Gauss–Newton model is accurate in direction but curved along
 * poorly determined directions, which caps ρ near 0.6 and keeps μ high; the second-order correction raises ρ
 * towards 1, so μ falls and the fine directions are fitted (laplace2d: loss 1e-10 in 145 steps against 4e-7).
 */
public final class LevenbergMarquardtOptimizer implements Optimizer {
    /**
     * Defaults: automatic route, τ = 1e-3 (μ₀ = τ·‖Φ‖_F²), acceptance ρ > 1e-4, acceleration on with α = 0.75.
     * The damping floor (relative to ‖Φ‖_F²) is set by the route's accuracy; the ceiling is 1e16·‖Φ‖_F².
     *
     * @param route          which linear solve to use (AUTO picks by cost)
     * @param initialDamping τ: μ₀ = τ·‖Φ‖_F² on the first step
     * @param acceptRatio    a trial is accepted when it lowers the loss and ρ exceeds this (in [0, 1))
     * @param acceleration   geodesic acceleration on or off
     * @param accelRatio     α: the largest accepted ‖a‖/‖d‖ (Transtrum's 2‖a/2‖ ≤ α‖d‖)
     * @param matrixFree     when the step goes matrix-free, and its CG and sketch settings
     */
    public record Settings(DampedLeastSquares.Route route, double initialDamping, double acceptRatio,
                           boolean acceleration, double accelRatio, MatrixFreeSettings matrixFree) {
        /** With the default matrix-free settings (automatic by memory budget). */
        public Settings(DampedLeastSquares.Route route, double initialDamping, double acceptRatio, boolean acceleration,
                        double accelRatio) {
            this(route, initialDamping, acceptRatio, acceleration, accelRatio, MatrixFreeSettings.defaults());
        }

        public Settings {
            if (route == null || matrixFree == null) throw new IllegalArgumentException("optimizer.solver must be set");
            if (!(initialDamping > 0 && Double.isFinite(initialDamping))) {
                throw new IllegalArgumentException("optimizer.damping must be a finite number > 0, got " + initialDamping);
            }
            if (!(acceptRatio >= 0 && acceptRatio < 1)) {
                throw new IllegalArgumentException("optimizer.accept_ratio must be in [0, 1), got " + acceptRatio);
            }
            if (!(accelRatio > 0 && Double.isFinite(accelRatio))) {
                throw new IllegalArgumentException("optimizer.accel_ratio must be a finite number > 0, got " + accelRatio);
            }
        }

        public static Settings defaults() {
            return new Settings(DampedLeastSquares.Route.AUTO, 1e-3, 1e-4, true, 0.75);
        }

        public Settings withRoute(DampedLeastSquares.Route r) {
            return new Settings(r, initialDamping, acceptRatio, acceleration, accelRatio, matrixFree);
        }

        public Settings withAcceleration(boolean on) {
            return new Settings(route, initialDamping, acceptRatio, on, accelRatio, matrixFree);
        }

        public Settings withMatrixFree(MatrixFreeSettings m) {
            return new Settings(route, initialDamping, acceptRatio, acceleration, accelRatio, m);
        }
    }

    /** Finite-difference step (in units of d) for the second directional derivative. */
    private static final double H = 0.1;

    private final Settings s;
    private final Workspace ws = new Workspace();
    private final DenseDampedSolve dense = new DenseDampedSolve();
    private MatrixFreeDampedSolve matrixFree;
    private DampedSolve solver;
    private double[] d = new double[0], acc = new double[0], phiD = new double[0], second = new double[0];
    /** Damping μ (absolute, in units of ‖Φ‖²; NaN until the first step) and Nielsen's growth factor ν. */
    private double mu = Double.NaN;
    private double nu = 2;
    private boolean exhausted;

    public LevenbergMarquardtOptimizer(Settings settings) {
        this.s = settings;
    }

    @Override
    public String name() {
        return "lm";
    }

    @Override
    public StepReport step(double[] theta, LeastSquaresProblem p) {
        int n = p.nParams(), rows = p.nRows();
        boolean free = s.matrixFree().matrixFree(rows, n);
        ensure(rows, n, free);
        if (free && matrixFree == null) matrixFree = new MatrixFreeDampedSolve(s.matrixFree());
        solver = free ? matrixFree : dense.with(s.route(), ws.jac);
        long t0 = System.nanoTime();
        double loss = solver.linearize(theta, p, ws.r);
        long t1 = System.nanoTime();
        solver.factorize();
        double scale = solver.frobeniusSquared();
        long solveNanos = System.nanoTime() - t1, searchNanos = 0;
        int evals = 1;
        double rho = Double.NaN;
        if (!(scale > 0 && Double.isFinite(scale))) {
            exhausted = true;
            return report(loss, 0, evals, t1 - t0, solveNanos, 0, rho);
        }
        double floor = solver.dampingFloor() * scale, ceiling = 1e16 * scale;
        if (Double.isNaN(mu)) mu = s.initialDamping() * scale;
        mu = Math.min(Math.max(mu, floor), ceiling);
        while (true) {
            long a = System.nanoTime();
            double modelLoss = solver.solve(mu, d);
            long b = System.nanoTime();
            solveNanos += b - a;
            if (Double.isFinite(modelLoss) && modelLoss < loss) {
                boolean usable = true;
                if (s.acceleration()) {
                    usable = accelerate(theta, p, n, rows);
                    evals++;
                }
                if (usable) {
                    double half = s.acceleration() ? 0.5 : 0;
                    for (int i = 0; i < n; i++) ws.theta[i] = theta[i] - d[i] - half * acc[i];
                    double trialLoss = p.loss(ws.theta, ws.trial);
                    evals++;
                    rho = (loss - trialLoss) / (loss - modelLoss);
                    if (trialLoss < loss && rho > s.acceptRatio()) {
                        System.arraycopy(ws.theta, 0, theta, 0, n);
                        mu = Math.max(floor, mu * Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3)));
                        nu = 2;
                        exhausted = false;
                        searchNanos += System.nanoTime() - b;
                        return report(trialLoss, 1, evals, t1 - t0, solveNanos, searchNanos, rho);
                    }
                }
            }
            searchNanos += System.nanoTime() - b;
            if (mu >= ceiling) {
                exhausted = true;
                return report(loss, 0, evals, t1 - t0, solveNanos, searchNanos, rho);
            }
            mu = Math.min(ceiling, mu * nu);
            nu = Math.min(nu * 2, 1 << 20);
        }
    }

    /**
     * r̃''[d, d] ≈ 2/h²·(r̃(θ − h·d) − r̃ + h·Φd) by one residual pass, then acc = (ΦᵀΦ + μI)⁻¹Φᵀr̃''. Returns false
     * when the correction is too large (‖acc‖ > α‖d‖): the quadratic model is not trustworthy at this μ.
     */
    private boolean accelerate(double[] theta, LeastSquaresProblem p, int n, int rows) {
        for (int i = 0; i < n; i++) ws.theta[i] = theta[i] - H * d[i];
        p.loss(ws.theta, ws.trial);
        solver.multiply(d, phiD);
        for (int i = 0; i < rows; i++) second[i] = 2 / (H * H) * (ws.trial[i] - ws.r[i] + H * phiD[i]);
        solver.solveOther(mu, second, acc);
        double na = 0, nd = 0;
        for (int i = 0; i < n; i++) {
            na += acc[i] * acc[i];
            nd += d[i] * d[i];
        }
        return Double.isFinite(na) && Math.sqrt(na) <= s.accelRatio() * Math.sqrt(nd);
    }

    private void ensure(int rows, int n, boolean matrixFree) {
        ws.ensure(rows, n, !matrixFree);
        if (d.length != n) {
            d = new double[n];
            acc = new double[n];
        }
        if (phiD.length < rows) {
            phiD = new double[rows];
            second = new double[rows];
        }
    }

    /** sigma_min_kept reports sqrt(μ): the singular value at which the filter σ²/(σ² + μ) passes one half. */
    private StepReport report(double loss, double eta, int evals, long jac, long solve, long search, double rho) {
        double[] sv = solver.singularValues();
        double sigmaMax = sv != null ? sv[0] : Double.NaN;
        return new StepReport(loss, eta, solver.effectiveRank(mu), sigmaMax, Math.sqrt(mu), evals, jac, solve, search, sv,
                mu, rho);
    }

    /** No decrease even at the largest damping: the point is stationary to working precision. */
    @Override
    public boolean stalled(StepReport last) {
        return last.eta() == 0 && exhausted;
    }

    /** The route of the last step (svd, gram, kernel or cg; null before the first step). */
    public String route() {
        return solver == null ? null : solver.label();
    }

    /** CG counters of the matrix-free route (null when no step went matrix-free). */
    public MatrixFreeDampedSolve.Stats matrixFreeStats() {
        return matrixFree == null ? null : matrixFree.stats();
    }

    /** The current damping μ (NaN before the first step). */
    public double damping() {
        return mu;
    }

    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("lm.mu", new double[] {mu});
        m.put("lm.nu", new double[] {nu});
        return m;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        if (state.containsKey("lm.mu")) mu = state.get("lm.mu")[0];
        if (state.containsKey("lm.nu")) nu = state.get("lm.nu")[0];
    }
}
