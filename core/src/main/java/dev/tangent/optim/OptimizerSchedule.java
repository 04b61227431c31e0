package dev.tangent.optim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimizers run one after another in one run: phase k takes {@code steps} steps, the last phase takes the rest.
 * The usual use is a warm start, a short first-order phase (Adam or L-BFGS) that moves the network out of its
 * random initialisation before the second-order method takes over. A phase also ends early when its method
 * stalls (a failed step it cannot recover from). Phase boundaries count steps, never seconds, so a seed gives the
 * same run on every machine, and the phase index is part of the state, so a resumed run continues in its phase.
 */
public final class OptimizerSchedule implements Optimizer {
    /** One phase: a method and its step count ({@code Long.MAX_VALUE} for the last, open-ended phase). */
    public record Phase(Optimizer optimizer, long steps) {
        public Phase {
            if (optimizer == null) throw new IllegalArgumentException("a schedule phase needs an optimizer");
            if (steps < 1) throw new IllegalArgumentException("a schedule phase needs steps >= 1, got " + steps);
        }
    }

    private static final String COUNTERS = "schedule";
    private final List<Phase> phases;
    private int current;
    private long stepsInPhase;

    public OptimizerSchedule(List<Phase> phases) {
        if (phases.size() < 2) throw new IllegalArgumentException("a schedule needs at least two phases, got " + phases.size());
        this.phases = List.copyOf(phases);
    }

    /** A warm start: {@code first} for {@code steps} steps, then {@code then} to the end. */
    public static OptimizerSchedule warmStart(Optimizer first, long steps, Optimizer then) {
        return new OptimizerSchedule(List.of(new Phase(first, steps), new Phase(then, Long.MAX_VALUE)));
    }

    @Override
    public String name() {
        StringBuilder b = new StringBuilder();
        for (Phase p : phases) b.append(b.length() == 0 ? "" : "→").append(p.optimizer().name());
        return b.toString();
    }

    /** The phase the next step runs in (0-based). */
    public int phase() {
        return current;
    }

    public Optimizer currentOptimizer() {
        return phases.get(current).optimizer();
    }

    @Override
    public StepReport step(double[] theta, LeastSquaresProblem problem) {
        if (stepsInPhase >= phases.get(current).steps() && current < phases.size() - 1) advance();
        StepReport r = currentOptimizer().step(theta, problem);
        stepsInPhase++;
        return r;
    }

    private void advance() {
        current++;
        stepsInPhase = 0;
        currentOptimizer().problemChanged(); // the new method may hold evaluations from before its phase
    }

    /** A stall ends a phase early; only a stall in the last phase stalls the schedule. */
    @Override
    public boolean stalled(StepReport last) {
        if (!currentOptimizer().stalled(last)) return false;
        if (current == phases.size() - 1) return true;
        advance();
        return false;
    }

    @Override
    public void problemChanged() {
        currentOptimizer().problemChanged();
    }

    /**
     * The state of each phase that has started, under the prefix "k.", plus the schedule's own counters. Phases
     * not yet started have no state (a method that has not run may hold placeholders such as an unset damping).
     */
    @Override
    public Map<String, double[]> state() {
        Map<String, double[]> s = new HashMap<>();
        s.put(COUNTERS, new double[] {current, stepsInPhase});
        for (int k = 0; k <= current; k++) {
            for (Map.Entry<String, double[]> e : phases.get(k).optimizer().state().entrySet()) s.put(k + "." + e.getKey(), e.getValue());
        }
        return s;
    }

    @Override
    public void restore(Map<String, double[]> state) {
        double[] c = state.get(COUNTERS);
        if (c == null || c.length != 2 || c[0] < 0 || c[0] >= phases.size()) {
            throw new IllegalArgumentException("checkpoint has no valid optimizer schedule state for " + name());
        }
        current = (int) c[0];
        stepsInPhase = (long) c[1];
        for (int k = 0; k <= current; k++) {
            Map<String, double[]> mine = new HashMap<>();
            String prefix = k + ".";
            for (Map.Entry<String, double[]> e : state.entrySet()) {
                if (e.getKey().startsWith(prefix)) mine.put(e.getKey().substring(prefix.length()), e.getValue());
            }
            phases.get(k).optimizer().restore(mine);
        }
    }
}
