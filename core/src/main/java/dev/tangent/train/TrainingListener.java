package dev.tangent.train;

import java.util.List;
import java.util.Map;

/**
 * Watches a training run: progress display, metrics recorder, checkpointer, NTK monitor. Every method has a
 * default that does nothing, so a listener implements only what it needs. A listener may add metrics columns
 * ({@link #columns}, measured at every logged step) and checkpoint state ({@link #state}, given back on resume).
 */
public interface TrainingListener {
    /** Before the first step of this session (after {@link #restore} when resumed); the event's θ is not modified. */
    default void started(StepEvent start, boolean resumed) {}

    /** After each accepted step; {@link StepEvent#checkpoint} gives the state to save. */
    default void stepped(StepEvent event) {}

    /** After each logged (evaluated) step, and once with {@code last} set after the final evaluation. */
    default void logged(Trainer.Progress progress) {}

    /** Polled before every step: true stops the run at this step boundary with status {@link RunStatus#INTERRUPTED}. */
    default boolean stopRequested() {
        return false;
    }

    /** Once at the end, with the final metrics and the state to keep (the last good one after a divergence). */
    default void finished(StepEvent last) {}

    /** Metrics columns this listener adds (after the standard ones). */
    default List<String> columns() {
        return List.of();
    }

    /** Values of {@link #columns} at θ (not modified) and this step; NaN where not measured. */
    default double[] measure(double[] theta, long step) {
        return new double[0];
    }

    /** State to store in the checkpoint (names must not clash with other listeners'). */
    default Map<String, double[]> state() {
        return Map.of();
    }

    /** Called on resume with the checkpoint's extra state. */
    default void restore(Map<String, double[]> extra, double[] theta) {}

    /**
     * A step boundary: the step count, θ (not to be modified), the metrics so far and the run's state there.
     *
     * @param metrics every row so far (not to be modified)
     */
    record StepEvent(long step, double[] theta, MetricsTable metrics, java.util.function.Supplier<Checkpoint> checkpoint) {}
}
