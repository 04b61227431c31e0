package dev.tangent.train;

import dev.tangent.pde.ErrorMetrics;

/**
 * When a run stops of its own accord: a step budget, a training-time budget (seconds of optimizer work, excluding
 * evaluation and I/O; 0 = none) and a target absolute RMS error (0 = none).
 */
public record Budget(long steps, double seconds, double targetError) {
    /** Steps when only a time budget is given: the time budget governs. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public Budget {
        if (steps < 1) throw new IllegalArgumentException("train.steps must be >= 1, got " + steps);
        if (seconds < 0 || Double.isNaN(seconds)) throw new IllegalArgumentException("train.time must be >= 0 seconds, got " + seconds);
        if (targetError < 0 || Double.isNaN(targetError)) throw new IllegalArgumentException("train.target_error must be >= 0, got " + targetError);
    }

    /** A step budget alone. */
    public static Budget steps(long steps) {
        return new Budget(steps, 0, 0);
    }

    public Budget withSeconds(double s) {
        return new Budget(steps, s, targetError);
    }

    public Budget withTargetError(double e) {
        return new Budget(steps, seconds, e);
    }

    /** Whether the training time so far has used up the time budget. */
    public boolean timeUp(double trainSeconds) {
        return seconds > 0 && trainSeconds >= seconds;
    }

    /** Whether these errors meet the target. */
    public boolean targetReached(ErrorMetrics errors) {
        return targetError > 0 && errors != null && errors.absoluteRms() <= targetError;
    }
}
