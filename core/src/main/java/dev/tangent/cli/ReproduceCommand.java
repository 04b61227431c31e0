package dev.tangent.cli;

import dev.tangent.study.LossBalanceStudy;
import dev.tangent.study.NaturalGradientStudy;
import dev.tangent.study.NtkWeightsStudy;
import dev.tangent.study.OperatorSpectraReport;
import dev.tangent.study.OperatorSpectraStudy;
import dev.tangent.study.WidthScalingStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tangent reproduce STUDY}: one command per published experiment, writing plots, CSV and a summary. */
@Command(name = "reproduce", description = "Reproduce a study: plots, CSV data and a markdown summary.",
        subcommands = {ReproduceCommand.OperatorSpectra.class, ReproduceCommand.LossBalance.class,
                ReproduceCommand.AnagramLaplace2d.class, ReproduceCommand.AnagramHeat1d.class, ReproduceCommand.AnagramPoisson5d.class,
                ReproduceCommand.AnagramAllenCahn.class, ReproduceCommand.AnagramBurgers.class,
                ReproduceCommand.WidthSineGordon.class, ReproduceCommand.WidthKdv.class,
                ReproduceCommand.WeightsWave.class, ReproduceCommand.WeightsPoisson.class, InverseHeatCommand.class,
                ReproduceKovasznay.class})
