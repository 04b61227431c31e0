package dev.tangent.cli;

import dev.tangent.report.HtmlReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent report RUN_DIR…}: self-contained HTML reports. */
@Command(name = "report", description = {
        "Write a self-contained report.html for one run, or one comparing several runs.",
        "It holds the curves, the solution, singular values and kept rank per step, damping or cutoff per step and,",
        "when recorded, the NTK diagnostics, each with a short reading.",
        "One RUN_DIR: RUN_DIR/report.html. Several: one comparison report (--out)."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (written by `tangent train`).") List<Path> dirs;

    @Option(names = "--out", description = "Comparison report file (several runs). Default: report.html.")
    Path out;

    @Override
    public Integer call() {
        if (dirs.size() == 1 && out != null) throw new IllegalArgumentException("--out applies to a comparison of several runs; "
                + "one run's report is always " + dirs.get(0).resolve("report.html"));
        Path file = dirs.size() == 1 ? HtmlReport.writeRun(dirs.get(0))
                : HtmlReport.writeComparison(dirs, out != null ? out : Path.of("report.html"));
        System.out.println("wrote " + file);
        return ExitCodes.OK;
    }
}
