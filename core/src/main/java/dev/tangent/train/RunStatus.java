package dev.tangent.train;

/** How a run ended; {@link #label()} is the word summary.json, the sweep rows and the console show. */
public enum RunStatus {
    /** The step budget was used up. */
    COMPLETED("completed"),
    /** The training-time budget was used up. */
    TIME_BUDGET("time-budget"),
    /** The absolute RMS error reached the target. */
    TARGET_REACHED("target-reached"),
    /** A step made the loss, parameters or optimizer state non-finite; the last good state was kept. */
    DIVERGED("diverged"),
    /** The convergence check fired (a stateless method whose line search found no decrease). */
    CONVERGED("converged"),
    /** A stop was requested (SIGINT/SIGTERM); the run can be resumed. */
    INTERRUPTED("interrupted");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
