package dev.tangent.train;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.optim.Optimizer;
import dev.tangent.optim.StepReport;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.ErrorMetrics;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Problem;
import dev.tangent.sampling.SamplerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop: optimizer steps on the weighted loss, error metrics every k steps, budgets, divergence
 * handling, checkpoints and the run directory. Time is training time: evaluation and I/O are excluded.
 */
public final class Trainer {
    /** Called after every logged step (progress display). */
    public interface Listener {
        void logged(Progress p);
    }

    /** One logged step, for the progress display. */
    public record Progress(long step, long maxSteps, double seconds, double loss, ErrorMetrics errors, StepReport report,
                           boolean last) {}

    /** The outcome of a run. */
    public record Result(String status, String message, long steps, double seconds, double loss, ErrorMetrics errors,
                         Path runDir, double[] theta, double[] lastSpectrum, MetricsTable metrics, Discretization discretization,
                         double weightSeconds) {}

    public static final String COMPLETED = "completed";
    public static final String TIME_BUDGET = "time-budget";
    public static final String TARGET_REACHED = "target-reached";
    public static final String DIVERGED = "diverged";
    public static final String CONVERGED = "converged";

    private Trainer() {}

    /** Runs (or resumes, when runDir holds a checkpoint and resume is set) the configured training. */
    public static Result run(Config config, Path runDir, boolean resume, Listener listener) {
        Optimizers.applyPreset(config);
        Problem problem = ProblemFactory.build(config);
        MlpSpec spec = NetFactory.build(config, problem);
        Mlp mlp = new Mlp(spec);
        long seed = config.integer("seed", 0);
        Map<String, Integer> points = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : config.section("points").entrySet()) {
            int n = (int) ProblemFactory.toDouble(e.getValue(), "points." + e.getKey());
            if (n < 1) throw new IllegalArgumentException("points." + e.getKey() + " must be >= 1, got " + n);
            points.put(e.getKey(), n);
        }
        SamplerKind interior = config.has("sampler.interior") ? SamplerKind.parse(config.string("sampler.interior", ""))
                : problem.defaults().interiorSampler();
        SamplerKind conditions = config.has("sampler.conditions") ? SamplerKind.parse(config.string("sampler.conditions", ""))
                : problem.defaults().conditionSampler();
        Discretization disc = new Discretization(problem, mlp, points, interior, conditions, seed);
        WeightedProblem wp = new WeightedProblem(disc);
        Optimizer opt = Optimizers.create(config);
        TrainSettings ts = TrainSettings.from(config, problem.defaults().seconds());
        LossWeighting weighting = LossWeighting.from(config, wp);
        NtkMonitor ntk = NtkMonitor.from(config, disc);

        List<String> cols = new ArrayList<>(List.of("step", "seconds", "loss", "rel_l2", "abs_rms", "eta", "rank", "sigma_max", "sigma_min_kept", "mu", "rho"));
        for (LossGroup g : disc.groups()) cols.add("loss_" + g.name());
        for (LossGroup g : disc.groups()) cols.add("lambda_" + g.name());
        cols.addAll(ntk.columns());
        MetricsTable metrics = new MetricsTable(cols);

        double[] theta = mlp.initialize(seed);
        long step = 0;
        long trainNanos = 0;
        Path checkpointFile = runDir.resolve("checkpoint");
        if (resume) {
            if (!Files.exists(checkpointFile)) throw new IllegalArgumentException("cannot resume: " + checkpointFile + " does not exist");
            Checkpoint cp = Checkpoint.read(checkpointFile);
            if (cp.theta().length != mlp.nParams()) {
                throw new IllegalArgumentException("checkpoint has " + cp.theta().length + " parameters but the config's net has " + mlp.nParams());
            }
            theta = cp.theta().clone();
            step = cp.step();
            trainNanos = cp.trainNanos();
            System.arraycopy(cp.weights(), 0, wp.weights(), 0, wp.weights().length);
            opt.restore(cp.optimizerState());
            weighting.restore(cp.extra());
            ntk.restore(cp.extra(), theta);
            if (ts.resampleEvery() > 0 && step >= ts.resampleEvery()) resampleAll(disc, seed, step / ts.resampleEvery());
            Path m = runDir.resolve("metrics.csv");
            if (Files.exists(m)) {
                MetricsTable old = MetricsTable.read(m);
                old.truncateAfter(step);
                for (double[] r : old.rows()) metrics.add(r);
            }
        } else {
            ntk.start(theta);
        }
        AtomicFiles.write(runDir.resolve("config.yaml"), config.toYaml());

