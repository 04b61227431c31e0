package dev.tangent.train;

import dev.tangent.Limits;
import dev.tangent.nn.Mlp;
import dev.tangent.optim.StepReport;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.ErrorMetrics;
import java.nio.file.Path;

/**
 * Training from a config: builds the problem, net, discretization, optimizer, weights, NTK monitor and budget
 * from the keys, then runs {@link Training} with a {@link RunRecorder} on the run directory. Java code that builds
 * its problem itself uses {@link TrainingSetup} directly.
 */
public final class Trainer {
    /** A progress display: called after every logged step (a functional form of {@link TrainingListener}). */
    public interface Listener extends TrainingListener {
        @Override
        void logged(Progress p);
    }

    /**
     * One logged step, for the progress display.
     *
     * @param step       steps taken so far
     * @param maxSteps   the step budget ({@link Budget#UNLIMITED} when only time binds)
     * @param seconds    training seconds so far
     * @param maxSeconds the training-time budget in seconds (0 = none)
     * @param loss       the weighted loss
     * @param errors     errors on the test grid, or null without a reference
     * @param report     the optimizer's report of the step (null before the first step)
     * @param last       true once, for the final state of the run
     */
    public record Progress(long step, long maxSteps, double seconds, double maxSeconds, double loss, ErrorMetrics errors,
                           StepReport report, boolean last) {}

    /** The outcome of a run; {@code errors} is null when the problem has no reference, {@code runDir} without files. */
    public record Result(RunStatus status, String message, long steps, double seconds, double loss, ErrorMetrics errors,
                         Path runDir, double[] theta, double[] lastSpectrum, MetricsTable metrics, Discretization discretization,
                         double weightSeconds) {}

    /** metrics.csv column prefix of an unknown coefficient's value. */
    public static final String UNKNOWN_COLUMN = "unknown_";

    private Trainer() {}

    /**
     * Runs (or resumes, when resume is set) the configured training. A fresh run writes a checkpoint at step 0, so a
     * run killed at any moment after that can be resumed; resuming a run directory without a checkpoint starts it
     * from step 0. On divergence the checkpoint holds the last finite state: parameters, weights and every
     * optimizer state array.
     */
    public static Result run(Config config, Path runDir, boolean resume, TrainingListener listener) {
        RunSpec spec = RunSpec.from(config); // first: the preset fills keys that config.yaml then records
        return run(spec, config.toYaml(), runDir, resume, listener);
    }

    /** Runs a spec; {@code configYaml} (may be null) is written to the run directory's config.yaml. */
    public static Result run(RunSpec spec, String configYaml, Path runDir, boolean resume, TrainingListener listener) {
        Mlp mlp = spec.network();
        RunSpec.Sampling s = spec.sampling();
        Discretization disc = spec.discretization(mlp);
        Limits.CELLS.check(Limits.product(disc.rows(), mlp.nParams()), disc.rows() + " residual rows × " + mlp.nParams() + " parameters");
        TrainSettings ts = spec.budget();
        TrainingSetup setup = TrainingSetup.of(disc).seed(spec.seed()).optimizer(spec.optimizer().create())
                .budget(ts.budget()).evalEvery(ts.evalEvery())
                .resampleEvery(s.resampleEvery()).residualSampling(s.residual(), s.candidates()).weighting(wp -> LossWeighting.of(spec.weighting(), wp, spec.seed()))
                .listener(listener).listener(NtkMonitor.of(spec.monitoring(), disc));
        if (spec.causal() != null) setup.causal(spec.causal().create());
        return setup.build().run(new RunRecorder(runDir, ts.checkpointEvery(), configYaml), resume);
    }
}
