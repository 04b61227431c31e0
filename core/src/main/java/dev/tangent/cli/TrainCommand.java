package dev.tangent.cli;

import dev.tangent.pde.catalog.Catalog;

import dev.tangent.pde.ErrorMetrics;
import dev.tangent.report.RunReport;
import dev.tangent.io.AtomicFiles;
import dev.tangent.train.Config;
import dev.tangent.train.Optimizers;
import dev.tangent.train.RunLock;
import dev.tangent.train.RunStatus;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent train}: train a PINN and write a run directory. */
@Command(name = "train", description = {
        "Train a PINN on a catalog problem or a YAML config and write runs/<name>-<timestamp>/.",
        "With no arguments: laplace2d, 2-32-1 tanh net, Levenberg–Marquardt, the problem's default time budget.",
        "--resume DIR continues a stopped, interrupted or killed run from its checkpoint with its own config.yaml;",
        "it accepts only --steps and --time (new totals for the whole run, not increments), --quiet and --no-plots.",
        "SIGINT/SIGTERM stop after the current step and write a checkpoint and summary.json (status interrupted)."})
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "YAML run config (optional).")
    Path configFile;

    @Option(names = "--problem", description = "Catalog problem (see `tangent problems`).") String problem;
    @Option(names = "--optimizer", completionCandidates = OptimizerNames.class,
            description = "One of: ${COMPLETION-CANDIDATES} (default lm, see README).") String optimizer;
    @Option(names = "--preset", description = "Optimizer preset: precise (see README).") String preset;
    @Option(names = "--steps", description = "Step budget (default: unlimited when a time budget is set; with --resume: the new total for the whole run).") Long steps;
    @Option(names = "--time", description = "Training-time budget in seconds (0 = none; default: the problem's, see `tangent problems NAME`; with --resume: the new total).") Double time;
    @Option(names = "--width", description = "Hidden width (all hidden layers).") Integer width;
    @Option(names = "--depth", description = "Number of hidden layers.") Integer depth;
    @Option(names = "--activation", completionCandidates = Candidates.Activations.class, description = "One of: ${COMPLETION-CANDIDATES}.") String activation;
    @Option(names = "--s", description = "Output scaling exponent s in N^-s.") Double s;
    @Option(names = "--output-bias", completionCandidates = Candidates.OutputBiases.class, description = "Output bias, one of: ${COMPLETION-CANDIDATES} (default unscaled; scaled = by N^-s).") String outputBias;
    @Option(names = "--seed", description = "Random seed (points and initialisation).") Long seed;
    @Option(names = "--lr", description = "Learning rate (adam, gd).") Double lr;
    @Option(names = "--cutoff", description = "Singular-value cutoff: anagram (kind by --cutoff-kind), engd (relative to σ_max of Φ, default 1e-6).") Double cutoff;
    @Option(names = "--cutoff-kind", completionCandidates = Candidates.CutoffKinds.class, description = "ANaGRAM cutoff kind, one of: ${COMPLETION-CANDIDATES}.") String cutoffKind;
    @Option(names = "--points", description = "Interior (PDE) collocation points.") Integer points;
    @Option(names = "--eval-every", description = "Evaluate errors every k steps.") Integer evalEvery;
    @Option(names = "--target-error", description = "Stop when absolute RMS error ≤ this.") Double target;
    @Option(names = "--weights", completionCandidates = Candidates.WeightKinds.class, description = "Loss weights, one of: ${COMPLETION-CANDIDATES}.") String weights;
    @Option(names = "--ntk-every", description = "Record NTK drift and block traces every k steps.") Integer ntkEvery;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = ConfigSets.HELP)
    List<String> sets;
    @Option(names = "--name", description = "Run name (directory prefix).") String name;
    @Option(names = "--out", description = "Base directory for runs. Default: runs.") Path out;
    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue a stopped or killed run in place.") Path resume;
    @Option(names = "--no-plots", description = "Skip the plots (PNG and SVG) and solution.csv.") boolean noPlots;
    @Option(names = "--quiet", description = "Progress as a plain line every 10 s instead of a redrawn line.") boolean quiet;

    @Override
    public Integer call() {
        if (resume != null) {
            if (configFile != null) throw new IllegalArgumentException("--resume takes the run directory's own config; do not pass CONFIG too");
            if (out != null) throw new IllegalArgumentException("--out does not apply with --resume: the run stays in " + resume);
            if (!Files.isDirectory(resume)) throw new IllegalArgumentException("--resume " + resume + ": no such run directory");
            Path cfg = resume.resolve("config.yaml");
            if (!Files.exists(cfg)) {
                throw new IllegalArgumentException("--resume " + resume + ": no config.yaml there (not a run directory, "
                        + "or a run killed before it wrote its config: start it again)");
            }
            try (RunLock lock = RunLock.acquire(resume)) {
                Config config = Config.load(cfg); // read under the lock: another process may have just rewritten it
                refuseChanges(config);
                applyBudget(config);
                return train(config, resume, true);
            }
        }
        Config config = configFile == null ? Config.empty() : Config.load(configFile);
        applyOverrides(config);
        applyBudget(config);
        if (!config.has("problem")) config.set("problem", "laplace2d");
        if (!config.has("optimizer.name")) config.set("optimizer.name", Optimizers.DEFAULT);
        if (!config.has("name")) {
            Object p = config.get("problem");
            config.set("name", (p instanceof String ps ? ps : config.string("problem.name", "custom")) + "-" + config.string("optimizer.name", ""));
        }
        Path dir = RunSummary.newRunDirectory(out != null ? out : Path.of("runs"), config.string("name", "run"));
        boolean started = false;
        try (RunLock lock = RunLock.acquire(dir)) {
            AtomicFiles.write(dir.resolve("config.yaml"), config.toYaml()); // from here on, --resume can restart it
            int code = train(config, dir, false);
            started = true;
            return code;
        } finally {
            // a run rejected before its first checkpoint leaves nothing behind
            if (!started && !Files.exists(dir.resolve("checkpoint"))) RunSummary.discard(dir);
        }
    }

    private int train(Config config, Path dir, boolean resumed) {
        ProgressPrinter progress = ProgressPrinter.forConsole(quiet);
        Trainer.Result r;
        try (Interrupts stop = Interrupts.install()) {
            try {
                r = Trainer.run(config, dir, resumed, new Trainer.Listener() {
                    @Override
                    public void logged(Trainer.Progress p) {
                        progress.logged(p);
                    }

                    @Override
                    public boolean stopRequested() {
                        return stop.requested();
                    }
                });
            } finally {
                progress.finish();
            }
            RunSummary.write(dir.resolve("summary.json"), RunSummary.summary(config, r));
            boolean interrupted = r.status() == RunStatus.INTERRUPTED;
            if (!noPlots && !interrupted) RunReport.plots(dir, r);
            report(config, r, dir);
        }
        return r.status() == RunStatus.DIVERGED ? ExitCodes.STOPPED : ExitCodes.OK;
    }

    private static void report(Config config, Trainer.Result r, Path dir) {
        ErrorMetrics e = r.errors();
        System.out.printf("%s: %s on %s (%s, %d parameters, %d residual rows)%n", r.status(), config.string("optimizer.name", ""),
                r.discretization().problem().name(), r.discretization().mlp().spec().shape()
                        + (r.discretization().mlp().periodic() == null ? "" : ", " + r.discretization().mlp().periodic()
                        .describe(r.discretization().problem().domain().coords())), r.discretization().mlp().nParams(),
                r.discretization().rows());
        System.out.printf("  %d steps in %.2f s of training, loss %.3e%n", r.steps(), r.seconds(), r.loss());
        if (e != null) System.out.printf("  error on the test grid: relative L2 %.3e, absolute RMS %.3e%s%n", e.relativeL2(), e.absoluteRms(),
                e.fields().isEmpty() ? "" : " (worst field)");
        java.util.List<String> names = r.discretization().problem().fields();
        for (int f = 0; e != null && f < e.fields().size(); f++) {
            if (e.fields().get(f) != null) {
                System.out.printf("    %s: relative L2 %.3e, absolute RMS %.3e%n", names.get(f), e.fields().get(f).relativeL2(),
                        e.fields().get(f).absoluteRms());
            }
        }
        System.out.println("  " + r.message());
        System.out.println("  run directory: " + dir);
    }

    /** --resume continues the run as configured: flags that would change it are refused, equal values are fine. */
    private void refuseChanges(Config config) {
        List<String> differing = new ArrayList<>();
        for (String f : FLAGS) {
            Config one = config.copy();
            try {
                if (applyOverride(one, f) && !one.toYaml().equals(config.toYaml())) differing.add(f);
            } catch (IllegalArgumentException e) {
                differing.add(f); // a value this run cannot take at all
            }
        }
        if (differing.isEmpty()) return;
        throw new IllegalArgumentException("--resume continues the run as it was configured; " + String.join(", ", differing)
                + " would change the run (its problem, net, optimizer, points, seed or logging). With --resume give only "
                + "--steps and --time (new totals), or start a new run");
    }

    /** Flags that configure a run (all but the budget and the output switches). */
    private static final String[] FLAGS = {"--problem", "--optimizer", "--preset", "--width", "--depth", "--activation", "--s",
            "--output-bias", "--seed", "--lr", "--cutoff", "--cutoff-kind", "--points", "--eval-every", "--target-error", "--weights",
            "--ntk-every", "--name", "--set"};

    /** Applies every given flag except the budget. */
    private void applyOverrides(Config c) {
        for (String f : FLAGS) applyOverride(c, f);
    }

    private boolean applyOverride(Config c, String flag) {
        return switch (flag) {
            case "--problem" -> set(c, flag, "problem", problem);
            case "--optimizer" -> set(c, flag, "optimizer.name", optimizer);
            case "--preset" -> set(c, flag, "optimizer.preset", preset);
            case "--width" -> set(c, flag, "net.width", width);
            case "--depth" -> set(c, flag, "net.depth", depth);
            case "--activation" -> set(c, flag, "net.activation", activation);
            case "--s" -> set(c, flag, "net.s", s);
            case "--output-bias" -> set(c, flag, "net.output_bias", outputBias);
            case "--seed" -> set(c, flag, "seed", seed);
            case "--lr" -> set(c, flag, "optimizer.lr", lr);
            case "--cutoff" -> set(c, flag, "optimizer.cutoff", cutoff);
            case "--cutoff-kind" -> set(c, flag, "optimizer.cutoff_kind", cutoffKind);
            case "--points" -> set(c, flag, "points.pde", points);
            case "--eval-every" -> set(c, flag, "train.eval_every", evalEvery);
            case "--target-error" -> set(c, flag, "train.target_error", target);
            case "--weights" -> set(c, flag, "weights", weights);
            case "--ntk-every" -> set(c, flag, "ntk.every", ntkEvery);
            case "--name" -> set(c, flag, "name", name);
            case "--set" -> setAll(c);
            default -> throw new IllegalStateException(flag);
        };
    }

    /** Every --set KEY=VALUE, in order ({@link Config#setAll}, the parser every command shares). */
    private boolean setAll(Config c) {
        if (sets == null) return false;
        c.setAll(sets);
        return true;
    }

    private void applyBudget(Config c) {
        set(c, "--steps", "train.steps", steps);
        set(c, "--time", "train.time", time);
    }

    /** Sets a key from a flag; a rejected value names the flag as well as the key. */
    private static boolean set(Config c, String flag, String key, Object value) {
        if (value == null) return false;
        try {
            c.set(key, value);
            return true;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " " + value + ": " + e.getMessage());
        }
    }

    /** The optimizer names for the help text and shell completion, read from the registry. */
    static final class OptimizerNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Optimizers.NAMES.iterator();
        }
    }
}
