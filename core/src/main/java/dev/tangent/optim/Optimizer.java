package dev.tangent.optim;

import java.util.Map;

/** One optimizer; {@link #step} updates θ in place. State can be saved and restored for bit-identical resume. */
public interface Optimizer {
    String name();

    StepReport step(double[] theta, LeastSquaresProblem problem);

    /** Internal state (moments, history, counters) as named arrays; empty for stateless methods. */
    Map<String, double[]> state();

    void restore(Map<String, double[]> state);

    /** Called when the problem's points or weights change between steps; methods with cached evaluations drop them. */
    default void problemChanged() {}

    /**
     * Whether a step that found no decrease (η = 0) means the method cannot progress: a stateless method would
     * repeat the same step. Methods that adapt after a failed step (the adaptive cutoff) say so here.
     */
    default boolean stalled(StepReport last) {
        return last.eta() == 0 && state().isEmpty();
    }
}
