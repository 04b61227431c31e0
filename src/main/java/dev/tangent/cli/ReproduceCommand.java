package dev.tangent.cli;

import dev.tangent.study.OperatorSpectraStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tangent reproduce STUDY}: one command per published experiment, writing plots, CSV and a summary. */
@Command(name = "reproduce", description = "Reproduce a study: plots, CSV data and a markdown summary.",
        subcommands = {ReproduceCommand.OperatorSpectra.class})
final class ReproduceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ntk-operator-spectra", description = "Eigenvalues of K_T for T = identity, d/dx, d²/dx² with fitted decay rates.")
    static final class OperatorSpectra implements Callable<Integer> {
        @Option(names = "--points", defaultValue = "128") int points;
        @Option(names = "--width", defaultValue = "2048") int width;
        @Option(names = "--seeds", defaultValue = "10") int seeds;
        @Option(names = "--fit", defaultValue = "30", description = "Eigenvalues used in the decay fit.") int fit;
        @Option(names = "--out", defaultValue = "reproduce/ntk-operator-spectra") Path out;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(out);
            var s = new OperatorSpectraStudy.Settings(points, width, seeds, fit);
            System.out.print(OperatorSpectraStudy.write(out, s, OperatorSpectraStudy.run(s)));
            System.out.println("\nwrote " + out.resolve("operator_spectra.png") + ", operator_spectra.csv, summary.md");
            return ExitCodes.OK;
        }
    }
}
