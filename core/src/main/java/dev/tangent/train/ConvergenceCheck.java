package dev.tangent.train;

import dev.tangent.optim.StepReport;

/** Whether training has converged after a step (checked after every step; true ends the run as converged). */
@FunctionalInterface
public interface ConvergenceCheck {
    boolean converged(StepReport last);

    /** Never converged: the budget alone ends the run. */
    static ConvergenceCheck never() {
        return last -> false;
    }
}
