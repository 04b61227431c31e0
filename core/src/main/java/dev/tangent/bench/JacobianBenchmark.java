package dev.tangent.bench;

import dev.tangent.nn.JetEngine;
import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.PointResidual;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Times the exact residual Jacobian on the reference shapes of the foundation issue. */
public final class JacobianBenchmark {
    private JacobianBenchmark() {}

    /** One benchmark shape. */
    public record Case(String problem, MlpSpec net, int points, PointResidual residual) {}

    /**
     * Measured result; GFLOP/s counts GEMM and Jacobian-assembly flops only. Stage rates are per core (their time is
     * summed over the worker threads); the overall rate is per call over the median wall time.
     */
    public record Result(Case c, int nParams, int components, int blockPoints, double medianMs, double minMs,
                         double gflops, double gemmGflops, double assemblyGflops, double gemmShare, double assemblyShare) {}

    /** The yardstick: fp64 dgemm rate on one thread and on all BLAS threads (1000³, best of 3, native operands). */
    public record Peak(double oneThread, double allThreads, int threads) {
        public static Peak measure() {
            int threads = dev.tangent.linalg.NativeBackend.threads();
            double one = dev.tangent.linalg.DgemmPeak.measure(1000, 1, 3);
            return new Peak(one, threads == 1 ? one : dev.tangent.linalg.DgemmPeak.measure(1000, threads, 3), threads);
        }
    }

    public static List<Case> defaultCases() {
        return List.of(
                new Case("laplace2d", MlpSpec.of(2, 64, 64), 1000, LinearResidual.laplacian(2, null)),
                new Case("laplace2d", MlpSpec.of(2, 32), 900, LinearResidual.laplacian(2, null)),
                new Case("poisson5d", MlpSpec.of(5, 64), 4000, LinearResidual.laplacian(5, null)),
                new Case("kdv", MlpSpec.of(2, 50, 50, 50), 2000, QuasiLinearResiduals.kdv(0.022 * 0.022)));
    }

    public static Result run(Case c, int repeats) {
        Mlp mlp = new Mlp(c.net());
        JetEngine engine = new JetEngine(mlp, c.residual().derivatives(), c.residual().fields());
        // three parameter vectors in turn: the engine reuses a forward pass only for the last two (θ, points)
        double[][] thetas = {mlp.initialize(1), mlp.initialize(2), mlp.initialize(3)};
        int d = c.net().inputDim();
        double[] x = new double[c.points() * d];
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble();
        double[] r = new double[c.points()];
        double[] jac = new double[c.points() * mlp.nParams()];
        for (int w = 0; w < 6; w++) engine.residualJacobian(thetas[w % 3], c.points(), x, c.residual(), r, jac);
        double[] ms = new double[repeats];
        engine.resetTimings();
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            engine.residualJacobian(thetas[k % 3], c.points(), x, c.residual(), r, jac);
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[repeats / 2];
        long flops = 0;
        long gemmFlops = 0;
        long gemmNanos = 0;
        long total = 0;
        for (JetEngine.Phase p : JetEngine.Phase.values()) {
            flops += engine.flops(p);
            total += engine.nanos(p);
        }
        gemmFlops = engine.flops(JetEngine.Phase.FORWARD_GEMM) + engine.flops(JetEngine.Phase.BACKWARD_GEMM);
        gemmNanos = engine.nanos(JetEngine.Phase.FORWARD_GEMM) + engine.nanos(JetEngine.Phase.BACKWARD_GEMM);
        double perCallFlops = flops / (double) repeats;
        long assemblyNanos = engine.nanos(JetEngine.Phase.ASSEMBLY);
        return new Result(c, mlp.nParams(), engine.plan().components(), engine.blockSize(), median, sorted[0],
                perCallFlops / (median * 1e6), gemmFlops / (double) gemmNanos,
                engine.flops(JetEngine.Phase.ASSEMBLY) / (double) assemblyNanos,
                gemmNanos / (double) total, assemblyNanos / (double) total);
    }

    public static List<Result> runAll(int repeats) {
        List<Result> out = new ArrayList<>();
        for (Case c : defaultCases()) out.add(run(c, repeats));
        return out;
    }
}
