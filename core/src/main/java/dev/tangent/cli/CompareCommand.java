package dev.tangent.cli;

import dev.tangent.report.Comparison;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent compare RUN_DIR…}: overlay runs. */
@Command(name = "compare", description = "Overlay error-vs-step and error-vs-time curves of runs, and print a markdown table.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories to compare.") List<Path> dirs;

    @Option(names = "--out", defaultValue = ".", description = "Directory for compare_*.png/.svg and compare.md. Default: the current directory.")
    Path out;

    @Option(names = "--metric", defaultValue = "absolute_rms", description = "absolute_rms | relative_l2 | loss. Default: ${DEFAULT-VALUE}.")
    String metric;

    @Override
    public Integer call() {
        if (!List.of("absolute_rms", "relative_l2", "loss").contains(metric)) {
            throw new IllegalArgumentException("--metric must be one of [absolute_rms, relative_l2, loss], got '" + metric + "'");
        }
        List<Comparison.Run> runs = new ArrayList<>();
        for (Path d : dirs) runs.add(Comparison.load(d));
        System.out.print(Comparison.write(runs, out, metric));
        System.out.println("\nwrote " + out.resolve("compare_step.png") + ", " + out.resolve("compare_time.png") + ", " + out.resolve("compare.md"));
        return ExitCodes.OK;
    }
}
