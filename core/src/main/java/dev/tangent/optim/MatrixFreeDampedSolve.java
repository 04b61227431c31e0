package dev.tangent.optim;

import dev.tangent.linalg.DampedConjugateGradient;
import dev.tangent.linalg.LinearOperator;
import dev.tangent.linalg.NystromPreconditioner;

/**
 * The matrix-free route: Φ is never formed. It is applied through the problem's exact JVPs (Φv, forward mode over
 * the jets) and VJPs (Φᵀu, one reverse pass per loss group), and each trial solves (ΦᵀΦ + μI)d = Φᵀr̃ by
 * preconditioned CGLS ({@link DampedConjugateGradient}) in parameter space. Once per step a randomized Nyström
 * sketch of ΦᵀΦ ({@link NystromPreconditioner}, {@link MatrixFreeSettings#sketchRank()} JVP+VJP pairs) gives the
 * preconditioner of every trial and the acceleration solve, and the estimate of ‖Φ‖_F² that scales μ.
 *
 * <p>Memory is O(S + k·P) beyond the network's own forward state, against S·P for the dense Φ. The sketch is drawn
 * from a hash of θ's bits, so a run (and a resumed run) is bit-identical without extra optimizer state.
 */
public final class MatrixFreeDampedSolve implements DampedSolve {
    /** Rademacher probes of the trace estimate when there is no sketch (rank 0). */
    private static final int PROBES = 4;

    /**
     * Counters since the optimizer was created: CG solves, their iterations, JVPs and VJPs (sketch included), and
     * the last solve's result.
     */
    public record Stats(int solves, long iterations, long jvps, long vjps, DampedConjugateGradient.Result last) {}

    private final MatrixFreeSettings settings;
    private final NystromPreconditioner sketch = new NystromPreconditioner();
    private final DampedConjugateGradient cg = new DampedConjugateGradient();
    private final ProblemOperator op = new ProblemOperator();
    private double[] r, probe = new double[0], image = new double[0];
    private double trace;
    private int solves;
    private long iterations;
    private DampedConjugateGradient.Result last;

    MatrixFreeDampedSolve(MatrixFreeSettings settings) {
        this.settings = settings;
    }

    @Override
    public double linearize(double[] theta, LeastSquaresProblem p, double[] r) {
        op.bind(theta, p);
        this.r = r;
        return p.linearize(theta, r);
    }

    @Override
    public void factorize() {
        long seed = seedOf(op.theta);
        if (settings.sketchRank() > 0) {
            sketch.build(op, settings.sketchRank(), seed);
            trace = sketch.traceEstimate();
            return;
        }
        int n = op.cols(), m = op.rows();
        if (probe.length < n) probe = new double[n];
        if (image.length < m) image = new double[m];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        trace = 0;
        for (int k = 0; k < PROBES; k++) {
            for (int i = 0; i < n; i++) probe[i] = rng.nextBoolean() ? 1.0 : -1.0;
            op.apply(probe, image);
            for (int i = 0; i < m; i++) trace += image[i] * image[i];
        }
        trace /= PROBES;
    }

    @Override
    public double frobeniusSquared() {
        return trace;
    }

    /** As the Cholesky routes: below it CG would only spend its iteration cap on directions at rounding level. */
    @Override
    public double dampingFloor() {
        return 1e-15;
    }

    @Override
    public double solve(double mu, double[] d) {
        return run(r, mu, d).modelLoss();
    }

    @Override
    public void solveOther(double mu, double[] b, double[] x) {
        run(b, mu, x);
    }

    private DampedConjugateGradient.Result run(double[] b, double mu, double[] x) {
        last = cg.solve(op, b, mu, settings.sketchRank() > 0 ? sketch : null, settings.tolerance(), settings.maxIterations(), x);
        solves++;
        iterations += last.iterations();
        return last;
    }

    @Override
    public void multiply(double[] d, double[] out) {
        op.apply(d, out);
    }

    @Override
    public double[] singularValues() {
        return null;
    }

    @Override
    public int effectiveRank(double mu) {
        return -1;
    }

    @Override
    public String label() {
        return "cg";
    }

    public Stats stats() {
        return new Stats(solves, iterations, op.jvps, op.vjps, last);
    }

    /** A deterministic seed from θ's bits (FNV-1a over the words). */
    static long seedOf(double[] theta) {
        long h = 0xcbf29ce484222325L;
        for (double v : theta) h = (h ^ Double.doubleToLongBits(v)) * 0x100000001b3L;
        return h;
    }

    /** Φ at the bound θ as an operator over the problem's JVP and VJP. */
    private static final class ProblemOperator implements LinearOperator {
        private double[] theta;
        private LeastSquaresProblem p;
        private long jvps, vjps;

        void bind(double[] theta, LeastSquaresProblem p) {
            this.theta = theta;
            this.p = p;
        }

        @Override
        public int rows() {
            return p.nRows();
        }

        @Override
        public int cols() {
            return p.nParams();
        }

        @Override
        public void apply(double[] v, double[] out) {
            jvps++;
            p.jvp(theta, v, out);
        }

        @Override
        public void applyTranspose(double[] u, double[] out) {
            vjps++;
            p.vjp(theta, u, out);
        }
    }
}
