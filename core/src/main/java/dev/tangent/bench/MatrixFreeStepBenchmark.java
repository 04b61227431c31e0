package dev.tangent.bench;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.optim.LevenbergMarquardtOptimizer;
import dev.tangent.optim.MatrixFreeDampedSolve;
import dev.tangent.optim.MatrixFreeSettings;
import dev.tangent.optim.StepReport;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.train.WeightedProblem;
import java.util.Map;

/**
 * One matrix-free LM step (the default lm with {@code optimizer.solver: cg}) from the initial network on a large
 * shape, e.g. laplace2d, 2-256-256-256-1 (~132k parameters), 10k rows, where the dense Φ would take S·P·8 ≈ 10.6 GB.
 * Reports its time split and the process's peak resident memory (VmHWM, the whole JVM: heap, native BLAS buffers,
 * code), which is what the memory bar is about.
 */
public final class MatrixFreeStepBenchmark {
    private MatrixFreeStepBenchmark() {}

    public record Result(String problem, String net, int params, int rows, double denseJacobianBytes, double totalMs,
                         double residualMs, double solveMs, double trialsMs, StepReport step, MatrixFreeDampedSolve.Stats stats,
                         long peakRssBytes, long rssBeforeBytes, double cpuSeconds) {}

    /** rows: total residual rows wanted (the PDE group gets what the conditions leave). */
    public static Result run(String problem, MlpSpec spec, int rows, MatrixFreeSettings settings, boolean acceleration) {
        long before = ProcessMemory.peakResidentBytes();
        Mlp mlp = new Mlp(spec);
        int boundary = new Discretization(Catalog.get(problem), mlp, Map.of("pde", 1), 0).rows() - 1;
        if (rows <= boundary) throw new IllegalArgumentException("--rows must exceed the " + boundary + " condition rows of " + problem + ", got " + rows);
        Discretization disc = new Discretization(Catalog.get(problem), mlp, Map.of("pde", rows - boundary), 0);
        WeightedProblem wp = new WeightedProblem(disc);
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer(LevenbergMarquardtOptimizer.Settings.defaults()
                .withAcceleration(acceleration).withMatrixFree(settings.withMode(MatrixFreeSettings.Mode.CG)));
        double[] theta = mlp.initialize(0);
        long c0 = ProcessMemory.cpuNanos(), t0 = System.nanoTime();
        StepReport r = lm.step(theta, wp);
        double total = (System.nanoTime() - t0) / 1e6, cpu = (ProcessMemory.cpuNanos() - c0) / 1e9;
        return new Result(problem, spec.shape(), mlp.nParams(), disc.rows(), 8.0 * disc.rows() * mlp.nParams(), total,
                r.jacobianNanos() / 1e6, r.solveNanos() / 1e6, r.lineSearchNanos() / 1e6, r, lm.matrixFreeStats(),
                ProcessMemory.peakResidentBytes(), before, cpu);
    }
}
