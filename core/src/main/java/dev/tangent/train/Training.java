package dev.tangent.train;

import dev.tangent.optim.Optimizer;
import dev.tangent.optim.StepReport;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.ErrorMetrics;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Unknown;
import dev.tangent.sampling.ResidualSampling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop over typed parts: optimizer steps on the weighted loss within a {@link Budget}, evaluation every
 * {@code evalEvery} steps, a {@link ConvergenceCheck}, divergence handling (back to the last finite state) and
 * {@link TrainingListener}s (progress, {@link RunRecorder}, NTK monitor). Time is training time: evaluation and I/O
 * are excluded. Built with {@link TrainingSetup}; {@link Trainer} builds one from a config.
 */
public final class Training {
    private final TrainingSetup setup;
    private final WeightedProblem wp;
    private final Optimizer opt;
    private final LossWeighting weighting;
    private final Budget budget;
    private final List<TrainingListener> listeners;

    Training(TrainingSetup setup, WeightedProblem wp, Optimizer opt, LossWeighting weighting, List<TrainingListener> listeners) {
        this.setup = setup;
        this.wp = wp;
        this.opt = opt;
        this.weighting = weighting;
        this.budget = setup.budget();
        this.listeners = List.copyOf(listeners);
    }

    public WeightedProblem problem() {
        return wp;
    }

    public Optimizer optimizer() {
        return opt;
    }

    /** Trains without files (metrics in memory only). */
    public Trainer.Result run() {
        return run(null, false);
    }

    /**
     * Trains, writing the run directory through {@code recorder} (null: no files); with {@code resume} it continues
     * from the recorder's checkpoint, or starts from step 0 when there is none.
     */
    public Trainer.Result run(RunRecorder recorder, boolean resume) {
        Discretization disc = wp.discretization();
        List<TrainingListener> all = new ArrayList<>(listeners);
        if (recorder != null) all.add(recorder); // last: it saves what the others put in the state
        MetricsColumns layout = new MetricsColumns(wp, all);
        MetricsTable metrics = new MetricsTable(layout.names());
        double[] theta = disc.mlp().initialize(setup.seed());
        List<Unknown> unknowns = disc.problem().unknowns(); // θ's trailing entries, after the network's
        for (int j = 0; j < unknowns.size(); j++) theta[disc.mlp().networkParams() + j] = unknowns.get(j).internal(unknowns.get(j).start());
        long step = 0;
        long trainNanos = 0;
        Checkpoint cp = resume && recorder != null ? recorder.lastCheckpoint() : null;
        if (cp != null) {
            restore(cp, theta, recorder);
            step = cp.step();
            trainNanos = cp.trainNanos();
            for (TrainingListener l : all) l.restore(cp.extra(), theta);
            int every = setup.resampleEvery();
            if (every > 0 && step >= every) resampleAll(step / every, theta, null);
            if (cp.extra().containsKey(ADAPTIVE_POINTS)) {
                disc.groups().get(0).usePoints(cp.extra().get(ADAPTIVE_POINTS));
                if (wp.causal() != null) wp.causal(wp.causal()); // bin the restored PDE rows again
            }
            recorder.resumeMetrics(metrics, step, setup.evalEvery());
        }
        Checkpoint[] good = {snapshot(step, trainNanos, theta)};
        TrainingListener.StepEvent start = event(step, theta, metrics, good[0], all);
        for (TrainingListener l : listeners) l.started(start, cp != null);
        if (cp == null) { // the step-0 row: the curves start at the initialisation
            double loss0 = wp.loss(theta, new double[wp.nRows()]);
            StepReport init = new StepReport(loss0, Double.NaN, -1, Double.NaN, Double.NaN, 0, 0, 0, 0, null);
            metrics.add(layout.row(new MetricsColumns.Logged(0, 0, init, disc.errors(theta), wp, theta)).values());
        }
        if (recorder != null) recorder.started(start, cp != null);

        RunStatus status = RunStatus.COMPLETED;
        String message = "";
        StepReport last = null;
        double[] lastSpectrum = null;
        ErrorMetrics errors = null;
        ConvergenceCheck convergence = setup.convergence(opt, weighting);
        while (step < budget.steps()) {
            if (all.stream().anyMatch(TrainingListener::stopRequested)) {
                status = RunStatus.INTERRUPTED;
                message = "interrupted at step " + step + (recorder != null ? "; continue with --resume " + recorder.dir() : "");
                break;
            }
            if (budget.timeUp(trainNanos / 1e9)) {
                status = RunStatus.TIME_BUDGET;
                break;
            }
            long t0 = System.nanoTime();
            if (setup.resampleEvery() > 0 && step > 0 && step % setup.resampleEvery() == 0) {
                resampleAll(step / setup.resampleEvery(), theta, setup.residual());
                opt.problemChanged();
            }
            if (weighting.update(theta, step)) opt.problemChanged();
            StepReport rep = step(theta);
            trainNanos += System.nanoTime() - t0;
            step++;
            Checkpoint now = Double.isFinite(rep.loss()) ? snapshot(step, trainNanos, theta) : null;
            if (now == null || !now.finite()) {
                // the step's parameters, weights or optimizer state are not finite: go back to the last good state
                restore(good[0], theta, recorder);
                step = good[0].step();
                status = RunStatus.DIVERGED;
                message = "training diverged at step " + (step + 1) + ": the loss, the parameters or the optimizer state became "
                        + (Double.isNaN(rep.loss()) ? "NaN" : "non-finite") + "; kept the last good state (step " + step + ")";
                break;
            }
            good[0] = now;
            last = rep;
            boolean converged = convergence.converged(rep);
            if (rep.singularValues() != null) lastSpectrum = rep.singularValues();
            if (step % setup.evalEvery() == 0 || step == budget.steps() || converged) {
                errors = disc.errors(theta);
                metrics.add(layout.row(new MetricsColumns.Logged(step, trainNanos, rep, errors, wp, theta)).values());
                Trainer.Progress p = new Trainer.Progress(step, budget.steps(), trainNanos / 1e9, budget.seconds(), rep.loss(), errors, rep, false);
                for (TrainingListener l : all) l.logged(p);
                if (budget.targetReached(errors)) {
                    status = RunStatus.TARGET_REACHED;
                    break;
                }
            }
            if (converged) {
                // a stateless method that found no decrease would repeat the same step forever
                status = RunStatus.CONVERGED;
                message = "converged: the line search found no decrease at step " + step + " (loss " + rep.loss() + ")";
                break;
            }
            TrainingListener.StepEvent e = event(step, theta, metrics, good[0], all);
            for (TrainingListener l : all) l.stepped(e);
        }
        // final evaluation at the last good parameters
        double finalLoss = wp.loss(theta, new double[wp.nRows()]);
        errors = disc.errors(theta);
        if (metrics.rows().isEmpty() || metrics.rows().get(metrics.rows().size() - 1)[0] != step) {
            StepReport rep = last != null ? last : new StepReport(finalLoss, Double.NaN, -1, Double.NaN, Double.NaN, 0, 0, 0, 0, null);
            StepReport fin = new StepReport(finalLoss, rep.eta(), rep.rank(), rep.sigmaMax(), rep.sigmaMinKept(), 0, 0, 0, 0, null,
                    rep.damping(), rep.ratio());
            metrics.add(layout.row(new MetricsColumns.Logged(step, trainNanos, fin, errors, wp, theta)).values());
        }
        Trainer.Progress fin = new Trainer.Progress(step, budget.steps(), trainNanos / 1e9, budget.seconds(), finalLoss, errors, last, true);
        for (TrainingListener l : all) l.logged(fin);
        Checkpoint kept = status == RunStatus.DIVERGED ? good[0] : snapshot(step, trainNanos, theta);
        TrainingListener.StepEvent end = event(step, theta, metrics, kept, all);
        for (TrainingListener l : all) l.finished(end);
        double reported = metrics.rows().get(metrics.rows().size() - 1)[metrics.column("loss")]; // = metrics.csv's last row
        if (status == RunStatus.COMPLETED && step < budget.steps()) status = RunStatus.TIME_BUDGET;
        if (message.isEmpty()) message = switch (status) {
            case TIME_BUDGET -> "stopped at the time budget of " + budget.seconds() + " s";
            case TARGET_REACHED -> "reached the target absolute RMS error " + budget.targetError();
            default -> "completed " + step + " steps";
        };
        if (wp.causal() != null && wp.causal().marching() && wp.causal().minimum() < 1) {
            message += "; time-marching had not yet opened every time window (raise time_marching.tolerance or the budget)";
        }
        return new Trainer.Result(status, message, step, trainNanos / 1e9, reported, errors, recorder == null ? null : recorder.dir(),
                theta, lastSpectrum, metrics, disc, weighting.seconds());
    }