        String status = COMPLETED;
        String message = "";
        StepReport last = null;
        double[] lastSpectrum = null;
        double[] good = theta.clone();
        ErrorMetrics errors = null;
        double loss = Double.NaN;
        while (step < ts.steps()) {
            if (ts.seconds() > 0 && trainNanos / 1e9 >= ts.seconds()) {
                status = TIME_BUDGET;
                break;
            }
            long t0 = System.nanoTime();
            if (ts.resampleEvery() > 0 && step > 0 && step % ts.resampleEvery() == 0) {
                resampleAll(disc, seed, step / ts.resampleEvery());
                opt.problemChanged();
            }
            if (weighting.update(theta, step)) opt.problemChanged();
            System.arraycopy(theta, 0, good, 0, theta.length);
            StepReport rep = opt.step(theta, wp);
            trainNanos += System.nanoTime() - t0;
            step++;
            if (!Double.isFinite(rep.loss()) || !allFinite(theta)) {
                System.arraycopy(good, 0, theta, 0, theta.length);
                step--;
                status = DIVERGED;
                message = "training diverged at step " + (step + 1) + ": the loss or the parameters became "
                        + (Double.isNaN(rep.loss()) ? "NaN" : "non-finite") + "; kept the last good parameters (step " + step + ")";
                break;
            }
            last = rep;
            loss = rep.loss();
            boolean stalled = opt.stalled(rep) && ts.resampleEvery() == 0 && weighting.kind().equals("none");
            if (rep.singularValues() != null) lastSpectrum = rep.singularValues();
            boolean logNow = step % ts.evalEvery() == 0 || step == ts.steps() || stalled;
            if (logNow) {
                errors = disc.errors(theta);
                metrics.add(row(step, trainNanos, rep, errors, wp, ntk.measure(theta, step)));
                if (listener != null) listener.logged(new Progress(step, ts.steps(), trainNanos / 1e9, rep.loss(), errors, rep, false));
                if (ts.targetError() > 0 && errors != null && errors.absoluteRms() <= ts.targetError()) {
                    status = TARGET_REACHED;
                    break;
                }
            }
            if (stalled) {
                // a stateless method that found no decrease would repeat the same step forever
                status = CONVERGED;
                message = "converged: the line search found no decrease at step " + step + " (loss " + rep.loss() + ")";
                break;
            }
            if (ts.checkpointEvery() > 0 && step % ts.checkpointEvery() == 0) {
                checkpoint(step, trainNanos, theta, wp, opt, weighting, ntk).write(checkpointFile);
                metrics.write(runDir.resolve("metrics.csv"));
            }
        }
        // final evaluation at the last good parameters
        double finalLoss = wp.loss(theta, new double[wp.nRows()]);
        errors = disc.errors(theta);
        if (metrics.rows().isEmpty() || metrics.rows().get(metrics.rows().size() - 1)[0] != step) {
            StepReport rep = last != null ? last : new StepReport(finalLoss, Double.NaN, -1, Double.NaN, Double.NaN, 0, 0, 0, 0, null);
            StepReport fin = new StepReport(finalLoss, rep.eta(), rep.rank(), rep.sigmaMax(), rep.sigmaMinKept(), 0, 0, 0, 0, null,
                    rep.damping(), rep.ratio());
            metrics.add(row(step, trainNanos, fin, errors, wp, ntk.measure(theta, step)));
        }
        if (listener != null) listener.logged(new Progress(step, ts.steps(), trainNanos / 1e9, finalLoss, errors, last, true));
        checkpoint(step, trainNanos, theta, wp, opt, weighting, ntk).write(checkpointFile);
        metrics.write(runDir.resolve("metrics.csv"));
        if (status.equals(COMPLETED) && step < ts.steps()) status = TIME_BUDGET;
        if (message.isEmpty()) message = switch (status) {
            case TIME_BUDGET -> "stopped at the time budget of " + ts.seconds() + " s";
            case TARGET_REACHED -> "reached the target absolute RMS error " + ts.targetError();
            default -> "completed " + step + " steps";
        };
        return new Result(status, message, step, trainNanos / 1e9, finalLoss, errors, runDir, theta, lastSpectrum, metrics, disc,
                weighting.seconds());
    }

    private static Checkpoint checkpoint(long step, long nanos, double[] theta, WeightedProblem wp, Optimizer opt,
                                         LossWeighting weighting, NtkMonitor ntk) {
        Map<String, double[]> extra = new LinkedHashMap<>(weighting.state());
        extra.putAll(ntk.state());
        return new Checkpoint(step, nanos, theta.clone(), wp.weights().clone(), opt.state(), extra);
    }

    private static void resampleAll(Discretization disc, long seed, long round) {
        int g = 0;
        for (LossGroup grp : disc.groups()) grp.resample(seed + 7777L * round + 1000003L * g++);
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }

    private static double[] row(long step, long nanos, StepReport rep, ErrorMetrics e, WeightedProblem wp, double[] ntkValues) {
        int groups = wp.weights().length;
        double[] r = new double[11 + 2 * groups + ntkValues.length];
        r[0] = step;
        r[1] = nanos / 1e9;
        r[2] = rep.loss();
        r[3] = e == null ? Double.NaN : e.relativeL2();
        r[4] = e == null ? Double.NaN : e.absoluteRms();
        r[5] = rep.eta();
        r[6] = rep.rank();
        r[7] = rep.sigmaMax();
        r[8] = rep.sigmaMinKept();
        r[9] = rep.damping();
        r[10] = rep.ratio();
        double[] gl = wp.groupLosses();
        System.arraycopy(gl, 0, r, 11, groups);
        System.arraycopy(wp.weights(), 0, r, 11 + groups, groups);
        System.arraycopy(ntkValues, 0, r, 11 + 2 * groups, ntkValues.length);
        return r;
    }
}
