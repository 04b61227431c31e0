package dev.tangent.train;

import dev.tangent.io.AtomicFiles;
import dev.tangent.Limits;
import dev.tangent.nn.Mlp;
import dev.tangent.optim.Optimizer;
import dev.tangent.optim.StepReport;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.ErrorMetrics;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Problem;
import dev.tangent.sampling.ResidualSampling;
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

        /** Polled before every step: true stops the run at this step boundary with status {@link #INTERRUPTED}. */
        default boolean stopRequested() {
            return false;
        }
    }

    /**
     * One logged step, for the progress display.
     *
     * @param step       steps taken so far
     * @param maxSteps   the step budget ({@link TrainSettings#UNLIMITED} when only time binds)
     * @param seconds    training seconds so far
     * @param maxSeconds the training-time budget in seconds (0 = none)
     * @param loss       the weighted loss
     * @param errors     errors on the test grid, or null without a reference
     * @param report     the optimizer's report of the step (null before the first step)
     * @param last       true once, for the final state of the run
     */
    public record Progress(long step, long maxSteps, double seconds, double maxSeconds, double loss, ErrorMetrics errors,
                           StepReport report, boolean last) {}

    /** The outcome of a run. */
    public record Result(String status, String message, long steps, double seconds, double loss, ErrorMetrics errors,
                         Path runDir, double[] theta, double[] lastSpectrum, MetricsTable metrics, Discretization discretization,
                         double weightSeconds) {}

    public static final String COMPLETED = "completed";
    public static final String TIME_BUDGET = "time-budget";
    public static final String TARGET_REACHED = "target-reached";
    public static final String DIVERGED = "diverged";
    public static final String CONVERGED = "converged";
    public static final String INTERRUPTED = "interrupted";
    /** metrics.csv column prefix of an unknown coefficient's value. */
    public static final String UNKNOWN_COLUMN = "unknown_";

    private Trainer() {}

    /**
     * Runs (or resumes, when resume is set) the configured training. A fresh run writes a checkpoint at step 0, so a
     * run killed at any moment after that can be resumed; resuming a run directory without a checkpoint starts it
     * from step 0. On divergence the checkpoint holds the last finite state: parameters, weights and every
     * optimizer state array.
     */
    public static Result run(Config config, Path runDir, boolean resume, Listener listener) {
        Optimizers.applyPreset(config);
        Problem problem = ProblemFactory.build(config);
        Mlp mlp = NetFactory.network(config, problem);
        long seed = config.integer("seed", 0);
        Map<String, Integer> points = new LinkedHashMap<>();
        for (String group : config.section("points").keySet()) {
            points.put(group, config.integer("points." + group, 1, 1, Integer.MAX_VALUE));
        }
        SamplerKind interior = config.parsed("sampler.interior", SamplerKind::parse, problem.defaults().interiorSampler());
        SamplerKind conditions = config.parsed("sampler.conditions", SamplerKind::parse, problem.defaults().conditionSampler());
        Discretization disc = new Discretization(problem, mlp, points, interior, conditions, seed);
        Limits.CELLS.check(Limits.product(disc.rows(), mlp.nParams()), disc.rows() + " residual rows × " + mlp.nParams() + " parameters");
        WeightedProblem wp = new WeightedProblem(disc);
        for (int g = 0; g < disc.groups().size(); g++) wp.weights()[g] = problem.weights().getOrDefault(disc.groups().get(g).name(), 1.0);
        if (config.has("causal") && config.has("time_marching")) {
            throw new IllegalArgumentException("causal and time_marching are two forms of the same weighting; choose one");
        }
        if (config.has("causal")) {
            wp.causal(new CausalWeights(config.number("causal.epsilon", 1.0), (int) config.integer("causal.bins", 32)));
        }
        if (config.has("time_marching")) {
            wp.causal(CausalWeights.marching((int) config.integer("time_marching.windows", 10), config.number("time_marching.tolerance", 1e-6)));
        }
        Optimizer opt = Optimizers.create(config);
        ResidualSampling rad = residualRule(config);
        TrainSettings ts = TrainSettings.from(config, problem.defaults().seconds());
        LossWeighting weighting = LossWeighting.from(config, wp);
        NtkMonitor ntk = NtkMonitor.from(config, disc);

        List<String> cols = new ArrayList<>(List.of("step", "seconds", "loss", "relative_l2", "absolute_rms", "eta", "rank", "sigma_max", "sigma_min_kept", "mu", "rho"));
        for (LossGroup g : disc.groups()) cols.add("loss_" + g.name());
        for (LossGroup g : disc.groups()) cols.add("lambda_" + g.name());
        cols.addAll(ntk.columns());
        for (dev.tangent.pde.Unknown u : problem.unknowns()) cols.add(UNKNOWN_COLUMN + u.name());
        cols.addAll(FieldColumns.names(problem));
        MetricsTable metrics = new MetricsTable(cols);

        double[] theta = mlp.initialize(seed);
        for (int j = 0; j < problem.unknowns().size(); j++) {
            theta[mlp.networkParams() + j] = problem.unknowns().get(j).internal(problem.unknowns().get(j).start());
        }
        long step = 0;
        long trainNanos = 0;
        Path checkpointFile = runDir.resolve("checkpoint");
        boolean restart = resume && Files.exists(checkpointFile); // without a checkpoint the run never passed step 0
        if (restart) {
            Checkpoint cp = Checkpoint.read(checkpointFile);
            restore(cp, theta, wp, opt, weighting, checkpointFile);
            step = cp.step();
            trainNanos = cp.trainNanos();
            ntk.restore(cp.extra(), theta);
            if (ts.resampleEvery() > 0 && step >= ts.resampleEvery()) resampleAll(wp, seed, step / ts.resampleEvery(), theta, null, 0);
            if (cp.extra().containsKey(ADAPTIVE_POINTS)) {
                disc.groups().get(0).usePoints(cp.extra().get(ADAPTIVE_POINTS));
                if (wp.causal() != null) wp.causal(wp.causal()); // bin the restored PDE rows again
            }
            Path m = runDir.resolve("metrics.csv");
            if (Files.exists(m)) {
                MetricsTable old = MetricsTable.read(m);
                old.truncateAfter(step);
                // a row at the checkpoint's step that only ended the earlier session is not one the full run has
                List<double[]> rows = old.rows();
                if (!rows.isEmpty() && rows.get(rows.size() - 1)[0] == step && step % ts.evalEvery() != 0) rows.remove(rows.size() - 1);
                for (double[] r : rows) metrics.add(r);
            }
        } else {
            ntk.start(theta);
            // the step-0 row: the curves start at the initialisation
            double loss0 = wp.loss(theta, new double[wp.nRows()]);
            StepReport init = new StepReport(loss0, Double.NaN, -1, Double.NaN, Double.NaN, 0, 0, 0, 0, null);
            metrics.add(row(0, 0, init, disc.errors(theta), wp, ntk.measure(theta, 0), theta));
            metrics.write(runDir.resolve("metrics.csv")); // before the step-0 checkpoint, as every later one
        }
        AtomicFiles.write(runDir.resolve("config.yaml"), config.toYaml());
        Checkpoint good = snapshot(step, trainNanos, theta, wp, opt, weighting, rad);
        if (!restart) withNtk(good, ntk).write(checkpointFile);

        String status = COMPLETED;
        String message = "";
        StepReport last = null;
        double[] lastSpectrum = null;
        ErrorMetrics errors = null;
        while (step < ts.steps()) {
            if (listener != null && listener.stopRequested()) {
                status = INTERRUPTED;
                message = "interrupted at step " + step + "; continue with --resume " + runDir;
                break;
            }
            if (ts.seconds() > 0 && trainNanos / 1e9 >= ts.seconds()) {
                status = TIME_BUDGET;
                break;
            }
            long t0 = System.nanoTime();
            if (ts.resampleEvery() > 0 && step > 0 && step % ts.resampleEvery() == 0) {
                resampleAll(wp, seed, step / ts.resampleEvery(), theta, rad, (int) config.integer("sampler.candidates", 10));
                opt.problemChanged();
            }
            if (weighting.update(theta, step)) opt.problemChanged();
            StepReport rep = step(opt, theta, wp);
            trainNanos += System.nanoTime() - t0;
            step++;
            Checkpoint now = Double.isFinite(rep.loss()) ? snapshot(step, trainNanos, theta, wp, opt, weighting, rad) : null;
            if (now == null || !now.finite()) {
                // the step's parameters, weights or optimizer state are not finite: go back to the last good state
                restore(good, theta, wp, opt, weighting, checkpointFile);
                step = good.step();
                status = DIVERGED;
                message = "training diverged at step " + (step + 1) + ": the loss, the parameters or the optimizer state became "
                        + (Double.isNaN(rep.loss()) ? "NaN" : "non-finite") + "; kept the last good state (step " + step + ")";
                break;
            }
            good = now;
            last = rep;
            boolean stalled = opt.stalled(rep) && ts.resampleEvery() == 0 && weighting.kind().equals("none");
            if (rep.singularValues() != null) lastSpectrum = rep.singularValues();
            boolean logNow = step % ts.evalEvery() == 0 || step == ts.steps() || stalled;
            if (logNow) {
                errors = disc.errors(theta);
                metrics.add(row(step, trainNanos, rep, errors, wp, ntk.measure(theta, step), theta));
                if (listener != null) listener.logged(new Progress(step, ts.steps(), trainNanos / 1e9, ts.seconds(), rep.loss(), errors, rep, false));
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
                metrics.write(runDir.resolve("metrics.csv")); // before the checkpoint: a resume never lacks rows
                withNtk(good, ntk).write(checkpointFile);
            }
        }
        // final evaluation at the last good parameters
        double finalLoss = wp.loss(theta, new double[wp.nRows()]);
        errors = disc.errors(theta);
        if (metrics.rows().isEmpty() || metrics.rows().get(metrics.rows().size() - 1)[0] != step) {
            StepReport rep = last != null ? last : new StepReport(finalLoss, Double.NaN, -1, Double.NaN, Double.NaN, 0, 0, 0, 0, null);
            StepReport fin = new StepReport(finalLoss, rep.eta(), rep.rank(), rep.sigmaMax(), rep.sigmaMinKept(), 0, 0, 0, 0, null,
                    rep.damping(), rep.ratio());
            metrics.add(row(step, trainNanos, fin, errors, wp, ntk.measure(theta, step), theta));
        }
        if (listener != null) listener.logged(new Progress(step, ts.steps(), trainNanos / 1e9, ts.seconds(), finalLoss, errors, last, true));
        metrics.write(runDir.resolve("metrics.csv"));
        withNtk(status.equals(DIVERGED) ? good : snapshot(step, trainNanos, theta, wp, opt, weighting, rad), ntk).write(checkpointFile);
        double reported = metrics.rows().get(metrics.rows().size() - 1)[metrics.column("loss")]; // = metrics.csv's last row
        if (status.equals(COMPLETED) && step < ts.steps()) status = TIME_BUDGET;
        if (message.isEmpty()) message = switch (status) {
            case TIME_BUDGET -> "stopped at the time budget of " + ts.seconds() + " s";
            case TARGET_REACHED -> "reached the target absolute RMS error " + ts.targetError();
            default -> "completed " + step + " steps";
        };
        if (wp.causal() != null && wp.causal().marching() && wp.causal().minimum() < 1) {
            message += "; time-marching had not yet opened every time window (raise time_marching.tolerance or the budget)";
        }
        return new Result(status, message, step, trainNanos / 1e9, reported, errors, runDir, theta, lastSpectrum, metrics, disc,
                weighting.seconds());
    }

    /**
     * One optimizer step. A solver that refuses a NaN input (LAPACK reports an invalid argument) is a divergence, not
     * a failure: the step reports a NaN loss when the loss at θ is not finite.
     */
    private static StepReport step(Optimizer opt, double[] theta, WeightedProblem wp) {
        try {
            return opt.step(theta, wp);
        } catch (RuntimeException e) {
            if (Double.isFinite(wp.loss(theta, new double[wp.nRows()]))) throw e;
            return new StepReport(Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, 0, 0, 0, 0, null);
        }
    }

    /** The state after a step, without the NTK monitor's reference kernel (constant; added when written). */
    /** Checkpoint key of the PDE points chosen by the residual rule: they depend on θ, so a resume cannot redraw them. */
    private static final String ADAPTIVE_POINTS = "points.pde";

    private static Checkpoint snapshot(long step, long nanos, double[] theta, WeightedProblem wp, Optimizer opt,
                                       LossWeighting weighting, ResidualSampling rad) {
        Map<String, double[]> extra = weighting.state();
        if (rad != null) {
            extra = new LinkedHashMap<>(extra);
            extra.put(ADAPTIVE_POINTS, wp.discretization().groups().get(0).points().clone());
        }
        return new Checkpoint(step, nanos, theta.clone(), wp.weights().clone(), opt.state(), extra);
    }

    private static Checkpoint withNtk(Checkpoint cp, NtkMonitor ntk) {
        Map<String, double[]> extra = new LinkedHashMap<>(cp.extra());
        extra.putAll(ntk.state());
        return new Checkpoint(cp.step(), cp.trainNanos(), cp.theta(), cp.weights(), cp.optimizerState(), extra);
    }

    /** Puts a checkpoint's parameters, weights and optimizer state back; a mismatch is an error naming the file. */
    private static void restore(Checkpoint cp, double[] theta, WeightedProblem wp, Optimizer opt, LossWeighting weighting,
                                Path file) {
        if (cp.theta().length != theta.length || cp.weights().length != wp.weights().length) {
            throw new IllegalArgumentException("checkpoint " + file + " has " + cp.theta().length + " parameters and "
                    + cp.weights().length + " loss groups but the run's config has " + theta.length + " and " + wp.weights().length);
        }
        System.arraycopy(cp.theta(), 0, theta, 0, theta.length);
        System.arraycopy(cp.weights(), 0, wp.weights(), 0, wp.weights().length);
        try {
            opt.restore(cp.optimizerState());
            weighting.restore(cp.extra());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("checkpoint " + file + " holds optimizer state " + cp.optimizerState().keySet()
                    + " that optimizer " + opt.name() + " cannot use: it was written by another optimizer or is corrupt");
        }
    }

    /** New points for every group; with a residual rule the PDE group keeps candidates where |r| is large. */
    private static void resampleAll(WeightedProblem wp, long seed, long round, double[] theta, ResidualSampling rad, int candidates) {
        int g = 0;
        for (LossGroup grp : wp.discretization().groups()) {
            long s = seed + 7777L * round + 1000003L * g;
            if (g++ == 0 && rad != null) grp.resampleByResidual(theta, rad, candidates, s);
            else grp.resample(s);
        }
        if (wp.causal() != null) wp.causal(wp.causal()); // the PDE rows moved: bin them again
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

    private static double[] row(long step, long nanos, StepReport rep, ErrorMetrics e, WeightedProblem wp, double[] ntkValues,
                                double[] theta) {
        int groups = wp.weights().length;
        java.util.List<dev.tangent.pde.Unknown> unknowns = wp.discretization().problem().unknowns();
        int fieldCols = FieldColumns.names(wp.discretization().problem()).size();
        double[] r = new double[11 + 2 * groups + ntkValues.length + unknowns.size() + fieldCols];
        FieldColumns.write(e, fieldCols, r);
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
        int base = wp.discretization().mlp().networkParams();
        for (int j = 0; j < unknowns.size(); j++) r[11 + 2 * groups + ntkValues.length + j] = unknowns.get(j).value(theta[base + j]);
        return r;
    }
}