final class ReproduceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ntk-operator-spectra", description = "Eigenvalues of K_T/n for T = identity, d/dx, d²/dx² (tanh and ReLU^k), decay fits above the noise floor, convergence in width.")
    static final class OperatorSpectra implements Callable<Integer> {
        @Option(names = "--points", defaultValue = "512", description = "Grid points on [0, 1]. Default: ${DEFAULT-VALUE}.") int points;
        @Option(names = "--widths", defaultValue = "256,1024,4096", split = ",", description = "Hidden widths for the convergence in width. Default: ${DEFAULT-VALUE}.") java.util.List<Integer> widths;
        @Option(names = "--seeds", defaultValue = "5", description = "Initialisations averaged per width. Default: ${DEFAULT-VALUE}.") int seeds;
        @Option(names = "--activations", defaultValue = "tanh,relu3", split = ",", description = "Activations: tanh, relu3, relu4, …. Default: ${DEFAULT-VALUE}.") java.util.List<String> activations;
        @Option(names = "--out", defaultValue = "reproduce/ntk-operator-spectra", description = "Output directory. Default: ${DEFAULT-VALUE}.") Path out;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(out);
            var acts = activations.stream().map(dev.tangent.nn.Activation::parse).toList();
            var s = new OperatorSpectraStudy.Settings(points, widths, seeds, acts);
            System.out.print(OperatorSpectraReport.write(out, s, OperatorSpectraStudy.run(s)));
            System.out.println("\nwrote " + out + "/spectra_*.png, width_*.png, operator_spectra.csv, summary.md");
            return ExitCodes.OK;
        }
    }

    @Command(name = "ntk-loss-balance", description = "u = sin(aπx), a ∈ {1,2,4,8}: L_i(t)/L_i(0) under GD for regression, first- and second-order losses, and NTK-weighted L3.")
    static final class LossBalance implements Callable<Integer> {
        @Option(names = "--steps", defaultValue = "3000", description = "Gradient-descent steps per run. Default: ${DEFAULT-VALUE}.") int steps;
        @Option(names = "--width", defaultValue = "512", description = "Hidden width of the 1-N-1 net. Default: ${DEFAULT-VALUE}.") int width;
        @Option(names = "--points", defaultValue = "128", description = "Grid points on [0, 1]. Default: ${DEFAULT-VALUE}.") int points;
        @Option(names = "--seeds", defaultValue = "3", description = "Seeds per run (medians reported). Default: ${DEFAULT-VALUE}.") int seeds;
        @Option(names = "--lr-factor", defaultValue = "1", description = "η = factor/λ_max of each run's loss at init. Default: ${DEFAULT-VALUE}.") double lrFactor;
        @Option(names = "--out", defaultValue = "reproduce/ntk-loss-balance", description = "Output directory. Default: ${DEFAULT-VALUE}.") Path out;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(out);
            var s = new LossBalanceStudy.Settings(new double[] {1, 2, 4, 8}, width, points, steps, seeds, lrFactor);
            System.out.print(LossBalanceStudy.write(out, s, LossBalanceStudy.run(s, out)));
            System.out.println("\nwrote " + out + "/loss_L*.png, a*_loss.png, loss_balance.csv, summary.md");
            return ExitCodes.OK;
        }
    }

    /** Shared body of the anagram-* studies. */
    abstract static class AnagramStudy implements Callable<Integer> {
        @Option(names = "--quick", description = "Short budgets (about a minute in all) for smoke tests.") boolean quick;
        @Option(names = "--out", description = "Output directory. Default: reproduce/anagram-<problem>.") Path out;
        @Mixin ConfigSets sets;

        abstract String problem();

        @Override
        public Integer call() throws Exception {
            var setup = NaturalGradientStudy.SETUPS.get(problem());
            Path dir = out != null ? out : Path.of("reproduce", "anagram-" + problem());
            System.out.print(NaturalGradientStudy.run(setup, quick, dir, null, sets.list()));
            System.out.println("\nwrote " + dir.resolve("compare_step.png") + ", compare_time.png, compare.md and runs/<optimizer>/");
            return ExitCodes.OK;
        }
    }

    @Command(name = "anagram-laplace2d", description = "ANaGRAM vs ENGD vs Adam vs L-BFGS on laplace2d (2-32-1, 784+116 grid points, cutoff 1e-6).")
    static final class AnagramLaplace2d extends AnagramStudy {
        String problem() {
            return "laplace2d";
        }
    }

    @Command(name = "anagram-heat1d", description = "ANaGRAM vs ENGD vs Adam vs L-BFGS on heat1d (2-64-1, 784+87 points, cutoff 1e-5).")
    static final class AnagramHeat1d extends AnagramStudy {
        String problem() {
            return "heat1d";
        }
    }

    @Command(name = "anagram-poisson5d", description = "ANaGRAM vs ENGD vs Adam vs L-BFGS on poisson5d (5-64-1, 4000+500 points).")
    static final class AnagramPoisson5d extends AnagramStudy {
        String problem() {
            return "poisson5d";
        }
    }

    @Command(name = "anagram-allen-cahn", description = "ANaGRAM vs ENGD vs Adam vs L-BFGS on allen-cahn (2-20-20-20-1, 1600+100 points).")
    static final class AnagramAllenCahn extends AnagramStudy {
        String problem() {
            return "allen-cahn";
        }
    }

    @Command(name = "anagram-burgers", description = "ANaGRAM vs ENGD vs Adam vs L-BFGS on burgers (2-20-20-20-1, 2000+200 points, 500 steps).")
    static final class AnagramBurgers extends AnagramStudy {
        String problem() {
            return "burgers";
        }
    }

    /** Shared body of the width/scaling studies; runs through the local sweep machinery. */
    abstract static class WidthStudy implements Callable<Integer> {
        @Option(names = "--depth", defaultValue = "1", description = "Hidden layers (1 or 2). Default: ${DEFAULT-VALUE}.") int depth;
        @Option(names = "--min-width", defaultValue = "25", description = "Smallest width; widths double up to --max-width. Default: ${DEFAULT-VALUE}.") int minWidth;
        @Option(names = "--max-width", defaultValue = "1600", description = "Largest width (the full study: 12800). Default: ${DEFAULT-VALUE}.") int maxWidth;
        @Option(names = "--seeds", defaultValue = "20", description = "Seeds for the kernels at initialisation. Default: ${DEFAULT-VALUE}.") int seeds;
        @Option(names = "--drift-seeds", defaultValue = "5", description = "Seeds trained for the drift (the full study: 20). Default: ${DEFAULT-VALUE}.") int driftSeeds;
        @Option(names = "--steps", defaultValue = "100", description = "Gradient-descent steps (horizon T = η·steps; 0: kernels at initialisation only, no drift). Default: ${DEFAULT-VALUE}.") int steps;
        @Option(names = "--measure-every", defaultValue = "10", description = "Drift is measured every k steps. Default: ${DEFAULT-VALUE}.") int measureEvery;
        @Option(names = "--points", defaultValue = "32", description = "Points per loss group. Default: ${DEFAULT-VALUE}.") int points;
        @Option(names = "--output-bias", defaultValue = "none", completionCandidates = Candidates.OutputBiases.class, description = "One of: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.") String outputBias;
        @Option(names = "--fit-from", defaultValue = "100", description = "Smallest width in the fits. Default: ${DEFAULT-VALUE}.") int fitFrom;
        @Option(names = "--workers", defaultValue = "1", description = "Parallel points. Default: ${DEFAULT-VALUE}.") int workers;
        @Option(names = "--out", description = "Output directory. Default: reproduce/ntk-width-<problem>.") Path out;
        @Mixin ConfigSets sets;

        abstract String problem();

        @Override
        public Integer call() throws Exception {
            if (depth < 1 || depth > 2) throw new IllegalArgumentException("--depth must be 1 or 2, got " + depth);
            if (minWidth < 1 || maxWidth < 4 * minWidth) throw new IllegalArgumentException("--max-width must be >= 4 × --min-width (got " + minWidth + ", " + maxWidth + ")");
            dev.tangent.nn.OutputBias.parse(outputBias);
            var s = new WidthScalingStudy.Settings(problem(), depth, WidthScalingStudy.doublingWidths(minWidth, maxWidth),
                    java.util.List.of(0.25, 0.5, 0.75, 1.0), seeds, driftSeeds, steps, points, outputBias, measureEvery, fitFrom);
            Path dir = out != null ? out : Path.of("reproduce", "ntk-width-" + problem() + (depth == 2 ? "-depth2" : ""));
            // progress on stderr (stdout is the summary): redrawn on a terminal, plain lines when piped
            boolean terminal = System.console() != null;
            String md = WidthScalingStudy.run(s, sets.list(), dir, workers, p -> System.err.printf((terminal ? "\r" : "")
                    + "%d/%d points, %.0f s elapsed, ETA %.0f s" + (terminal ? "   " : "%n"), p.done(), p.total(), p.elapsed(), p.eta()));
            if (terminal) System.err.println();
            System.out.print(md);
            System.out.println("\nwrote " + dir + "/results.csv, cauchy.csv, spread_*.png, norm_*.png, drift_*.png, summary.md");
            return ExitCodes.OK;
        }
    }

    @Command(name = "ntk-width-sinegordon", description = "NTK block convergence in width N for s ∈ {1/4, 1/2, 3/4, 1} on sine-Gordon (initial-value problem).")
    static final class WidthSineGordon extends WidthStudy {
        String problem() {
            return "sine-gordon";
        }
    }

    @Command(name = "ntk-width-kdv", description = "NTK block convergence in width N for s ∈ {1/4, 1/2, 3/4, 1} on KdV (third order).")
    static final class WidthKdv extends WidthStudy {
        String problem() {
            return "kdv";
        }
    }

    abstract static class WeightsStudy implements Callable<Integer> {
        @Option(names = "--seeds", defaultValue = "3", description = "Seeds per weighting. Default: ${DEFAULT-VALUE}.") int seeds;
        @Option(names = "--workers", description = "Parallel runs (default: all cores).") Integer workers;
        @Option(names = "--out", description = "Output directory. Default: reproduce/ntk-weights-wave or reproduce/ntk-weights-poisson.") Path out;
        @Option(names = "--time", defaultValue = "0", description = "Seconds per run (equal wall time for every weighting; "
                + "replaces --steps). Default: 0 (use --steps).") double seconds;
        @Mixin ConfigSets sets;

        abstract NtkWeightsStudy.Settings settings();

        @Override
        public Integer call() throws Exception {
            if (seeds < 1) throw new IllegalArgumentException("--seeds must be >= 1, got " + seeds);
            if (!(seconds >= 0) || Double.isInfinite(seconds)) throw new IllegalArgumentException("--time must be a finite number of seconds >= 0, got " + seconds);
            var s = settings();
            Path dir = out != null ? out : Path.of("reproduce", "ntk-weights-" + (s.name().equals("wave1d") ? "wave" : "poisson"));
            int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
            System.out.print(NtkWeightsStudy.run(s, sets.list(), dir, w, p -> System.err.printf("%d/%d runs done (%.0f s, ETA %.0f s)%n",
                    p.done(), p.total(), p.elapsed(), p.eta())));
            System.out.println("\nwrote " + dir + "/error_vs_step.png, error_vs_time.png, weights_vs_step.png, results.csv, summary.md");
            return ExitCodes.OK;
        }
    }

    @Command(name = "ntk-weights-wave", description = "wave1d with Adam: no / exact / row-norm / sketched NTK weights.")
    static final class WeightsWave extends WeightsStudy {
        @Option(names = "--steps", defaultValue = "3000", description = "Adam steps per run. Default: ${DEFAULT-VALUE}.") int steps;
        @Option(names = "--width", defaultValue = "64", description = "Width of both hidden layers (2-N-N-1). Default: ${DEFAULT-VALUE}.") int width;

        NtkWeightsStudy.Settings settings() {
            return NtkWeightsStudy.wave(steps, seconds, width, seeds);
        }
    }

    @Command(name = "ntk-weights-poisson", description = "poisson1d (a = 4) with plain gradient descent: no / exact / row-norm / sketched NTK weights.")
    static final class WeightsPoisson extends WeightsStudy {
        @Option(names = "--steps", defaultValue = "5000", description = "Gradient-descent steps per run. Default: ${DEFAULT-VALUE}.") int steps;
        @Option(names = "--width", defaultValue = "100", description = "Hidden width (1-N-1). Default: ${DEFAULT-VALUE}.") int width;

        NtkWeightsStudy.Settings settings() {
            return NtkWeightsStudy.poisson(steps, seconds, width, seeds);
        }
    }
}
