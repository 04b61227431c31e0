package dev.tangent.train;

import dev.tangent.nn.FourierFeatures;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.PeriodicEmbedding;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.pde.HardConstraints;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.Problem;
import dev.tangent.sampling.ResidualSampling;
import dev.tangent.sampling.SamplerKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run, typed: what {@link Trainer} builds its parts from. Parsed once from a validated {@link Config} (a YAML
 * file, CLI flags, {@code --set key=value} and sweep overrides all land in the config first) by {@link #from}; the
 * consumers take these records, not the key map. A new key goes into {@link ConfigSchema} (its type and range) and
 * into the record it configures here.
 *
 * @param fourier the Fourier-feature first layer ({@code net.fourier}), or null
 * @param periodic the periodic input embedding ({@code net.periodic}), or null
 * @param hard    hard Dirichlet constraints ({@code hard: true} on dirichlet conditions), or null
 * @param kernel how kernel blocks are computed ({@code ntk.kernel}, {@code ntk.memory_mb})
 * @param causal causal weights in time, or null when the config has no {@code causal} section
 */
public record RunSpec(String name, Problem problem, MlpSpec net, FourierFeatures fourier, PeriodicEmbedding periodic, HardConstraints hard, Sampling sampling, OptimizerSpec optimizer,
                      Weighting weighting, Monitoring monitoring, Kernel kernel, TrainSettings budget, Causal causal, long seed) {

    /**
     * Collocation points per loss group (absent groups take the problem's defaults), the samplers and resampling.
     *
     * @param resampleEvery draw new points every k steps (0 = never)
     * @param residual      the residual-based rule for the PDE points ({@code sampler.resample_by: residual}), or null
     * @param candidates    candidates per kept point under the residual rule
     */
    public record Sampling(Map<String, Integer> points, SamplerKind interior, SamplerKind conditions, int resampleEvery,
                           ResidualSampling residual, int candidates) {
        public Sampling {
            points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
        }
    }

    /**
     * Loss weights ({@link LossWeighting}): the rule, its update period and EMA, and the sampled estimators' size.
     *
     * @param startExact the sampled rules start from the exact traces ({@code weights.start: exact})
     */
    public record Weighting(String kind, int every, double ema, int probes, int sketch, boolean startExact) {
        public Weighting {
            if (!LossWeighting.KINDS.contains(kind)) throw new IllegalArgumentException("weights.kind must be one of " + LossWeighting.KINDS + ", got '" + kind + "'");
            if (every < 1) throw new IllegalArgumentException("weights.every must be >= 1, got " + every);
            if (!(ema >= 0 && ema < 1)) throw new IllegalArgumentException("weights.ema must be in [0, 1), got " + ema);
            if (probes < 1) throw new IllegalArgumentException("weights.probes must be >= 1, got " + probes);
            if (sketch < 1) throw new IllegalArgumentException("weights.sketch (rows per group) must be >= 1, got " + sketch);
        }

        /** All weights 1. */
        public static final Weighting NONE = new Weighting("none", 100, 0, 1, 64, true);
    }

    /**
     * The NTK monitor ({@link NtkMonitor}): block traces and kernel drift every {@code every} steps (0 = off) on at
     * most {@code maxPoints} rows per group.
     */
    public record Monitoring(int every, int maxPoints) {
        /** Rows per group of the monitored kernel when the config sets none (the only default of ntk.max_points). */
        public static final int MAX_POINTS = 256;

        public Monitoring {
            if (every < 0) throw new IllegalArgumentException("ntk.every must be >= 0, got " + every);
            if (maxPoints < 1) throw new IllegalArgumentException("ntk.max_points must be >= 1, got " + maxPoints);
        }
    }

    /**
     * How {@code tangent ntk} computes kernel blocks ({@link KernelBlocks}): {@code ntk.kernel} auto, dense or
     * structured, and the working-memory budget {@code ntk.memory_mb} of one block besides the kernel itself.
     */
    public record Kernel(KernelBlocks.Method method, int memoryMb) {
        public static final Kernel DEFAULT = new Kernel(KernelBlocks.Method.AUTO, KernelBlocks.DEFAULT_MEMORY_MB);

        public Kernel {
            if (memoryMb < 1) throw new IllegalArgumentException("ntk.memory_mb must be >= 1 (megabytes), got " + memoryMb);
        }

        /** The kernel blocks of a network at θ, in dense row blocks of at most {@code blockPoints} points. */
        public KernelBlocks blocks(Mlp mlp, double[] theta, int blockPoints) {
            return new KernelBlocks(mlp, theta, blockPoints, memoryMb, method);
        }
    }

    /** Causal weights in time ({@link CausalWeights}): the soft rule, or hard time-marching on windows. */
    public record Causal(boolean marching, double epsilon, int bins, int windows, double tolerance) {
        public CausalWeights create() {
            return marching ? CausalWeights.marching(windows, tolerance) : new CausalWeights(epsilon, bins);
        }
    }

    /** The network of this run: the spec's layers, one extra parameter per unknown, the Fourier layer and periodic embedding if any. */
    public Mlp network() {
        return new Mlp(net, problem.unknowns().size(), fourier, periodic);
    }

    /** The problem bound to a network on this run's points, samplers and seed. */
    public Discretization discretization(Mlp mlp) {
        return new Discretization(problem, mlp, sampling.points(), sampling.interior(), sampling.conditions(), seed, hard);
    }

    /**
     * The spec of a config. Applies the optimizer preset to the config first (it fills net and points keys the
     * config leaves open, and the run directory's config.yaml records them).
     */
    public static RunSpec from(Config c) {
        Optimizers.applyPreset(c);
        Problem problem = ProblemFactory.build(c);
        MlpSpec net = NetFactory.build(c, problem);
        Map<String, Integer> points = new LinkedHashMap<>();
        for (String group : c.section("points").keySet()) points.put(group, c.integer("points." + group, 1, 1, Integer.MAX_VALUE));
        if (c.has("causal") && c.has("time_marching")) {
            throw new IllegalArgumentException("causal and time_marching are two forms of the same weighting; choose one");
        }
        Causal causal = c.has("causal") ? new Causal(false, c.number("causal.epsilon", 1.0), (int) c.integer("causal.bins", 32), 0, 0)
                : c.has("time_marching") ? new Causal(true, 0, 0, (int) c.integer("time_marching.windows", 10),
                c.number("time_marching.tolerance", 1e-6)) : null;
        if (causal != null && !problem.domain().timeDependent()) {
            throw new IllegalArgumentException((causal.marching() ? "time_marching" : "causal") + " weights need a time-dependent problem; "
                    + problem.name() + " has no time axis");
        }
        if (causal != null) causal.create(); // its own range checks, before anything runs
        OptimizerSpec optimizer = Optimizers.spec(c);
        Sampling sampling = new Sampling(points,
                c.parsed("sampler.interior", SamplerKind::parse, problem.defaults().interiorSampler()),
                c.parsed("sampler.conditions", SamplerKind::parse, problem.defaults().conditionSampler()),
                (int) c.integer("sampler.resample_every", 0), residualRule(c), (int) c.integer("sampler.candidates", 10));
        return new RunSpec(c.string("name", "run"), problem, net, NetFactory.fourier(c), NetFactory.periodic(c, problem), HardConstraintConfig.from(c, problem), sampling, optimizer, weighting(c),
                new Monitoring((int) c.integer("ntk.every", 0), (int) c.integer("ntk.max_points", Monitoring.MAX_POINTS)),
                new Kernel(c.parsed("ntk.kernel", KernelBlocks.Method::parse, KernelBlocks.Method.AUTO),
                        c.integer("ntk.memory_mb", KernelBlocks.DEFAULT_MEMORY_MB, 1, KernelBlocks.MAX_MEMORY_MB)),
                TrainSettings.from(c, problem.defaults().seconds()), causal, c.integer("seed", 0));
    }

    private static ResidualSampling residualRule(Config c) {
        boolean byResidual = c.string("sampler.resample_by", "draw").equals("residual");
        for (String k : new String[] {"sampler.residual_k", "sampler.residual_c", "sampler.candidates"}) {
            if (c.has(k) && !byResidual) throw new IllegalArgumentException(k + " applies only with sampler.resample_by: residual");
        }
        if (byResidual && c.integer("sampler.resample_every", 0) == 0) {
            throw new IllegalArgumentException("sampler.resample_by: residual needs sampler.resample_every > 0 (how often to redraw)");
        }
        return byResidual ? new ResidualSampling(c.number("sampler.residual_k", 1), c.number("sampler.residual_c", 1)) : null;
    }

    /** {@code weights: KIND} (defaults) or a section; the sampled rules update every step with EMA 0.9, exact every 100. */
    public static Weighting weighting(Config c) {
        Object w = c.get("weights");
        boolean shorthand = w instanceof String;
        String kind = shorthand ? (String) w : c.string("weights.kind", "none");
        boolean sampled = kind.equals("ntk-sketch") || kind.equals("ntk-rows");
        int every = (int) (shorthand ? (sampled ? 1 : 100) : c.integer("weights.every", sampled ? 1 : 100));
        double ema = shorthand ? (sampled ? 0.9 : 0) : c.number("weights.ema", sampled ? 0.9 : 0);
        int probes = (int) (shorthand ? 1 : c.integer("weights.probes", 1));
        int rows = (int) (shorthand ? 64 : c.integer("weights.sketch", 64));
        String start = shorthand ? "exact" : c.string("weights.start", "exact");
        if (!start.equals("exact") && !start.equals("sample")) {
            throw new IllegalArgumentException("weights.start must be exact or sample, got '" + start + "'");
        }
        return new Weighting(kind, every, ema, probes, rows, start.equals("exact"));
    }
}