    /**
     * One optimizer step. A solver that refuses a NaN input (LAPACK reports an invalid argument) is a divergence, not
     * a failure: the step reports a NaN loss when the loss at θ is not finite.
     */
    private StepReport step(double[] theta) {
        try {
            return opt.step(theta, wp);
        } catch (RuntimeException e) {
            if (Double.isFinite(wp.loss(theta, new double[wp.nRows()]))) throw e;
            return new StepReport(Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, 0, 0, 0, 0, null);
        }
    }

    /** Checkpoint key of the PDE points chosen by the residual rule: they depend on θ, so a resume cannot redraw them. */
    private static final String ADAPTIVE_POINTS = "points.pde";

    /** The state after a step, without the listeners' state (added when written). */
    private Checkpoint snapshot(long step, long nanos, double[] theta) {
        Map<String, double[]> extra = weighting.state();
        if (setup.residual() != null) {
            extra = new LinkedHashMap<>(extra);
            extra.put(ADAPTIVE_POINTS, wp.discretization().groups().get(0).points().clone());
        }
        return new Checkpoint(step, nanos, theta.clone(), wp.weights().clone(), opt.state(), extra);
    }

    /** A step boundary whose checkpoint adds every listener's state to {@code cp} when asked for. */
    private static TrainingListener.StepEvent event(long step, double[] theta, MetricsTable metrics, Checkpoint cp,
                                                    List<TrainingListener> all) {
        return new TrainingListener.StepEvent(step, theta, metrics, () -> {
            Map<String, double[]> extra = new LinkedHashMap<>(cp.extra());
            for (TrainingListener l : all) extra.putAll(l.state());
            return new Checkpoint(cp.step(), cp.trainNanos(), cp.theta(), cp.weights(), cp.optimizerState(), extra);
        });
    }

    /** Puts a checkpoint's parameters, weights and optimizer state back; a mismatch is an error naming the file. */
    private void restore(Checkpoint cp, double[] theta, RunRecorder recorder) {
        Object file = recorder != null ? recorder.checkpointFile() : "in memory";
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
    private void resampleAll(long round, double[] theta, ResidualSampling rad) {
        int g = 0;
        for (LossGroup grp : wp.discretization().groups()) {
            long s = setup.seed() + 7777L * round + 1000003L * g;
            if (g++ == 0 && rad != null) grp.resampleByResidual(theta, rad, setup.candidates(), s);
            else grp.resample(s);
        }
        if (wp.causal() != null) wp.causal(wp.causal()); // the PDE rows moved: bin them again
    }
}
