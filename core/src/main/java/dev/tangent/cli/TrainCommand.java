package dev.tangent.cli;

import dev.tangent.pde.ErrorMetrics;
import dev.tangent.report.RunReport;
import dev.tangent.train.Config;
import dev.tangent.train.Optimizers;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent train}: train a PINN and write a run directory. */
@Command(name = "train", description = {
        "Train a PINN on a catalog problem or a YAML config and write runs/<name>-<timestamp>/.",
        "With no arguments: laplace2d, 2-32-1 tanh net, ANaGRAM, 10 s budget."})
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "YAML run config (optional).")
    Path configFile;

    @Option(names = "--problem", description = "Catalog problem (see `tangent problems`).") String problem;
    @Option(names = "--optimizer", description = "lm (default) | anagram | engd | adam | lbfgs | gd") String optimizer;
    @Option(names = "--preset", description = "Optimizer preset: precise (see README).") String preset;
    @Option(names = "--steps", description = "Step budget (default: unlimited when a time budget is set).") Long steps;
    @Option(names = "--time", description = "Training-time budget in seconds (0 = none; default: the problem's, see `tangent problems NAME`).") Double time;
    @Option(names = "--width", description = "Hidden width (all hidden layers).") Integer width;
    @Option(names = "--depth", description = "Number of hidden layers.") Integer depth;
    @Option(names = "--activation", description = "tanh | sin | softplus | relu3 | relu4") String activation;
    @Option(names = "--s", description = "Output scaling exponent s in N^-s.") Double s;
    @Option(names = "--output-bias", description = "Output bias: unscaled (default) | scaled (by N^-s) | none.") String outputBias;
    @Option(names = "--seed", description = "Random seed (points and initialisation).") Long seed;
    @Option(names = "--lr", description = "Learning rate (adam, gd).") Double lr;
    @Option(names = "--cutoff", description = "ANaGRAM singular-value cutoff.") Double cutoff;
    @Option(names = "--cutoff-kind", description = "absolute | relative | default") String cutoffKind;
    @Option(names = "--points", description = "Interior (PDE) collocation points.") Integer points;
    @Option(names = "--eval-every", description = "Evaluate errors every k steps.") Integer evalEvery;
    @Option(names = "--target-error", description = "Stop when absolute RMS error ≤ this.") Double target;
    @Option(names = "--weights", description = "Loss weights: none | ntk") String weights;
    @Option(names = "--ntk-every", description = "Record NTK drift and block traces every k steps.") Integer ntkEvery;
    @Option(names = "--name", description = "Run name (directory prefix).") String name;
    @Option(names = "--out", defaultValue = "runs", description = "Base directory for runs. Default: ${DEFAULT-VALUE}.") Path out;
    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue a stopped or killed run in place.") Path resume;
    @Option(names = "--no-plots", description = "Skip PNG plots.") boolean noPlots;
    @Option(names = "--quiet", description = "Print only the summary.") boolean quiet;

    @Override
    public Integer call() {
        Config config;
        Path dir;
        if (resume != null) {
            if (configFile != null) throw new IllegalArgumentException("--resume takes the run directory's own config; do not pass CONFIG too");
            Path cfg = resume.resolve("config.yaml");
            if (!Files.exists(cfg)) throw new IllegalArgumentException("--resume " + resume + ": no config.yaml there (not a run directory)");
            config = Config.load(cfg);
            applyOverrides(config);
            dir = resume;
        } else {
            config = configFile == null ? Config.empty() : Config.load(configFile);
            applyOverrides(config);
            if (!config.has("problem")) config.set("problem", "laplace2d");
            if (!config.has("optimizer.name")) config.set("optimizer.name", Optimizers.DEFAULT);
            if (!config.has("name")) {
                Object p = config.get("problem");
                config.set("name", (p instanceof String ps ? ps : config.string("problem.name", "custom")) + "-" + config.string("optimizer.name", ""));
            }
            dir = RunSummary.newRunDirectory(out, config.string("name", "run"));
        }
        ProgressPrinter progress = new ProgressPrinter(quiet);
        Trainer.Result r = Trainer.run(config, dir, resume != null, progress);
        progress.finish();
        RunSummary.write(dir.resolve("summary.json"), RunSummary.summary(config, r));
        if (!noPlots) RunReport.plots(dir, r);
        ErrorMetrics e = r.errors();
        System.out.printf("%s: %s on %s (%s, %d parameters, %d residual rows)%n", r.status(), config.string("optimizer.name", ""),
                r.discretization().problem().name(), r.discretization().mlp().spec().shape(), r.discretization().mlp().nParams(),
                r.discretization().rows());
        System.out.printf("  %d steps in %.2f s of training, loss %.3e%n", r.steps(), r.seconds(), r.loss());
        if (e != null) System.out.printf("  error on the test grid: relative L2 %.3e, absolute RMS %.3e%n", e.relativeL2(), e.absoluteRms());
        System.out.println("  " + r.message());
        System.out.println("  run directory: " + dir);
        return r.status().equals(Trainer.DIVERGED) ? ExitCodes.STOPPED : ExitCodes.OK;
    }

    private void applyOverrides(Config c) {
        if (problem != null) c.set("problem", problem);
        if (optimizer != null) c.set("optimizer.name", optimizer);
        if (preset != null) c.set("optimizer.preset", preset);
        if (steps != null) c.set("train.steps", steps);
        if (time != null) c.set("train.time", time);
        if (width != null) c.set("net.width", width);
        if (depth != null) c.set("net.depth", depth);
        if (activation != null) c.set("net.activation", activation);
        if (s != null) c.set("net.s", s);
        if (outputBias != null) c.set("net.output_bias", outputBias);
        if (seed != null) c.set("seed", seed);
        if (lr != null) c.set("optimizer.lr", lr);
        if (cutoff != null) c.set("optimizer.cutoff", cutoff);
        if (cutoffKind != null) c.set("optimizer.cutoff_kind", cutoffKind);
        if (points != null) c.set("points.pde", points);
        if (evalEvery != null) c.set("train.eval_every", evalEvery);
        if (target != null) c.set("train.target_error", target);
        if (weights != null) c.set("weights", weights);
        if (ntkEvery != null) c.set("ntk.every", ntkEvery);
        if (name != null) c.set("name", name);
    }
}
