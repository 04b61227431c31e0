package dev.tangent.cli;

import dev.tangent.bench.JacobianBenchmark;
import dev.tangent.bench.KernelBenchmark;
import dev.tangent.bench.TraceEstimatorBenchmark;
import dev.tangent.bench.WeightUpdateBenchmark;
import dev.tangent.bench.StepBenchmark;
import dev.tangent.linalg.NativeBackend;
import dev.tangent.ntk.KernelBlocks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tangent bench}: speed benchmarks that print numbers. */
@Command(name = "bench", description = "Benchmarks that print timings.",
        subcommands = {BenchCommand.Jacobian.class, BenchCommand.Step.class, BenchCommand.Ntk.class, BenchCommand.Weights.class,
                BenchMatrixFree.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "jacobian", description = "Time the exact residual Jacobian J = ∂r/∂θ on the reference shapes.")
    static final class Jacobian implements Callable<Integer> {
        @Option(names = "--repeats", defaultValue = "21", description = "Timed repeats per case (median reported). Default: ${DEFAULT-VALUE}.")
        int repeats;

        @Option(names = "--cpu-clock", description = "Time the stages in thread CPU time (steadier on a busy machine; the median is still wall time).")
        boolean cpuClock;

        @Override
        public Integer call() {
            if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
            if (cpuClock) System.setProperty("tangent.cpuClock", "true");   // read when the first engine is built
            System.out.println("backend: " + NativeBackend.describe());
            JacobianBenchmark.Peak peak = JacobianBenchmark.Peak.measure();
            System.out.printf("dgemm peak (1000³, best of 3): %.1f GFLOP/s on 1 thread, %.1f on %d; load average %.1f on %d cores%n",
                    peak.oneThread(), peak.allThreads(), peak.threads(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-10s %-14s %6s %7s %4s %10s %10s %8s %6s %10s %6s %9s %7s %7s%n", "problem", "net", "points",
                    "params", "C", "median ms", "min ms", "GFLOP/s", "%peak", "GEMM GF/s", "%peak1", "assem GF/s", "GEMM%", "assem%");
            for (JacobianBenchmark.Case c : JacobianBenchmark.defaultCases()) {
                JacobianBenchmark.Result r = JacobianBenchmark.run(c, repeats);
                System.out.printf("%-10s %-14s %6d %7d %4d %10.2f %10.2f %8.1f %5.0f%% %10.1f %5.0f%% %9.1f %6.0f%% %6.0f%%%n", c.problem(),
                        c.net().shape(), c.points(), r.nParams(), r.components(), r.medianMs(), r.minMs(), r.gflops(),
                        100 * r.gflops() / peak.allThreads(), r.gemmGflops(), 100 * r.gemmGflops() / peak.oneThread(),
                        r.assemblyGflops(), 100 * r.gemmShare(), 100 * r.assemblyShare());
            }
            System.out.println("GFLOP/s counts GEMM + Jacobian-assembly flops over the median time, %peak against the all-thread dgemm peak;");
            System.out.println("GEMM and assembly rates are per core (stage time summed over worker threads), %peak1 against the 1-thread peak.");
            System.out.println("C = jet components. Stage times include the copies between Java arrays and native buffers.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "step", description = "Time one LM, ANaGRAM and ENGD step, split into Jacobian, factorisation and line search.")
    static final class Step implements Callable<Integer> {
        @Option(names = "--repeats", defaultValue = "7", description = "Timed repeats (median). Default: ${DEFAULT-VALUE}.")
        int repeats;
        @Option(names = "--steady", description = "Time steps inside a run (one optimizer, its first steps untimed) instead of first steps from the initial network.")
        boolean steady;

        @Override
        public Integer call() {
            if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
            System.out.println("backend: " + NativeBackend.describe());
            System.out.printf("%-10s %-14s %-8s %7s %6s %9s %9s %9s %9s %6s%n", "problem", "net", "method", "params", "rows",
                    "total ms", "J ms", "solve ms", "search ms", "evals");
            for (StepBenchmark.Case c : StepBenchmark.defaultCases()) {
                for (String m : new String[] {"lm", "anagram", "engd"}) {
                    StepBenchmark.Result r = steady ? StepBenchmark.runSteady(c, m, repeats) : StepBenchmark.run(c, m, repeats);
                    System.out.printf("%-10s %-14s %-8s %7d %6d %9.2f %9.2f %9.2f %9.2f %6.0f%n", c.problem(), c.net().shape(), m,
                            r.params(), r.rows(), r.totalMs(), r.jacobianMs(), r.solveMs(), r.lineSearchMs(), r.evaluations());
                }
            }
            System.out.println("J = residuals + Jacobian of all loss groups; solve = SVD (ANaGRAM), Gram/kernel least squares (ENGD) or the");
            System.out.println("damped factorisations (LM); search = the 2^-k line search or LM's trial and acceleration passes.");
            System.out.println(steady ? "Medians of steps " + (StepBenchmark.WARM_STEPS + 1) + ".." + (StepBenchmark.WARM_STEPS + repeats) + " of one run (one optimizer, from the initial network)."
                    : "Medians of first steps from the initial network.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "ntk", description = "Time and peak RSS of K_ff for 4000 points on a 2-256-256-1 net (laplace2d operator), then of its eigenvalues.")
    static final class Ntk implements Callable<Integer> {
        @Option(names = "--points", defaultValue = "4000", description = "PDE points: K_ff is points × points. Default: ${DEFAULT-VALUE}.") int points;
        @Option(names = "--block", defaultValue = "512", description = "Points per dense row block. Default: ${DEFAULT-VALUE}.") int block;
        @Option(names = "--memory-mb", defaultValue = "1024", description = "Working-memory budget of the kernel (ntk.memory_mb). Default: ${DEFAULT-VALUE}.") int memoryMb;
        @Option(names = "--kernel", defaultValue = "auto", description = "auto, dense or structured (ntk.kernel). Default: ${DEFAULT-VALUE}.") String kernel;

        @Override
        public Integer call() {
            if (points < 1 || block < 1) throw new IllegalArgumentException("--points and --block must be >= 1, got " + points + " and " + block);
            if (memoryMb < 1) throw new IllegalArgumentException("--memory-mb must be >= 1, got " + memoryMb);
            KernelBlocks.Method method = KernelBlocks.Method.parse(kernel);
            System.out.println("backend: " + NativeBackend.describe());
            KernelBenchmark.Result r = KernelBenchmark.run(points, block, memoryMb, method);
            System.out.printf("K_ff %d×%d for net %s (%d parameters), %s method, memory budget %d MB%n", r.size(), r.size(),
                    r.net(), r.nParams(), r.structured() ? "structured" : "dense", r.memoryMb());
            System.out.printf("%-22s %8s %8s %14s%n", "stage", "wall s", "CPU s", "peak RSS MB");
            System.out.printf("%-22s %8.2f %8.2f %14.0f%n", "K_ff", r.kernelSeconds(), r.kernelCpuSeconds(), r.kernelPeakRss() / 1048576.0);
            System.out.printf("%-22s %8.2f %8.2f %14.0f%n", "eigenvalues", r.spectrumSeconds(), r.spectrumCpuSeconds(), r.spectrumPeakRss() / 1048576.0);
            System.out.printf("%-22s %8.2f %8.2f %14.0f%n", "K_ff with eigenvalues", r.kernelSeconds() + r.spectrumSeconds(),
                    r.kernelCpuSeconds() + r.spectrumCpuSeconds(), r.spectrumPeakRss() / 1048576.0);
            System.out.printf("RSS before the kernel %.0f MB (JVM and native libraries); λ_max = %.6e; load average %.1f → %.1f on %d cores%n",
                    r.startRss() / 1048576.0, r.lambdaMax(), r.loadBefore(), r.loadAfter(), Runtime.getRuntime().availableProcessors());
            System.out.printf("peak RSS is the process high-water mark after each stage; a dense J would be %.0f MB, never stored whole%n",
                    r.denseJacobianBytes() / 1048576.0);
            return ExitCodes.OK;
        }
    }

    @Command(name = "weights", description = "Cost of one NTK weight update, exact traces vs the sketch, on wave1d with a 2-256-256-256-1 net and 2000 points; error and cost of the sampled estimators against rows and probes.")
    static final class Weights implements Callable<Integer> {
        @Option(names = "--sketch", defaultValue = "64", description = "Rows per group. Default: ${DEFAULT-VALUE}.") int sketch;
        @Option(names = "--probes", defaultValue = "1", description = "Rademacher probes. Default: ${DEFAULT-VALUE}.") int probes;
        @Option(names = "--repeats", defaultValue = "5", description = "Timed repeats of the weight update (median). Default: ${DEFAULT-VALUE}.") int repeats;
        @Option(names = "--draws", defaultValue = "200", description = "Draws per estimator setting for the error table. Default: ${DEFAULT-VALUE}.") int draws;

        @Override
        public Integer call() {
            if (sketch < 1 || probes < 1 || repeats < 1 || draws < 1) {
                throw new IllegalArgumentException("--sketch, --probes, --repeats and --draws must be >= 1");
            }
            WeightUpdateBenchmark.Result r = WeightUpdateBenchmark.run(sketch, probes, repeats);
            double e = r.exactMs(), s = r.sketchMs(), j = r.stepMs();
            System.out.println("backend: " + NativeBackend.describe());
            System.out.printf("wave1d, net %s (%d parameters), %d rows in %d groups%n", r.net(), r.nParams(), r.rows(), r.groups());
            System.out.printf("exact traces (J of every group, in row blocks): %8.1f ms%n", e);
            System.out.printf("sketch (%d rows/group, %d probe, exact J·v): %8.1f ms  → %.1fx cheaper%n", sketch, probes, s, e / s);
            System.out.printf("for scale: one residual + Jacobian pass (a first-order step's own work): %.1f ms%n", j);
            System.out.printf("extra network evaluations per update: exact = 1 Jacobian pass; sketch = %d tangent pass(es) on %d rows per group%n", probes, sketch);
            System.out.println();
            System.out.println("one draw of each estimator of T_g = tr(K_gg)/S_g on wave1d, 2-64-64-1, 512/64/64/128 rows, at init (" + draws + " draws):");
            System.out.printf("%-8s %5s %6s %9s %14s %15s%n", "method", "rows", "probes", "ms", "mean rel err", "worst rel err");
            for (var row : TraceEstimatorBenchmark.run(TraceEstimatorBenchmark.waveSetup(), draws)) {
                System.out.printf("%-8s %5d %6d %9.2f %14.3f %15.3f%n", row.estimator(), row.rows(), row.probes(), row.ms(),
                        row.meanRelError(), row.worstRelError());
            }
            return ExitCodes.OK;
        }
    }
}
