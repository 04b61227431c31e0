package dev.tangent.cli;

import dev.tangent.pde.catalog.Catalog;

import dev.tangent.nn.Mlp;
import dev.tangent.ntk.NtkReport;
import dev.tangent.ntk.NtkSpectrum;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.Problem;
import dev.tangent.report.NtkFiles;
import dev.tangent.train.Checkpoint;
import dev.tangent.train.Config;
import dev.tangent.train.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent ntk}: kernel blocks, spectra, traces and conditioning at initialisation or from a run. */
@Command(name = "ntk", description = "Empirical NTK of a problem's loss groups: block spectra (syevd), traces, conditioning.")
final class NtkCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "YAML run config (optional).") Path configFile;
    @Option(names = "--problem", description = "Catalog problem.") String problem;
    @Option(names = "--run", paramLabel = "RUN_DIR", description = "Use the config and checkpoint of a run.") Path run;
    @Option(names = "--width", description = "Hidden width (all hidden layers).") Integer width;
    @Option(names = "--depth", description = "Number of hidden layers.") Integer depth;
    @Option(names = "--s", description = "Output scaling exponent.") Double s;
    @Option(names = "--parameterization", completionCandidates = Candidates.Parameterizations.class, description = "One of: ${COMPLETION-CANDIDATES}.") String parameterization;
    @Option(names = "--output-bias", completionCandidates = Candidates.OutputBiases.class, description = "Output bias, one of: ${COMPLETION-CANDIDATES} (default unscaled; scaled = by N^-s).") String outputBias;
    @Option(names = "--seed", description = "Random seed (points and initialisation).") Long seed;
    @Option(names = "--points", description = "Interior (PDE) points.") Integer points;
    @Option(names = "--block", defaultValue = "512", description = "Points per kernel block (memory bound). Default: ${DEFAULT-VALUE}.") int block;
    @Option(names = "--kernel", paramLabel = "auto|dense|structured", description = "How kernel blocks are computed (ntk.kernel): auto (structured for wide layers, dense otherwise), dense (J_a J_bᵀ) or structured (layer factors, no J). Default: auto.") String kernel;
    @Option(names = "--memory-mb", paramLabel = "MB", description = "Working-memory budget of one kernel block besides the kernel itself (ntk.memory_mb). Default: 1024.") Integer memoryMb;
    @Option(names = "--out", defaultValue = "ntk-out", description = "Output directory. Default: ${DEFAULT-VALUE}.") Path out;
    @Mixin ConfigSets sets;

    @Override
    public Integer call() throws Exception {
        if (block < 1) throw new IllegalArgumentException("--block must be >= 1 points per kernel block, got " + block);
        Config c;
        if (run != null) {
            if (!Files.exists(run.resolve("config.yaml"))) throw new IllegalArgumentException("--run " + run + " has no config.yaml");
            c = Config.load(run.resolve("config.yaml"));
        } else {
            c = configFile == null ? Config.empty() : Config.load(configFile);
        }
        if (problem != null) c.set("problem", problem);
        if (width != null) c.set("net.width", width);
        if (depth != null) c.set("net.depth", depth);
        if (s != null) c.set("net.s", s);
        if (parameterization != null) c.set("net.parameterization", parameterization);
        if (outputBias != null) c.set("net.output_bias", outputBias);
        if (seed != null) c.set("seed", seed);
        if (points != null) c.set("points.pde", points);
        if (kernel != null) c.set("ntk.kernel", kernel);
        if (memoryMb != null) c.set("ntk.memory_mb", memoryMb);
        sets.applyTo(c);
        RunSpec spec = RunSpec.from(c);   // the same parse, checks and defaults as tangent train
        Problem p = spec.problem();
        Mlp mlp = spec.network();
        Discretization d = spec.discretization(mlp);
        double[] theta = mlp.initialize(spec.seed());
        String at = "initialisation";
        if (run != null) {
            Checkpoint cp = Checkpoint.read(run.resolve("checkpoint"));
            if (cp.theta().length != mlp.nParams()) {
                throw new IllegalArgumentException("--run " + run + ": the checkpoint has " + cp.theta().length
                        + " parameters but the net " + mlp.spec().shape() + " has " + mlp.nParams());
            }
            theta = cp.theta();
            at = "checkpoint at step " + cp.step();
        }
        long t0 = System.nanoTime();
        NtkReport r = NtkReport.of(d, spec.kernel().blocks(mlp, theta, block));
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("NTK of %s, net %s, at %s (%.2f s)%n", p.name(), mlp.spec() + (mlp.periodic() == null ? "" : " " + mlp.periodic().describe(p.domain().coords())), at, secs);
        System.out.printf("%-22s %6s %12s %12s %12s %10s%n", "block", "size", "trace", "λ_max", "condition", "eff. rank");
        for (NtkSpectrum sp : NtkFiles.spectra(r)) {
            System.out.printf("%-22s %6d %12.4e %12.4e %12.4e %10.2f%n", sp.name(), sp.eigenvalues().length, sp.trace(),
                    sp.eigenvalues()[0], sp.condition(), sp.effectiveRank());
        }
        NtkFiles.write(out, r, p.name(), mlp.spec().toString() + (mlp.periodic() == null ? "" : " " + mlp.periodic().describe(p.domain().coords())),
                mlp.spec().shape(), at);
        System.out.println("wrote " + out.resolve("ntk.json") + ", " + out.resolve("spectra.csv") + ", " + out.resolve("spectrum.png") + " and .svg");
        return ExitCodes.OK;
    }
}
