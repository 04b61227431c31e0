package dev.tangent.cli;

import dev.tangent.bench.MatrixFreeStepBenchmark;
import dev.tangent.linalg.NativeBackend;
import dev.tangent.nn.MlpSpec;
import dev.tangent.optim.MatrixFreeSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tangent bench mfree}: time and peak memory of one matrix-free LM step on a large net. */
@Command(name = "mfree", description = "Time and peak resident memory of one matrix-free LM step (CG over exact JVPs/VJPs, "
        + "Nyström preconditioner) on laplace2d with a 2-256-256-256-1 net (~132k parameters) and 10000 rows.")
final class BenchMatrixFree implements Callable<Integer> {
    @Option(names = "--problem", defaultValue = "laplace2d", description = "Catalog problem. Default: ${DEFAULT-VALUE}.") String problem;
    @Option(names = "--widths", defaultValue = "256,256,256", split = ",", description = "Hidden widths. Default: ${DEFAULT-VALUE}.") int[] widths;
    @Option(names = "--rows", defaultValue = "10000", description = "Residual rows in all. Default: ${DEFAULT-VALUE}.") int rows;
    @Option(names = "--cg-iterations", description = "CG iterations per solve at most (default: optimizer.cg_iterations's).") Integer iterations;
    @Option(names = "--cg-tolerance", description = "Relative CG tolerance (default: optimizer.cg_tolerance's).") Double tolerance;
    @Option(names = "--rank", description = "Nyström sketch rank, 0 = plain CG (default: optimizer.preconditioner_rank's).") Integer rank;
    @Option(names = "--no-acceleration", description = "Without geodesic acceleration (one CG solve per trial instead of two).") boolean noAcceleration;

    @Override
    public Integer call() {
        MatrixFreeSettings d = MatrixFreeSettings.defaults();
        MatrixFreeSettings s = d.withCg(tolerance == null ? d.tolerance() : tolerance, iterations == null ? d.maxIterations() : iterations,
                rank == null ? d.sketchRank() : rank);
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("--widths must be >= 1, got " + w);
        int dim = dev.tangent.pde.catalog.Catalog.get(problem).domain().dim();
        System.out.println("backend: " + NativeBackend.describe());
        System.out.printf("load average %.1f on %d cores; max heap %.1f GB%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
        MatrixFreeStepBenchmark.Result r = MatrixFreeStepBenchmark.run(problem, MlpSpec.of(dim, widths), rows, s, !noAcceleration);
        System.out.printf("%s, net %s: %d parameters × %d rows (a dense Φ would be %.1f GB)%n", r.problem(), r.net(), r.params(),
                r.rows(), r.denseJacobianBytes() / 1e9);
        System.out.printf("one matrix-free lm step: %.1f s wall (residuals %.1f s, sketch + CG solves %.1f s, trials %.1f s), %.1f s process CPU%n",
                r.totalMs() / 1e3, r.residualMs() / 1e3, r.solveMs() / 1e3, r.trialsMs() / 1e3, r.cpuSeconds());
        var st = r.stats();
        System.out.printf("CG: %d solve(s), %d iterations, %d JVPs, %d VJPs (sketch rank %d, tolerance %.0e, at most %d per solve); last %s%n",
                st.solves(), st.iterations(), st.jvps(), st.vjps(), s.sketchRank(), s.tolerance(), s.maxIterations(), st.last());
        System.out.printf("step: loss %.4e, accepted %s, μ %.3e, ρ %.3f, %d residual passes%n", r.step().loss(), r.step().eta() > 0,
                r.step().damping(), r.step().ratio(), r.step().evaluations());
        System.out.printf("peak resident memory (VmHWM, whole JVM): %.2f GB (%.2f GB before the problem was built)%n",
                r.peakRssBytes() / 1e9, r.rssBeforeBytes() / 1e9);
        return ExitCodes.OK;
    }
}
