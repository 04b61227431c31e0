package dev.tangent.cli;

import dev.tangent.study.LossBalanceStudy;
import dev.tangent.study.OperatorSpectraStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tangent reproduce STUDY}: one command per published experiment, writing plots, CSV and a summary. */
@Command(name = "reproduce", description = "Reproduce a study: plots, CSV data and a markdown summary.",
        subcommands = {ReproduceCommand.OperatorSpectra.class, ReproduceCommand.LossBalance.class})
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

    @Command(name = "ntk-loss-balance", description = "poisson1d u = sin(aπx), a ∈ {1,2,4,8}: regression vs first- vs second-order losses.")
    static final class LossBalance implements Callable<Integer> {
        @Option(names = "--steps", defaultValue = "10000") int steps;
        @Option(names = "--width", defaultValue = "64") int width;
        @Option(names = "--points", defaultValue = "128") int points;
        @Option(names = "--lr", defaultValue = "1e-3") double lr;
        @Option(names = "--seed", defaultValue = "0") long seed;
        @Option(names = "--out", defaultValue = "reproduce/ntk-loss-balance") Path out;

        @Override
        public Integer call() throws Exception {
            if (steps < 1 || width < 1 || points < 2) throw new IllegalArgumentException("--steps, --width must be >= 1 and --points >= 2");
            Files.createDirectories(out);
            var s = new LossBalanceStudy.Settings(new double[] {1, 2, 4, 8}, width, points, steps, lr, seed);
            System.out.print(LossBalanceStudy.write(out, s, LossBalanceStudy.run(s, out)));
            System.out.println("\nwrote " + out + "/a*_error.png, a*_loss.png, loss_balance.csv, summary.md");
            return ExitCodes.OK;
        }
    }
}
