package dev.tangent.cli;

import dev.tangent.bench.JacobianBenchmark;
import dev.tangent.linalg.NativeBackend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tangent bench}: speed benchmarks that print numbers. */
@Command(name = "bench", description = "Benchmarks that print timings.",
        subcommands = {BenchCommand.Jacobian.class})
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

        @Override
        public Integer call() {
            if (repeats < 1) throw new IllegalArgumentException("--repeats must be >= 1, got " + repeats);
            System.out.println("backend: " + NativeBackend.describe());
            System.out.printf("%-10s %-14s %6s %7s %4s %10s %10s %8s %10s %7s %7s%n", "problem", "net", "points",
                    "params", "C", "median ms", "min ms", "GFLOP/s", "GEMM GF/s", "GEMM%", "assem%");
            for (JacobianBenchmark.Case c : JacobianBenchmark.defaultCases()) {
                JacobianBenchmark.Result r = JacobianBenchmark.run(c, repeats);
                System.out.printf("%-10s %-14s %6d %7d %4d %10.2f %10.2f %8.1f %10.1f %6.0f%% %6.0f%%%n", c.problem(),
                        c.net().shape(), c.points(), r.nParams(), r.components(), r.medianMs(), r.minMs(), r.gflops(),
                        r.gemmGflops(), 100 * r.gemmShare(), 100 * r.assemblyShare());
            }
            System.out.println("GFLOP/s counts GEMM + Jacobian-assembly flops over the median time; C = jet components.");
            return ExitCodes.OK;
        }
    }
}
