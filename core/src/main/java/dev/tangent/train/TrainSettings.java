package dev.tangent.train;

/**
 * Budgets and logging of a run, from the {@code train} config section.
 *
 * @param steps           step budget
 * @param seconds         wall-clock budget of training time (0 = none)
 * @param evalEvery       evaluate both error metrics every k steps
 * @param targetError     stop once the absolute RMS error is at or below this (0 = none)
 * @param checkpointEvery write a checkpoint every k steps (0 = only at the end)
 * @param resampleEvery   draw new collocation points every k steps (0 = never)
 */
public record TrainSettings(long steps, double seconds, int evalEvery, double targetError, int checkpointEvery,
                            int resampleEvery) {
    public TrainSettings {
        if (steps < 1) throw new IllegalArgumentException("train.steps must be >= 1, got " + steps);
        if (seconds < 0 || Double.isNaN(seconds)) throw new IllegalArgumentException("train.time must be >= 0 seconds, got " + seconds);
        if (evalEvery < 1) throw new IllegalArgumentException("train.eval_every must be >= 1, got " + evalEvery);
        if (targetError < 0 || Double.isNaN(targetError)) throw new IllegalArgumentException("train.target_error must be >= 0, got " + targetError);
        if (checkpointEvery < 0) throw new IllegalArgumentException("train.checkpoint_every must be >= 0, got " + checkpointEvery);
        if (resampleEvery < 0) throw new IllegalArgumentException("sampler.resample_every must be >= 0, got " + resampleEvery);
    }

    /** Steps when only a time budget is given: the time budget governs. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /**
     * Budgets from the config. Without {@code train.time} the problem's default budget applies; without
     * {@code train.steps} the step count is unlimited when a time budget is set (else 2000, or 100000 for Adam/GD).
     */
    public static TrainSettings from(Config c, double defaultSeconds) {
        boolean firstOrder = Optimizers.kind(c.string("optimizer.name", Optimizers.DEFAULT)).firstOrder();
        double seconds = c.number("train.time", defaultSeconds);
        long steps = c.integer("train.steps", seconds > 0 ? UNLIMITED : firstOrder ? 100000 : 2000);
        return new TrainSettings(steps, seconds, (int) c.integer("train.eval_every", firstOrder ? 100 : 10),
                c.number("train.target_error", 0), (int) c.integer("train.checkpoint_every", firstOrder ? 1000 : 100),
                (int) c.integer("sampler.resample_every", 0));
    }
}
